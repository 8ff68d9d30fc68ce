// A caller of sendCommand (or of a batch's queueCommand) that handles one server error itself (a registered
// script re-sends itself as EVAL on NOSCRIPT) says so here, so telemetry does not report that attempt as a
// failure of the caller's call. Keyed by the args array of the one send: the mark is read (and dropped) when
// that attempt fails.
import type { RedisArg } from './resp/types.js';

const handled = new WeakMap<readonly RedisArg[], string>();

/** The send made with `args` retries itself when the server replies with error `code`. */
export function markHandledError(args: readonly RedisArg[], code: string): void {
  handled.set(args, code);
}

/** A batch queued `args` as `copy` (with the key prefix): the mark goes with it. */
export function carryHandledError(args: readonly RedisArg[], copy: readonly RedisArg[]): void {
  const code = handled.get(args);
  if (code !== undefined) handled.set(copy, code);
}

/** The code the send made with `args` handles itself (once: the mark is dropped), if any. */
export function takeHandledError(args: readonly RedisArg[]): string | undefined {
  const code = handled.get(args);
  if (code !== undefined) handled.delete(args);
  return code;
}
