// Bounded, message-free descriptions of errors for span attributes and metric labels: server error text can
// echo arguments (`ERR ... 'secret'`), so only the code or the class name is ever used.
import { ReplyError } from '../errors.js';

const MAX_LABEL = 64;

/**
 * `error.type` / the `error` metric label: the server's error prefix for a reply error (`WRONGTYPE`,
 * `NOSCRIPT`), else the error class (`ConnectionClosedError`, `CommandTimeoutError`, `TypeError`).
 */
export function errorType(error: unknown): string {
  if (error instanceof ReplyError) return error.code;
  if (error instanceof Error) return error.name.slice(0, MAX_LABEL) || 'Error';
  return 'Error';
}

/** `db.response.status_code`: the server's error prefix, only for errors the server sent. */
export function responseStatusCode(error: unknown): string | undefined {
  return error instanceof ReplyError ? error.code : undefined;
}

/** The span status message / exception message: the code, never the text (unless redaction is off). */
export function safeMessage(error: unknown, revealMessages: boolean): string {
  if (revealMessages && error instanceof Error) return error.message;
  const code = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code.slice(0, MAX_LABEL) : errorType(error);
}
