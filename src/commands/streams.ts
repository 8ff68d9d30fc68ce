import { ArgumentError } from '../errors.js';
import { command, type RedisArg, type RedisKey } from './define.js';
import { flattenPairs, isPlainRecord, type FieldValues } from './arguments.js';
import { toBoolean, toObject, toStreamEntries, toStreamMessages } from './replies.js';

export interface XAddOptions {
  /** Trim to about (or exactly, with approximate: false) this many entries. */
  maxlen?: number;
  /** Trim entries with ids lower than this. */
  minid?: string;
  /** `~` trimming (default true): faster, may keep a few more entries. */
  approximate?: boolean;
  /** Don't create the stream when it is missing (reply null). */
  nomkstream?: boolean;
}

export interface XReadOptions {
  count?: number;
  /** Block for up to this many ms (0 = forever) when nothing is there yet. */
  block?: number;
}

export interface XReadGroupOptions extends XReadOptions {
  noack?: boolean;
}

function xaddArgs(key: RedisKey, id: string, fields: FieldValues | RedisArg[], options: XAddOptions = {}): RedisArg[] {
  const out: RedisArg[] = [key];
  if (options.nomkstream) out.push('NOMKSTREAM');
  if (options.maxlen !== undefined && options.minid !== undefined) throw new ArgumentError('XADD: maxlen and minid cannot both be given');
  const trim = options.approximate === false ? '=' : '~';
  if (options.maxlen !== undefined) out.push('MAXLEN', trim, options.maxlen);
  if (options.minid !== undefined) out.push('MINID', trim, options.minid);
  out.push(id, ...flattenPairs('XADD', Array.isArray(fields) ? fields : [fields]));
  return out;
}

/** `{ stream: lastId }` → `STREAMS s1 s2 id1 id2`. */
function streamsArgs(command: string, streams: Record<string, string>): RedisArg[] {
  if (!isPlainRecord(streams) || Object.keys(streams).length === 0) throw new ArgumentError(`${command}: expected an object of stream → id`);
  return ['STREAMS', ...Object.keys(streams), ...Object.values(streams)];
}

function readOptions(options: XReadGroupOptions): RedisArg[] {
  const out: RedisArg[] = [];
  if (options.count !== undefined) out.push('COUNT', options.count);
  if (options.block !== undefined) out.push('BLOCK', options.block);
  if (options.noack) out.push('NOACK');
  return out;
}

export const streamCommands = {
  /** XADD key [NOMKSTREAM] [MAXLEN|MINID ~ n] id field value …: the new entry id. */
  xadd: command('XADD', { args: xaddArgs, reply: (raw: string | null) => raw }),
  xlen: command<[key: RedisKey], number>('XLEN'),
  xdel: command<[key: RedisKey, ...ids: string[]], number>('XDEL'),
  xtrim: command<[key: RedisKey, strategy: 'MAXLEN' | 'MINID', ...thresholdAndOptions: RedisArg[]], number>('XTRIM'),
  /** XRANGE key start end [COUNT n] → `[{ id, fields }]`. */
  xrange: command('XRANGE', {
    args: (key: RedisKey, start: string = '-', end: string = '+', count?: number): RedisArg[] => (count === undefined ? [key, start, end] : [key, start, end, 'COUNT', count]),
    reply: toStreamEntries<string>,
    buffer: toStreamEntries<Buffer>,
  }),
  xrevrange: command('XREVRANGE', {
    args: (key: RedisKey, end: string = '+', start: string = '-', count?: number): RedisArg[] => (count === undefined ? [key, end, start] : [key, end, start, 'COUNT', count]),
    reply: toStreamEntries<string>,
  }),
  /** XREAD [COUNT n] [BLOCK ms] STREAMS …: `[{ stream, entries }]`, or null when BLOCK timed out. */
  xread: command('XREAD', {
    args: (streams: Record<string, string>, options: XReadOptions = {}) => [...readOptions(options), ...streamsArgs('XREAD', streams)],
    reply: toStreamMessages<string>,
    buffer: toStreamMessages<Buffer>,
  }),
  xreadgroup: command('XREADGROUP', {
    args: (group: string, consumer: string, streams: Record<string, string>, options: XReadGroupOptions = {}) => [
      'GROUP',
      group,
      consumer,
      ...readOptions(options),
      ...streamsArgs('XREADGROUP', streams),
    ],
    reply: toStreamMessages<string>,
    buffer: toStreamMessages<Buffer>,
  }),
  xack: command<[key: RedisKey, group: string, ...ids: string[]], number>('XACK'),
  /** XGROUP CREATE key group id [MKSTREAM]. */
  xgroupCreate: command('XGROUP CREATE', {
    args: (key: RedisKey, group: string, id: string = '$', options: { mkstream?: boolean } = {}): RedisArg[] => (options.mkstream ? [key, group, id, 'MKSTREAM'] : [key, group, id]),
    reply: (raw: 'OK') => raw,
  }),
  xgroupDestroy: command<[key: RedisKey, group: string], boolean>('XGROUP DESTROY', { reply: toBoolean }),
  xgroupCreateconsumer: command<[key: RedisKey, group: string, consumer: string], boolean>('XGROUP CREATECONSUMER', { reply: toBoolean }),
  xgroupDelconsumer: command<[key: RedisKey, group: string, consumer: string], number>('XGROUP DELCONSUMER'),
  xgroupSetid: command<[key: RedisKey, group: string, id: string], 'OK'>('XGROUP SETID'),
  xpending: command<[key: RedisKey, group: string, ...options: RedisArg[]], unknown>('XPENDING'),
  xclaim: command<[key: RedisKey, group: string, consumer: string, minIdleTime: number, ...idsAndOptions: RedisArg[]], unknown>('XCLAIM'),
  xautoclaim: command<[key: RedisKey, group: string, consumer: string, minIdleTime: number, start: string, ...options: RedisArg[]], unknown>('XAUTOCLAIM'),
  xinfoStream: command<[key: RedisKey], Record<string, unknown>>('XINFO STREAM', { reply: toObject }),
  xinfoGroups: command<[key: RedisKey], Record<string, unknown>[]>('XINFO GROUPS', { reply: (raw: unknown[]) => raw.map((g) => toObject(g)) }),
};
