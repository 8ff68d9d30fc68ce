import { command, type RedisArg, type RedisKey } from './define.js';
import { flattenPairs, type FieldValues } from './arguments.js';
import { toBoolean, toScore } from './replies.js';

export const stringCommands = {
  get: command<[key: RedisKey], string | null, Buffer | null>('GET', { buffer: true }),
  /** SET key value [EX s | PX ms | EXAT t | PXAT t | KEEPTTL] [NX | XX] [GET]: 'OK', the old value with GET, or null. */
  set: command<[key: RedisKey, value: RedisArg, ...options: RedisArg[]], 'OK' | string | null, 'OK' | Buffer | null>('SET', { buffer: true }),
  setnx: command<[key: RedisKey, value: RedisArg], boolean>('SETNX', { reply: toBoolean }),
  setex: command<[key: RedisKey, seconds: number, value: RedisArg], 'OK'>('SETEX'),
  psetex: command<[key: RedisKey, milliseconds: number, value: RedisArg], 'OK'>('PSETEX'),
  getdel: command<[key: RedisKey], string | null, Buffer | null>('GETDEL', { buffer: true }),
  getex: command<[key: RedisKey, ...options: RedisArg[]], string | null, Buffer | null>('GETEX', { buffer: true }),
  getset: command<[key: RedisKey, value: RedisArg], string | null, Buffer | null>('GETSET', { buffer: true }),
  mget: command<RedisKey[], (string | null)[], (Buffer | null)[]>('MGET', { buffer: true }),
  mset: command<[values: FieldValues] | RedisArg[], 'OK'>('MSET', { args: (...values) => flattenPairs('MSET', values) }),
  msetnx: command<[values: FieldValues] | RedisArg[], boolean>('MSETNX', {
    args: (...values) => flattenPairs('MSETNX', values),
    reply: toBoolean,
  }),
  incr: command<[key: RedisKey], number>('INCR'),
  decr: command<[key: RedisKey], number>('DECR'),
  incrby: command<[key: RedisKey, increment: number], number>('INCRBY'),
  decrby: command<[key: RedisKey, decrement: number], number>('DECRBY'),
  incrbyfloat: command<[key: RedisKey, increment: number], number>('INCRBYFLOAT', { reply: toScore }),
  append: command<[key: RedisKey, value: RedisArg], number>('APPEND'),
  strlen: command<[key: RedisKey], number>('STRLEN'),
  getrange: command<[key: RedisKey, start: number, end: number], string, Buffer>('GETRANGE', { buffer: true }),
  setrange: command<[key: RedisKey, offset: number, value: RedisArg], number>('SETRANGE'),
};
