// ioredis's defineCommand() and `scripts` option: a Lua script as a method. It runs through the core's
// registered script (EVAL the first time, EVALSHA after, EVAL again on NOSCRIPT); pipelines follow the same
// rule through the script's runner (pipeline.ts), so a script used by a single call is EVALSHA there.
import { createScript, type Script, type ScriptHost } from '../client/scripts.js';
import { ArgumentError } from '../errors.js';
import type { RedisArg } from '../resp/types.js';
import { ioArguments } from './arguments.js';
import type { ScriptDefinition } from './constructor-args.js';

export interface DefinedScript {
  readonly lua: string;
  readonly numberOfKeys: number | undefined;
  readonly readOnly: boolean;
  readonly script: Script;
}

export function defineScript(host: ScriptHost, name: string, definition: ScriptDefinition): DefinedScript {
  if (typeof name !== 'string' || !/^[A-Za-z_$][\w$]*$/.test(name)) throw new ArgumentError('defineCommand: the name must be a valid method name');
  if (typeof definition !== 'object' || definition === null) throw new ArgumentError('defineCommand: expected { lua, numberOfKeys?, readOnly? }');
  const { lua, numberOfKeys, readOnly = false } = definition;
  if (numberOfKeys !== undefined && numberOfKeys !== null && (!Number.isInteger(numberOfKeys) || numberOfKeys < 0)) {
    throw new ArgumentError('defineCommand: numberOfKeys must be a non-negative integer (or absent: the first argument gives it)');
  }
  const script = createScript(host, lua, { readOnly });
  return { lua, numberOfKeys: numberOfKeys ?? undefined, readOnly, script };
}

/** `numkeys key … arg …` from the method's parameters (with numberOfKeys, the keys come first). */
export function scriptArguments(script: Pick<DefinedScript, 'numberOfKeys'>, params: readonly unknown[]): RedisArg[] {
  const flat = ioArguments('EVAL', params);
  if (script.numberOfKeys === undefined) return flat; // the caller gave numkeys first, as with EVAL
  if (flat.length < script.numberOfKeys) throw new ArgumentError(`The script takes ${script.numberOfKeys} keys; got ${flat.length} arguments`);
  return [script.numberOfKeys, ...flat];
}

/** Checks `numkeys key … arg …` before anything is sent: numkeys must count keys that are there. */
export function checkNumberOfKeys(args: readonly RedisArg[]): void {
  const count = Number(args[0]);
  if (!Number.isInteger(count) || count < 0 || count > args.length - 1) throw new ArgumentError('The number of keys must be a non-negative integer no larger than the arguments that follow it');
}
