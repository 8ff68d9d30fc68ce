// ioredis's chainable pipeline() / multi(): each command returns the pipeline; exec() resolves
// `[[error, result], …]` and does not reject for a command's error. Built on the core's batches: at exec()
// the queued commands go into one core pipeline (or MULTI batch), which sends them in one write.
import { WatchError, ReplyError } from '../errors.js';
import { connectionModeError } from '../commands/connection-mode.js';
import { parseCall } from '../commands/parse-call.js';
import { ArgumentError } from '../errors.js';
import type { RedisArg } from '../resp/types.js';
import type { Deferred } from '../client/batch-deferred.js';
import { installIoCommands, type IoCommandHost } from './commands.js';
import { ioArguments, splitCallback, withCallback, type NodeCallback } from './arguments.js';
import { ioReplyTransform, type IoReplyTransform } from './reply-shapes.js';
import type { CoreBatch } from './core.js';
import { scriptArguments, type DefinedScript } from './scripts.js';
import { runnerOf, type ScriptRunner } from '../client/script-runner.js';
import { markHandledError } from '../handled-errors.js';
import type { IoQueuedCommands } from './types.js';

/** One `[error, result]` pair of exec()'s result: `[null, reply]`, or `[error]` for a failed command. */
export type ExecResult = [error: null, result: unknown] | [error: Error];

/** What a pipeline needs of its client. */
export interface PipelineOwner {
  /** A core batch of the kind asked for, on the right connection (a WATCHed one for multi()). */
  coreBatch(kind: 'pipeline' | 'multi'): CoreBatch | Promise<CoreBatch>;
  readonly stringNumbers: boolean;
  readonly definedScripts: ReadonlyMap<string, DefinedScript>;
  readonly addedCommands: ReadonlySet<string>;
  /** The client's options (ioredis names), shown as the pipeline's. */
  readonly options: object;
}

interface Queued {
  readonly name: string;
  readonly args: RedisArg[];
  readonly returnBuffers: boolean;
  readonly callback: NodeCallback | undefined;
  /** An argument error found when queueing: exec() rejects with it and sends nothing. */
  readonly error: Error | undefined;
  /** Instead of the command's own reply shape (an inline EXEC: each result in the shape of its command). */
  readonly transform?: IoReplyTransform;
  /** A defined script's call: EVAL or EVALSHA is chosen when the pipeline is sent. */
  readonly script?: QueuedScript;
}

interface QueuedScript {
  readonly sha: string;
  readonly runner: ScriptRunner;
  /** Inside a transaction (multi(), or MULTI … EXEC in a pipeline): a NOSCRIPT there could not be re-sent. */
  readonly inTransaction: boolean;
}

/** A script call sent as EVALSHA, re-sent as EVAL after the pipeline if the server did not know the script. */
interface SentAsEvalsha {
  readonly at: number;
  readonly entry: Queued;
  readonly runner: ScriptRunner;
}

export class Pipeline implements IoCommandHost {
  private readonly queued: Queued[] = [];
  private execPromise: Promise<ExecResult[] | null> | undefined;

  constructor(
    private readonly owner: PipelineOwner,
    private readonly kind: 'pipeline' | 'multi',
    commands: readonly (readonly unknown[])[] = [],
  ) {
    if (!Array.isArray(commands)) throw new ArgumentError(`${kind}: expected an array of commands ([['set', 'a', '1'], …]) (or multi({ pipeline: false }))`);
    for (const name of owner.addedCommands) {
      const command = name.toUpperCase();
      Object.defineProperty(this, name, { value: (...params: unknown[]) => this.sendIo(command, params, false), configurable: true, writable: true });
      Object.defineProperty(this, `${name}Buffer`, { value: (...params: unknown[]) => this.sendIo(command, params, true), configurable: true, writable: true });
    }
    for (const [method, script] of owner.definedScripts) {
      Object.defineProperty(this, method, { value: (...params: unknown[]) => this.queueScript(script, params, false), configurable: true, writable: true });
      Object.defineProperty(this, `${method}Buffer`, { value: (...params: unknown[]) => this.queueScript(script, params, true), configurable: true, writable: true });
    }
    // The array form, as ioredis's addBatch: each entry calls the method of that name (getBuffer, a defined
    // script …), or queues the command by name.
    for (const [name, ...params] of commands) {
      if (typeof name !== 'string') throw new ArgumentError('pipeline: each command must be an array starting with the command name');
      const method = (this as unknown as Record<string, unknown>)[name];
      // exec closes an inline transaction opened by a 'multi' entry (as in ioredis); else it is a plain EXEC.
      if (typeof method === 'function' && (name !== 'exec' || this.inlineTransactions > 0)) method.apply(this, params);
      else this.queueCall(name, params, false);
    }
  }

  /** The options of the client it runs on (ioredis's `pipeline.options`). */
  get options(): object {
    return this.owner.options;
  }

  /** Commands queued so far. */
  get length(): number {
    return this.queued.length;
  }

  /** Queues any command: `call('OBJECT', 'ENCODING', 'key')`. */
  call(command: string, ...params: unknown[]): this {
    return this.queueCall(command, params, false);
  }

