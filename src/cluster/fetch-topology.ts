import { Connection } from '../connection/connection.js';
import { resolveOptions } from '../connection/options.js';
import { ReplyError } from '../errors.js';
import type { ClusterNodeOptions } from './options.js';
import { parseTopology, type NodeAddress, type SlotMap } from './topology.js';

/**
 * Asks one node (at `connectTo`: its address through the cluster's nodeAddressMap) for the topology on a short-lived connection of its own (so a dead or busy node connection
 * can't stall it): CLUSTER SHARDS and CLUSTER SLOTS in one round trip, cross-read by parseTopology(). A server
 * that doesn't know or refuses one of them (SHARDS before Redis 7, an ACL) is read from the other.
 */
export async function fetchSlotMap(node: NodeAddress, nodeOptions: ClusterNodeOptions, timeoutMs: number, connectTo: NodeAddress = node): Promise<SlotMap> {
  const connection = new Connection(
    resolveOptions({
      ...nodeOptions,
      host: connectTo.host,
      port: connectTo.port,
      lazyConnect: true,
      reconnectStrategy: false,
      connectTimeout: timeoutMs,
      commandTimeout: timeoutMs,
      maxReadRetries: 0,
    }),
  );
  try {
    const [shards, slots] = await Promise.allSettled([connection.send('CLUSTER', ['SHARDS']), connection.send('CLUSTER', ['SLOTS'])]);
    if (shards.status === 'rejected' && slots.status === 'rejected') throw unknownCommand(shards.reason) ? slots.reason : shards.reason;
    return parseTopology(shards.status === 'fulfilled' ? shards.value : undefined, slots.status === 'fulfilled' ? slots.value : undefined, node.host);
  } finally {
    connection.disconnect();
  }
}

function unknownCommand(error: unknown): boolean {
  return error instanceof ReplyError && /unknown subcommand|unknown command/i.test(error.message);
}
