import type { EncodedCommand, RedisArg } from '../resp/types.js';
import type { CommandObserver } from './command-observer.js';

export type ReplyTransform<T = unknown> = (reply: any) => T;

/** Life cycle of a command on a connection. */
export const enum CommandState {
  /** Queued, not written to any socket yet: always safe to send later. */
  Queued = 0,
  /** Written to the socket, waiting for its reply. */
  Written = 1,
  /** Resolved, rejected or timed out. A timed-out command still owns its slot in the reply order. */
  Settled = 2,
}

/**
 * One command: its name and arguments, the wire encoding (built once, when it is created, so bad input fails
 * before anything is sent), how to shape its reply, and the promise the caller awaits.
 */
export class Command<T = unknown> {
  readonly promise: Promise<T>;
  state: CommandState = CommandState.Queued;
  /** Epoch ms after which the command times out; 0 = never. */
  deadline = 0;
  /** How many times it was re-sent after a connection loss (read-only commands only). */
  retries = 0;
  /** How many times the server answered -LOADING and it was held to be sent again. */
  loadingWaits = 0;
  /** How many times it was sent again because reconnectOnError answered 2. */
  errorResends = 0;
  /**
   * false: never re-sent after a connection loss even when read-only (commands inside MULTI, blocking
   * calls with side effects); true: always safe to re-send. undefined: decided from the command table.
   */
  retryable: boolean | undefined = undefined;
  /**
   * Told about LOADING waits and re-sends (telemetry). Declared, not initialised: only an observed call's
   * command gets one, so the others are built exactly as before.
   */
  declare observer: CommandObserver | undefined;
  /** Runs once when the command settles (stops a per-call cancellation watcher). */
  afterSettle: (() => void) | undefined = undefined;
  private resolveFn!: (value: T) => void;
  private rejectFn!: (error: unknown) => void;

  constructor(
    readonly name: string,
    readonly args: readonly RedisArg[],
    readonly encoded: EncodedCommand,
    readonly returnBuffers: boolean,
    readonly transform: ReplyTransform<T> | undefined,
  ) {
    this.promise = this.createPromise();
  }

  /** The promise the caller awaits. A subclass that settles somewhere else (a batch handle) returns a shared one. */
  protected createPromise(): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.resolveFn = resolve;
      this.rejectFn = reject;
    });
  }

  resolve(reply: unknown): void {
    if (this.state === CommandState.Settled) return;
    this.markSettled();
    if (this.transform === undefined) {
      this.resolveFn(reply as T);
      return;
    }
    let value: T;
    try {
      value = this.transform(reply);
    } catch (error) {
      this.rejectFn(error);
      return;
    }
    this.resolveFn(value);
  }

  reject(error: unknown): void {
    if (this.state === CommandState.Settled) return;
    this.markSettled();
    this.rejectFn(error);
  }

  /** Every way of settling goes through here (subclasses too). */
  protected markSettled(): void {
    this.state = CommandState.Settled;
    const after = this.afterSettle;
    if (after === undefined) return;
    this.afterSettle = undefined;
    after();
  }
}