  callBuffer(command: string, ...params: unknown[]): this {
    return this.queueCall(command, params, true);
  }

  /** ioredis's older name of call(). */
  send_command(command: string, ...params: unknown[]): this {
    return this.queueCall(command, params, false);
  }

  /** The path of every queued command method. */
  sendIo(name: string, params: unknown[], returnBuffers: boolean): this {
    const split = splitCallback(params);
    let args: RedisArg[] = [];
    let error: Error | undefined;
    try {
      args = ioArguments(name, split.params);
    } catch (thrown) {
      error = thrown as Error;
    }
    error ??= connectionModeError(name, args);
    this.queued.push({ name, args, returnBuffers, callback: split.callback, error });
    return this;
  }

  /**
   * Sends every queued command in one write. Resolves `[[error, result], …]` in order; for multi(), resolves
   * null when a WATCHed key changed, and rejects with the EXECABORT error when the server refused a command.
   * Inside an inline transaction (`pipeline().multi() … .exec()`) it queues EXEC and returns the pipeline.
   */
  exec(callback?: NodeCallback<ExecResult[] | null>): Promise<ExecResult[] | null> {
    if (this.inlineTransactions > 0) {
      this.inlineTransactions--;
      const multiAt = this.queued.map((entry) => entry.name).lastIndexOf('MULTI');
      const shapes = this.queued.slice(multiAt + 1).map(({ name, returnBuffers }) => ioReplyTransform(name, this.owner.stringNumbers, returnBuffers));
      this.sendIo('EXEC', callback === undefined ? [] : [callback], false);
      const exec = this.queued.pop() as Queued;
      // ioredis shapes each result of the EXEC as its command's reply (hgetall → object, typeBuffer → Buffer).
      const transform: IoReplyTransform = (reply) => (Array.isArray(reply) ? reply.map((result, i) => (result instanceof Error || shapes[i] === undefined ? result : shapes[i](result))) : reply);
      this.queued.push({ ...exec, transform });
      return this as unknown as Promise<ExecResult[] | null>;
    }
    this.execPromise ??= this.start();
    return withCallback(this.execPromise, callback);
  }

  /**
   * In a pipeline, queues MULTI: the commands up to the next exec() run as a transaction inside the pipeline,
   * each replying 'QUEUED' and EXEC with their results (ioredis's inline transaction).
   */
  multi(...params: unknown[]): this {
    if (this.kind === 'pipeline') this.inlineTransactions++;
    return this.sendIo('MULTI', params, false);
  }

  /** MULTI blocks opened with multi() in this pipeline and not closed by exec() yet. */
  private inlineTransactions = 0;

  private queueCall(command: string, params: unknown[], returnBuffers: boolean): this {
    const parsed = parseCall(command, []);
    if (parsed instanceof ArgumentError) {
      this.queued.push({ name: String(command), args: [], returnBuffers, callback: undefined, error: parsed });
      return this;
    }
    return this.sendIo(parsed.name, [...parsed.args, ...params], returnBuffers);
  }

  private queueScript(script: DefinedScript, params: unknown[], returnBuffers: boolean): this {
    const split = splitCallback(params);
    let args: RedisArg[] = [];
    let error: Error | undefined;
    try {
      args = scriptArguments(script, split.params); // numkeys key … arg …
    } catch (thrown) {
      error = thrown as Error;
    }
    const runner = runnerOf(script.script);
    const inTransaction = this.kind === 'multi' || this.inlineTransactions > 0;
    this.queued.push({ name: runner.evalName, args, returnBuffers, callback: split.callback, error, script: { sha: script.script.sha, runner, inTransaction } });
    return this;
  }

  /**
   * Queues one entry on the core batch. A script call is EVALSHA when its script is loaded (by an earlier call
   * on this client, or earlier in this pipeline), EVAL with the source otherwise. In a transaction it is
   * always EVAL: a NOSCRIPT there could not be re-sent on its own.
   */
  private queueOn(batch: CoreBatch, entry: Queued, at: number, sentInThisBatch: Set<ScriptRunner>, asEvalsha: SentAsEvalsha[]): Deferred<unknown> {
    const { name, args, returnBuffers, transform, script } = entry;
    const shape = transform ?? ioReplyTransform(name, this.owner.stringNumbers, returnBuffers);
    if (script === undefined) return batch.queueCommand(name, args, returnBuffers, shape);
    const { runner } = script;
    if (script.inTransaction || !(runner.loaded || sentInThisBatch.has(runner))) {
      sentInThisBatch.add(runner);
      return runner.queueEval(batch, args, returnBuffers, shape);
    }
    asEvalsha.push({ at, entry, runner });
    const evalshaArgs = [script.sha, ...args];
    markHandledError(evalshaArgs, 'NOSCRIPT'); // re-sent after the pipeline: telemetry must not count it as a failure
    return batch.queueCommand(runner.evalshaName, evalshaArgs, returnBuffers, ioReplyTransform(runner.evalshaName, this.owner.stringNumbers, returnBuffers));
  }

