// The messages ioredis users match on for a client that cannot take a command: `Connection is closed.` (after
// quit() / disconnect(), or once reconnecting was given up) and, with `enableOfflineQueue: false`, `Stream isn't
// writeable and enableOfflineQueue options is false`. The core's error classes and codes stay (ClientClosedError
// ECLIENTCLOSED, OfflineQueueFullError EOFFLINEQUEUEFULL); only the message takes ioredis's wording.
import { ClientClosedError, ConnectionClosedError, OfflineQueueFullError } from '../errors.js';

const CORE_CLOSED_MESSAGE = new ClientClosedError().message;
const CLOSED_BEFORE_REPLY = 'The connection was closed by the client before the reply came';

/** `error` with ioredis's message where ioredis has one for the same case; else `error` itself. */
export function ioError(error: unknown): unknown {
  if (error instanceof ClientClosedError && error.message === CORE_CLOSED_MESSAGE) return new ClientClosedError('Connection is closed.');
  // Unanswered when the client closed its connection (disconnect()): ioredis's words for it too.
  if (error instanceof ConnectionClosedError && error.message === CLOSED_BEFORE_REPLY) return new ConnectionClosedError('Connection is closed.', { cause: error });
  if (error instanceof OfflineQueueFullError && error.message === new OfflineQueueFullError(0).message) {
    return Object.assign(new OfflineQueueFullError(0), { message: "Stream isn't writeable and enableOfflineQueue options is false" });
  }
  return error;
}

/** `promise`, rejecting with ioError() of its error. */
export function withIoErrors<T>(promise: Promise<T>): Promise<T> {
  return promise.catch((error: unknown) => Promise.reject(ioError(error)));
}
