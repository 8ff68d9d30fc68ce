// Pipelines and MULTI on a cluster. A pipeline sends every command through the cluster's router in one
// event-loop turn, so each node connection writes its share in one write (the split per node), every command
// keeps its own MOVED/ASK/retry handling, and the replies come back in the caller's order. MULTI runs on
// one node and so is limited to one slot.
import { collectReplies } from '../client/batch-base.js';
import { Deferred } from '../client/batch-deferred.js';
import { installCommandMethods, type BatchCommandMethods } from '../client/batch-methods.js';
import { execForHandles, type HandleValues } from '../client/handle-values.js';
import { Command, type ReplyTransform } from '../connection/command.js';
import { ArgumentError, CrossSlotError, RedisError } from '../errors.js';
import { isCancellation, optionsForAttempt, pauseUnlessAborted, type CallOptions } from '../connection/call-options.js';
import { groupFor, type CallWatch } from '../connection/call-watch.js';
import { settleFromExec } from '../client/exec-reply.js';
import { encodeCommand } from '../resp/encoder.js';
import type { RedisArg } from '../resp/types.js';
import { batchChannel, followRouting, traceBatch, type EndpointSource } from '../diagnostics/channels.js';
import type { CommandObserver } from './cluster-command.js';
import { commandSlot } from './command-slot.js';
import { parseCall } from '../commands/parse-call.js';
import { applyKeyPrefix, type KeyPrefix } from '../commands/key-prefix.js';
import { isRedirectError, isRetryableClusterError, suggestsStaleMap } from '../transient-errors.js';
import { ClusterRedirectionError } from './errors.js';
import { parseRedirect } from './redirect.js';
import type { NodeAddress } from './topology.js';

/** What batches need from the cluster client (implemented by RedisCluster). */
export interface BatchRouter {
  readonly options: { readonly maxRedirections: number; readonly maxRetryTime: number; retryDelay(attempt: number): number; readonly keyPrefix: KeyPrefix | undefined };
  /**
   * Routes one command (its key prefix applied) without publishing it on ocredis:command; `watch`: the
   * batch's per-call options, or its watch group.
   */
  routeCommand<T>(
    name: string,
    args: readonly RedisArg[],
    returnBuffers: boolean,
    transform: ReplyTransform<T> | undefined,
    observer: CommandObserver | undefined,
    watch: CallWatch | undefined,
  ): Promise<T>;
  /** Where an ocredis:batch message starts until the batch is routed. */
  readonly channelEndpoint: EndpointSource;
  /** @internal The primary serving `slot` (-1: any primary), after the topology is known. */
  primaryForSlot(slot: number): Promise<{ address: NodeAddress; connection: BlockQueue }>;
  /** @internal The node at an address (ASK targets). */
  nodeAtAddress(address: NodeAddress): { address: NodeAddress; connection: BlockQueue };
  /** Re-reads the slot map (joins a refresh already running). */
  refresh(): Promise<void>;
  /** @internal Records a MOVED and refreshes the map. */
  learnRedirect(slot: number, to: NodeAddress): Promise<void>;
}

/** A node connection, as a MULTI block needs it: the block's commands queued as one call (cancelled together). */
interface BlockQueue {
  enqueueCall(commands: readonly Command<any>[], options: CallOptions | undefined): void;
}

interface Entry {
  readonly name: string;
  readonly args: readonly RedisArg[];
  readonly returnBuffers: boolean;
  readonly transform: ReplyTransform | undefined;
  readonly handle: Deferred<unknown>;
}

const ignore = (): void => undefined;

abstract class ClusterBatch {
  protected readonly entries: Entry[] = [];
  private executed = false;
  private failure: unknown = undefined;
  /** Told about the whole batch's routing (nodes, redirects, retries), e.g. by telemetry observing exec(). */
  observer: CommandObserver | undefined = undefined;
  /** Per-call options (signal, timeout) for exec(), from `withOptions(…).pipeline()` / `.multi()`. */
  callOptions: CallOptions | undefined = undefined;

  constructor(protected readonly router: BatchRouter) {}

  get length(): number {
    return this.entries.length;
  }

  /** Whether exec() was called (nothing more is sent after). */
  get isExecuted(): boolean {
    return this.executed;
  }

  /** The queued commands, in order (for telemetry: one span event each). */
  get commands(): ReadonlyArray<{ readonly name: string; readonly args: readonly RedisArg[] }> {
    return this.entries;
  }

  call(command: string, ...args: RedisArg[]): Deferred<unknown> {
    return this.callWith(command, args, false);
  }

  callBuffer(command: string, ...args: RedisArg[]): Deferred<unknown> {
    return this.callWith(command, args, true);
  }

