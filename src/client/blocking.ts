// Blocking commands (BLPOP, BZPOPMIN, XREAD BLOCK …) run on a connection leased from the client's pool, so a
// call parked on the server never holds up the shared auto-pipelined connection.
import { Command, CommandState, type ReplyTransform } from '../connection/command.js';
import { hasCallOptions, watchCall, type CallOptions } from '../connection/call-options.js';
import type { Connection } from '../connection/connection.js';
import { isBlocking } from '../commands/key-positions.js';
import { CommandAbortedError, CommandTimeoutError } from '../errors.js';
import { encodeCommand } from '../resp/encoder.js';
import type { RedisArg } from '../resp/types.js';
import type { ConnectionPool } from './pool.js';
import type { CommandObserver } from '../connection/command-observer.js';

/**
 * Commands that may park their connection. Checked with one Set lookup per call, so the GET path pays nothing
 * more. WAIT and WAITAOF are left out on purpose: they wait for the writes made *on the same connection*, so
 * on a pooled connection (which wrote nothing) they would return at once without waiting for anything.
 */
export const POOLED_BLOCKING_COMMANDS: ReadonlySet<string> = new Set([
  'BLPOP',
  'BRPOP',
  'BLMOVE',
  'BRPOPLPUSH',
  'BLMPOP',
  'BZPOPMIN',
  'BZPOPMAX',
  'BZMPOP',
  'XREAD',
  'XREADGROUP',
]);

/**
 * Extra time, beyond a blocking command's own timeout, before the client gives up on a connection that went
 * silent (server hung, network black hole): then the call rejects with CommandTimeoutError.
 */
export const BLOCKING_GRACE_MS = 1_000;

/** Whether `name` (upper case) with these arguments goes to the pool. XREAD/XREADGROUP only with BLOCK. */
export function routesToPool(name: string, args: readonly RedisArg[]): boolean {
  if (!POOLED_BLOCKING_COMMANDS.has(name)) return false;
  return name === 'XREAD' || name === 'XREADGROUP' ? isBlocking(name, args) : true;
}

/**
 * The command's own blocking timeout in ms (0 = forever), or undefined when the arguments don't say (the
 * server will reject them anyway).
 */
export function blockingTimeoutMs(name: string, args: readonly RedisArg[]): number | undefined {
  switch (name) {
    case 'BLMPOP':
    case 'BZMPOP':
      return seconds(args[0]);
    case 'XREAD':
    case 'XREADGROUP': {
      for (let i = 0; i + 1 < args.length; i++) if (String(args[i]).toUpperCase() === 'BLOCK') return number(args[i + 1]);
      return undefined;
    }
    default:
      return seconds(args[args.length - 1]);
  }
}

/**
 * Runs a blocking command on a pooled connection (the pool switches it to the client's database). The connection's own
 * commandTimeout does not apply; instead a guard rejects the call with CommandTimeoutError and destroys the
 * connection when no reply came within the command's timeout + BLOCKING_GRACE_MS. A timeout of 0 (block
 * forever) is guarded by `commandTimeout` alone, when one is set. A per-call `timeout` replaces that guard.
 *
 * Cancelled (per-call signal or timeout) while waiting for a connection: rejects at once, and the connection,
 * when it comes, goes back to the pool unused. Cancelled after it was written: rejects at once and the
 * connection is closed, because the server keeps it blocked (closing ends the wait on the server too; an
 * element the server popped in that same instant is lost, as with any connection lost during a BLPOP).
 */
export async function sendBlocking<T>(
  pool: ConnectionPool,
  commandTimeout: number,
  name: string,
  args: readonly RedisArg[],
  returnBuffers: boolean,
  transform: ReplyTransform<T> | undefined,
  callOptions?: CallOptions,
  observer?: CommandObserver,
): Promise<T> {
  const command = new Command<T>(name, args, encodeCommand(name, args), returnBuffers, transform);
  if (observer !== undefined) command.observer = observer; // hears LOADING waits and re-sends, as on the main connection
  if (callOptions?.signal?.aborted === true) throw new CommandAbortedError(name, callOptions.signal.reason, false);
  let connection: Connection | undefined;
  let destroyed = false;
  const drop = (): void => {
    if (connection === undefined || destroyed) return;
    destroyed = true;
    pool.destroy(connection);
  };
  let guard: NodeJS.Timeout | undefined;
  const stopWatching = hasCallOptions(callOptions)
    ? watchCall(callOptions, (error) => {
        const sent = command.state === CommandState.Written;
        command.reject(error(name, sent));
        if (sent) drop();
      })
    : undefined;
  try {
    const acquiring = pool.acquire();
    connection = await Promise.race([acquiring, command.promise.then(() => undefined, () => undefined)]);
    if (connection === undefined || command.state === CommandState.Settled) {
      // Cancelled while waiting for a connection: nothing was sent; the connection goes back unused.
      if (connection === undefined) acquiring.then((late) => pool.release(late), () => undefined);
      return await command.promise;
    }
    connection.setBlockingWait(true);
    connection.enqueue(command);
    command.deadline = 0; // the guard below owns this command's deadline
    const own = blockingTimeoutMs(name, args);
    const limit = callOptions?.timeout ?? (own === undefined || own === 0 ? commandTimeout : own + BLOCKING_GRACE_MS);
    if (limit > 0 && callOptions?.timeout === undefined) {
      guard = setTimeout(() => {
        command.reject(new CommandTimeoutError(name, limit));
        drop();
      }, limit);
    }
    return await command.promise;
  } finally {
    stopWatching?.();
    if (guard !== undefined) clearTimeout(guard);
    // release() keeps the connection only if it is healthy and idle; anything else is closed.
    if (connection !== undefined && !destroyed) {
      connection.setBlockingWait(false);
      pool.release(connection);
    }
  }
}

function seconds(arg: RedisArg | undefined): number | undefined {
  const n = number(arg);
  return n === undefined ? undefined : Math.ceil(n * 1000);
}

function number(arg: RedisArg | undefined): number | undefined {
  if (arg === undefined) return undefined;
  const n = typeof arg === 'number' ? arg : Number(String(arg));
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}
