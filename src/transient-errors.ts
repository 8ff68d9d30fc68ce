// Which server errors are worth waiting out, and which are redirections: one table, read by the cluster
// client (commands, MULTI, sharded pub/sub) and by the connection handshake.
import { AskError, MovedError, ReplyError } from './errors.js';

/** Server states that pass by themselves: the command did not run, and the same command can succeed later. */
const PASSING_STATES = {
  LOADING: 'the server is loading its dataset after a restart',
  MASTERDOWN: 'a replica lost its master and serves no stale data (replica-serve-stale-data no)',
  TRYAGAIN: 'a multi-key command met a slot that is being migrated',
  CLUSTERDOWN: 'the cluster lost the owner of a slot and is failing over',
  READONLY: 'a write reached a primary that was just demoted to replica (failover): the map is stale',
  BUSY: 'a script or function is running',
} as const;

export type PassingState = keyof typeof PASSING_STATES;

/** Why a server's error code means "not now, try again", or undefined when it does not. */
export function passingStateOf(code: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(PASSING_STATES, code) ? PASSING_STATES[code as PassingState] : undefined;
}

/**
 * Errors after which a cluster command (or a whole MULTI block, or an SSUBSCRIBE) is sent again after a pause
 * and a topology refresh. BUSY is not among them: a script may run for minutes, and the caller is better told
 * at once, as a single-server client tells it.
 */
export function isRetryableClusterError(error: unknown): error is ReplyError {
  return error instanceof ReplyError && error.code !== 'BUSY' && passingStateOf(error.code) !== undefined;
}

/**
 * Errors during the connection handshake (HELLO, AUTH, SELECT) after which the client reconnects and keeps its
 * queue, instead of failing the queued commands: any passing state (a handshake never writes, so READONLY and
 * CLUSTERDOWN cannot come from it, and BUSY ends with the script).
 */
export function isTransientHandshakeError(error: unknown): error is ReplyError {
  return error instanceof ReplyError && passingStateOf(error.code) !== undefined;
}

/** Whether a retryable cluster error may mean the slot map is stale (everything but TRYAGAIN, which passes where it is). */
export function suggestsStaleMap(error: ReplyError): boolean {
  return error.code !== 'TRYAGAIN';
}

/** MOVED or ASK: the command belongs to another node (see redirect.ts for the target). */
export function isRedirectError(error: unknown): error is MovedError | AskError {
  return error instanceof MovedError || error instanceof AskError;
}