  queueCommand<T = unknown>(name: string, args: readonly RedisArg[], returnBuffers = false, transform?: ReplyTransform<T>): Deferred<T> {
    if (this.executed) return Deferred.rejected(new RedisError('This batch was already executed: queue commands on a new one', 'EBATCHEXECUTED'));
    const handle = new Deferred<T>();
    this.entries.push({ name, args, returnBuffers, transform, handle: handle as Deferred<unknown> });
    return handle;
  }

  /**
   * Runs the batch. Resolves to every reply in order; rejects with BatchError (replies and errors in place) if
   * any command failed, or with the one error that failed the whole batch (CrossSlotError, WatchError …).
   * Given handles (`exec(p.get('k'), p.incr('n'))`), resolves to those handles' values, typed as a tuple.
   */
  exec(): Promise<unknown[]>;
  /** Runs the whole batch as exec() does; resolves to the replies of the given handles, as a typed tuple. */
  exec<H extends readonly Deferred<any>[]>(...handles: H): Promise<HandleValues<H>>;
  async exec(...handles: readonly Deferred<unknown>[]): Promise<unknown[]> {
    if (handles.length > 0) return execForHandles(this.entries, handles, () => this.exec());
    if (this.executed) throw new RedisError('exec() was already called on this batch', 'EBATCHEXECUTED');
    this.executed = true;
    if (this.failure !== undefined) {
      for (const entry of this.entries) entry.handle.reject(this.failure);
      throw this.failure;
    }
    if (this.entries.length === 0) return [];
    // ocredis:batch subscribers (diagnostics_channel) see every exec that sends something.
    if (batchChannel.hasSubscribers) {
      const mode = this.kind === 'multi' ? 'MULTI' : 'PIPELINE';
      return traceBatch(this.router.channelEndpoint, mode, this.entries, (message) => this.runAll(followRouting(message, this.observer)));
    }
    return this.runAll(this.observer);
  }

  protected abstract readonly kind: 'pipeline' | 'multi';

  private async runAll(observer: CommandObserver | undefined): Promise<unknown[]> {
    await this.run(this.entries, observer, this.callOptions);
    return collectReplies(this.entries);
  }

  /**
   * Sends the entries; `observer` hears where they went, and about redirects and retries; `callOptions`
   * (withOptions) cancel the whole exec, redirects and retries included.
   */
  protected abstract run(entries: readonly Entry[], observer: CommandObserver | undefined, callOptions: CallOptions | undefined): Promise<void>;

  /** A command the spec refused: its handle fails, and exec() will send nothing. */
  refuse(error: unknown): Deferred<unknown> {
    this.failure ??= error;
    return Deferred.rejected(error);
  }

  private callWith(command: string, args: RedisArg[], returnBuffers: boolean): Deferred<unknown> {
    const parsed = parseCall(command, args);
    if (parsed instanceof ArgumentError) return this.refuse(parsed);
    return this.queueCommand(parsed.name, parsed.args, returnBuffers);
  }

  static {
    installCommandMethods<Deferred<unknown>>(ClusterBatch.prototype, {
      dispatch: (target, name, args, returnBuffers, transform) => (target as ClusterBatch).queueCommand(name, args, returnBuffers, transform),
      refuse: (target, _name, error) => (target as ClusterBatch).refuse(error),
    });
  }
}
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
interface ClusterBatch extends BatchCommandMethods {}

/** Commands for any slots; each goes to its own node, all in the same event-loop turn. */
export class ClusterPipeline extends ClusterBatch {
  readonly kind = 'pipeline';

  protected run(entries: readonly Entry[], observer: CommandObserver | undefined, callOptions: CallOptions | undefined): Promise<void> {
    // Each command is routed (and cancelled) on its own, all under one watcher of the exec's options.
    const group = groupFor(callOptions);
    const settled = entries.map((entry) =>
      this.router.routeCommand(entry.name, entry.args, entry.returnBuffers, entry.transform, observer, group).then(
        (value) => entry.handle.resolve(value),
        (error: unknown) => entry.handle.reject(error),
      ),
    );
    const done = Promise.all(settled).then(ignore);
    return group === undefined ? done : done.finally(() => group.close());
  }
}

/** MULTI … EXEC on the node serving the one slot all its keys hash to; follows MOVED/ASK for the whole block. */
export class ClusterMulti extends ClusterBatch {
  readonly kind = 'multi';

