// WATCH transactions on a cluster: the watched keys choose one slot, the transaction runs on a connection
// leased from that slot's primary (the single-server Transaction, with every command checked against the
// slot before it is sent), and a MOVED anywhere in it re-runs the whole transaction on the new owner.
import type { RedisKey } from '../commands/define.js';
import { ArgumentError, CrossSlotError } from '../errors.js';
import { parseTransactionArgs, runTransaction, Transaction, type TransactionCommandCheck, type TransactionOptions } from '../client/transaction.js';
import type { RedisArg } from '../resp/types.js';
import type { CallOptions } from '../connection/call-options.js';
import { commandSlot } from './command-slot.js';
import { runOnSlotPrimary, type SlotPrimaryRouter } from './slot-primary.js';

/** `cluster.watch(...keys)`: a Transaction leased on the keys' primary, WATCHing them (MOVED followed). */
export function startClusterTransaction(router: SlotPrimaryRouter, keys: readonly RedisKey[], callOptions?: CallOptions): Promise<Transaction> {
  let slot: number;
  try {
    slot = slotOfWatchKeys(keys);
  } catch (error) {
    return Promise.reject(error);
  }
  return runOnSlotPrimary(router, slot, 'WATCH', (pool, _node, options) => Transaction.start(pool, keys, sameSlotCheck(slot), options), callOptions);
}

/** `cluster.transaction(fn, ...keys)`: runTransaction (WatchError re-runs included) on the keys' primary. */
export async function runClusterTransaction<T>(
  router: SlotPrimaryRouter,
  fn: (tx: Transaction) => T | PromiseLike<T>,
  rest: readonly (RedisKey | TransactionOptions)[],
  callOptions?: CallOptions,
): Promise<T> {
  const options = parseTransactionArgs(rest);
  const slot = slotOfWatchKeys(options.watch);
  return runOnSlotPrimary(
    router,
    slot,
    'transaction',
    (pool, _node, attemptOptions) => runTransaction(pool, fn, [{ watch: options.watch, maxRetries: options.maxRetries }], sameSlotCheck(slot), attemptOptions),
    callOptions,
  );
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
