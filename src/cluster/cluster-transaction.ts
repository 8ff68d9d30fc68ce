// WATCH transactions on a cluster: the watched keys choose one slot, the transaction runs on a connection
// leased from that slot's primary (the single-server Transaction, with every command checked against the
// slot before it is sent), and a MOVED anywhere in it re-runs the whole transaction on the new owner.
import type { RedisKey } from '../commands/define.js';
import { ArgumentError, CrossSlotError, ReplyError } from '../errors.js';
import { isRedirectError, isRetryableClusterError } from '../transient-errors.js';
import { parseTransactionArgs, runTransaction, Transaction, type TransactionCommandCheck, type TransactionOptions } from '../client/transaction.js';
import type { ConnectionPool } from '../client/pool.js';
import type { RedisArg } from '../resp/types.js';
import { commandSlot } from './command-slot.js';
import { ClusterRedirectionError } from './errors.js';
import { parseRedirect } from './redirect.js';
import { nodeKey, type NodeAddress } from './topology.js';

/** What a cluster transaction needs from the cluster client (implemented by RedisCluster). */
export interface TransactionRouter {
  readonly options: { readonly maxRedirections: number; readonly maxRetryTime: number; retryDelay(attempt: number): number };
  primaryForSlot(slot: number): Promise<{ readonly address: NodeAddress; readonly pool: ConnectionPool }>;
  learnRedirect(slot: number, to: NodeAddress): Promise<void>;
  refresh(): Promise<void>;
}

/** `cluster.watch(...keys)`: a Transaction leased on the keys' primary, WATCHing them (MOVED followed). */
export function startClusterTransaction(router: TransactionRouter, keys: readonly RedisKey[]): Promise<Transaction> {
  let slot: number;
  try {
    slot = slotOfWatchKeys(keys);
  } catch (error) {
    return Promise.reject(error);
  }
  return withRedirects(router, slot, (pool) => Transaction.start(pool, keys, sameSlotCheck(slot)));
}

/** `cluster.transaction(fn, ...keys)`: runTransaction (WatchError re-runs included) on the keys' primary. */
export async function runClusterTransaction<T>(router: TransactionRouter, fn: (tx: Transaction) => T | PromiseLike<T>, rest: readonly (RedisKey | TransactionOptions)[]): Promise<T> {
  const options = parseTransactionArgs(rest);
  const slot = slotOfWatchKeys(options.watch);
  return withRedirects(router, slot, (pool) => runTransaction(pool, fn, [{ watch: options.watch, maxRetries: options.maxRetries }], sameSlotCheck(slot)));
}

/**
 * Runs `attempt` on the slot's primary; on MOVED for the slot (or an EXECABORT after which the map names
 * another owner) learns the move and runs it again from the start, at most maxRedirections times; on
 * TRYAGAIN, CLUSTERDOWN, ASK (a migration in progress) … again after a back-off, for up to maxRetryTime.
 */
async function withRedirects<T>(router: TransactionRouter, slot: number, attempt: (pool: ConnectionPool) => Promise<T>): Promise<T> {
  const started = Date.now();
  let redirections = 0;
  let retries = 0;
  for (;;) {
    const node = await router.primaryForSlot(slot);
    try {
      return await attempt(node.pool);
    } catch (error) {
      const redirect = isRedirectError(error) ? parseRedirect(error.message, node.address.host) : undefined;
      if (redirect !== undefined && redirect.kind === 'MOVED' && redirect.slot === slot) {
        if (++redirections > router.options.maxRedirections) throw new ClusterRedirectionError('transaction', router.options.maxRedirections, { cause: error });
        await router.learnRedirect(slot, redirect);
        continue;
      }
      if (error instanceof ReplyError && error.code === 'EXECABORT' && (await ownerChanged(router, slot, node.address))) {
        if (++redirections > router.options.maxRedirections) throw new ClusterRedirectionError('transaction', router.options.maxRedirections, { cause: error });
        continue;
      }
      const transient = isRetryableClusterError(error) || (redirect !== undefined && redirect.kind === 'ASK' && redirect.slot === slot);
      if (!transient || Date.now() - started >= router.options.maxRetryTime) throw error;
      if (!(error instanceof ReplyError) || error.code !== 'TRYAGAIN') await router.refresh().catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, router.options.retryDelay(++retries)));
    }
  }
}

/** A command queued in MULTI got MOVED (then EXEC says EXECABORT): does the refreshed map name another owner? */
async function ownerChanged(router: TransactionRouter, slot: number, was: NodeAddress): Promise<boolean> {
  await router.refresh().catch(() => undefined);
  return nodeKey((await router.primaryForSlot(slot)).address) !== nodeKey(was);
}

function slotOfWatchKeys(keys: readonly RedisKey[]): number {
  if (keys.length === 0) throw new ArgumentError('A cluster transaction needs the keys it WATCHes: they choose the node it runs on');
  return commandSlot('WATCH', keys);
}

/** Every command of the transaction must be keyless or on the watched keys' slot: refused before sending. */
function sameSlotCheck(slot: number): TransactionCommandCheck {
  return (name: string, args: readonly RedisArg[]) => {
    try {
      const own = commandSlot(name, args);
      return own < 0 || own === slot ? undefined : new CrossSlotError(`${name} in a transaction on slot ${slot}`);
    } catch (error) {
      return error as Error;
    }
  };
}
