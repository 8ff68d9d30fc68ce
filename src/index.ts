// Public exports only.
export { Redis, type RedisOptions, type ConnectionStatus, type CallOptions } from './client/redis.js';
export { Batch, Pipeline, Multi, Deferred, type DeferredStatus, type QueuedCommand } from './client/pipeline.js';
export type { HandleValues } from './client/handle-values.js';
export { Transaction, type TransactionOptions } from './client/transaction.js';
export { ConnectionPool } from './client/pool.js';
export { createPool, RedisPool, PooledClient } from './client/redis-pool.js';
export {
  Subscriber,
  type SubscriberOptions,
  type PubSubMessage,
  type PubSubEvent,
  type SubscriptionChange,
  type SubscriptionKind,
  type MessageHandler,
  type SubscribeCommand,
} from './client/pubsub.js';
export type { Script, ScriptCall, ScriptOptions } from './client/scripts.js';
export type { ScanOptions, KeyScanOptions } from './client/scan.js';
export { Monitor, type MonitorEvent, type MonitorOptions } from './client/monitor.js';
export type { KeyPrefix } from './commands/key-prefix.js';
export type { ClientSideCacheOptions } from './cache/cache-options.js';
export type { CacheStats, ClientSideCache } from './cache/client-cache.js';
export { CACHEABLE_COMMANDS } from './cache/cacheable-commands.js';
export { BLOCKING_GRACE_MS } from './client/blocking.js';
export type { ReconnectStrategy } from './connection/reconnect.js';
export type { RedisArg, RedisKey, ScoredMember, StreamEntry, StreamMessages, CommandMethods } from './commands/index.js';
export * from './errors.js';
export { RedisCluster, type ClusterNode, type ClusterOptions, type RedirectEvent, type RetryEvent, type CommandObserver } from './cluster/cluster.js';
export { ClusterPipeline, ClusterMulti } from './cluster/cluster-batch.js';
export { ClusterSubscriber, type ClusterSubscriberOptions, type ShardChannelsMovedEvent, type FollowReason } from './cluster/cluster-pubsub.js';
export type { ClusterNodeOptions, DnsLookup } from './cluster/options.js';
export type { ClusterScanOptions } from './cluster/cluster-scan.js';
export type { NodeAddressMap } from './address-map.js';
export type { NodeAddress, SlotMap, Shard } from './cluster/topology.js';
export { TopologyError } from './cluster/topology.js';
export { keySlot } from './cluster/slot.js';
export { ClusterRedirectionError, ClusterUnreachableError, SlotUnservedError } from './cluster/errors.js';
export { SentinelRedis, type SentinelOptions } from './sentinel/sentinel-redis.js';
export { NoSentinelReachableError, MasterUnknownError } from './sentinel/errors.js';
export {
  OcRedis,
  OcRedisCluster,
  OcRedisPool,
  instrumentClient,
  type OcRedisOptions,
  type OcRedisClusterOptions,
  type OcRedisPoolOptions,
  type OcRedisTelemetryOptions,
  type InstrumentOptions,
  type RedactMode,
  type CommandInfoForHook,
  type Endpoint,
} from './otel/index.js';
export type { CommandMessage, BatchMessage, ConnectMessage, ChannelEndpoint } from './diagnostics/channels.js';
