// The `keyPrefix` option: every key argument of a command gets the prefix before the command is built, so the
// wire command, cluster slot routing and read-only retries all see the key the server stores. Keys are found
// by the command table's key specs (keyIndexes: GET, MSET, EVAL/FCALL numkeys, XREAD STREAMS, MIGRATE KEYS …);
// SORT's BY and GET patterns name keys too and get the prefix as well (not `GET #`). Patterns of KEYS / SCAN
// MATCH, channels and replies are left alone: a key name in a reply (SCAN, KEYS, BLPOP …) keeps its prefix.
import { ArgumentError } from '../errors.js';
import type { RedisArg } from '../resp/types.js';
import { argIs, keyIndexes } from './key-positions.js';

export type KeyPrefix = string | Buffer;

/** The option's value: undefined for no prefix (absent or empty), so the command path tests one field. */
export function resolveKeyPrefix(owner: string, value: unknown): KeyPrefix | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' && !Buffer.isBuffer(value)) throw new ArgumentError(`${owner}: keyPrefix must be a string or a Buffer`);
  return value.length === 0 ? undefined : value;
}

/**
 * The one call every command path makes (Redis, Transaction and batches, RedisCluster and its MULTI): `args`
 * as given when no prefix is set (a field test, nothing else), else prefixKeys().
 */
export function applyKeyPrefix(prefix: KeyPrefix | undefined, name: string, args: readonly RedisArg[]): readonly RedisArg[] {
  return prefix === undefined ? args : prefixKeys(prefix, name, args);
}

/** `args` with `prefix` put before every key (a copy; `args` itself is never changed). */
export function prefixKeys(prefix: KeyPrefix, name: string, args: readonly RedisArg[]): readonly RedisArg[] {
  const positions = keyIndexes(name, args);
  const patterns = isSort(name) ? sortPatternIndexes(args) : NONE;
  if (positions.length === 0 && patterns.length === 0) return args;
  const out = args.slice();
  for (const i of positions) out[i] = withPrefix(prefix, out[i] as RedisArg);
  for (const i of patterns) out[i] = withPrefix(prefix, out[i] as RedisArg);
  return out;
}

const NONE: readonly number[] = [];

function withPrefix(prefix: KeyPrefix, key: RedisArg): RedisArg {
  if (typeof prefix === 'string' && typeof key !== 'object') return prefix + String(key);
  const prefixBytes = typeof prefix === 'string' ? Buffer.from(prefix) : prefix;
  return Buffer.concat([prefixBytes, Buffer.isBuffer(key) ? key : Buffer.from(String(key))]);
}

function isSort(name: string): boolean {
  const lowered = name.toLowerCase();
  return lowered === 'sort' || lowered === 'sort_ro';
}

/** SORT key [BY pattern] [LIMIT offset count] [GET pattern …] …: the BY and GET patterns (`GET #` is the element itself). */
function sortPatternIndexes(args: readonly RedisArg[]): number[] {
  const out: number[] = [];
  for (let i = 1; i < args.length - 1; i++) {
    const word = args[i] as RedisArg;
    if (argIs(word, 'limit')) i += 2;
    else if (argIs(word, 'store')) i++;
    else if (argIs(word, 'by')) out.push(++i);
    else if (argIs(word, 'get')) {
      i++;
      if (!argIs(args[i] as RedisArg, '#')) out.push(i);
    }
  }
  return out;
}
