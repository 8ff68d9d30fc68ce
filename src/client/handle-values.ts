// `batch.exec(h1, h2 …)`: runs the whole batch and resolves to the values of the given handles, typed as a
// tuple. Queued calls return Deferred handles (not the batch), so a batch's own type cannot grow call by call;
// the handles passed to exec() carry the reply types instead. One rule for every batch (single server, cluster).
import { ArgumentError } from '../errors.js';
import { Deferred } from './batch-deferred.js';

/** The reply types of a tuple of handles: `[Deferred<string | null>, Deferred<number>]` → `[string | null, number]`. */
// `Deferred<any>`: a Deferred<number> is not a Deferred<unknown> (its private settle callbacks take a T).
export type HandleValues<H extends readonly Deferred<any>[]> = { -readonly [I in keyof H]: H[I] extends Deferred<infer T> ? T : never };

/**
 * Runs `execAll` (the batch's own exec(), which rejects as usual when any command failed) and then reads the
 * given handles' values. A handle that was not queued on this batch is an ArgumentError before anything is sent
 * (a handle refused at queue time may be missing from the list, but exec() then fails with its error anyway).
 */
export function execForHandles(
  queued: readonly { readonly handle: Deferred<unknown> }[],
  handles: readonly Deferred<unknown>[],
  execAll: () => Promise<unknown[]>,
): Promise<unknown[]> {
  const own = new Set(queued.map((entry) => entry.handle));
  const foreign = handles.findIndex((handle) => !(handle instanceof Deferred) || (!own.has(handle) && handle.status !== 'rejected'));
  if (foreign >= 0) {
    const what = handles[foreign] instanceof Deferred ? 'was not queued on this batch' : 'is not a handle (Deferred) of a queued command';
    return Promise.reject(new ArgumentError(`exec: argument ${foreign + 1} ${what}`));
  }
  return execAll().then(() => handles.map((handle) => handle.result));
}
