import { RedisError } from '../errors.js';

const ignore = (): void => undefined;

export type DeferredStatus = 'pending' | 'fulfilled' | 'rejected';

/**
 * The result of a command queued on a pipeline or MULTI batch: settles when the batch executes (the redpipe
 * "deferred result"). `await handle` works (it is PromiseLike), and so does reading `handle.result` after
 * `exec()`. A failed handle that nobody awaits never becomes an unhandled rejection: `exec()` reports it.
 */
export class Deferred<T = unknown> implements PromiseLike<T> {
  /** A real promise of the result, for APIs that need one (`Promise.all`, `.finally` …). */
  readonly promise: Promise<T>;
  private state: DeferredStatus = 'pending';
  private value: T | undefined;
  private error: unknown;
  private resolveFn!: (value: T) => void;
  private rejectFn!: (error: unknown) => void;

  constructor() {
    this.promise = new Promise<T>((resolve, reject) => {
      this.resolveFn = resolve;
      this.rejectFn = reject;
    });
    // Marks the promise handled; awaiting the handle (or exec()) still sees the rejection.
    this.promise.catch(ignore);
  }

  /** A handle that has already failed (bad arguments, batch already executed). */
  static rejected<T>(error: unknown): Deferred<T> {
    const handle = new Deferred<T>();
    handle.reject(error);
    return handle;
  }

  get status(): DeferredStatus {
    return this.state;
  }

  /** The value once the batch has run. Throws the command's error if it failed, or if it has not run yet. */
  get result(): T {
    if (this.state === 'fulfilled') return this.value as T;
    if (this.state === 'rejected') throw this.error;
    throw new RedisError('The batch holding this command has not been executed yet: call exec() first', 'EBATCHPENDING');
  }

  then<R1 = T, R2 = never>(
    onFulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onRejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.promise.then(onFulfilled, onRejected);
  }

  catch<R = never>(onRejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<T | R> {
    return this.promise.catch(onRejected);
  }

  finally(onFinally?: (() => void) | null): Promise<T> {
    return this.promise.finally(onFinally);
  }

  /** @internal Settles the handle; later calls are ignored. */
  resolve(value: T): void {
    if (this.state !== 'pending') return;
    this.state = 'fulfilled';
    this.value = value;
    this.resolveFn(value);
  }

  /** @internal Fails the handle; later calls are ignored. */
  reject(error: unknown): void {
    if (this.state !== 'pending') return;
    this.state = 'rejected';
    this.error = error;
    this.rejectFn(error);
  }

  get [Symbol.toStringTag](): string {
    return 'Deferred';
  }
}
