// Emitting to user listeners from inside the client (reply decoding, routing, reconnects): a listener that
// throws must not break that machinery, and an 'error' nobody listens to must not crash the process.
import type { EventEmitter } from 'node:events';

/** Throws `error` on the next tick, outside whatever internal code path is running now (as ioredis does). */
export function rethrowLater(error: unknown): void {
  process.nextTick(() => {
    throw error;
  });
}

/** Emits `event`; a listener that throws is re-thrown on the next tick instead of here. */
export function emitSafely(emitter: EventEmitter, event: string, ...args: unknown[]): void {
  try {
    emitter.emit(event, ...args);
  } catch (error) {
    rethrowLater(error);
  }
}

/**
 * Emits 'error' only when someone listens: without a listener EventEmitter would throw and crash the
 * process, and these errors also reach the calls they fail, so nothing is lost.
 */
export function emitErrorIfListened(emitter: EventEmitter, error: unknown): void {
  if (emitter.listenerCount('error') > 0) emitSafely(emitter, 'error', error);
}