  /**
   * ioredis's fallback: each EVALSHA the server answered NOSCRIPT is re-sent alone (in order, after the
   * pipeline; no other command is repeated) and its result replaces the error. Its script is forgotten first,
   * so the first re-send of each script is EVAL and later ones EVALSHA. Callbacks get the final result.
   */
  private async resendUnknownScripts(results: ExecResult[], asEvalsha: readonly SentAsEvalsha[]): Promise<void> {
    const refused: SentAsEvalsha[] = [];
    for (const sent of asEvalsha) {
      const result = results[sent.at] as ExecResult;
      if (isNoScript(result)) refused.push(sent);
      else answer(sent.entry, result);
    }
    for (const { runner } of refused) runner.forget();
    for (const { at, entry, runner } of refused) {
      const shape = ioReplyTransform(runner.evalName, this.owner.stringNumbers, entry.returnBuffers);
      try {
        results[at] = [null, await runner.send(entry.args, entry.returnBuffers, shape)];
      } catch (error) {
        results[at] = [error as Error];
      }
      answer(entry, results[at] as ExecResult);
    }
  }

  /**
   * In a MULTI, ioredis calls a command's callback with its reply to being queued: 'QUEUED', or the error the
   * server refused it with (the other commands of an aborted transaction were queued all the same).
   */
  private answerQueued(handles: readonly Deferred<unknown>[], execError: unknown): void {
    if (this.kind !== 'multi') return;
    this.queued.forEach((entry, i) => {
      if (entry.callback === undefined) return;
      const outcome = (handles[i] as Deferred<unknown>).outcome;
      const refused = execError instanceof ReplyError && execError.code === 'EXECABORT' && outcome instanceof ReplyError && outcome !== execError;
      withCallback(refused ? Promise.reject(outcome) : Promise.resolve('QUEUED'), entry.callback);
    });
  }

  /**
   * Starts the batch in this very call when it can (no WATCH to wait for): a command the caller sends after
   * exec() must reach the server after the pipeline's, as with ioredis.
   */
  private start(): Promise<ExecResult[] | null> {
    const refused = this.queued.find((entry) => entry.error !== undefined);
    if (refused !== undefined) {
      for (const entry of this.queued) entry.callback?.(refused.error as Error);
      return Promise.reject(refused.error);
    }
    if (this.queued.length === 0) return Promise.resolve([]);
    const batch = this.owner.coreBatch(this.kind);
    return batch instanceof Promise ? batch.then((ready) => this.runOn(ready)) : this.runOn(batch);
  }

  /** Queues every command on the core batch and sends it (all before the first await). */
  private async runOn(batch: CoreBatch): Promise<ExecResult[] | null> {
    const sentInThisBatch = new Set<ScriptRunner>();
    const asEvalsha: SentAsEvalsha[] = [];
    const handles = this.queued.map((entry, i) => this.queueOn(batch, entry, i, sentInThisBatch, asEvalsha));
    if (this.kind === 'pipeline') {
      // An EVALSHA's callback waits for the result of its possible re-send (resendUnknownScripts).
      const evalshaAt = new Set(asEvalsha.map(({ at }) => at));
      this.queued.forEach((entry, i) => {
        if (entry.callback !== undefined && !evalshaAt.has(i)) withCallback((handles[i] as Deferred<unknown>).promise, entry.callback);
      });
    }
    try {
      await batch.exec();
      this.answerQueued(handles, undefined);
    } catch (error) {
      if (this.kind === 'multi') {
        this.answerQueued(handles, error);
        if (error instanceof WatchError) return null;
        if (error instanceof ReplyError && error.code === 'EXECABORT') throw withPreviousErrors(error, handles);
      }
      // Not one command's failure (an argument the core refused at queue time): nothing was sent.
      if (handles.every((handle) => handle.status === 'rejected' && handle.outcome === error)) throw error;
    }
    const results = handles.map((handle): ExecResult => (handle.status === 'rejected' ? [handle.outcome as Error] : [null, handle.outcome]));
    if (asEvalsha.length > 0) await this.resendUnknownScripts(results, asEvalsha);
    return results;
  }
}

function isNoScript(result: ExecResult): boolean {
  return result[0] instanceof ReplyError && result[0].code === 'NOSCRIPT';
}

/** Calls a queued command's callback with its final result. */
function answer(entry: Queued, result: ExecResult): void {
  if (entry.callback !== undefined) withCallback(result[0] === null ? Promise.resolve(result[1]) : Promise.reject(result[0]), entry.callback);
}

/** ioredis's EXECABORT error lists the errors of the commands the server refused to queue. */
function withPreviousErrors(error: ReplyError, handles: readonly Deferred<unknown>[]): ReplyError {
  const previousErrors = handles.map((handle) => handle.outcome).filter((outcome) => outcome instanceof ReplyError && outcome !== error);
  return Object.assign(error, { previousErrors });
}

installIoCommands(Pipeline.prototype);

// The command methods are installed on the prototype; this gives them their types.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Pipeline extends Omit<IoQueuedCommands<Pipeline>, 'exec' | 'multi'> {}
