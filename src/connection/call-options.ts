// Per-call options (`r.withOptions({ signal, timeout })`): validation, and the one watcher that turns an
// aborted signal or an expired per-call timeout into a cancellation.
import { ArgumentError, CommandAbortedError, CommandTimeoutError } from '../errors.js';

export interface CallOptions {
  /** Cancels the call: a queued command is removed unsent; a written one rejects at once (its reply is still consumed). */
  signal?: AbortSignal;
  /** ms from the call until its reply; replaces `commandTimeout` for this call. 0 = no limit. */
  timeout?: number;
}

/** Checks per-call options once, when the view is made, so a bad value fails before anything is sent. */
export function checkCallOptions(options: unknown): CallOptions {
  if (typeof options !== 'object' || options === null) throw new ArgumentError('withOptions: options must be an object { signal?, timeout? }');
  const { signal, timeout, ...rest } = options as Record<string, unknown>;
  const unknown = Object.keys(rest);
  if (unknown.length > 0) throw new ArgumentError(`withOptions: unknown option '${unknown[0]}' (known: signal, timeout)`);
  if (signal !== undefined && !isAbortSignal(signal)) throw new ArgumentError('withOptions: signal must be an AbortSignal');
  if (timeout !== undefined && (typeof timeout !== 'number' || !Number.isFinite(timeout) || timeout < 0)) {
    throw new ArgumentError('withOptions: timeout must be a non-negative finite number of ms');
  }
  const checked: CallOptions = {};
  if (signal !== undefined) checked.signal = signal as AbortSignal;
  if (timeout !== undefined && timeout > 0) checked.timeout = timeout as number;
  return checked;
}

function isAbortSignal(value: unknown): boolean {
  return typeof value === 'object' && value !== null && typeof (value as AbortSignal).aborted === 'boolean' && typeof (value as AbortSignal).addEventListener === 'function';
}

/** Builds the error a cancelled command rejects with, given its name and whether it was already written. */
export type CancelError = (command: string, sent: boolean) => Error;

/** Whether the options ask for anything (an empty view costs nothing per call). */
export function hasCallOptions(options: CallOptions | undefined): options is CallOptions {
  return options !== undefined && (options.signal !== undefined || options.timeout !== undefined);
}

/**
 * Calls `cancel` when the signal aborts or the timeout expires (whichever comes first, once; at once when the
 * signal is already aborted). Returns the function that stops watching: call it when the call settles.
 */
export function watchCall(options: CallOptions, cancel: (error: CancelError) => void): () => void {
  const { signal, timeout } = options;
  let done = false;
  let timer: NodeJS.Timeout | undefined;
  const onAbort = (): void => fire((command, sent) => new CommandAbortedError(command, signal?.reason, sent));
  const stop = (): void => {
    if (done) return;
    done = true;
    if (timer !== undefined) clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  };
  function fire(error: CancelError): void {
    if (done) return;
    stop();
    cancel(error);
  }
  if (signal?.aborted === true) {
    onAbort();
    return stop;
  }
  signal?.addEventListener('abort', onAbort, { once: true });
  if (timeout !== undefined && timeout > 0) timer = setTimeout(() => fire((command) => new CommandTimeoutError(command, timeout)), timeout);
  return stop;
}

/**
 * The options for one attempt of a call that may send again (a redirected cluster MULTI, a retried blocking
 * command or WATCH transaction), started at `startedAt`: the timeout is what is left of the call's, so
 * retries never extend it. Throws instead when the signal has aborted or no time is left: nothing more is sent.
 */
export function optionsForAttempt(options: CallOptions | undefined, startedAt: number, command: string): CallOptions | undefined {
  if (options === undefined) return undefined;
  const signal = options.signal;
  if (signal?.aborted === true) throw new CommandAbortedError(command, signal.reason, false);
  if (options.timeout === undefined) return options;
  const left = options.timeout - (Date.now() - startedAt);
  if (left <= 0) throw new CommandTimeoutError(command, options.timeout);
  return { ...options, timeout: left };
}

/** Whether `error` is the cancellation the call's own options asked for (never retried, never rerouted). */
export function isCancellation(error: unknown, options: CallOptions | undefined): boolean {
  if (options === undefined) return false;
  return error instanceof CommandAbortedError || (options.timeout !== undefined && error instanceof CommandTimeoutError);
}

/**
 * A retry loop's back-off pause; ends early when the call's signal aborts, or (given when the call started)
 * when its timeout runs out, so the loop stops without waiting out the back-off.
 */
export function pauseUnlessAborted(ms: number, options: CallOptions | undefined, startedAt?: number): Promise<void> {
  const signal = options?.signal;
  if (options?.timeout !== undefined && startedAt !== undefined) ms = Math.max(0, Math.min(ms, options.timeout - (Date.now() - startedAt)));
  return new Promise((resolve) => {
    if (signal?.aborted === true) {
      resolve();
      return;
    }
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

