import { command, type RedisArg, type RedisKey } from './define.js';
import { flattenPairs, type FieldValues } from './arguments.js';
import { toBoolean, toObject, toScanPage, toScore } from './replies.js';

export const hashCommands = {
  /** HSET key field value [field value …], HSET key { field: value } or HSET key Map: the number of new fields. */
  hset: command('HSET', {
    args: (key: RedisKey, ...values: [FieldValues] | RedisArg[]) => [key, ...flattenPairs('HSET', values)],
    reply: (raw: number) => raw,
  }),
  hsetnx: command<[key: RedisKey, field: RedisArg, value: RedisArg], boolean>('HSETNX', { reply: toBoolean }),
  hget: command<[key: RedisKey, field: RedisArg], string | null, Buffer | null>('HGET', { buffer: true }),
  hmget: command<[key: RedisKey, ...fields: RedisArg[]], (string | null)[], (Buffer | null)[]>('HMGET', { buffer: true }),
  /** The whole hash as an object ({} when the key does not exist). */
  hgetall: command<[key: RedisKey], Record<string, string>, Record<string, Buffer>>('HGETALL', { reply: toObject, buffer: true }),
  hdel: command<[key: RedisKey, ...fields: RedisArg[]], number>('HDEL'),
  hexists: command<[key: RedisKey, field: RedisArg], boolean>('HEXISTS', { reply: toBoolean }),
  hincrby: command<[key: RedisKey, field: RedisArg, increment: number], number>('HINCRBY'),
  hincrbyfloat: command<[key: RedisKey, field: RedisArg, increment: number], number>('HINCRBYFLOAT', { reply: toScore }),
  hkeys: command<[key: RedisKey], string[], Buffer[]>('HKEYS', { buffer: true }),
  hvals: command<[key: RedisKey], string[], Buffer[]>('HVALS', { buffer: true }),
  hlen: command<[key: RedisKey], number>('HLEN'),
  hstrlen: command<[key: RedisKey, field: RedisArg], number>('HSTRLEN'),
  /** HRANDFIELD key [count [WITHVALUES]]: WITHVALUES gives a flat [field, value, …] list in both protocols. */
  hrandfield: command<[key: RedisKey, ...options: RedisArg[]], string | string[] | null>('HRANDFIELD', {
    reply: (raw: unknown) => (Array.isArray(raw) && Array.isArray(raw[0]) ? (raw as string[][]).flat() : (raw as string | string[] | null)),
  }),
  hscan: command<[key: RedisKey, cursor: string | number, ...options: RedisArg[]], { cursor: string; items: string[] }, { cursor: string; items: Buffer[] }>('HSCAN', {
    reply: toScanPage,
    buffer: true,
  }),
};
