// How the instrumentation proxy treats each property of a client, decided once per property name.
import { commandSpecs } from '../commands/index.js';

/**
 * - `send`: `sendCommand`, the single path of every command: observed (one span per call)
 * - `command`: a typed command method (`get`, `getBuffer` …): names the `method` label, then runs as is
 * - `batch`: `pipeline()` / `multi()`: the returned batch's `exec()` is observed as one call
 * - `watch` / `transaction`: the Transaction they lend is instrumented like the client
 * - `pubsub`: the Subscriber it returns has its (un)subscribe calls observed
 * - `pass`: everything else, untouched
 */
export type MethodKind = 'send' | 'command' | 'batch' | 'watch' | 'transaction' | 'pubsub' | 'pass';

const SPECIAL: Record<string, MethodKind> = {
  sendCommand: 'send',
  pipeline: 'batch',
  multi: 'batch',
  watch: 'watch',
  transaction: 'transaction',
  pubsub: 'pubsub',
};

const kinds = new Map<string, MethodKind>();
for (const [method, spec] of Object.entries(commandSpecs)) {
  kinds.set(method, 'command');
  if (spec.hasBufferVariant) kinds.set(`${method}Buffer`, 'command');
}
for (const [method, kind] of Object.entries(SPECIAL)) kinds.set(method, kind);

export function methodKind(property: string): MethodKind {
  return kinds.get(property) ?? 'pass';
}

const lowerNames = new Map<string, string>();

/** The `method` label of a command sent through `call()` or internally: its lower-cased name (cached). */
export function defaultMethodLabel(command: string): string {
  let lower = lowerNames.get(command);
  if (lower === undefined) {
    lower = command.toLowerCase();
    if (lowerNames.size < 4096) lowerNames.set(command, lower);
  }
  return lower;
}
