// Work that must run on a connection leased from the primary serving one slot (WATCH transactions, blocking
// commands): the slot's primary is looked up for every attempt, and MOVED, TRYAGAIN, CLUSTERDOWN … start the
// work again from the beginning, as a single command would be redirected or retried.
import { ReplyError } from '../errors.js';
import { isCancellation, optionsForAttempt, pauseUnlessAborted, type CallOptions } from '../connection/call-options.js';
import { isRedirectError, isRetryableClusterError } from '../transient-errors.js';
import type { ConnectionPool } from '../client/pool.js';
import { ClusterRedirectionError } from './errors.js';
import { parseRedirect } from './redirect.js';
import { nodeKey, type NodeAddress } from './topology.js';

/** What leased work needs from the cluster client (implemented by RedisCluster). */
export interface SlotPrimaryRouter {
  readonly options: { readonly maxRedirections: number; readonly maxRetryTime: number; retryDelay(attempt: number): number };
  primaryForSlot(slot: number): Promise<{ readonly address: NodeAddress; readonly pool: ConnectionPool }>;
  learnRedirect(slot: number, to: NodeAddress): Promise<void>;
  refresh(): Promise<void>;
}

/**
 * Runs `attempt` on the slot's primary; on MOVED for the slot (or an EXECABORT after which the map names
 * another owner) learns the move and runs it again from the start, at most maxRedirections times; on
 * TRYAGAIN, CLUSTERDOWN, ASK (a migration in progress) … again after a back-off, for up to maxRetryTime.
 */
export async function runOnSlotPrimary<T>(
  router: SlotPrimaryRouter,
  slot: number,
  what: string,
  attempt: (pool: ConnectionPool, node: NodeAddress, options: CallOptions | undefined) => Promise<T>,
  /** Per-call options (withOptions): an abort or the call's timeout stops the loop; no attempt starts after. */
  callOptions?: CallOptions,
): Promise<T> {
  const started = Date.now();
  let redirections = 0;
  let retries = 0;
  for (;;) {
    optionsForAttempt(callOptions, started, what); // throws once cancelled: before the map is read again
    const node = await router.primaryForSlot(slot);
    try {
      return await attempt(node.pool, node.address, optionsForAttempt(callOptions, started, what));
    } catch (error) {
      if (isCancellation(error, callOptions)) throw error;
      const redirect = isRedirectError(error) ? parseRedirect(error.message, node.address.host) : undefined;
      if (redirect !== undefined && redirect.kind === 'MOVED' && redirect.slot === slot) {
        if (++redirections > router.options.maxRedirections) throw new ClusterRedirectionError(what, router.options.maxRedirections, { cause: error });
        await router.learnRedirect(slot, { host: redirect.host, port: redirect.port });
        continue;
      }
      if (error instanceof ReplyError && error.code === 'EXECABORT' && (await ownerChanged(router, slot, node.address))) {
        if (++redirections > router.options.maxRedirections) throw new ClusterRedirectionError(what, router.options.maxRedirections, { cause: error });
        continue;
      }
      const transient = isRetryableClusterError(error) || (redirect !== undefined && redirect.kind === 'ASK' && redirect.slot === slot);
      if (!transient || Date.now() - started >= router.options.maxRetryTime) throw error;
      if (!(error instanceof ReplyError) || error.code !== 'TRYAGAIN') await router.refresh().catch(() => undefined);
      await pauseUnlessAborted(router.options.retryDelay(++retries), callOptions, started);
    }
  }
}

/** A command queued in MULTI got MOVED (then EXEC says EXECABORT): does the refreshed map name another owner? */
async function ownerChanged(router: SlotPrimaryRouter, slot: number, was: NodeAddress): Promise<boolean> {
  await router.refresh().catch(() => undefined);
  return nodeKey((await router.primaryForSlot(slot)).address) !== nodeKey(was);
}

