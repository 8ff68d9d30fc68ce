// The OcRedis part of the public API (re-exported by src/index.ts).
export { OcRedis, type OcRedisOptions } from './oc-redis.js';
export { OcRedisCluster, type OcRedisClusterOptions } from './oc-redis-cluster.js';
export { OcRedisPool, type OcRedisPoolOptions } from './oc-redis-pool.js';
export { instrumentClient, type InstrumentOptions } from './instrument-client.js';
export type { Endpoint } from './attributes.js';
export type { OcRedisTelemetryOptions, RedactMode, CommandInfoForHook } from './options.js';
export {
  METRIC_LATENCY,
  METRIC_CALLS,
  METRIC_KEY_LENGTHS,
  METRIC_VALUE_LENGTHS,
  METRIC_OPERATION_DURATION,
  METRIC_REDIRECTS,
  LATENCY_BUCKETS_MS,
  LENGTH_BUCKETS_BYTES,
} from './instruments.js';
