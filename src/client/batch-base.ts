import { batchChannel, traceBatch } from '../diagnostics/channels.js';
import { Command, type ReplyTransform } from '../connection/command.js';
import type { Connection } from '../connection/connection.js';
import type { CallOptions } from '../connection/call-options.js';
import { ArgumentError, BatchError, RedisError } from '../errors.js';
import { parseCall } from '../commands/parse-call.js';
import { applyKeyPrefix } from '../commands/key-prefix.js';
import { carryHandledError } from '../handled-errors.js';
import { encodeCommand } from '../resp/encoder.js';
import type { RedisArg } from '../resp/types.js';
import { Deferred } from './batch-deferred.js';
import { installCommandMethods, type BatchCommandMethods } from './batch-methods.js';
import { execForHandles, type HandleValues } from './handle-values.js';

/** One queued command: what was asked for, its built wire command (unless its arguments were bad), its handle. */
export interface BatchEntry {
  readonly name: string;
  readonly args: readonly RedisArg[];
  readonly returnBuffers: boolean;
  readonly transform: ReplyTransform | undefined;
  readonly command: Command | undefined;
  readonly handle: Deferred<unknown>;
}

/** What a batch exposes about its commands (for telemetry and diagnostics): name and arguments, in order. */
export interface QueuedCommand {
  readonly name: string;
  readonly args: readonly RedisArg[];
}

/**
 * What pipelines and MULTI batches share: queueing typed commands that return Deferred handles, nesting (a
 * batch created with a parent queues onto the parent, redpipe style), validation at queue time, and the
 * single network method `exec()`.
 *
 * Bad arguments are caught when the command is queued: its handle rejects with an ArgumentError at once, and
 * `exec()` then sends nothing and rejects with that error (every other handle rejects with it too), so a
 * batch is never half-sent because of a typo.
 */
export abstract class Batch {
  /** The root batch (this one unless it was created with a parent): the one that owns the network call. */
  private readonly root: Batch;
  /** The commands queued through this batch; the root's list holds every nested batch's commands too. */
  private readonly entries: BatchEntry[] = [];
  private executed = false;
  /** Per-call options (signal, timeout) for exec(), from `withOptions(…).pipeline()` / `.multi()`. Root only. */
  callOptions: CallOptions | undefined = undefined;
  /** The first queue-time error (root only): exec() refuses to send anything. */
  private failure: unknown = undefined;

  protected constructor(
    /** The connection the batch runs on. */
    readonly connection: Connection,
    parent?: Batch,
  ) {
    this.root = parent === undefined ? this : parent.root;
  }

  /** `'pipeline'` or `'multi'` (a nested batch reports its root's kind). */
  get kind(): 'pipeline' | 'multi' {
    return this.root.rootKind;
  }

  /** Commands queued so far (through this batch and, for a root, every nested one). */
  get length(): number {
    return this.entries.length;
  }

  /** Name and arguments of each queued command, in order. Read-only: for telemetry and diagnostics. */
  get commands(): ReadonlyArray<QueuedCommand> {
    return this.entries.map(({ name, args }) => ({ name, args }));
  }

  /** Whether exec() was called on the root batch. */
  get isExecuted(): boolean {
    return this.root.executed;
  }

  /** Queues any command: `call('OBJECT', 'ENCODING', 'key')`. */
  call(command: string, ...args: RedisArg[]): Deferred<unknown> {
    return this.callWith(command, args, false);
  }

  /** Like call(), with bulk strings as Buffers. */
  callBuffer(command: string, ...args: RedisArg[]): Deferred<unknown> {
    return this.callWith(command, args, true);
  }

  /** Queues one command and returns its handle. The single path every batch method goes through. */
  queueCommand<T = unknown>(name: string, args: readonly RedisArg[], returnBuffers = false, transform?: ReplyTransform<T>): Deferred<T> {
    const root = this.root;
    if (root.executed) return Deferred.rejected(new RedisError('This batch was already executed: queue commands on a new pipeline', 'EBATCHEXECUTED'));
    const handle = new Deferred<T>();
    const given = args;
    args = applyKeyPrefix(this.connection.options.keyPrefix, name, args);
    if (args !== given) carryHandledError(given, args);
    let command: Command | undefined;
    try {
      command = root.buildCommand(name, args, returnBuffers, transform, handle);
    } catch (error) {
      root.failure ??= error;
      handle.reject(error);
    }
    const entry: BatchEntry = { name, args, returnBuffers, transform, command, handle: handle as Deferred<unknown> };
    root.entries.push(entry);
    if (this !== root) this.entries.push(entry);
    return handle;
  }