  protected async run(entries: readonly Entry[], observer: CommandObserver | undefined, callOptions: CallOptions | undefined): Promise<void> {
    // The pipeline's commands get the prefix in the router's routeCommand; these bypass it, so they get it here.
    const keyPrefix = this.router.options.keyPrefix;
    if (keyPrefix !== undefined) entries = entries.map((entry) => ({ ...entry, args: applyKeyPrefix(keyPrefix, entry.name, entry.args) }));
    let slot = -1;
    try {
      for (const entry of entries) {
        const own = commandSlot(entry.name, entry.args);
        if (own < 0) continue;
        if (slot >= 0 && own !== slot) throw new CrossSlotError(`MULTI (${entry.name})`);
        slot = own;
      }
    } catch (error) {
      for (const entry of entries) entry.handle.reject(error);
      throw error;
    }
    let redirections = 0;
    let attempts = 0;
    const started = Date.now();
    let askTarget: NodeAddress | undefined;
    for (;;) {
      let outcome: Outcome;
      try {
        // Cancelled (withOptions) during a redirect, a refresh or a back-off: no further attempt is sent.
        optionsForAttempt(callOptions, started, 'MULTI');
        const node = askTarget !== undefined ? this.router.nodeAtAddress(askTarget) : await this.router.primaryForSlot(slot);
        observer?.onNode?.(node.address);
        outcome = await runTransaction(node, entries, askTarget !== undefined, optionsForAttempt(callOptions, started, 'MULTI'));
        askTarget = undefined;
        if (outcome.kind === 'done') return;
        if (isCancellation(outcome.error, callOptions)) throw outcome.error;
      } catch (error) {
        for (const entry of entries) entry.handle.reject(error);
        throw error;
      }
      const node = outcome.node;
      const redirect = isRedirectError(outcome.error) ? parseRedirect(outcome.error.message, node.address.host) : undefined;
      if (redirect !== undefined && ++redirections <= this.router.options.maxRedirections) {
        observer?.onRedirect?.({ kind: redirect.kind, command: 'MULTI', slot: redirect.slot, from: node.address, to: { host: redirect.host, port: redirect.port } });
        if (redirect.kind === 'ASK') askTarget = redirect;
        else await this.router.learnRedirect(redirect.slot, redirect);
        continue;
      }
      if (isRetryableClusterError(outcome.error) && Date.now() - started < this.router.options.maxRetryTime) {
        const delay = this.router.options.retryDelay(++attempts);
        observer?.onRetry?.({ reason: outcome.error.code, command: 'MULTI', attempt: attempts, delay });
        // As for a single command: a demoted primary (READONLY) or a lost slot owner is found again by a refresh.
        if (suggestsStaleMap(outcome.error)) this.router.refresh().catch(ignore);
        await pauseUnlessAborted(delay, callOptions, started);
        continue;
      }
      const error = redirect !== undefined ? new ClusterRedirectionError('MULTI', this.router.options.maxRedirections, { cause: outcome.error }) : outcome.error;
      for (const entry of entries) entry.handle.reject(error);
      throw error;
    }
  }
}

type Outcome = { kind: 'done' } | { kind: 'failed'; error: unknown; node: { address: NodeAddress } };

/**
 * Writes [ASKING] MULTI, the commands, EXEC in one turn (one call: cancelled as a whole, see
 * Connection.enqueueCall) and settles the handles from EXEC's reply.
 */
async function runTransaction(node: { address: NodeAddress; connection: BlockQueue }, entries: readonly Entry[], asking: boolean, callOptions: CallOptions | undefined): Promise<Outcome> {
  const wantBuffers = entries.some((entry) => entry.returnBuffers);
  const block: Command<unknown>[] = [];
  const send = (name: string, args: readonly RedisArg[], returnBuffers = false): Command<unknown> => {
    const command = new Command<unknown>(name, args, encodeCommand(name, args), returnBuffers, undefined);
    command.retryable = false; // never re-sent on its own after a connection loss: it belongs to the block
    command.promise.catch(ignore);
    block.push(command);
    return command;
  };
  if (asking) send('ASKING', []);
  send('MULTI', []);
  const queued = entries.map((entry) => send(entry.name, entry.args));
  const exec = send('EXEC', [], wantBuffers);
  node.connection.enqueueCall(block, callOptions);
  let replies: unknown;
  try {
    replies = await exec.promise;
  } catch (error) {
    if (isCancellation(error, callOptions)) return { kind: 'failed', error, node };
    // EXECABORT: a command was refused while queueing; its own error (often MOVED/ASK) says why.
    const queueErrors = await Promise.allSettled(queued.map((command) => command.promise));
    const cause = queueErrors.find((result) => result.status === 'rejected');
    return { kind: 'failed', error: cause !== undefined && cause.status === 'rejected' ? cause.reason : error, node };
  }
  try {
    settleFromExec(entries, replies);
  } catch (error) {
    return { kind: 'failed', error, node }; // WatchError or ProtocolError: rejects the block as it is
  }
  return { kind: 'done' };
}
