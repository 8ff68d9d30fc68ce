import { Command, CommandState, type ReplyTransform } from '../connection/command.js';
import { encodeCommand } from '../resp/encoder.js';
import type { Connection } from '../connection/connection.js';
import { ReplyError } from '../errors.js';
import type { EncodedCommand, RedisArg } from '../resp/types.js';
import { Batch, collectReplies, type BatchEntry } from './batch-base.js';
import type { Deferred } from './batch-deferred.js';
import { settleFromExec } from './exec-reply.js';
import type { HandleValues } from './handle-values.js';

export { Batch, type QueuedCommand } from './batch-base.js';
export { Deferred, type DeferredStatus } from './batch-deferred.js';

/**
 * A pipeline: commands queued here go out together in one write when `exec()` is called; each call returns
 * a Deferred handle that settles with its own reply. Not atomic (use `multi()` for that). Read-only commands
 * may be re-sent after a connection loss, like any command; writes never are.
 */
export class Pipeline extends Batch {
  /** With `parent`, a nested pipeline: its commands join the parent's batch (see `exec()`). */
  constructor(connection: Connection, parent?: Batch) {
    super(connection, parent);
  }

  protected get rootKind(): 'pipeline' {
    return 'pipeline';
  }

  protected buildCommand(name: string, args: readonly RedisArg[], returnBuffers: boolean, transform: ReplyTransform | undefined, handle: Deferred<any>): Command {
    return new HandleCommand(name, args, encodeCommand(name, args), returnBuffers, transform, handle);
  }

  protected run(entries: readonly BatchEntry[]): Promise<unknown[]> {
    // One synchronous loop: nothing else can interleave, and auto-pipelining writes them all at once.
    this.connection.enqueueCall(
      entries.map((entry) => entry.command as Command),
      this.callOptions,
    );
    return collectReplies(entries);
  }
}

/** Never settles: HandleCommand's replies go straight to the handle, so no promise per command is made. */
const UNUSED_PROMISE = new Promise<never>(() => undefined);

/** A pipelined command that settles its Deferred handle directly when its reply arrives. */
class HandleCommand extends Command<any> {
  constructor(
    name: string,
    args: readonly RedisArg[],
    encoded: EncodedCommand,
    returnBuffers: boolean,
    transform: ReplyTransform | undefined,
    private readonly handle: Deferred<any>,
  ) {
    super(name, args, encoded, returnBuffers, transform);
  }

  protected override createPromise(): Promise<any> {
    return UNUSED_PROMISE;
  }

  override resolve(reply: unknown): void {
    if (this.state === CommandState.Settled) return;
    this.markSettled();
    const transform = this.transform;
    if (transform === undefined) {
      this.handle.resolve(reply);
      return;
    }
    try {
      this.handle.resolve(transform(reply));
    } catch (error) {
      this.handle.reject(error);
    }
  }

  override reject(error: unknown): void {
    if (this.state === CommandState.Settled) return;
    this.markSettled();
    this.handle.reject(error);
  }
}

/** Called around a MULTI batch that runs on a leased connection (see Transaction). */
export interface MultiHooks {
  /** Checked right before sending: an error here fails the batch without sending anything. */
  beforeSend?(): Error | undefined;
  /**
   * Called once when exec() settles, whatever happened. `answered`: EXEC reached the server and got a reply
   * (which clears any WATCH), as opposed to nothing sent or the connection lost.
   */
  afterExec?(answered: boolean): void;
}

/**
 * A MULTI/EXEC transaction: the queued commands are sent as MULTI, the commands, EXEC in one write (enqueued
 * contiguously, so nothing else on the shared connection can interleave) and run atomically on the server.
 *
 * - a command that fails at run time (WRONGTYPE …) rejects its own handle; exec() rejects with a BatchError
 * - a command the server refuses to queue (unknown command, wrong arity) aborts the whole transaction: its
 *   handle rejects with its own error, every other handle and exec() with the EXECABORT ReplyError
 * - a WATCHed key changed (EXEC replied null): every handle and exec() reject with WatchError
 * - the connection dropped before EXEC's reply: nothing is re-sent; every handle and exec() reject with the
 *   connection error (CommandOutcomeUnknownError: the transaction may or may not have run)
 */
