// Key and value lengths for the redis/key_lengths and redis/value_lengths histograms. Only called when a real
// meter records, so Buffer.byteLength on strings is paid only then.
import type { Histogram, Attributes } from '@opentelemetry/api';
import { keyIndexes } from '../commands/key-positions.js';
import type { RedisArg } from '../resp/types.js';

/** Reply values measured at most (a 100,000-element LRANGE must not cost 100,000 records). */
const MAX_REPLY_VALUES = 1024;

export function byteLength(value: RedisArg): number {
  if (typeof value === 'string') return value.length < 64 && isAscii(value) ? value.length : Buffer.byteLength(value);
  if (Buffer.isBuffer(value)) return value.length;
  return String(value).length;
}

/** One observation per key argument into `keys`, one per other argument into `values`. */
export function recordArgLengths(command: string, args: readonly RedisArg[], keys: Histogram, values: Histogram, attributes: Attributes): void {
  if (args.length === 0) return;
  const keyPositions = keyIndexes(command, args);
  for (let i = 0; i < args.length; i++) {
    const length = byteLength(args[i] as RedisArg);
    if (keyPositions.includes(i)) keys.record(length, attributes);
    else values.record(length, attributes);
  }
}

/** One observation per string / Buffer in the reply (top level, array elements, map values, nested). */
export function recordReplyLengths(reply: unknown, values: Histogram, attributes: Attributes): void {
  if (reply === 'OK') return; // a status reply (+OK), not a value
  const budget = { left: MAX_REPLY_VALUES };
  walk(reply, values, attributes, budget, 0);
}

function walk(reply: unknown, values: Histogram, attributes: Attributes, budget: { left: number }, depth: number): void {
  if (budget.left <= 0) return;
  if (typeof reply === 'string' || Buffer.isBuffer(reply)) {
    budget.left--;
    values.record(byteLength(reply), attributes);
    return;
  }
  if (depth >= 4 || reply === null || typeof reply !== 'object' || reply instanceof Error) return;
  if (Array.isArray(reply)) {
    for (const item of reply) walk(item, values, attributes, budget, depth + 1);
  } else if (reply instanceof Map) {
    for (const item of reply.values()) walk(item, values, attributes, budget, depth + 1);
  } else {
    for (const item of Object.values(reply)) walk(item, values, attributes, budget, depth + 1);
  }
}

function isAscii(value: string): boolean {
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) > 127) return false;
  return true;
}
