// ioredis's `cluster.nodes(role)`: a client per node, for node-local work (FLUSHDB on every primary, a
// scanStream per primary, INFO …). It runs on the connection (and pool) the cluster keeps to that node:
// commands go to that node only, with no slot routing, redirection or key prefix.
import { EventEmitter } from 'node:events';
import type { ClusterNode } from '../cluster/cluster.js';
import { Multi, Pipeline as CorePipeline } from '../client/pipeline.js';
import { Transaction } from '../client/transaction.js';
import type { ReplyTransform } from '../connection/command.js';
import { ArgumentError } from '../errors.js';
import type { RedisArg, RedisKey } from '../commands/define.js';
import { IoClient } from './client-base.js';
import type { CoreBatch, CoreClient, CoreTransaction } from './core.js';
import type { IoCommands } from './types.js';

/** A cluster node as a core client: its connection's single path, batches and WATCH on it. */
class NodeCore extends EventEmitter implements CoreClient {
  constructor(readonly node: ClusterNode) {
    super();
  }

  sendCommand<T = unknown>(name: string, args: readonly RedisArg[], returnBuffers = false, transform?: ReplyTransform<T>): Promise<T> {
    return this.node.connection.send(name, args, returnBuffers, transform);
  }

  pipeline(): CoreBatch {
    return new CorePipeline(this.node.connection);
  }

  multi(): CoreBatch {
    return new Multi(this.node.connection);
  }

  watch(...keys: RedisArg[]): Promise<CoreTransaction> {
    return Transaction.start(this.node.pool, keys as RedisKey[]);
  }

  connect(): Promise<void> {
    return this.node.connection.connect();
  }

  quit(): Promise<'OK'> {
    return Promise.reject(closedByCluster());
  }

  disconnect(): void {
    throw closedByCluster();
  }
}

function closedByCluster(): ArgumentError {
  return new ArgumentError("A cluster node's connection belongs to the cluster: close the Cluster (quit() / disconnect()) instead");
}

/** One node of a Cluster, with the command methods of a Redis client of this entry. */
export class ClusterNodeClient extends IoClient<NodeCore> {
  constructor(node: ClusterNode, stringNumbers: boolean) {
    super(new NodeCore(node), stringNumbers, {});
  }

  /** Where this node is, as the topology names it. */
  get options(): { host: string; port: number } {
    const { host, port } = this.core.node.address;
    return { host, port };
  }

  get status(): string {
    return this.core.node.connection.status;
  }
}

type Handwritten = 'watch' | 'unwatch' | 'multi' | 'connect' | 'quit';
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ClusterNodeClient extends Omit<IoCommands, Handwritten> {}
