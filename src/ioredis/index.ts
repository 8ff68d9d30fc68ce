// The 'ocredis/ioredis' entry: ioredis's API (default export Redis, named Redis / Cluster) on the ocredis
// core, plus OcRedis, the same API observed with OpenTelemetry. Public exports only.
import { Redis } from './redis.js';

export { Redis, OcRedis, type IoRedisStatus } from './redis.js';
export { Pipeline, type ExecResult } from './pipeline.js';
export { ScanStream, type ScanStreamOptions } from './scan-stream.js';
export { MonitorEmitter } from './monitor.js';
export type { IoRedisOptions, ScriptDefinition } from './constructor-args.js';
export type { NodeCallback, IoArg } from './arguments.js';
export { ReplyError, RedisError, WatchError, ArgumentError } from '../errors.js';
export { UnknownOptionError } from '../option-check.js';

export default Redis;
