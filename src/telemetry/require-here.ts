// A require() that resolves from this package's own location, in the ESM and the CommonJS build alike:
// optional peers (the trace SDK of the application's line) are looked up when startTelemetry() runs.
import { createRequire } from 'node:module';

// @ts-ignore -- import.meta is ESM-only: scripts/build.mjs rewrites it to __filename in the CommonJS build.
export const requireHere: NodeJS.Require = createRequire(import.meta.url);

/** The module, or undefined when it is not installed. */
export function requireOptional<T>(specifier: string, from: NodeJS.Require = requireHere): T | undefined {
  try {
    return from(specifier) as T;
  } catch (error) {
    if ((error as { code?: unknown }).code === 'MODULE_NOT_FOUND') return undefined;
    throw error;
  }
}
