// Key and value lengths for the redis/key_lengths and redis/value_lengths histograms. Only called when a
// meter records, so lengths are computed only then.
import { keyIndexes } from '../commands/key-positions.js';
import type { RedisArg } from '../resp/types.js';
import type { CallSeries } from './instruments.js';

/** Reply values measured at most (a 100,000-element LRANGE must not cost 100,000 records). */
const MAX_REPLY_VALUES = 1024;
/** How deep nested replies are walked. */
const MAX_DEPTH = 4;

export function byteLength(value: RedisArg): number {
  if (typeof value === 'string') return value.length < 64 && isAscii(value) ? value.length : Buffer.byteLength(value);
  if (Buffer.isBuffer(value)) return value.length;
  return String(value).length;
}

/**
 * One observation per key argument as a key length, one per other argument as a value length. `keys`: the
 * key positions, when the caller already has them.
 */
export function recordArgLengths(command: string, args: readonly RedisArg[], series: CallSeries, keys?: readonly number[]): void {
  if (args.length === 0) return;
  const keyPositions = keys ?? keyIndexes(command, args);
  for (let i = 0; i < args.length; i++) {
    const length = byteLength(args[i] as RedisArg);
    if (keyPositions.includes(i)) series.recordKeyLength(length);
    else series.recordValueLength(length);
  }
}

/** One observation per string / Buffer in the reply (top level, array elements, map values, nested). */
export function recordReplyLengths(reply: unknown, series: CallSeries): void {
  if (reply === 'OK') return; // a status reply (+OK), not a value
  walk(reply, series, MAX_REPLY_VALUES, 0);
}

/** Records the values in `reply`, at most `budget` of them; returns the budget left. */
function walk(reply: unknown, series: CallSeries, budget: number, depth: number): number {
  if (budget <= 0) return budget;
  if (typeof reply === 'string' || Buffer.isBuffer(reply)) {
    series.recordValueLength(byteLength(reply));
    return budget - 1;
  }
  if (depth >= MAX_DEPTH || reply === null || typeof reply !== 'object' || reply instanceof Error) return budget;
  if (Array.isArray(reply)) {
    for (let i = 0; i < reply.length && budget > 0; i++) budget = walk(reply[i], series, budget, depth + 1);
  } else if (reply instanceof Map) {
    for (const item of reply.values()) {
      if (budget <= 0) break;
      budget = walk(item, series, budget, depth + 1);
    }
  } else {
    for (const item of Object.values(reply)) {
      if (budget <= 0) break;
      budget = walk(item, series, budget, depth + 1);
    }
  }
  return budget;
}

function isAscii(value: string): boolean {
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) > 127) return false;
  return true;
}
