import { command, type RedisArg, type RedisKey } from './define.js';
import { unixMilliseconds, unixSeconds } from './arguments.js';
import { toBoolean, toScanPage } from './replies.js';

export const keyCommands = {
  del: command<RedisKey[], number>('DEL'),
  unlink: command<RedisKey[], number>('UNLINK'),
  exists: command<RedisKey[], number>('EXISTS'),
  touch: command<RedisKey[], number>('TOUCH'),
  type: command<[key: RedisKey], string>('TYPE'),
  keys: command<[pattern: RedisArg], string[], Buffer[]>('KEYS', { buffer: true }),
  randomkey: command<[], string | null>('RANDOMKEY'),
  rename: command<[key: RedisKey, newKey: RedisKey], 'OK'>('RENAME'),
  renamenx: command<[key: RedisKey, newKey: RedisKey], boolean>('RENAMENX', { reply: toBoolean }),
  copy: command<[source: RedisKey, destination: RedisKey, ...options: RedisArg[]], boolean>('COPY', { reply: toBoolean }),
  /** EXPIRE key seconds [NX | XX | GT | LT] → whether the timeout was set. */
  expire: command<[key: RedisKey, seconds: number, ...mode: RedisArg[]], boolean>('EXPIRE', { reply: toBoolean }),
  pexpire: command<[key: RedisKey, milliseconds: number, ...mode: RedisArg[]], boolean>('PEXPIRE', { reply: toBoolean }),
  /** EXPIREAT with a Date or seconds since the epoch. */
  expireat: command('EXPIREAT', {
    args: (key: RedisKey, when: Date | number, ...mode: RedisArg[]) => [key, unixSeconds('EXPIREAT', when), ...mode],
    reply: toBoolean,
  }),
  /** PEXPIREAT with a Date or milliseconds since the epoch. */
  pexpireat: command('PEXPIREAT', {
    args: (key: RedisKey, when: Date | number, ...mode: RedisArg[]) => [key, unixMilliseconds('PEXPIREAT', when), ...mode],
    reply: toBoolean,
  }),
  /** Seconds to live; -1 without expiry, -2 when the key does not exist. */
  ttl: command<[key: RedisKey], number>('TTL'),
  pttl: command<[key: RedisKey], number>('PTTL'),
  expiretime: command<[key: RedisKey], number>('EXPIRETIME'),
  pexpiretime: command<[key: RedisKey], number>('PEXPIRETIME'),
  persist: command<[key: RedisKey], boolean>('PERSIST', { reply: toBoolean }),
  /** One SCAN step: `{ cursor, items }`. See scanIter for the whole walk. */
  scan: command<[cursor: string | number, ...options: RedisArg[]], { cursor: string; items: string[] }, { cursor: string; items: Buffer[] }>('SCAN', {
    reply: toScanPage,
    buffer: true,
  }),
};
