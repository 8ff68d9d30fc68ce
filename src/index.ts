// Public exports only.
export { Redis, type RedisOptions, type ConnectionStatus } from './client/redis.js';
export type { ReconnectStrategy } from './connection/reconnect.js';
export type { RedisArg, RedisKey, ScoredMember, StreamEntry, StreamMessages, CommandMethods } from './commands/index.js';
export * from './errors.js';
