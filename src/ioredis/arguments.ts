// ioredis's argument forms: arrays are spread one level (`del(['a', 'b'])`, `sadd('s', ['a', 'b'])`), and the
// commands that take field/value pairs also take an object or a Map (`hset('h', { a: 1 })`, `mset(map)`).
import type { RedisArg } from '../resp/types.js';

/** Where each pair-taking command may have its object / Map: the argument index. */
const PAIRS_AT: Readonly<Record<string, number>> = { HSET: 1, HMSET: 1, MSET: 0, MSETNX: 0 };

/** One argument as ioredis users pass it. */
export type IoArg = RedisArg | null | undefined | readonly (RedisArg | null | undefined)[] | ReadonlyMap<RedisArg, RedisArg> | Readonly<Record<string, RedisArg>>;

/** The wire arguments of `command` (upper-case) from ioredis-style parameters. */
export function ioArguments(command: string, params: readonly unknown[]): RedisArg[] {
  const pairsAt = PAIRS_AT[command];
  const out: RedisArg[] = [];
  params.forEach((param, index) => {
    if (Array.isArray(param)) {
      for (const item of param) out.push(item as RedisArg);
    } else if (index === pairsAt && isPairsObject(param)) {
      const entries = param instanceof Map ? param.entries() : Object.entries(param);
      for (const [field, value] of entries) out.push(field as RedisArg, value as RedisArg);
    } else {
      out.push(param as RedisArg);
    }
  });
  return out;
}

function isPairsObject(value: unknown): value is Map<unknown, unknown> | Record<string, unknown> {
  return value instanceof Map || (typeof value === 'object' && value !== null && !Buffer.isBuffer(value) && !ArrayBuffer.isView(value));
}

/** ioredis's node-style callback: the last parameter when it is a function. */
export type NodeCallback<T = unknown> = (error: Error | null, result?: T) => void;

/** Splits a trailing callback off the parameters. */
export function splitCallback(params: unknown[]): { params: unknown[]; callback: NodeCallback | undefined } {
  const last = params[params.length - 1];
  if (typeof last !== 'function') return { params, callback: undefined };
  return { params: params.slice(0, -1), callback: last as NodeCallback };
}

/**
 * Calls `callback` (if any) when `promise` settles, node style, and returns the promise. A callback that
 * throws is re-thrown on the next tick, as ioredis does, so it cannot turn into an unhandled rejection here.
 */
export function withCallback<T>(promise: Promise<T>, callback: NodeCallback<T> | undefined): Promise<T> {
  if (callback === undefined) return promise;
  const rethrow = (error: unknown): void => {
    process.nextTick(() => {
      throw error;
    });
  };
  promise.then(
    (result) => {
      try {
        callback(null, result);
      } catch (error) {
        rethrow(error);
      }
    },
    (error: Error) => {
      try {
        callback(error);
      } catch (thrown) {
        rethrow(thrown);
      }
    },
  );
  return promise;
}
