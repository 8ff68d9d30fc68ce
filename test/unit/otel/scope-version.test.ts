// The instrumentation scope version (otel_scope_version, the tracer and meter version) is package.json's.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCOPE_NAME, SCOPE_VERSION } from '../../../src/otel/scope.js';

describe('instrumentation scope', () => {
  it('name and version are the package name and version', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { name: string; version: string };
    expect([SCOPE_NAME, SCOPE_VERSION]).toEqual([pkg.name, pkg.version]);
  });
});
