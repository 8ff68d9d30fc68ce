import { command, type RedisArg, type RedisKey } from './define.js';
import { toBoolean, toBooleans, toScanPage } from './replies.js';

export const setCommands = {
  sadd: command<[key: RedisKey, ...members: RedisArg[]], number>('SADD'),
  srem: command<[key: RedisKey, ...members: RedisArg[]], number>('SREM'),
  smembers: command<[key: RedisKey], string[], Buffer[]>('SMEMBERS', { buffer: true }),
  sismember: command<[key: RedisKey, member: RedisArg], boolean>('SISMEMBER', { reply: toBoolean }),
  smismember: command<[key: RedisKey, ...members: RedisArg[]], boolean[]>('SMISMEMBER', { reply: toBooleans }),
  scard: command<[key: RedisKey], number>('SCARD'),
  spop: command<[key: RedisKey, count?: number], string | string[] | null, Buffer | Buffer[] | null>('SPOP', { buffer: true }),
  srandmember: command<[key: RedisKey, count?: number], string | string[] | null, Buffer | Buffer[] | null>('SRANDMEMBER', { buffer: true }),
  smove: command<[source: RedisKey, destination: RedisKey, member: RedisArg], boolean>('SMOVE', { reply: toBoolean }),
  sinter: command<RedisKey[], string[], Buffer[]>('SINTER', { buffer: true }),
  sunion: command<RedisKey[], string[], Buffer[]>('SUNION', { buffer: true }),
  sdiff: command<RedisKey[], string[], Buffer[]>('SDIFF', { buffer: true }),
  sinterstore: command<[destination: RedisKey, ...keys: RedisKey[]], number>('SINTERSTORE'),
  sunionstore: command<[destination: RedisKey, ...keys: RedisKey[]], number>('SUNIONSTORE'),
  sdiffstore: command<[destination: RedisKey, ...keys: RedisKey[]], number>('SDIFFSTORE'),
  sintercard: command<[numkeys: number, ...keysAndOptions: RedisArg[]], number>('SINTERCARD'),
  sscan: command<[key: RedisKey, cursor: string | number, ...options: RedisArg[]], { cursor: string; items: string[] }, { cursor: string; items: Buffer[] }>('SSCAN', {
    reply: toScanPage,
    buffer: true,
  }),
};
