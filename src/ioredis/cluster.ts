// ioredis's `Cluster` class, as an adapter over the core RedisCluster (or OcRedisCluster, observed).
import { RedisCluster } from '../cluster/cluster.js';
import type { ClusterOptions } from '../cluster/options.js';
import { ArgumentError } from '../errors.js';
import { OcRedisCluster } from '../otel/oc-redis-cluster.js';
import type { OcRedisTelemetryOptions } from '../otel/options.js';
import { IoClient } from './client-base.js';
import { resolveIoCluster, type IoClusterNode, type IoClusterOptions } from './cluster-options.js';
import type { CoreClient } from './core.js';
import type { IoCommands } from './types.js';
import { ClusterNodeClient } from './cluster-node.js';

/** ioredis's cluster states (the subset this adapter goes through). */
export type IoClusterStatus = 'wait' | 'connecting' | 'ready' | 'end';

export class Cluster extends IoClient<RedisCluster & CoreClient> {
  readonly startupNodes: readonly IoClusterNode[];
  readonly options: IoClusterOptions;
  private state: IoClusterStatus;

  constructor(startupNodes: readonly IoClusterNode[], options: IoClusterOptions & { telemetry?: OcRedisTelemetryOptions } = {}) {
    const { telemetry, ...ioOptions } = options ?? {};
    const resolved = resolveIoCluster(startupNodes, ioOptions);
    const factory = new.target as unknown as { createCore(options: ClusterOptions, telemetry: OcRedisTelemetryOptions | undefined): RedisCluster };
    super(factory.createCore(resolved.core, telemetry) as RedisCluster & CoreClient, resolved.stringNumbers, resolved.scripts);
    this.startupNodes = startupNodes;
    this.options = options;
    this.state = ioOptions.lazyConnect === true ? 'wait' : 'connecting';
    // The cluster is ready once it knows the slot map (its first 'refresh').
    this.core.on('refresh', () => {
      if (this.state !== 'connecting' && this.state !== 'wait') return;
      this.state = 'ready';
      this.emit('connect');
      this.emit('ready');
    });
    this.core.on('end', () => {
      this.state = 'end';
    });
  }

  protected static createCore(options: ClusterOptions, telemetry: OcRedisTelemetryOptions | undefined): RedisCluster {
    if (telemetry !== undefined) throw new ArgumentError("Cluster: 'telemetry' is an option of OcCluster (import { OcCluster } from 'ocredis/ioredis')");
    return new RedisCluster(options);
  }

  get status(): IoClusterStatus {
    return this.state;
  }

  override connect(): Promise<void> {
    if (this.state === 'wait') this.state = 'connecting';
    return super.connect();
  }

  /**
   * ioredis's `nodes(role)`: a client per node of the current topology ('master', 'slave' or 'all'), on the
   * connection the cluster keeps to it (node-local commands: no routing, no key prefix). Empty before the
   * topology is known.
   */
  nodes(role: 'master' | 'slave' | 'all' = 'all'): ClusterNodeClient[] {
    if (this.core.topology === undefined) return [];
    const coreRole = role === 'master' ? 'primary' : role === 'slave' ? 'replica' : 'all';
    return this.core.nodes(coreRole).map((node) => {
      const key = `${node.address.host}:${node.address.port}`;
      let client = this.nodeClients.get(key);
      if (client === undefined || client.core.node !== node) this.nodeClients.set(key, (client = new ClusterNodeClient(node, this.stringNumbers)));
      return client;
    });
  }

  private readonly nodeClients = new Map<string, ClusterNodeClient>();

  /** A new Cluster with the same startup nodes and options (and overrides). */
  duplicate(overrides: IoClusterOptions = {}): this {
    const Ctor = this.constructor as new (nodes: readonly IoClusterNode[], options: IoClusterOptions) => this;
    return new Ctor(this.startupNodes, { ...this.options, ...overrides });
  }
}

/** The observed flavour of Cluster: spans and metrics per command through the core's OcRedisCluster. */
export class OcCluster extends Cluster {
  protected static override createCore(options: ClusterOptions, telemetry: OcRedisTelemetryOptions | undefined): RedisCluster {
    return new OcRedisCluster({ ...options, ...(telemetry !== undefined ? { telemetry } : {}) });
  }
}

type Handwritten = 'watch' | 'unwatch' | 'multi' | 'connect' | 'quit';
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Cluster extends Omit<IoCommands, Handwritten> {}
