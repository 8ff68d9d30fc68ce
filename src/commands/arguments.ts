// Argument builders shared by the command families. They throw ArgumentError before anything is sent.
import { ArgumentError } from '../errors.js';
import type { RedisArg, RedisKey } from './define.js';

/** A Date or a number of seconds since the epoch → integer seconds. */
export function unixSeconds(command: string, when: Date | number): number {
  const ms = when instanceof Date ? when.getTime() : typeof when === 'number' ? when * 1000 : NaN;
  if (!Number.isFinite(ms)) throw new ArgumentError(`${command}: expected a valid Date or a number of seconds since the epoch`);
  return Math.floor(ms / 1000);
}

/** A Date or a number of milliseconds since the epoch → integer milliseconds. */
export function unixMilliseconds(command: string, when: Date | number): number {
  const ms = when instanceof Date ? when.getTime() : when;
  if (typeof ms !== 'number' || !Number.isFinite(ms)) throw new ArgumentError(`${command}: expected a valid Date or a number of milliseconds since the epoch`);
  return Math.floor(ms);
}

/** Field/value (or key/value) pairs as one argument: an object, or a Map (whose keys may be Buffers). */
export type FieldValues = Record<string, RedisArg> | ReadonlyMap<RedisArg, RedisArg>;

/** `{ a: 1, b: 2 }` or `new Map([['a', 1], ['b', 2]])` → `['a', 1, 'b', 2]`; `[…]` stays as given. */
export function flattenPairs(command: string, values: readonly unknown[]): RedisArg[] {
  const only = values.length === 1 ? values[0] : undefined;
  if (isPlainRecord(only) || only instanceof Map) {
    const out: RedisArg[] = [];
    const entries = only instanceof Map ? only.entries() : Object.entries(only);
    for (const [field, value] of entries) out.push(field as RedisArg, value as RedisArg);
    if (out.length === 0) throw new ArgumentError(`${command}: at least one field is required`);
    return out;
  }
  if (values.length === 0 || values.length % 2 !== 0) throw new ArgumentError(`${command}: expected field/value pairs or an object`);
  return values as RedisArg[];
}

export function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Buffer.isBuffer(value) || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** One key or a list of keys → a non-empty list. */
export function keyList(command: string, keys: RedisKey | readonly RedisKey[]): RedisKey[] {
  const list = Array.isArray(keys) ? [...keys] : [keys as RedisKey];
  if (list.length === 0) throw new ArgumentError(`${command}: at least one key is required`);
  return list;
}

/** A blocking command's timeout in seconds (0 = forever). */
export function blockingTimeout(command: string, seconds: number): number {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) {
    throw new ArgumentError(`${command}: timeout must be a non-negative number of seconds`);
  }
  return seconds;
}
