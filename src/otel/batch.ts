// Pipelines and MULTI batches: exec() is the network call, so it is one span (PIPELINE / MULTI) with one
// event per queued command, and one count in the metrics under method `pipeline` / `multi`.
import type { CommandObserver } from '../cluster/cluster-command.js';
import type { RedisArg } from '../resp/types.js';
import type { InstrumentationState } from './instrument-client.js';
import { batchOperationName } from './batch-naming.js';
import { Observation } from './observation.js';
import { isObserved } from './options.js';
import { currentInstruments, currentTracer } from './providers.js';

/** What the instrumentation needs of a batch (Pipeline and Multi have it). */
export interface ObservableBatch {
  readonly kind: 'pipeline' | 'multi';
  readonly length: number;
  readonly isExecuted: boolean;
  readonly commands: ReadonlyArray<{ readonly name: string; readonly args: readonly RedisArg[] }>;
  exec(...handles: unknown[]): Promise<unknown[]>;
  /** Cluster batches: told where their commands went, and about redirects and retries. */
  observer?: CommandObserver | undefined;
}

const NO_ARGS: readonly RedisArg[] = [];
/** One observed exec per client state, shared by all its batches (no closure per batch). */
const execFunctions = new WeakMap<InstrumentationState, (this: ObservableBatch, ...handles: unknown[]) => Promise<unknown[]>>();

/** Makes `batch.exec()` observed. Returns the same batch. */
export function instrumentBatch<B extends ObservableBatch>(batch: B, state: InstrumentationState): B {
  let exec = execFunctions.get(state);
  if (exec === undefined) {
    exec = observedExec(state);
    execFunctions.set(state, exec);
  }
  Object.defineProperty(batch, 'exec', { value: exec, writable: true, configurable: true, enumerable: false });
  return batch;
}

function observedExec(state: InstrumentationState): (this: ObservableBatch, ...handles: unknown[]) => Promise<unknown[]> {
  const { options, endpoint } = state;
  return function (this: ObservableBatch, ...handles: unknown[]) {
    // The class's own exec (Pipeline's, or Multi's override), found past the instance property set above.
    const exec = (Object.getPrototypeOf(this) as ObservableBatch).exec;
    // exec(h1, h2 …) checks its handles, then calls this (observed) exec() for the whole batch: one span, all replies.
    if (handles.length > 0) return exec.apply(this, handles);
    const kind = this.kind === 'multi' ? 'MULTI' : 'PIPELINE';
    // Nothing goes on the wire for an empty or already executed batch.
    if (this.isExecuted || this.length === 0 || !isObserved(options, kind)) return exec.call(this);
    const tracer = currentTracer(options);
    const instruments = currentInstruments(options);
    if (tracer === undefined && instruments === undefined) return exec.call(this);
    const command = batchOperationName(kind, this.commands);
    const observation = Observation.start(options, tracer, instruments, endpoint, this.kind, command, NO_ARGS, this.commands);
    let promise: Promise<unknown[]>;
    try {
      if ('observer' in this) this.observer = observation;
      promise = exec.call(this);
    } catch (error) {
      observation.fail(error);
      throw error;
    }
    promise.then(
      (replies) => observation.succeed(replies),
      (error: unknown) => observation.fail(error),
    );
    return promise;
  };
}
