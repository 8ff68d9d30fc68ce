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
import { ioReplyTransform } from './reply-shapes.js';
import type { CoreBatch } from './core.js';
import { scriptArguments, type DefinedScript } from './scripts.js';
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
}

interface Queued {
  readonly name: string;
  readonly args: RedisArg[];
  readonly returnBuffers: boolean;
  readonly callback: NodeCallback | undefined;
  /** An argument error found when queueing: exec() rejects with it and sends nothing. */
  readonly error: Error | undefined;
}

export class Pipeline implements IoCommandHost {
  private readonly queued: Queued[] = [];
  private execPromise: Promise<ExecResult[] | null> | undefined;

  constructor(
    private readonly owner: PipelineOwner,
    private readonly kind: 'pipeline' | 'multi',
    commands: readonly (readonly unknown[])[] = [],
  ) {
    if (!Array.isArray(commands)) throw new ArgumentError(`${kind}: expected an array of commands ([['set', 'a', '1'], …]); options such as { pipeline: false } are not supported`);
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
      if (typeof method === 'function' && name !== 'exec') method.apply(this, params);
      else this.queueCall(name, params, false);
    }
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
      return this.sendIo('EXEC', callback === undefined ? [] : [callback], false) as unknown as Promise<ExecResult[] | null>;
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
      // EVAL with the source: a NOSCRIPT inside a pipeline could not be retried.
      args = [script.lua, ...scriptArguments(script, split.params)];
    } catch (thrown) {
      error = thrown as Error;
    }
    this.queued.push({ name: script.readOnly ? 'EVAL_RO' : 'EVAL', args, returnBuffers, callback: split.callback, error });
    return this;
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
    const { stringNumbers } = this.owner;
    const handles = this.queued.map(({ name, args, returnBuffers }) => batch.queueCommand(name, args, returnBuffers, ioReplyTransform(name, stringNumbers)));
    if (this.kind === 'pipeline') {
      this.queued.forEach((entry, i) => {
        if (entry.callback !== undefined) withCallback((handles[i] as Deferred<unknown>).promise, entry.callback);
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
    return handles.map((handle): ExecResult => (handle.status === 'rejected' ? [handle.outcome as Error] : [null, handle.outcome]));
  }
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
