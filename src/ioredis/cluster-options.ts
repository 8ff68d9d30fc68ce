// ioredis's `new Cluster(startupNodes, options)` mapped onto the core RedisCluster's options.
import type { ClusterOptions, DnsLookup } from '../cluster/options.js';
import type { NodeAddressMap } from '../address-map.js';
import type { NodeAddress } from '../cluster/topology.js';
import type { KeyPrefix } from '../commands/key-prefix.js';
import { ArgumentError } from '../errors.js';
import { checkOptionKeys } from '../option-check.js';
import { toCoreOptions, IO_OPTION_KEYS, type IoRedisOptions, type ScriptDefinition } from './constructor-args.js';

/** A startup node as ioredis takes it: `{ host, port }`, a port, `'host:port'` or a redis:// URL. */
export type IoClusterNode = { host?: string; port?: number } | number | string;

export interface IoClusterOptions {
  /** Options of every node connection (ioredis names; host, port, db and keyPrefix do not apply per node). */
  redisOptions?: IoRedisOptions;
  keyPrefix?: KeyPrefix;
  /** 'master' (default) or 'slave' / 'all': read-only commands go to replicas. A function is not supported. */
  scaleReads?: 'master' | 'slave' | 'all';
  maxRedirections?: number;
  lazyConnect?: boolean;
  natMap?: NodeAddressMap;
  slotsRefreshInterval?: number;
  slotsRefreshTimeout?: number;
  dnsLookup?: DnsLookup;
  /** false: commands fail at once while a node is not connected. */
  enableOfflineQueue?: boolean;
  scripts?: Record<string, ScriptDefinition>;
  /** Accepted and ignored: ocredis always pipelines the commands of one event-loop turn. */
  enableAutoPipelining?: boolean;
  /** Accepted and ignored. */
  enableReadyCheck?: boolean;
  /** Accepted and ignored: retries back off by `retryDelay` (ocredis's option) until `maxRetryTime`. */
  retryDelayOnFailover?: number;
  /** Accepted and ignored (see retryDelayOnFailover). */
  retryDelayOnClusterDown?: number;
  /** Accepted and ignored (see retryDelayOnFailover). */
  retryDelayOnTryAgain?: number;
  /** Accepted and ignored: MOVED is followed at once. */
  retryDelayOnMoved?: number;
  /** Accepted and ignored: the topology is fetched again from every known node until one answers. */
  clusterRetryStrategy?: (times: number) => number | null | void;
  /** ocredis's: how long a command keeps being retried on TRYAGAIN, CLUSTERDOWN … (ms). */
  maxRetryTime?: number;
  retryDelay?: (attempt: number) => number;
}

const CLUSTER_KEYS: Readonly<Record<keyof IoClusterOptions, true>> = {
  redisOptions: true,
  keyPrefix: true,
  scaleReads: true,
  maxRedirections: true,
  lazyConnect: true,
  natMap: true,
  slotsRefreshInterval: true,
  slotsRefreshTimeout: true,
  dnsLookup: true,
  enableOfflineQueue: true,
  scripts: true,
  enableAutoPipelining: true,
  enableReadyCheck: true,
  retryDelayOnFailover: true,
  retryDelayOnClusterDown: true,
  retryDelayOnTryAgain: true,
  retryDelayOnMoved: true,
  clusterRetryStrategy: true,
  maxRetryTime: true,
  retryDelay: true,
};

export interface ResolvedIoCluster {
  core: ClusterOptions;
  scripts: Record<string, ScriptDefinition>;
  stringNumbers: boolean;
}

export function resolveIoCluster(startupNodes: readonly IoClusterNode[], options: IoClusterOptions = {}): ResolvedIoCluster {
  if (!Array.isArray(startupNodes) || startupNodes.length === 0) throw new ArgumentError('Cluster: startupNodes must list at least one node');
  if (typeof options !== 'object' || options === null) throw new ArgumentError('Cluster: options must be an object');
  checkOptionKeys('Cluster', options, CLUSTER_KEYS);
  const redisOptions = options.redisOptions ?? {};
  checkOptionKeys('Cluster redisOptions', redisOptions, IO_OPTION_KEYS);
  const { host: _host, port: _port, db: _db, lazyConnect: _lazy, path: _path, keyPrefix: nodeKeyPrefix, ...perNode } = redisOptions;
  const node = toCoreOptions(perNode);
  const { protocol, ...nodeOptions } = node.core;
  if (options.enableOfflineQueue === false) nodeOptions.maxOfflineQueue = 0;
  const readFrom = options.scaleReads === undefined || options.scaleReads === 'master' ? 'primary' : 'replica';
  const core: ClusterOptions = {
    rootNodes: startupNodes.map(toRootNode),
    nodeOptions: { ...nodeOptions, protocol },
    readFrom,
  };
  const keyPrefix = options.keyPrefix ?? nodeKeyPrefix;
  if (keyPrefix !== undefined) core.keyPrefix = keyPrefix;
  if (options.maxRedirections !== undefined) core.maxRedirections = options.maxRedirections;
  if (options.lazyConnect !== undefined) core.lazyConnect = options.lazyConnect;
  if (options.natMap !== undefined) core.nodeAddressMap = options.natMap;
  if (options.slotsRefreshInterval !== undefined) core.topologyRefreshInterval = options.slotsRefreshInterval;
  if (options.slotsRefreshTimeout !== undefined) core.refreshTimeout = options.slotsRefreshTimeout;
  if (options.dnsLookup !== undefined) core.dnsLookup = options.dnsLookup;
  if (options.maxRetryTime !== undefined) core.maxRetryTime = options.maxRetryTime;
  if (options.retryDelay !== undefined) core.retryDelay = options.retryDelay;
  return { core, scripts: { ...node.scripts, ...options.scripts }, stringNumbers: node.stringNumbers };
}

function toRootNode(node: IoClusterNode): NodeAddress | string {
  if (typeof node === 'number') return { host: '127.0.0.1', port: node };
  if (typeof node === 'string') return /^\d+$/.test(node) ? { host: '127.0.0.1', port: Number(node) } : node;
  return { host: node.host ?? '127.0.0.1', port: node.port ?? 6379 };
}
