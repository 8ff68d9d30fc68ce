import { command, type RedisArg, type RedisKey } from './define.js';
import { toBoolean } from './replies.js';

const scriptArgs = (script: string, keys: readonly RedisKey[] = [], args: readonly RedisArg[] = []): RedisArg[] => [script, keys.length, ...keys, ...args];

export const scriptingCommands = {
  /** EVAL script numkeys key … arg …, written as eval(script, keys, args). */
  eval: command('EVAL', { args: scriptArgs, reply: (raw: unknown) => raw }),
  evalsha: command('EVALSHA', { args: scriptArgs, reply: (raw: unknown) => raw }),
  evalRo: command('EVAL_RO', { args: scriptArgs, reply: (raw: unknown) => raw }),
  evalshaRo: command('EVALSHA_RO', { args: scriptArgs, reply: (raw: unknown) => raw }),
  scriptLoad: command<[script: string], string>('SCRIPT LOAD'),
  scriptExists: command<string[], boolean[]>('SCRIPT EXISTS', { reply: (raw: unknown[]) => raw.map(toBoolean) }),
  scriptFlush: command<[mode?: 'ASYNC' | 'SYNC'], 'OK'>('SCRIPT FLUSH'),
  scriptKill: command<[], 'OK'>('SCRIPT KILL'),
  fcall: command('FCALL', {
    args: (fn: string, keys: readonly RedisKey[] = [], args: readonly RedisArg[] = []) => [fn, keys.length, ...keys, ...args],
    reply: (raw: unknown) => raw,
  }),
};
