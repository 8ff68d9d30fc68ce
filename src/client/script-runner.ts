// @internal How a registered script sends itself, for the code that queues script calls elsewhere (the
// ioredis entry's pipelines): so that single calls and pipelines share one "is it loaded" hint and one EVAL
// path. Reached through a symbol, so the public Script type carries no mutable state.
import type { ReplyTransform } from '../connection/command.js';
import type { RedisArg } from '../resp/types.js';
import type { Batch } from './batch-base.js';
import type { Deferred } from './batch-deferred.js';

export const scriptRunner = Symbol('ocredis.scriptRunner');

export interface ScriptRunner {
  /** EVAL or EVAL_RO. */
  readonly evalName: string;
  /** EVALSHA or EVALSHA_RO. */
  readonly evalshaName: string;
  /** An EVAL or SCRIPT LOAD of the script went to the client's server: EVALSHA should find it (a hint). */
  readonly loaded: boolean;
  /** One call by the script's rule: EVAL if not loaded, else EVALSHA, re-sent once as EVAL on NOSCRIPT. */
  send<T>(numkeysOn: readonly RedisArg[], returnBuffers: boolean, transform?: ReplyTransform<T>): Promise<T>;
  /** The server answered NOSCRIPT: the next call is EVAL again. */
  forget(): void;
  /** One call as EVAL with the source, now (marks the script loaded). */
  sendEval<T>(numkeysOn: readonly RedisArg[], returnBuffers: boolean, transform?: ReplyTransform<T>): Promise<T>;
  /** Queues EVAL with the source on a batch; marks the script loaded once the server answered it. */
  queueEval<T>(batch: Pick<Batch, 'queueCommand'>, numkeysOn: readonly RedisArg[], returnBuffers: boolean, transform?: ReplyTransform<T>): Deferred<T>;
}

/** The runner of a Script made by createScript(). */
export function runnerOf(script: object): ScriptRunner {
  return (script as { [scriptRunner]: ScriptRunner })[scriptRunner];
}
