import { ArgumentError } from '../errors.js';
import { command, type RedisArg, type RedisKey } from './define.js';
import { blockingTimeout, isPlainRecord, keyList } from './arguments.js';
import { toBlockingPop, toPoppedMembers, toScanPage, toScore, toScoreOrNull, toScoredMembers, type ScoredMember } from './replies.js';

type ScoredInput = Record<string, number> | ScoredMember<RedisArg>[];

/** ZADD's members: `{ member: score }`, `[{ member, score }]`, or raw `[options…] score member …`. */
function zaddArgs(key: RedisKey, ...rest: [ScoredInput, ...RedisArg[]] | RedisArg[]): RedisArg[] {
  const [first, ...options] = rest;
  if (isPlainRecord(first)) {
    const out: RedisArg[] = [key, ...(options as RedisArg[])];
    for (const [member, score] of Object.entries(first)) out.push(score as number, member);
    return requireMembers(out, options.length);
  }
  if (Array.isArray(first)) {
    const out: RedisArg[] = [key, ...(options as RedisArg[])];
    for (const item of first) out.push(item.score, item.member);
    return requireMembers(out, options.length);
  }
  if (rest.length < 2) throw new ArgumentError('ZADD: expected score/member pairs or an object of member → score');
  return [key, ...(rest as RedisArg[])];
}

function requireMembers(args: RedisArg[], optionCount: number): RedisArg[] {
  if (args.length === 1 + optionCount) throw new ArgumentError('ZADD: at least one member is required');
  return args;
}

export const sortedSetCommands = {
  /** ZADD key { member: score } [NX|XX|GT|LT|CH], or ZADD key [options…] score member …: members added (or changed, with CH). */
  zadd: command('ZADD', {
    args: zaddArgs,
    // With INCR the reply is the new score: a RESP2 string or a RESP3 double; a number either way.
    reply: (raw: number | string | null): number | null => (typeof raw === 'string' ? toScore(raw) : raw),
  }),
  zincrby: command<[key: RedisKey, increment: number, member: RedisArg], number>('ZINCRBY', { reply: toScore }),
  zscore: command<[key: RedisKey, member: RedisArg], number | null>('ZSCORE', { reply: toScoreOrNull }),
  zmscore: command<[key: RedisKey, ...members: RedisArg[]], (number | null)[]>('ZMSCORE', {
    reply: (raw: unknown[]) => raw.map(toScoreOrNull),
  }),
  zcard: command<[key: RedisKey], number>('ZCARD'),
  zcount: command<[key: RedisKey, min: RedisArg, max: RedisArg], number>('ZCOUNT'),
  zrank: command<[key: RedisKey, member: RedisArg], number | null>('ZRANK'),
  zrevrank: command<[key: RedisKey, member: RedisArg], number | null>('ZREVRANK'),
  zrem: command<[key: RedisKey, ...members: RedisArg[]], number>('ZREM'),
  /** ZRANGE key start stop [BYSCORE|BYLEX] [REV] [LIMIT offset count]: members only. */
  zrange: command<[key: RedisKey, start: RedisArg, stop: RedisArg, ...options: RedisArg[]], string[], Buffer[]>('ZRANGE', { buffer: true }),
  /** ZRANGE … WITHSCORES: `[{ member, score }]`. */
  zrangeWithScores: command('ZRANGE', {
    args: (key: RedisKey, start: RedisArg, stop: RedisArg, ...options: RedisArg[]) => [key, start, stop, ...options, 'WITHSCORES'],
    reply: toScoredMembers<string>,
    buffer: toScoredMembers<Buffer>,
  }),
  zrevrange: command<[key: RedisKey, start: number, stop: number], string[], Buffer[]>('ZREVRANGE', { buffer: true }),
  zrevrangeWithScores: command('ZREVRANGE', {
    args: (key: RedisKey, start: number, stop: number) => [key, start, stop, 'WITHSCORES'],
    reply: toScoredMembers<string>,
  }),
  zrangebyscore: command<[key: RedisKey, min: RedisArg, max: RedisArg, ...options: RedisArg[]], string[], Buffer[]>('ZRANGEBYSCORE', { buffer: true }),
  zrangebyscoreWithScores: command('ZRANGEBYSCORE', {
    args: (key: RedisKey, min: RedisArg, max: RedisArg, ...options: RedisArg[]) => [key, min, max, 'WITHSCORES', ...options],
    reply: toScoredMembers<string>,
  }),
  zremrangebyrank: command<[key: RedisKey, start: number, stop: number], number>('ZREMRANGEBYRANK'),
  zremrangebyscore: command<[key: RedisKey, min: RedisArg, max: RedisArg], number>('ZREMRANGEBYSCORE'),
  /** ZPOPMIN key [count] → `[{ member, score }]`. */
  zpopmin: command<[key: RedisKey, count?: number], ScoredMember[]>('ZPOPMIN', { reply: toPoppedMembers }),
  zpopmax: command<[key: RedisKey, count?: number], ScoredMember[]>('ZPOPMAX', { reply: toPoppedMembers }),
  bzpopmin: command('BZPOPMIN', {
    args: (keys: RedisKey | RedisKey[], timeoutSeconds: number) => [...keyList('BZPOPMIN', keys), blockingTimeout('BZPOPMIN', timeoutSeconds)],
    reply: toBlockingPop<string>,
  }),
  bzpopmax: command('BZPOPMAX', {
    args: (keys: RedisKey | RedisKey[], timeoutSeconds: number) => [...keyList('BZPOPMAX', keys), blockingTimeout('BZPOPMAX', timeoutSeconds)],
    reply: toBlockingPop<string>,
  }),
  zunionstore: command<[destination: RedisKey, numkeys: number, ...keysAndOptions: RedisArg[]], number>('ZUNIONSTORE'),
  zinterstore: command<[destination: RedisKey, numkeys: number, ...keysAndOptions: RedisArg[]], number>('ZINTERSTORE'),
  zscan: command<[key: RedisKey, cursor: string | number, ...options: RedisArg[]], { cursor: string; items: string[] }, { cursor: string; items: Buffer[] }>('ZSCAN', {
    reply: toScanPage,
    buffer: true,
  }),
};
