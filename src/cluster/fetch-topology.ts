import { Connection } from '../connection/connection.js';
import { resolveOptions } from '../connection/options.js';
import { ReplyError } from '../errors.js';
import type { ClusterNodeOptions } from './options.js';
import { parseClusterShards, parseClusterSlots, type NodeAddress, type SlotMap } from './topology.js';

/**
 * Asks one node for the topology on a short-lived connection of its own (so a dead or busy node connection
 * can't stall it): CLUSTER SHARDS, or CLUSTER SLOTS on servers older than 7.
 */
export async function fetchSlotMap(node: NodeAddress, nodeOptions: ClusterNodeOptions, timeoutMs: number): Promise<SlotMap> {
  const connection = new Connection(
    resolveOptions({
      ...nodeOptions,
      host: node.host,
      port: node.port,
      lazyConnect: true,
      reconnectStrategy: false,
      connectTimeout: timeoutMs,
      commandTimeout: timeoutMs,
      maxReadRetries: 0,
    }),
  );
  try {
    try {
      return parseClusterShards(await connection.send('CLUSTER', ['SHARDS']), node.host);
    } catch (error) {
      if (!(error instanceof ReplyError) || !/unknown subcommand|unknown command/i.test(error.message)) throw error;
      return parseClusterSlots(await connection.send('CLUSTER', ['SLOTS']), node.host);
    }
  } finally {
    connection.disconnect();
  }
}
