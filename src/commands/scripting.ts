import { ArgumentError } from '../errors.js';
import { command, type RedisArg, type RedisKey } from './define.js';
import { toBoolean } from './replies.js';

/**
 * The two ways to pass keys and arguments to EVAL, EVALSHA, FCALL …:
 * - `(script, keys[], args[])`: ours (both lists optional)
 * - `(script, numkeys, ...keys, ...args)`: the wire order, as ioredis (and redis-cli) write it
 */
export type ScriptParams = [script: string | Buffer, keys?: readonly RedisKey[], args?: readonly RedisArg[]] | [script: string | Buffer, numkeys: number, ...keysAndArgs: RedisArg[]];

/** `SCRIPT numkeys key … arg …` from either form; ArgumentError naming both forms for anything else. */
function scriptArgs(method: string): (...params: ScriptParams) => RedisArg[] {
  const forms = `${method}: pass (script, keys[], args[]) or (script, numkeys, ...keys, ...args)`;
  return (script, ...rest) => {
    if (typeof script !== 'string' && !Buffer.isBuffer(script)) throw new ArgumentError(`${forms}; the script must be a string`);
    const [second] = rest;
    if (typeof second === 'number') {
      const given = rest.length - 1;
      if (!Number.isInteger(second) || second < 0 || second > given) throw new ArgumentError(`${forms}; numkeys (${second}) must be an integer between 0 and the ${given} keys and args given`);
      return [script, ...(rest as RedisArg[])];
    }
    const [keys = [], args = [], ...extra] = rest as [(readonly RedisKey[])?, (readonly RedisArg[])?, ...unknown[]];
    if (!Array.isArray(keys) || !Array.isArray(args) || extra.length > 0) throw new ArgumentError(forms);
    return [script, keys.length, ...keys, ...args];
  };
}

export const scriptingCommands = {
  /** EVAL script numkeys key … arg …, written as eval(script, keys, args) or eval(script, numkeys, ...keys, ...args). */
  eval: command('EVAL', { args: scriptArgs('eval'), reply: (raw: unknown) => raw }),
  evalsha: command('EVALSHA', { args: scriptArgs('evalsha'), reply: (raw: unknown) => raw }),
  evalRo: command('EVAL_RO', { args: scriptArgs('evalRo'), reply: (raw: unknown) => raw }),
  evalshaRo: command('EVALSHA_RO', { args: scriptArgs('evalshaRo'), reply: (raw: unknown) => raw }),
  scriptLoad: command<[script: string], string>('SCRIPT LOAD'),
  scriptExists: command<string[], boolean[]>('SCRIPT EXISTS', { reply: (raw: unknown[]) => raw.map(toBoolean) }),
  scriptFlush: command<[mode?: 'ASYNC' | 'SYNC'], 'OK'>('SCRIPT FLUSH'),
  scriptKill: command<[], 'OK'>('SCRIPT KILL'),
  /** FCALL function numkeys key … arg …, written as fcall(fn, keys, args) or fcall(fn, numkeys, ...keys, ...args). */
  fcall: command('FCALL', { args: scriptArgs('fcall'), reply: (raw: unknown) => raw }),
};
