import { RedisError } from '../errors.js';

const ignore = (): void => undefined;

export type DeferredStatus = 'pending' | 'fulfilled' | 'rejected';

/**
 * The result of a command queued on a pipeline or MULTI batch: settles when the batch executes (the redpipe
 * "deferred result"). `await handle` works (it is PromiseLike), and so does reading `handle.result` after
 * `exec()`. A failed handle that nobody awaits never becomes an unhandled rejection: `exec()` reports it.
 */
export class Deferred<T = unknown> implements PromiseLike<T> {
  private state: DeferredStatus = 'pending';
  private value: T | undefined;
  private error: unknown;
  // The promise is made only when someone asks for it: a 200-command pipeline whose handles nobody awaits
  // then costs no promises at all.
  private promiseCache: Promise<T> | undefined;
  private resolveFn: ((value: T) => void) | undefined;
  private rejectFn: ((error: unknown) => void) | undefined;
  private watchers: ((handle: Deferred<T>) => void)[] | undefined;

  /** A real promise of the result, for APIs that need one (`Promise.all`, `.finally` …). */
  get promise(): Promise<T> {
    if (this.promiseCache === undefined) {
      if (this.state === 'fulfilled') {
        this.promiseCache = Promise.resolve(this.value as T);
      } else {
        this.promiseCache =
          this.state === 'rejected'
            ? Promise.reject(this.error)
            : new Promise<T>((resolve, reject) => {
                this.resolveFn = resolve;
                this.rejectFn = reject;
              });
        // Marks the promise handled; awaiting the handle (or exec()) still sees the rejection.
        this.promiseCache.catch(ignore);
      }
    }
    return this.promiseCache;
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

  /** @internal The value, or the error, once settled (never throws). */
  get outcome(): unknown {
    return this.state === 'rejected' ? this.error : this.value;
  }

  /** @internal Calls `watcher` synchronously when the handle settles (at once if it already has). */
  watch(watcher: (handle: Deferred<T>) => void): void {
    if (this.state !== 'pending') watcher(this);
    else (this.watchers ??= []).push(watcher);
  }

  /** @internal Settles the handle; later calls are ignored. */
  resolve(value: T): void {
    if (this.state !== 'pending') return;
    this.state = 'fulfilled';
    this.value = value;
    this.resolveFn?.(value);
    this.notify();
  }

  /** @internal Fails the handle; later calls are ignored. */
  reject(error: unknown): void {
    if (this.state !== 'pending') return;
    this.state = 'rejected';
    this.error = error;
    this.rejectFn?.(error);
    this.notify();
  }

  private notify(): void {
    const watchers = this.watchers;
    if (watchers === undefined) return;
    this.watchers = undefined;
    for (const watcher of watchers) watcher(this);
  }

  get [Symbol.toStringTag](): string {
    return 'Deferred';
  }
}
