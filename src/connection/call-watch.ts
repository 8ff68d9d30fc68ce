// One watcher shared by the commands of one call that settle each on its own path (a cluster pipeline's
// commands routed to their nodes, a fan-out's copies): Node warns past 10 listeners on one AbortSignal.
import { watchCall, type CallOptions, type CancelError } from './call-options.js';

/** One listener on the signal and one timer for every command of one call. */
export class CallWatchGroup {
  private readonly cancels = new Set<(error: CancelError) => void>();
  private fired: CancelError | undefined = undefined;
  private readonly stopWatching: () => void;

  constructor(readonly options: CallOptions) {
    this.stopWatching = watchCall(options, (error) => {
      this.fired = error;
      const cancels = [...this.cancels];
      this.cancels.clear();
      for (const cancel of cancels) cancel(error);
    });
  }

  /** watchCall for one command of the call: `cancel` runs when the call is cancelled. Returns the stop function. */
  watch(cancel: (error: CancelError) => void): () => void {
    const fired = this.fired;
    if (fired !== undefined) {
      cancel(fired);
      return () => undefined;
    }
    this.cancels.add(cancel);
    return () => {
      this.cancels.delete(cancel);
    };
  }

  /** The call settled: stops watching. */
  close(): void {
    this.stopWatching();
    this.cancels.clear();
  }
}

/** Per-call options as a call site passes them on: the options, or the group watching them for the whole call. */
export type CallWatch = CallOptions | CallWatchGroup;

/** The options behind a CallWatch. */
export function optionsOf(watch: CallWatch): CallOptions {
  return watch instanceof CallWatchGroup ? watch.options : watch;
}

/** watchCall for one command or batch of a call: its own watcher, or its share of the call's group. */
export function watchWith(watch: CallWatch, cancel: (error: CancelError) => void): () => void {
  return watch instanceof CallWatchGroup ? watch.watch(cancel) : watchCall(watch, cancel);
}

/** The group to send a call's commands under: `watch` itself when it is one, a new one for options, else undefined. */
export function groupFor(watch: CallWatch | undefined): CallWatchGroup | undefined {
  if (watch === undefined || watch instanceof CallWatchGroup) return watch;
  return watch.signal !== undefined || watch.timeout !== undefined ? new CallWatchGroup(watch) : undefined;
}
