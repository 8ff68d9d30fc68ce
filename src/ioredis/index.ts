// The 'ocredis/ioredis' entry: ioredis's API (default export Redis, named Redis / Cluster) on the ocredis
// core, plus OcRedis / OcCluster, the same API observed with OpenTelemetry. Public exports only.
import { Cluster, OcCluster } from './cluster.js';
import { OcRedis, Redis } from './redis.js';
import { brandClasses } from '../brand.js';

Redis.Cluster = Cluster;
Redis.OcCluster = OcCluster;
brandClasses({ IoRedis: Redis, IoOcRedis: OcRedis, IoCluster: Cluster, IoOcCluster: OcCluster });

export { Redis, OcRedis, Cluster, OcCluster };
export type { IoRedisStatus, OcIoRedisOptions } from './redis.js';
export type { IoClusterStatus } from './cluster.js';
export type { ClusterNodeClient } from './cluster-node.js';
export type { IoClusterOptions, IoClusterNode } from './cluster-options.js';
export { Pipeline, type ExecResult } from './pipeline.js';
export { ScanStream, type ScanStreamOptions } from './scan-stream.js';
export { MonitorEmitter } from './monitor.js';
export type { IoRedisOptions, ScriptDefinition } from './constructor-args.js';
export type { NodeCallback, IoArg } from './arguments.js';
export type { IoReplies, IoCommand, IoCommandName, ScanReply, BufferReply } from './types.js';
export { ReplyError, RedisError, WatchError, ArgumentError } from '../errors.js';
export { UnknownOptionError } from '../option-check.js';
export type { OcRedisTelemetryOptions } from '../otel/options.js';

// ioredis's type names, for code that imports them along with the classes.
export type { IoRedisOptions as RedisOptions, IoRedisStatus as RedisStatus } from './redis.js';
export type { IoClusterOptions as ClusterOptions } from './cluster-options.js';
export type { IoClusterStatus as ClusterStatus } from './cluster.js';
export type { Pipeline as ChainableCommander } from './pipeline.js';
export type { NodeCallback as Callback } from './arguments.js';

export default Redis;
