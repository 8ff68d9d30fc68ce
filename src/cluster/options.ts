import { REDIS_OPTION_KEYS, resolveOptions, type RedisOptions } from '../connection/options.js';
import { isIP, type LookupFunction } from 'node:net';
import { resolveKeyPrefix, type KeyPrefix } from '../commands/key-prefix.js';
import { ArgumentError } from '../errors.js';
import { FOREIGN_CLIENT_OPTIONS, FOREIGN_CLUSTER_OPTIONS } from '../foreign-options.js';
import { checkOptionKeys } from '../option-check.js';
import { isValidPort, type NodeAddress } from './topology.js';
import { checkAddressMap, type NodeAddressMap } from '../address-map.js';
import { resolveCacheOptions, type ClientSideCacheOptions, type ResolvedCacheOptions } from '../cache/cache-options.js';

/** Options of every node connection: everything but where to connect (that comes from the topology). */
export type ClusterNodeOptions = Omit<RedisOptions, 'host' | 'port' | 'path' | 'db' | 'lazyConnect' | 'keyPrefix' | 'clientSideCache'>;

export interface ClusterOptions {
  /** Where to start: any reachable nodes of the cluster, as `{ host, port }`, `'host:port'` or `redis://host:port`. */
  rootNodes: ReadonlyArray<NodeAddress | string>;
  /** Applied to every node connection (password, tls, protocol, timeouts …). */
  nodeOptions?: ClusterNodeOptions;
  /** MOVED/ASK redirections one command may follow before it fails. Default 16. */
  maxRedirections?: number;
  /**
   * How long (ms) one command keeps being retried on TRYAGAIN, CLUSTERDOWN, READONLY, LOADING or an unreachable
   * node (never written) before it fails with the last error. Default 15,000: long enough for a failover.
   */
  maxRetryTime?: number;
  /** Back-off before retry `attempt` (1-based), in ms. Default 10·2^attempt, capped at 200, with jitter. */
  retryDelay?: (attempt: number) => number;
  /** `'replica'`: read-only commands go to the slot's replicas (round robin; the primary if it has none). Default `'primary'`. */
  readFrom?: 'primary' | 'replica';
  /** Don't fetch the topology until the first command or connect(). Default false. */
  lazyConnect?: boolean;
  /** Least time (ms) between two topology refreshes caused by failures. MOVED refreshes are never delayed. Default 100. */
  minRefreshInterval?: number;
  /** ms allowed for one CLUSTER SHARDS / SLOTS query (connect included). Default 2,000. */
  refreshTimeout?: number;
  /**
   * Announced → reachable address, for nodes behind NAT or in containers: the topology and MOVED/ASK name
   * nodes as they announce themselves; the client connects where this map says. `{ 'host:port': { host,
   * port } }` or a function `(address, { host, port }) => { host, port } | undefined`. Root nodes are mapped too.
   */
  nodeAddressMap?: NodeAddressMap;
  /**
   * Re-read the topology every this many ms (after the first one), to learn changes no command runs into:
   * replicas added or gone, a manual failover before the first MOVED. 0 turns it off. Default 30,000. The
   * timer does not keep the process alive.
   */
  topologyRefreshInterval?: number;
  /**
   * Resolves the host names nodes announce (`cluster-announce-hostname`) for TLS connections, ioredis's shape:
   * `(hostname, callback: (error, address) => void) => void`. The TLS server name stays the host name, so the
   * certificate is checked against it. Plain TCP connections use the system resolver.
   */
  dnsLookup?: DnsLookup;
  /** Put before every key of every command; slots are computed on the prefixed keys. See RedisOptions.keyPrefix. */
  keyPrefix?: KeyPrefix;
  /**
   * Client-side caching (see RedisOptions.clientSideCache): one cache for the cluster client, fed by the
   * invalidations of every node connection; any node connection lost clears all of it.
   */
  clientSideCache?: ClientSideCacheOptions | boolean;
}

export type DnsLookup = (hostname: string, callback: (error: Error | null, address?: string) => void) => void;