export class Multi extends Batch {
  private execAnswered = false;

  constructor(
    connection: Connection,
    private readonly hooks: MultiHooks = {},
  ) {
    super(connection);
  }

  protected get rootKind(): 'multi' {
    return 'multi';
  }

  protected buildCommand(name: string, args: readonly RedisArg[]): Command {
    // The reply to a queued command is +QUEUED; the real one arrives inside EXEC's reply.
    const command = Batch.wireCommand(name, args, false, undefined);
    command.retryable = false;
    return command;
  }

  override exec(): Promise<unknown[]>;
  /** Runs the whole batch as exec() does; resolves to the replies of the given handles, as a typed tuple. */
  override exec<H extends readonly Deferred<any>[]>(...handles: H): Promise<HandleValues<H>>;
  override async exec(...handles: readonly Deferred<unknown>[]): Promise<unknown[]> {
    if (handles.length > 0) return super.exec(...handles);
    const first = !this.isExecuted;
    try {
      return await super.exec();
    } finally {
      if (first) this.hooks.afterExec?.(this.execAnswered);
    }
  }

  protected async run(entries: readonly BatchEntry[]): Promise<unknown[]> {
    try {
      const refusal = this.hooks.beforeSend?.();
      if (refusal !== undefined) throw refusal;
      const reply = await this.send(entries);
      settleFromExec(entries, reply);
      this.noteSelects(entries, reply as unknown[]);
    } catch (error) {
      for (const entry of entries) entry.handle.reject(error); // no-op for handles already settled
      throw error;
    }
    return collectReplies(entries);
  }

  /** Sends MULTI … EXEC; resolves to EXEC's reply (checked by settleFromExec), or throws the error that failed the transaction. */
  private async send(entries: readonly BatchEntry[]): Promise<unknown> {
    const returnBuffers = entries.some((entry) => entry.returnBuffers);
    const multi = Batch.wireCommand('MULTI', [], false, undefined);
    const exec = Batch.wireCommand('EXEC', [], returnBuffers, undefined);
    const all: Command[] = [multi, ...entries.map((entry) => entry.command as Command), exec];
    for (const command of all) command.retryable = false;
    this.connection.enqueueCall(all, this.callOptions);
    alignDeadlines(all);
    const outcomes = await Promise.allSettled(all.map((command) => command.promise));
    const execOutcome = outcomes[outcomes.length - 1] as PromiseSettledResult<unknown>;
    this.execAnswered = execOutcome.status === 'fulfilled' || execOutcome.reason instanceof ReplyError;
    if (execOutcome.status === 'rejected') {
      const error = execOutcome.reason;
      if (error instanceof ReplyError && error.code === 'EXECABORT') {
        // Each refused command keeps its own error; the rest were discarded with the transaction.
        entries.forEach((entry, i) => {
          const queued = outcomes[i + 1] as PromiseSettledResult<unknown>;
          entry.handle.reject(queued.status === 'rejected' ? queued.reason : error);
        });
      } else {
        for (const entry of entries) entry.handle.reject(error);
      }
      throw error;
    }
    return execOutcome.value;
  }

  /** A SELECT that ran inside the transaction moved the connection to another database. */
  private noteSelects(entries: readonly BatchEntry[], replies: readonly unknown[]): void {
    entries.forEach((entry, i) => {
      if (entry.name === 'SELECT' && replies[i] === 'OK' && entry.command !== undefined) this.connection.noteSelected(Number(entry.command.args[0]));
    });
  }
}

/**
 * With commandTimeout, each command gets its own deadline; a MULTI block must time out as a whole, or a
 * queued (unsent) tail could be sent without its MULTI.
 */
function alignDeadlines(commands: readonly Command[]): void {
  let earliest = Infinity;
  for (const command of commands) if (command.deadline > 0) earliest = Math.min(earliest, command.deadline);
  if (earliest === Infinity) return;
  for (const command of commands) command.deadline = earliest;
}
