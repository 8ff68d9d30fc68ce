// Public exports only.
export { Redis, type RedisOptions, type ConnectionStatus } from './client/redis.js';
export { Batch, Pipeline, Multi, Deferred, type DeferredStatus, type QueuedCommand } from './client/pipeline.js';
export { Transaction, type TransactionOptions } from './client/transaction.js';
export { ConnectionPool } from './client/pool.js';
export type { ReconnectStrategy } from './connection/reconnect.js';
export type { RedisArg, RedisKey, ScoredMember, StreamEntry, StreamMessages, CommandMethods } from './commands/index.js';
export * from './errors.js';
