// What the adapter needs of a core client (Redis, OcRedis, RedisCluster, OcRedisCluster) and its batches:
// the single network method of each, so every command of this entry takes the core's one path.
import type { EventEmitter } from 'node:events';
import type { Deferred } from '../client/batch-deferred.js';
import type { ReplyTransform } from '../connection/command.js';
import type { RedisArg } from '../resp/types.js';

export interface CoreBatch {
  queueCommand<T = unknown>(name: string, args: readonly RedisArg[], returnBuffers?: boolean, transform?: ReplyTransform<T>): Deferred<T>;
  exec(): Promise<unknown[]>;
}

export interface CoreTransaction {
  multi(): CoreBatch;
  watch(...keys: RedisArg[]): Promise<'OK'>;
  unwatch(): Promise<void>;
  readonly isActive: boolean;
}

export interface CoreClient extends EventEmitter {
  sendCommand<T = unknown>(name: string, args: readonly RedisArg[], returnBuffers?: boolean, transform?: ReplyTransform<T>): Promise<T>;
  pipeline(): CoreBatch;
  multi(): CoreBatch;
  watch(...keys: RedisArg[]): Promise<CoreTransaction>;
  connect(): Promise<void>;
  quit(): Promise<'OK'>;
  disconnect(): void;
}
