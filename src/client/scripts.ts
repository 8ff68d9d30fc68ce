import { createHash } from 'node:crypto';
import type { ReplyTransform } from '../connection/command.js';
import { ArgumentError, ReplyError } from '../errors.js';
import { markHandledError } from '../handled-errors.js';
import type { RedisArg, RedisKey } from '../commands/define.js';
import { Deferred, type Batch } from './pipeline.js';
import { scriptRunner, type ScriptRunner } from './script-runner.js';

/** The keys and arguments of one script call (KEYS[…] and ARGV[…] in Lua). */
export interface ScriptCall {
  keys?: readonly RedisKey[];
  args?: readonly RedisArg[];
}

export interface ScriptOptions {
  /** Run with EVALSHA_RO / EVAL_RO: the script only reads (may run on replicas, and is re-sent after a reconnect). */
  readOnly?: boolean;
}

/** What a script needs from a client: its single network method (and its connection, if it has one). */
export interface ScriptHost {
  sendCommand<T = unknown>(name: string, args: readonly RedisArg[], returnBuffers?: boolean, transform?: ReplyTransform<T>): Promise<T>;
  /** A client on one connection: a new socket (reconnect) may reach a server without the script. */
  readonly connection?: { readonly nextCommandSocket: number };
}

/**
 * A registered Lua script: call it like a function. Its first run on the client's connection (and the first
 * after a reconnect) is an EVAL with the source, which also caches it in the server; later runs are EVALSHA.
 * When the server does not know the script (NOSCRIPT: SCRIPT FLUSH, a restart, another cluster node) that
 * call is re-sent once as EVAL.
 */
export interface Script {
  (call?: ScriptCall): Promise<unknown>;
  /** Like calling the script, with bulk replies as Buffers. */
  buffer(call?: ScriptCall): Promise<unknown>;
  /** SHA1 of the source, as the server names it. */
  readonly sha: string;
  readonly lua: string;
  readonly readOnly: boolean;
  /** SCRIPT LOAD now (e.g. at start-up): the next call is an EVALSHA. Resolves with the SHA1. */
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
  const evalName = readOnly ? 'EVAL_RO' : 'EVAL';
  const evalshaName = readOnly ? 'EVALSHA_RO' : 'EVALSHA';
  // The socket of the client's connection an EVAL or SCRIPT LOAD of this script was last written on: on that
  // socket EVALSHA should find it. Only a hint: a cluster client (no single connection) runs one Script on
  // many nodes, and any server may run SCRIPT FLUSH. The NOSCRIPT → EVAL fallback in send() is what keeps
  // every call correct when the hint is wrong.
  const socketNow = (): number => host.connection?.nextCommandSocket ?? 0;
  let loadedOn: number | undefined;
  const isLoaded = (): boolean => loadedOn === socketNow();
  const markLoaded = (): void => {
    loadedOn = socketNow();
  };
  const forget = (): void => {
    loadedOn = undefined;
  };

  const load = async (): Promise<string> => {
    const loadedSha = await host.sendCommand<string>('SCRIPT', ['LOAD', lua]);
    markLoaded();
    return loadedSha;
  };

  const sendEval = <T>(numkeysOn: readonly RedisArg[], returnBuffers: boolean, transform?: ReplyTransform<T>): Promise<T> => {
    markLoaded(); // now, not at the reply: a call made meanwhile goes after this one on the same connection
    return host.sendCommand(evalName, [lua, ...numkeysOn], returnBuffers, transform);
  };

  const send = async <T>(numkeysOn: readonly RedisArg[], returnBuffers: boolean, transform?: ReplyTransform<T>): Promise<T> => {
    if (!isLoaded()) return sendEval(numkeysOn, returnBuffers, transform);
    const args = [sha, ...numkeysOn];
    markHandledError(args, 'NOSCRIPT'); // recovered below: telemetry must not count it as the call's failure
    try {
      return await host.sendCommand(evalshaName, args, returnBuffers, transform);
    } catch (error) {
      if (!(error instanceof ReplyError) || error.code !== 'NOSCRIPT') throw error;
    }
    forget();
    return sendEval(numkeysOn, returnBuffers, transform);
  };

  const runner: ScriptRunner = {
    evalName,
    evalshaName,
    get loaded() {
      return isLoaded();
    },
    send,
    forget,
    sendEval,
    queueEval: (batch, numkeysOn, returnBuffers, transform) => {
      const handle = batch.queueCommand(evalName, [lua, ...numkeysOn], returnBuffers, transform);
      // Once the server answered the batch's EVAL it has the script: later single calls use EVALSHA.
      handle.watch((settled) => {
        if (settled.status === 'fulfilled' || settled.outcome instanceof ReplyError) markLoaded();
      });
      return handle;
    },
  };

  const run = (call: ScriptCall | undefined, returnBuffers: boolean): Promise<unknown> => {
    let numkeysOn: RedisArg[];
    try {
      numkeysOn = keysAndArgs(call);
    } catch (error) {
      return Promise.reject(error);
    }
    return send(numkeysOn, returnBuffers);
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
        let numkeysOn: RedisArg[];
        try {
          numkeysOn = keysAndArgs(call);
        } catch (error) {
          return Deferred.rejected(error);
        }
        return runner.queueEval(batch, numkeysOn, false);
      },
    },
    [scriptRunner]: { value: runner },
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
