// Every error ocredis raises has a stable `name` and `code`, so callers (and telemetry labels) branch on
// types and codes, never on message text. Every class is branded (see brand.ts), so `instanceof` holds for an
// error thrown by another copy of ocredis (the CommonJS build beside the ESM one).
import { brandClasses, isInstance } from './brand.js';

export class RedisError extends Error {
  /** Stable, bounded identifier: safe to use as a metric label. */
  readonly code: string;

  constructor(message: string, code: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }

  /** Also true for the same class from another copy of ocredis (ESM and CommonJS builds side by side). */
  static override [Symbol.hasInstance]<T>(this: abstract new (...args: any[]) => T, value: unknown): value is T {
    return isInstance(this, value, Error);
  }
}

/** An error reply from the server (`-ERR ...`, `-WRONGTYPE ...`, `!` blob errors). */
export class ReplyError extends RedisError {
  /** The command that got this reply, upper-case (e.g. `GET`). Filled in by the client. */
  command?: string;

  constructor(message: string) {
    super(message, parseReplyErrorCode(message));
  }
}

/**
 * The leading upper-case word of a server error (`WRONGTYPE`, `NOSCRIPT`, `ERR`, `MOVED` …). A script or module
 * can start an error with any word (even an argument), so telemetry keeps only the codes Redis and Valkey send.
 */
export function parseReplyErrorCode(message: string): string {
  let end = 0;
  while (end < message.length && end < 32) {
    const c = message.charCodeAt(end);
    const isUpper = c >= 65 && c <= 90;
    const isDigitOrUnderscore = (c >= 48 && c <= 57) || c === 95;
    if (!(isUpper || (end > 0 && isDigitOrUnderscore))) break;
    end++;
  }
  const followedBySeparator = end === message.length || message.charCodeAt(end) === 32;
  return end > 0 && followedBySeparator ? message.slice(0, end) : 'ERR';
}

/** `-MOVED slot host:port`: the slot lives on another node for good. */
export class MovedError extends ReplyError {}
/** `-ASK slot host:port`: the slot is migrating; ask the other node once. */
export class AskError extends ReplyError {}

/** The server sent bytes that are not valid RESP, or exceeded a configured limit. */
export class ProtocolError extends RedisError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, 'EPROTOCOL', options);
  }
}

/** The connection closed (or was closed) before the command could be answered. */
export class ConnectionClosedError extends RedisError {
  constructor(message = 'Connection closed', options?: { cause?: unknown }) {
    super(message, 'ECONNCLOSED', options);
  }
}

/**
 * A command that changes data was written to the socket, then the connection died before its reply came.
 * It may or may not have run on the server, so it is not re-sent: the caller decides.
 */
export class CommandOutcomeUnknownError extends RedisError {
  constructor(command: string, options?: { cause?: unknown }) {
    super(
      `Connection lost after ${command} was sent: it may or may not have run on the server, and it was not retried`,
      'EOUTCOMEUNKNOWN',
      options,
    );
  }
}

/** The command got no reply within `commandTimeout`. Its late reply, if any, is discarded. */
export class CommandTimeoutError extends RedisError {
  constructor(command: string, timeoutMs: number) {
    super(`${command} timed out after ${timeoutMs} ms`, 'ETIMEDOUT');
  }
}

/**
 * The call was cancelled through its AbortSignal (see `withOptions`). `reason` is the signal's reason. `sent`
 * says whether the command had already been written: a written command may still run on the server (its late
 * reply is discarded); an unsent one never will.
 */
export class CommandAbortedError extends RedisError {
  override readonly name = 'AbortError';
  constructor(
    command: string,
    readonly reason: unknown,
    readonly sent: boolean,
  ) {
    super(sent ? `${command} was cancelled after it was sent (it may still run on the server)` : `${command} was cancelled before it was sent`, 'ABORT_ERR', { cause: reason });
  }
}

/** The TCP/TLS/unix connection (including the handshake) did not complete within `connectTimeout`. */
export class ConnectTimeoutError extends RedisError {
  constructor(timeoutMs: number) {
    super(`Connection attempt timed out after ${timeoutMs} ms`, 'ECONNTIMEOUT');
  }
}

/** The offline queue is full: the client is not connected and already holds `maxOfflineQueue` commands. */
export class OfflineQueueFullError extends RedisError {
  constructor(limit: number) {
    super(`Offline queue is full (${limit} commands waiting for a connection)`, 'EOFFLINEQUEUEFULL');
  }
}

/** The client was closed with quit()/disconnect(), or reconnecting was given up. */
export class ClientClosedError extends RedisError {
  constructor(message = 'The client is closed') {
    super(message, 'ECLIENTCLOSED');
  }
}

/** A transaction's EXEC returned null because a WATCHed key changed. */
export class WatchError extends RedisError {
  constructor() {
    super('Transaction aborted: a watched key changed', 'EWATCH');
  }
}

/** A pipeline or transaction in which at least one command failed. `replies` holds every reply in place. */
export class BatchError extends RedisError {
  readonly replies: unknown[];
  constructor(replies: unknown[], failed: number) {
    super(`${failed} of ${replies.length} commands in the batch failed`, 'EBATCH');
    this.replies = replies;
  }
}

/** A multi-key command whose keys hash to different cluster slots. Raised before anything is sent. */
export class CrossSlotError extends RedisError {
  constructor(command: string) {
    super(`${command}: keys hash to different cluster slots`, 'CROSSSLOT');
  }
}

/** Bad input detected before sending (wrong argument type, invalid option, ...). */
export class ArgumentError extends TypeError {
  readonly code = 'EARGUMENT';
  constructor(message: string) {
    super(message);
    this.name = 'ArgumentError';
  }

  /** Also true for an ArgumentError from another copy of ocredis. */
  static override [Symbol.hasInstance]<T>(this: abstract new (...args: any[]) => T, value: unknown): value is T {
    return isInstance(this, value, Error);
  }
}

brandClasses({
  RedisError,
  ReplyError,
  MovedError,
  AskError,
  ProtocolError,
  ConnectionClosedError,
  CommandOutcomeUnknownError,
  CommandTimeoutError,
  CommandAbortedError,
  ConnectTimeoutError,
  OfflineQueueFullError,
  ClientClosedError,
  WatchError,
  BatchError,
  CrossSlotError,
  ArgumentError,
});
