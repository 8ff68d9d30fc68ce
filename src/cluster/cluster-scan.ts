// SCAN over a whole cluster that survives a failover: each shard (named by one of its slots, so a promoted
// replica is found as the slot's new primary) is scanned on its current primary; when that node fails
// mid-scan, the scan of that shard starts again on the slot's primary after the failover, skipping the keys
// already returned from that shard. Guarantee: every key present for the whole scan is returned at least once
// (keys written or deleted during the scan may or may not be; SCAN's own rule), and no key twice from a
// restarted shard.
import { ReplyError } from '../errors.js';
import { isCancellation, pauseUnlessAborted, type CallOptions } from '../connection/call-options.js';
import type { Connection } from '../connection/connection.js';
import { isRetryableClusterError } from '../transient-errors.js';
import type { RedisArg } from '../resp/types.js';

export interface ScanRouter {
  readonly options: { readonly maxRetryTime: number; retryDelay(attempt: number): number };
  /** One slot of each shard in the current map. */
  shardSlots(): Promise<number[]>;
  primaryForSlot(slot: number): Promise<{ readonly connection: Pick<Connection, 'send' | 'sendWith'> }>;
  refresh(): Promise<void>;
}

export interface ClusterScanOptions {
  match?: string;
  count?: number;
  type?: string;
}

/** `callOptions` (withOptions): every SCAN page carries them; a cancelled page ends the scan with its error. */
export async function* scanCluster(router: ScanRouter, options: ClusterScanOptions, callOptions?: CallOptions): AsyncGenerator<string> {
  const extra: RedisArg[] = [];
  if (options.match !== undefined) extra.push('MATCH', options.match);
  if (options.count !== undefined) extra.push('COUNT', options.count);
  if (options.type !== undefined) extra.push('TYPE', options.type);
  for (const slot of await router.shardSlots()) yield* scanShard(router, slot, extra, callOptions);
}

async function* scanShard(router: ScanRouter, slot: number, extra: readonly RedisArg[], callOptions: CallOptions | undefined): AsyncGenerator<string> {
  // Only kept for a restart: the keys this shard returned before its node failed. Dropped with the shard.
  const returned = new Set<string>();
  let restarted = false;
  let failedAt = 0;
  let attempts = 0;
  let cursor = '0';
  for (;;) {
    let reply: [string, string[]];
    try {
      const { connection } = await router.primaryForSlot(slot);
      const args = [cursor, ...extra];
      reply = (await (callOptions === undefined ? connection.send('SCAN', args) : connection.sendWith('SCAN', args, false, undefined, callOptions))) as [string, string[]];
    } catch (error) {
      if (isCancellation(error, callOptions)) throw error;
      // A server's error reply (bad MATCH/TYPE …) is the caller's; a lost node is waited out, then rescanned.
      if (error instanceof ReplyError && !isRetryableClusterError(error)) throw error;
      const now = Date.now();
      if (failedAt === 0) failedAt = now;
      if (now - failedAt >= router.options.maxRetryTime) throw error;
      await pauseUnlessAborted(router.options.retryDelay(++attempts), callOptions);
      await router.refresh().catch(() => undefined);
      restarted = true;
      cursor = '0'; // a cursor is only meaningful to the node that gave it
      continue;
    }
    failedAt = 0;
    attempts = 0;
    cursor = String(reply[0]);
    for (const key of reply[1]) {
      if (restarted && returned.has(key)) continue;
      returned.add(key);
      yield key;
    }
    if (cursor === '0') return;
  }
}
