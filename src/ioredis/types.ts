// The typed command surface of this entry: one method per command (ioredis's names), taking ioredis's flat
// arguments and an optional node-style callback, resolving ioredis's reply shapes. Replies are typed for the
// common commands below; every other command of the generated command list resolves `unknown`.
import type { GeneratedCommandMethods } from '../commands/generated/command-types.js';
import type { IoArg, NodeCallback } from './arguments.js';
import type { CONTAINER_COMMANDS } from './commands.js';

type Nullable<T> = T | null;
/** A `[cursor, items]` SCAN-family page. */
export type ScanReply<T = string> = [cursor: string, items: T[]];

/** ioredis's reply of each command, where this entry types it (RESP2 shapes). */
export interface IoReplies {
  append: number;
  bitcount: number;
  blpop: Nullable<[key: string, element: string]>;
  brpop: Nullable<[key: string, element: string]>;
  bzpopmin: Nullable<[key: string, member: string, score: string]>;
  bzpopmax: Nullable<[key: string, member: string, score: string]>;
  copy: number;
  dbsize: number;
  decr: number;
  decrby: number;
  del: number;
  echo: string;
  eval: unknown;
  evalsha: unknown;
  exists: number;
  expire: number;
  expireat: number;
  flushall: 'OK';
  flushdb: 'OK';
  get: Nullable<string>;
  getdel: Nullable<string>;
  getex: Nullable<string>;
  getrange: string;
  getset: Nullable<string>;
  hdel: number;
  hexists: number;
  hget: Nullable<string>;
  hgetall: Record<string, string>;
  hincrby: number;
  hincrbyfloat: string;
  hkeys: string[];
  hlen: number;
  hmget: Nullable<string>[];
  hmset: 'OK';
  hscan: ScanReply;
  hset: number;
  hsetnx: number;
  hvals: string[];
  incr: number;
  incrby: number;
  incrbyfloat: string;
  info: string;
  keys: string[];
  lindex: Nullable<string>;
  llen: number;
  lpop: Nullable<string> | string[];
  lpush: number;
  lrange: string[];
  lrem: number;
  lset: 'OK';
  ltrim: 'OK';
  mget: Nullable<string>[];
  mset: 'OK';
  msetnx: number;
  persist: number;
  pexpire: number;
  ping: string;
  pttl: number;
  publish: number;
  randomkey: Nullable<string>;
  rename: 'OK';
  rpop: Nullable<string> | string[];
  rpush: number;
  sadd: number;
  scan: ScanReply;
  scard: number;
  select: 'OK';
  set: Nullable<string>;
  setex: 'OK';
  setnx: number;
  sismember: number;
  smembers: string[];
  smismember: number[];
  spop: Nullable<string> | string[];
  srem: number;
  sscan: ScanReply;
  strlen: number;
  time: [seconds: string, microseconds: string];
  ttl: number;
  type: string;
  unlink: number;
  xadd: Nullable<string>;
  xlen: number;
  xrange: [id: string, fields: string[]][];
  xread: Nullable<[stream: string, entries: [id: string, fields: string[]][]][]>;
  zadd: Nullable<number | string>;
  zcard: number;
  zcount: number;
  zincrby: string;
  zpopmax: string[];
  zpopmin: string[];
  zrange: string[];
  zrangebyscore: string[];
  zrank: Nullable<number>;
  zrem: number;
  zrevrange: string[];
  zrevrank: Nullable<number>;
  zscan: ScanReply;
  zscore: Nullable<string>;
}

/** Commands with sub-commands: one method each, the sub-command as the first argument (`config('GET', 'x')`). */
export type ContainerCommandName = (typeof CONTAINER_COMMANDS)[number];

/** The command names: the top-level commands of the generated list (sub-commands go as arguments). */
export type IoCommandName =
  | ContainerCommandName
  | { [K in keyof GeneratedCommandMethods<'promise'>]: K extends Lowercase<K> ? (K extends `${string}Buffer` ? never : K) : never }[keyof GeneratedCommandMethods<'promise'>];

/** The reply of a command: typed above, else unknown. */
export type IoReplyOf<K extends string> = K extends keyof IoReplies ? IoReplies[K] : unknown;

/** A reply with its bulk strings as Buffers (the `…Buffer` methods). */
export type BufferReply<T> = T extends string ? Buffer : T extends (infer E)[] ? BufferReply<E>[] : T extends Record<string, infer V> ? Record<string, BufferReply<V>> : T;

/** A command method of the client: flat arguments, optional callback, ioredis's reply. */
export interface IoCommand<T> {
  (...args: IoArg[]): Promise<T>;
  (...args: [...IoArg[], NodeCallback<T>]): Promise<T>;
}

/** A command method of a pipeline: the same arguments; the pipeline back, for chaining. */
export interface IoQueuedCommand<P> {
  (...args: IoArg[]): P;
  (...args: [...IoArg[], NodeCallback<unknown>]): P;
}

export type IoCommands = { [K in IoCommandName]: IoCommand<IoReplyOf<K>> } & { [K in IoCommandName as `${K}Buffer`]: IoCommand<BufferReply<IoReplyOf<K>>> };

export type IoQueuedCommands<P> = { [K in IoCommandName]: IoQueuedCommand<P> } & { [K in IoCommandName as `${K}Buffer`]: IoQueuedCommand<P> };