/** Every key of ClusterOptions (the compiler keeps this list complete): anything else is refused. */
const CLUSTER_OPTION_KEYS: Readonly<Record<keyof ClusterOptions, true>> = {
  rootNodes: true,
  nodeOptions: true,
  maxRedirections: true,
  maxRetryTime: true,
  retryDelay: true,
  readFrom: true,
  lazyConnect: true,
  minRefreshInterval: true,
  refreshTimeout: true,
  nodeAddressMap: true,
  topologyRefreshInterval: true,
  dnsLookup: true,
  keyPrefix: true,
  clientSideCache: true,
};

/** What the topology decides for each node connection, so nodeOptions cannot set it. */
const SET_BY_CLUSTER: Readonly<Record<string, string>> = {
  host: 'set per node from the topology (give the cluster rootNodes)',
  port: 'set per node from the topology (give the cluster rootNodes)',
  path: 'a cluster is reached over TCP, at the addresses the topology lists',
  db: 'a cluster has database 0 only',
  lazyConnect: "node connections open on first use; set 'lazyConnect' on the cluster options",
  keyPrefix: "set 'keyPrefix' on the cluster options: slots are computed on the prefixed keys",
  clientSideCache: "set 'clientSideCache' on the cluster options: one cache serves every node",
};

const NODE_OPTION_KEYS: Readonly<Record<string, true>> = Object.fromEntries(Object.keys(REDIS_OPTION_KEYS).filter((key) => !(key in SET_BY_CLUSTER)).map((key) => [key, true]));

export interface ResolvedClusterOptions {
  rootNodes: NodeAddress[];
  nodeOptions: ClusterNodeOptions;
  maxRedirections: number;
  maxRetryTime: number;
  retryDelay: (attempt: number) => number;
  readFrom: 'primary' | 'replica';
  lazyConnect: boolean;
  minRefreshInterval: number;
  refreshTimeout: number;
  nodeAddressMap: NodeAddressMap | undefined;
  topologyRefreshInterval: number;
  /** undefined when no prefix is set (absent or empty). */
  keyPrefix: KeyPrefix | undefined;
  /** undefined when caching is off. */
  clientSideCache: ResolvedCacheOptions | undefined;
}

export function defaultRetryDelay(attempt: number): number {
  const step = Math.min(200, 10 * 2 ** Math.min(attempt, 10));
  return Math.round(step / 2 + Math.random() * (step / 2));
}

export function resolveClusterOptions(options: ClusterOptions): ResolvedClusterOptions {
  if (options === null || typeof options !== 'object') throw new ArgumentError('RedisCluster: rootNodes must list at least one node');
  checkOptionKeys('RedisCluster', options, CLUSTER_OPTION_KEYS, FOREIGN_CLUSTER_OPTIONS);
  // With lazyConnect an empty list is taken (as ioredis does): connect() then fails, finding no node to ask.
  if (!Array.isArray(options.rootNodes) || (options.rootNodes.length === 0 && options.lazyConnect !== true)) {
    throw new ArgumentError('RedisCluster: rootNodes must list at least one node');
  }
  const readFrom = options.readFrom ?? 'primary';
  if (readFrom !== 'primary' && readFrom !== 'replica') throw new ArgumentError("RedisCluster: readFrom must be 'primary' or 'replica'");
  if (options.retryDelay !== undefined && typeof options.retryDelay !== 'function') throw new ArgumentError('RedisCluster: retryDelay must be a function (attempt) => ms');
  if (options.lazyConnect !== undefined && typeof options.lazyConnect !== 'boolean') throw new ArgumentError('RedisCluster: lazyConnect must be a boolean');
  if (options.dnsLookup !== undefined && typeof options.dnsLookup !== 'function') throw new ArgumentError('RedisCluster: dnsLookup must be a function (hostname, callback) => void');
  const nodeOptions = withLookup({ offlineQueueAttempts: 2, ...checkedNodeOptions(options.nodeOptions) }, options.dnsLookup);
  return {
    rootNodes: options.rootNodes.map(parseNode),
    nodeOptions,
    maxRedirections: count('maxRedirections', options.maxRedirections, 16),
    maxRetryTime: count('maxRetryTime', options.maxRetryTime, 15_000),
    retryDelay: options.retryDelay ?? defaultRetryDelay,
    readFrom,
    lazyConnect: options.lazyConnect ?? false,
    minRefreshInterval: count('minRefreshInterval', options.minRefreshInterval, 100),
    refreshTimeout: count('refreshTimeout', options.refreshTimeout, 2_000),
    nodeAddressMap: checkAddressMap('RedisCluster', options.nodeAddressMap),
    topologyRefreshInterval: count('topologyRefreshInterval', options.topologyRefreshInterval, 30_000),
    keyPrefix: resolveKeyPrefix('RedisCluster', options.keyPrefix),
    clientSideCache: clusterCacheOptions(options.clientSideCache, nodeOptions),
  };
}

