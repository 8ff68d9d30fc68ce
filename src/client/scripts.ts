import { createHash } from 'node:crypto';
import type { ReplyTransform } from '../connection/command.js';
import { ArgumentError, ReplyError } from '../errors.js';
import { markHandledError } from '../handled-errors.js';
import type { RedisArg, RedisKey } from '../commands/define.js';
import { Deferred, type Batch } from './pipeline.js';

/** The keys and arguments of one script call (KEYS[…] and ARGV[…] in Lua). */
export interface ScriptCall {
  keys?: readonly RedisKey[];
  args?: readonly RedisArg[];
}

export interface ScriptOptions {
  /** Run with EVALSHA_RO / EVAL_RO: the script only reads (may run on replicas, and is re-sent after a reconnect). */
  readOnly?: boolean;
}

/** What a script needs from a client: its single network method. */
export interface ScriptHost {
  sendCommand<T = unknown>(name: string, args: readonly RedisArg[], returnBuffers?: boolean, transform?: ReplyTransform<T>): Promise<T>;
}

/**
 * A registered Lua script: call it like a function. It runs with EVALSHA; when the server does not know the
 * script (NOSCRIPT: a restart, SCRIPT FLUSH, another node) it is loaded with SCRIPT LOAD and the call retried once.
 */
export interface Script {
  (call?: ScriptCall): Promise<unknown>;
  /** Like calling the script, with bulk replies as Buffers. */
  buffer(call?: ScriptCall): Promise<unknown>;
  /** SHA1 of the source, as the server names it. */
  readonly sha: string;
  readonly lua: string;
  readonly readOnly: boolean;
  /** SCRIPT LOAD now (e.g. at start-up); resolves with the SHA1. */
  load(): Promise<string>;
  /**
   * Queues calls on a pipeline or MULTI batch: `script.on(pipe)({ keys, args })` returns the call's Deferred.
   * Batched calls are sent as EVAL with the source, because a NOSCRIPT inside a batch cannot be retried.
   */
  on(batch: Batch): (call?: ScriptCall) => Deferred<unknown>;
}

export function createScript(host: ScriptHost, lua: string, options: ScriptOptions = {}): Script {
  if (typeof lua !== 'string' || lua.length === 0) throw new ArgumentError('registerScript: the script must be a non-empty string');
  const readOnly = options.readOnly === true;
  const sha = createHash('sha1').update(lua, 'utf8').digest('hex');
  const evalsha = readOnly ? 'EVALSHA_RO' : 'EVALSHA';

  const load = (): Promise<string> => host.sendCommand<string>('SCRIPT', ['LOAD', lua]);

  const run = async (call: ScriptCall | undefined, returnBuffers: boolean): Promise<unknown> => {
    const args = [sha, ...keysAndArgs(call)];
    markHandledError(args, 'NOSCRIPT');
    try {
      return await host.sendCommand(evalsha, args, returnBuffers);
    } catch (error) {
      if (!(error instanceof ReplyError) || error.code !== 'NOSCRIPT') throw error;
    }
    await load();
    return host.sendCommand(evalsha, args, returnBuffers);
  };

  const script = ((call?: ScriptCall) => run(call, false)) as Script;
  Object.defineProperties(script, {
    sha: { value: sha, enumerable: true },
    lua: { value: lua, enumerable: true },
    readOnly: { value: readOnly, enumerable: true },
    buffer: { value: (call?: ScriptCall) => run(call, true) },
    load: { value: load },
    on: {
      value: (batch: Batch) => (call?: ScriptCall) => {
        let args: RedisArg[];
        try {
          args = [lua, ...keysAndArgs(call)];
        } catch (error) {
          return Deferred.rejected(error);
        }
        return batch.queueCommand(readOnly ? 'EVAL_RO' : 'EVAL', args);
      },
    },
  });
  return script;
}

/** `numkeys key … arg …`. Argument types are checked by the encoder (ArgumentError before sending). */
function keysAndArgs(call: ScriptCall | undefined): RedisArg[] {
  const keys = call?.keys ?? [];
  const args = call?.args ?? [];
  if (!Array.isArray(keys) || !Array.isArray(args)) throw new ArgumentError('script call: keys and args must be arrays');
  return [keys.length, ...keys, ...args];
}
