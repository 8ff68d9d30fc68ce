// Bounded, message-free descriptions of errors for span attributes and metric labels: server error text can
// echo arguments (`ERR ... 'secret'`), so only a known code or the class name is ever used.
import { ReplyError } from '../errors.js';
import { knownServerErrorCode } from './reply-error-codes.js';

const MAX_LABEL = 64;

/**
 * `error.type` / the `error` metric label: the server's error prefix for a reply error (`WRONGTYPE`,
 * `NOSCRIPT`; `ERR` for a prefix Redis and Valkey do not send), else the error class
 * (`ConnectionClosedError`, `CommandTimeoutError`, `TypeError`).
 */
export function errorType(error: unknown): string {
  if (error instanceof ReplyError) return knownServerErrorCode(error.code);
  if (error instanceof Error) return error.name.slice(0, MAX_LABEL) || 'Error';
  return 'Error';
}

/** `db.response.status_code`: the server's error prefix, only for errors the server sent. */
export function responseStatusCode(error: unknown): string | undefined {
  return error instanceof ReplyError ? knownServerErrorCode(error.code) : undefined;
}

/** A bounded reason for a span event (a retry's cause): a client error code (`ECONNCLOSED`) or a known server code. */
export function boundedCode(code: string): string {
  return /^E[A-Z]{2,30}$/.test(code) ? code : knownServerErrorCode(code);
}

/** `exception.type`: the error's class (`ReplyError`, `ConnectionClosedError`), never a server code. */
export function exceptionType(error: unknown): string {
  return error instanceof Error ? error.name.slice(0, MAX_LABEL) || 'Error' : typeof error;
}