function clusterCacheOptions(value: unknown, nodeOptions: ClusterNodeOptions): ResolvedCacheOptions | undefined {
  const resolved = resolveCacheOptions(value);
  if (resolved !== undefined && nodeOptions.protocol === 2) throw new ArgumentError('RedisCluster: clientSideCache needs protocol 3 (RESP3) on the nodes: invalidations arrive as pushes');
  return resolved;
}

/** TLS node connections resolve host names through `dnsLookup` (net's `lookup` socket option); servername unchanged. */
function withLookup(nodeOptions: ClusterNodeOptions, dnsLookup: DnsLookup | undefined): ClusterNodeOptions {
  if (dnsLookup === undefined || nodeOptions.tls === undefined) return nodeOptions;
  const lookup: LookupFunction = (hostname, lookupOptions, callback) => {
    dnsLookup(hostname, (error, address) => {
      if (error !== null || address === undefined) {
        callback(error ?? new Error(`dnsLookup gave no address for ${hostname}`), '', 4);
        return;
      }
      const family = isIP(address) === 6 ? 6 : 4;
      // With autoSelectFamily, net asks for every address (`all`).
      if (lookupOptions.all === true) (callback as unknown as (error: null, addresses: { address: string; family: number }[]) => void)(null, [{ address, family }]);
      else callback(null, address, family);
    });
  };
  return { ...nodeOptions, tls: { ...(nodeOptions.tls === true ? {} : nodeOptions.tls), lookup } };
}

/** nodeOptions are checked now, not when the first connection to a node opens (a command later). */
function checkedNodeOptions(nodeOptions: ClusterNodeOptions | undefined): ClusterNodeOptions {
  if (nodeOptions === undefined) return {};
  if (typeof nodeOptions !== 'object' || nodeOptions === null) throw new ArgumentError('RedisCluster: nodeOptions must be an object');
  checkOptionKeys('RedisCluster nodeOptions', nodeOptions, NODE_OPTION_KEYS, { ...FOREIGN_CLIENT_OPTIONS, ...SET_BY_CLUSTER });
  resolveOptions({ ...nodeOptions, lazyConnect: true }); // value checks (throws ArgumentError)
  return nodeOptions;
}

function count(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw new ArgumentError(`RedisCluster: ${name} must be a non-negative integer`);
  return value;
}

function parseNode(node: NodeAddress | string): NodeAddress {
  if (typeof node === 'object' && node !== null) {
    if (typeof node.host !== 'string' || !isValidPort(node.port)) throw new ArgumentError('RedisCluster: a root node needs a host and a valid port');
    return { host: node.host, port: node.port };
  }
  if (typeof node !== 'string') throw new ArgumentError('RedisCluster: root nodes are { host, port } objects or strings');
  const text = /^rediss?:\/\//.test(node) ? node : `redis://${node}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ArgumentError(`RedisCluster: invalid root node '${node}'`);
  }
  const port = url.port === '' ? 6379 : Number(url.port);
  if (!isValidPort(port) || url.hostname === '') throw new ArgumentError(`RedisCluster: invalid root node '${node}'`);
  return { host: url.hostname.replace(/^\[(.*)\]$/, '$1'), port };
}
