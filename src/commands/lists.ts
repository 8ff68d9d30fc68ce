import { command, type RedisArg, type RedisKey } from './define.js';
import { blockingTimeout, keyList } from './arguments.js';
import { toKeyedElement } from './replies.js';

type End = 'LEFT' | 'RIGHT';

export const listCommands = {
  lpush: command<[key: RedisKey, ...elements: RedisArg[]], number>('LPUSH'),
  rpush: command<[key: RedisKey, ...elements: RedisArg[]], number>('RPUSH'),
  lpushx: command<[key: RedisKey, ...elements: RedisArg[]], number>('LPUSHX'),
  rpushx: command<[key: RedisKey, ...elements: RedisArg[]], number>('RPUSHX'),
  /** LPOP key [count]: one element (or null), or a list when count is given. */
  lpop: command<[key: RedisKey, count?: number], string | string[] | null, Buffer | Buffer[] | null>('LPOP', { buffer: true }),
  rpop: command<[key: RedisKey, count?: number], string | string[] | null, Buffer | Buffer[] | null>('RPOP', { buffer: true }),
  lrange: command<[key: RedisKey, start: number, stop: number], string[], Buffer[]>('LRANGE', { buffer: true }),
  llen: command<[key: RedisKey], number>('LLEN'),
  lindex: command<[key: RedisKey, index: number], string | null, Buffer | null>('LINDEX', { buffer: true }),
  lset: command<[key: RedisKey, index: number, element: RedisArg], 'OK'>('LSET'),
  lrem: command<[key: RedisKey, count: number, element: RedisArg], number>('LREM'),
  ltrim: command<[key: RedisKey, start: number, stop: number], 'OK'>('LTRIM'),
  linsert: command<[key: RedisKey, where: 'BEFORE' | 'AFTER', pivot: RedisArg, element: RedisArg], number>('LINSERT'),
  lpos: command<[key: RedisKey, element: RedisArg, ...options: RedisArg[]], number | number[] | null>('LPOS'),
  lmove: command<[source: RedisKey, destination: RedisKey, from: End, to: End], string | null, Buffer | null>('LMOVE', { buffer: true }),
  /** BLPOP keys timeoutSeconds → `{ key, element }`, or null when the timeout passed. */
  blpop: command('BLPOP', {
    args: (keys: RedisKey | RedisKey[], timeoutSeconds: number) => [...keyList('BLPOP', keys), blockingTimeout('BLPOP', timeoutSeconds)],
    reply: toKeyedElement<string>,
    buffer: toKeyedElement<Buffer>,
  }),
  brpop: command('BRPOP', {
    args: (keys: RedisKey | RedisKey[], timeoutSeconds: number) => [...keyList('BRPOP', keys), blockingTimeout('BRPOP', timeoutSeconds)],
    reply: toKeyedElement<string>,
    buffer: toKeyedElement<Buffer>,
  }),
  blmove: command('BLMOVE', {
    args: (source: RedisKey, destination: RedisKey, from: End, to: End, timeoutSeconds: number) => [
      source,
      destination,
      from,
      to,
      blockingTimeout('BLMOVE', timeoutSeconds),
    ],
    reply: (raw: string | null) => raw,
  }),
  brpoplpush: command('BRPOPLPUSH', {
    args: (source: RedisKey, destination: RedisKey, timeoutSeconds: number) => [source, destination, blockingTimeout('BRPOPLPUSH', timeoutSeconds)],
    reply: (raw: string | null) => raw,
  }),
};