  /**
   * Runs the batch: every command in one write, in order. Resolves to all replies in order; rejects with a
   * BatchError (its `replies` holds every reply, errors in place) when any command failed. An empty batch
   * sends nothing and resolves to `[]`.
   *
   * On a nested batch (created with a parent) nothing is sent: its commands run with the root's exec(), and
   * the promise settles then, with this batch's own replies. That promise is safe to leave un-awaited.
   *
   * Given handles (`exec(p.get('k'), p.incr('n'))`), it runs the same way and resolves to those handles' values,
   * typed as a tuple (`[string | null, number]`).
   */
  exec(): Promise<unknown[]>;
  /** Runs the whole batch as exec() does; resolves to the replies of the given handles, as a typed tuple. */
  exec<H extends readonly Deferred<any>[]>(...handles: H): Promise<HandleValues<H>>;
  exec(...handles: readonly Deferred<unknown>[]): Promise<unknown[]> {
    if (handles.length > 0) return execForHandles(this.entries, handles, () => this.exec());
    if (this !== this.root) return this.nestedExec();
    if (this.executed) return Promise.reject(new RedisError('exec() was already called on this batch', 'EBATCHEXECUTED'));
    this.executed = true;
    const entries = this.entries;
    if (this.failure !== undefined) {
      const failure = this.failure;
      for (const entry of entries) entry.handle.reject(failure);
      return Promise.reject(failure);
    }
    if (entries.length === 0) return Promise.resolve([]);
    // ocredis:batch subscribers (diagnostics_channel) see every exec that sends something.
    if (batchChannel.hasSubscribers) return traceBatch(this.connection, this.rootKind === 'multi' ? 'MULTI' : 'PIPELINE', this.commands, () => this.run(entries));
    return this.run(entries);
  }

  /** The root's kind. */
  protected abstract get rootKind(): 'pipeline' | 'multi';

  /** Builds the wire command at queue time (so bad arguments fail now) and ties it to the handle if it can. */
  protected abstract buildCommand(name: string, args: readonly RedisArg[], returnBuffers: boolean, transform: ReplyTransform | undefined, handle: Deferred<any>): Command;

  /** Sends the entries (all valid) and settles their handles. */
  protected abstract run(entries: readonly BatchEntry[]): Promise<unknown[]>;

  /** A wire command with the given reply handling. */
  protected static wireCommand(name: string, args: readonly RedisArg[], returnBuffers: boolean, transform: ReplyTransform | undefined): Command {
    return new Command(name, args, encodeCommand(name, args), returnBuffers, transform);
  }

  private nestedExec(): Promise<unknown[]> {
    const result = collectReplies(this.entries);
    result.catch(() => undefined);
    return result;
  }

  private callWith(command: string, args: RedisArg[], returnBuffers: boolean): Deferred<unknown> {
    const parsed = parseCall(command, args);
    if (parsed instanceof ArgumentError) return this.queueRefused(parsed);
    return this.queueCommand(parsed.name, parsed.args, returnBuffers);
  }

  /** A command whose parameters the spec rejected: its handle fails, and so will exec(). */
  private queueRefused(error: unknown): Deferred<unknown> {
    const root = this.root;
    if (root.executed) return Deferred.rejected(error);
    root.failure ??= error;
    return Deferred.rejected(error);
  }

  static {
    installCommandMethods<Deferred<unknown>>(Batch.prototype, {
      dispatch: (target, name, args, returnBuffers, transform) => (target as Batch).queueCommand(name, args, returnBuffers, transform),
      refuse: (target, _name, error) => (target as Batch).queueRefused(error),
    });
  }
}

// The typed command methods are installed on the prototype from the specs; this interface gives them types.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Batch extends BatchCommandMethods {}

/** Waits for every handle; resolves to the replies in order, or rejects with a BatchError holding them. */
export function collectReplies(entries: readonly { readonly handle: Deferred<unknown> }[]): Promise<unknown[]> {
  return new Promise<unknown[]>((resolve, reject) => {
    let pending = entries.length;
    if (pending === 0) {
      resolve([]);
      return;
    }
    const settledOne = (): void => {
      if (--pending > 0) return;
      let failed = 0;
      const replies = entries.map(({ handle }) => {
        if (handle.status === 'rejected') failed++;
        return handle.outcome;
      });
      if (failed > 0) reject(new BatchError(replies, failed));
      else resolve(replies);
    };
    for (const entry of entries) entry.handle.watch(settledOne);
  });
}
