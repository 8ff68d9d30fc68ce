// SET's result depends on its options: 'OK' when nothing can stop it, 'OK' | null with NX / XX, the old value
// (or null) with GET. Overloads say so; the options themselves are the generated SetOptions.
import type { Out, RedisArg, RedisKey, ResultKind } from './define.js';
import type { SetOptions } from './generated/command-types.js';

type Conditional = { NX: true } | { XX: true };
type Unconditional = Omit<SetOptions, 'NX' | 'XX' | 'GET'>;

export interface SetMethods<W extends ResultKind> {
  /** Sets the string value of a key, ignoring its type. The key is created if it doesn't exist. Since 1.0.0. */
  set(key: RedisKey, value: RedisArg, options?: Unconditional): Out<W, 'OK'>;
  /** With GET: the previous value, or null when the key did not exist (or NX / XX stopped the SET). Since 6.2.0. */
  set(key: RedisKey, value: RedisArg, options: SetOptions & { GET: true }): Out<W, string | null>;
  /** With NX or XX: 'OK', or null when the condition stopped the SET. Since 2.6.12. */
  set(key: RedisKey, value: RedisArg, options: SetOptions & Conditional): Out<W, 'OK' | null>;
  /** Options as raw arguments: `set(k, v, 'EX', 10, 'NX')`. */
  set(key: RedisKey, value: RedisArg, ...options: RedisArg[]): Out<W, 'OK' | string | null>;
  /** Like set(); with GET the previous value is a Buffer. Since 1.0.0. */
  setBuffer(key: RedisKey, value: RedisArg, options?: Unconditional): Out<W, 'OK'>;
  setBuffer(key: RedisKey, value: RedisArg, options: SetOptions & { GET: true }): Out<W, Buffer | null>;
  setBuffer(key: RedisKey, value: RedisArg, options: SetOptions & Conditional): Out<W, 'OK' | null>;
  setBuffer(key: RedisKey, value: RedisArg, ...options: RedisArg[]): Out<W, 'OK' | Buffer | null>;
}
