import type { Deferred } from '../client/batch-deferred.js';
import type { RedisArg } from '../resp/types.js';

/** A key argument. Buffers are sent as they are; numbers as decimal text. */
export type RedisKey = string | Buffer;
export type { RedisArg };

/**
 * A command declared as data: the wire name, how the method's parameters become arguments, and how the raw
 * reply becomes the typed result. The Redis class installs one method per spec (and a `…Buffer` variant when
 * `bufferReply` is set); the TypeScript method types are derived from the same object, so nothing is listed twice.
 */
export interface CommandSpec<A extends unknown[] = any[], R = unknown, RB = never> {
  /** Upper-case wire name, e.g. `GET` (sub-commands go first in `args`, e.g. CONFIG with `['GET', …]`). */
  readonly name: string;
  /** Leading fixed arguments, e.g. `['GET']` for CONFIG GET. */
  readonly prefix: readonly string[];
  /** Builds the argument list; absent = the parameters as given. May throw ArgumentError for bad input. */
  readonly args: ((...params: A) => RedisArg[]) | undefined;
  /** Shapes the reply for the string method; absent = as decoded. */
  readonly reply: ((raw: any) => R) | undefined;
  /** Shapes the reply for the `…Buffer` method; present means the method exists. */
  readonly bufferReply: ((raw: any) => RB) | undefined;
  /** Whether a `…Buffer` variant exists (true when declared with `buffer`). */
  readonly hasBufferVariant: boolean;
  /**
   * For a spec that passes its parameters through: the builder used when the last parameter is an options
   * object (`set(k, v, { EX: 1 })`), from the command's generated definition. Set by the command index.
   */
  readonly optionsForm?: ((params: readonly unknown[]) => RedisArg[]) | undefined;
  /** Whether the parameters use that form (an object or array where it takes one). */
  readonly usesOptionsForm?: ((params: readonly unknown[]) => boolean) | undefined;
  /** Marker for the type-level parameters (never set at runtime). */
  readonly __types?: { params: A; result: R; bufferResult: RB };
}

export interface SpecOptions<A extends unknown[], R, RB> {
  args?: (...params: A) => RedisArg[];
  reply?: (raw: any) => R;
  /** Declare a `…Buffer` variant; `true` = same shaping as `reply`, applied to Buffer replies. */
  buffer?: true | ((raw: any) => RB);
}

/** Declares a command. `name` may hold a sub-command: `'CONFIG GET'`. */
export function command<A extends unknown[], R = unknown, RB = never>(name: string, options: SpecOptions<A, R, RB> = {}): CommandSpec<A, R, RB> {
  const [word, ...prefix] = name.split(' ');
  const buffer = options.buffer;
  return {
    name: word as string,
    prefix,
    args: options.args,
    reply: options.reply,
    bufferReply: buffer === true ? (options.reply as ((raw: any) => RB) | undefined) : buffer,
    hasBufferVariant: buffer !== undefined,
  };
}

/** How a host hands results back: Promises (Redis, Transaction, RedisCluster) or Deferred handles (batches). */
export type ResultKind = 'promise' | 'deferred';
/** A result as a host of that kind returns it. */
export type Out<W extends ResultKind, T> = W extends 'deferred' ? Deferred<T> : Promise<T>;

/** The method a spec becomes: `(…params) => Promise<result>` (or a Deferred handle on a batch). */
export type MethodOf<S, W extends ResultKind = 'promise'> = S extends CommandSpec<infer A, infer R, any> ? (...params: A) => Out<W, R> : never;
/** The `…Buffer` method a spec becomes, when it has one. */
export type BufferMethodOf<S, W extends ResultKind = 'promise'> = S extends CommandSpec<infer A, any, infer RB> ? (...params: A) => Out<W, RB> : never;

/** Every method of a table of specs, plus the `…Buffer` variants. */
export type MethodsOf<T extends Record<string, CommandSpec<any, any, any>>, W extends ResultKind = 'promise'> = {
  [K in keyof T]: MethodOf<T[K], W>;
} & {
  [K in keyof T as T[K] extends CommandSpec<any, any, infer RB> ? ([RB] extends [never] ? never : `${K & string}Buffer`) : never]: BufferMethodOf<T[K], W>;
};
