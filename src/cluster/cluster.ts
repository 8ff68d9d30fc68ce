import { EventEmitter } from 'node:events';
import { installCommandMethods } from '../client/batch-methods.js';
import { isReadOnly } from '../commands/key-positions.js';
import type { CommandMethods } from '../commands/index.js';
import type { Listener, RedisClusterEvents } from '../client/typed-events.js';
import { Command, CommandState, type ReplyTransform } from '../connection/command.js';
import { checkCallOptions, hasCallOptions, type CallOptions, type CancelError } from '../connection/call-options.js';
import { optionsOf, watchWith, type CallWatch } from '../connection/call-watch.js';
import { callOptionsView, takeCallOptions } from '../client/call-options-view.js';
import { Connection } from '../connection/connection.js';
import type { ConnectionObserver } from '../connection/connection-observer.js';
import { resolveOptions, type ResolvedOptions } from '../connection/options.js';
import { mapAddress } from '../address-map.js';
import {
  ArgumentError,
  ClientClosedError,
  CommandOutcomeUnknownError,
  ConnectionClosedError,
  RedisError,
  ReplyError,
} from '../errors.js';
import { encodeCommand } from '../resp/encoder.js';
import { brandClasses, isInstance } from '../brand.js';
import type { RedisArg } from '../resp/types.js';
import { ClusterCommand, type CommandObserver, type CommandRouter, type RedirectEvent, type RetryEvent } from './cluster-command.js';
import { commandSlot } from './command-slot.js';
import { ClusterRedirectionError, ClusterUnreachableError, SlotUnservedError } from './errors.js';
import { fetchSlotMap } from './fetch-topology.js';
import { ClusterMulti, ClusterPipeline, type BatchRouter } from './cluster-batch.js';
import { ClusterSubscriber, type ClusterSubscriberOptions } from './cluster-pubsub.js';
import { resolveClusterOptions, type ClusterOptions, type ResolvedClusterOptions } from './options.js';
import { parseRedirect } from './redirect.js';
import { fanOutOf, sendToEach, type FanOut } from './fan-out.js';
import { scanCluster, type ClusterScanOptions } from './cluster-scan.js';
import { parseCall } from '../commands/parse-call.js';
import { applyKeyPrefix } from '../commands/key-prefix.js';
import { isRedirectError, isRetryableClusterError, suggestsStaleMap } from '../transient-errors.js';
import { nodeKey, type NodeAddress, type SlotMap } from './topology.js';
import { emitErrorIfListened, emitSafely } from '../events.js';
import { ConnectionPool } from '../client/pool.js';
import type { Transaction, TransactionOptions } from '../client/transaction.js';
import type { RedisKey } from '../commands/define.js';
import { runClusterTransaction, startClusterTransaction } from './cluster-transaction.js';
import { runOnSlotPrimary, type SlotPrimaryRouter } from './slot-primary.js';
import { routesToPool, sendBlocking } from '../client/blocking.js';
import { installClusterCache, trackInto } from '../cache/install-cache.js';
import type { ClientCache, ClientSideCache } from '../cache/client-cache.js';
import { commandChannel, followRouting, traceCommand, type EndpointSource } from '../diagnostics/channels.js';

export type { ClusterOptions, RedirectEvent, RetryEvent, CommandObserver };

const ASKING = encodeCommand('ASKING', []);
/** How long a command waits for its slot's owner to come back before asking a live primary where the slot went. */
const DOWN_OWNER_WAIT_MS = 1_000;
const ignore = (): void => undefined;

interface Shard {
  primary: NodeAddress;
  replicas: NodeAddress[];
  /** The primary's node, cached: the per-command path then needs no address-to-node lookup. */
  primaryNode?: ClusterNode;
}

/** One node of the cluster and the single connection the client keeps to it. */
export interface ClusterNode {
  readonly address: NodeAddress;
  readonly connection: Connection;
  /**
   * Extra connections to this node, leased for WATCH transactions and blocking commands so they never hold up
   * the shared one (created on first use, at most `nodeOptions.poolSize`, default 8).
   */
  readonly pool: ConnectionPool;
  /** Sends a command to this node only: no slot routing, no redirections. */
  call(command: string, ...args: RedisArg[]): Promise<unknown>;
}

/**
 * A Redis Cluster client. Starts from root nodes, learns the slot map (CLUSTER SHARDS, or CLUSTER SLOTS), keeps
 * one auto-pipelined connection per node and sends each command to the node serving its keys' slot. MOVED
 * updates the map (and triggers one coalesced refresh), ASK sends ASKING plus that one command, TRYAGAIN,
 * CLUSTERDOWN, READONLY and unreachable nodes are retried with back-off until `maxRetryTime`. Commands whose
 * keys span slots fail with CrossSlotError before anything is sent. Keyless commands the command table marks
 * for all shards / all nodes are fanned out (fan-out.ts); blocking commands and WATCH transactions run on
 * connections leased from the slot primary's pool (slot-primary.ts).
 *
 * Events: `redirect` (RedirectEvent), `retry` (RetryEvent), `refresh` ({ shards }), `error` (node connection
 * errors, only when listened to), `end`.
 */
export class RedisCluster extends EventEmitter implements CommandRouter, BatchRouter, SlotPrimaryRouter {
  readonly options: ResolvedClusterOptions;
  private map: { shards: Shard[]; slotShard: Int16Array } | undefined;
  private readonly nodeConnections = new Map<string, ClusterNode>();
  private readonly nodePools = new Map<string, ConnectionPool>();
  private refreshing: Promise<void> | undefined;
  private refreshTimer: NodeJS.Timeout | undefined;
  private periodicRefresh: NodeJS.Timeout | undefined;
  private lastRefreshAt = 0;
  private closed = false;
  private roundRobin = 0;
  private connectionObserver: ConnectionObserver | undefined;

  /** The client-side cache (`clientSideCache` option): `stats()`, `clear()`. Undefined when the option is off. */
  get cache(): ClientSideCache | undefined {
    return this.clientCache;
  }

  private readonly clientCache: ClientCache | undefined;

  constructor(options: ClusterOptions) {
    super();
    this.options = resolveClusterOptions(options);
    const cacheOptions = this.options.clientSideCache;
    // Installed only with the option: without it, commands take the prototype's sendCommand, unchanged.
    this.clientCache = cacheOptions === undefined ? undefined : installClusterCache(this, cacheOptions);
    if (!this.options.lazyConnect) this.refresh().catch(ignore);
  }

  /**
   * @internal Tells `observer` about every node connection and node pool, those open now and those opened
   * later (OcRedisCluster's connection metrics).
   */
  observeConnections(observer: ConnectionObserver): void {
    this.connectionObserver = observer;
    for (const node of this.nodeConnections.values()) observer.created(node.connection, 'client');
    for (const pool of this.nodePools.values()) pool.observer = observer;
  }

  /** Fetches the topology (if not known yet) and connects to every primary. */
  async connect(): Promise<void> {
    if (this.map === undefined) await this.refresh();
    await Promise.all(this.nodes('primary').map((node) => node.connection.connect()));
  }

  /** Runs any command: `call('OBJECT', 'ENCODING', 'key')`. Commands without keys go to a random primary. */
  call(command: string, ...args: RedisArg[]): Promise<unknown> {
    return this.callWith(command, args, false);
  }

  /** Like call(), with bulk strings as Buffers. */
  callBuffer(command: string, ...args: RedisArg[]): Promise<unknown> {
    return this.callWith(command, args, true);
  }

  /**
   * Routes one command by its keys' slot. The single path every command method goes through. `observer`
   * hears about this command's redirects, retries and the node that finally answers (for telemetry).
   */
  sendCommand<T = unknown>(name: string, args: readonly RedisArg[], returnBuffers = false, transform?: ReplyTransform<T>, observer?: CommandObserver): Promise<T> {
    // A withOptions view passes its options through pendingCallOptions, for this one synchronous call.
    const watch = takeCallOptions(this);
    args = applyKeyPrefix(this.options.keyPrefix, name, args);
    // ocredis:command subscribers (diagnostics_channel) see every command; one boolean read when there are none.
    if (commandChannel.hasSubscribers) {
      return traceCommand(this.channelEndpoint, name, args, (message) => this.route(name, args, returnBuffers, transform, followRouting(message, observer), watch));
    }
    return this.route(name, args, returnBuffers, transform, observer, watch);
  }

  /**
   * @internal For pipelines: sendCommand without publishing on ocredis:command (the pipeline's exec is
   * published on ocredis:batch, once). `watch`: the pipeline's per-call options, or its watch group (one
   * signal listener for all its commands).
   */
  routeCommand<T>(
    name: string,
    args: readonly RedisArg[],
    returnBuffers: boolean,
    transform: ReplyTransform<T> | undefined,
    observer: CommandObserver | undefined,
    watch: CallWatch | undefined,
  ): Promise<T> {
    return this.route(name, applyKeyPrefix(this.options.keyPrefix, name, args), returnBuffers, transform, observer, watch);
  }

  /** @internal Where ocredis:command / ocredis:batch messages start (the first root node) until a call is routed. */
  get channelEndpoint(): EndpointSource {
    const root = this.options.rootNodes[0];
    return { db: 0, options: { host: root?.host ?? 'unknown', port: root?.port ?? 0 } };
  }

  /** Routes one command (key prefix applied) by its slot, under the call's options if any. */
  private route<T>(
    name: string,
    args: readonly RedisArg[],
    returnBuffers: boolean,
    transform: ReplyTransform<T> | undefined,
    observer: CommandObserver | undefined,
    watch: CallWatch | undefined,
  ): Promise<T> {
    const options = watch === undefined ? undefined : optionsOf(watch);
    let command: ClusterCommand<T>;
    try {
      const slot = commandSlot(name, args);
      const fanOut = slot < 0 ? fanOutOf(name, args) : undefined;
      if (fanOut !== undefined) return this.sendFannedOut(fanOut, name, args, returnBuffers, transform, observer, watch);
      // Blocking commands (BLPOP, XREAD BLOCK …) park their connection: one leased from the slot primary's pool.
      if (slot >= 0 && routesToPool(name, args)) return this.sendBlockingTo(slot, name, args, returnBuffers, transform, observer, options);
      const readOnly = this.options.readFrom === 'replica' && isReadOnly(name, args);
      command = new ClusterCommand<T>(this, name, args, encodeCommand(name, args), returnBuffers, transform, slot, readOnly, observer);
    } catch (error) {
      return Promise.reject(error);
    }
    if (this.closed) command.fail(new ClientClosedError());
    else {
      if (watch !== undefined && hasCallOptions(options)) this.watchCommand(command, watch);
      this.dispatch(command); // a command the watcher settled already (aborted signal) is not queued
    }
    return command.promise;
  }

  /**
   * A view of this client whose calls carry per-call options: `cluster.withOptions({ signal, timeout }).get('k')`.
   * The options cover the whole call, redirects and retries included. Bad options throw ArgumentError here.
   */
  withOptions(options: CallOptions): this {
    return callOptionsView(this, checkCallOptions(options));
  }

  /** Set by a withOptions view for the one synchronous call it forwards; read (and cleared) where commands are made. */
  pendingCallOptions: CallOptions | undefined = undefined;

  /**
   * Watches one routed command's signal and timeout for the whole call: wherever the command is then (queued
   * on a node, written, waiting for a retry or a topology refresh), it settles at once and is never sent again.
   */
  private watchCommand(command: ClusterCommand<any>, watch: CallWatch): void {
    command.ownTimeout = optionsOf(watch).timeout !== undefined;
    command.afterSettle = watchWith(watch, (error) => this.cancel(command, error));
  }

  private cancel(command: ClusterCommand<any>, error: CancelError): void {
    const connection = command.queuedOn;
    // Queued or written on a node: that connection's cancellation (unsent: out of its queue; written: a
    // placeholder that consumes the reply). Else it waits for a retry or a map: failing it is enough.
    if (connection !== undefined) connection.cancel(command.asking === undefined ? [command] : [command.asking, command], error);
    else command.fail(error(command.name, false));
  }

  /**
   * A keyless command the command table says runs on every primary (or every node), sent once to each node
   * of the current map; the replies combine as its response policy says (see fan-out.ts). Not retried: a
   * node that fails fails the call (unless one success is enough).
   */
  private async sendFannedOut<T>(
    fanOut: FanOut,
    name: string,
    args: readonly RedisArg[],
    returnBuffers: boolean,
    transform: ReplyTransform<T> | undefined,
    observer: CommandObserver | undefined,
    callOptions: CallWatch | undefined,
  ): Promise<T> {
    if (this.closed) throw new ClientClosedError();
    if (this.map === undefined) await this.refresh();
    const nodes = this.nodes(fanOut.targets);
    observer?.onNode?.(nodes[0]!.address); // the span names one node; the command ran on every one listed
    const combined = await sendToEach(fanOut, nodes, name, args, returnBuffers, callOptions);
    return transform === undefined ? (combined as T) : transform(combined);
  }

  private sendBlockingTo<T>(
    slot: number,
    name: string,
    args: readonly RedisArg[],
    returnBuffers: boolean,
    transform: ReplyTransform<T> | undefined,
    observer: CommandObserver | undefined,
    callOptions: CallOptions | undefined,
  ): Promise<T> {
    if (this.closed) return Promise.reject(new ClientClosedError());
    const commandTimeout = this.options.nodeOptions.commandTimeout ?? 0;
    return runOnSlotPrimary(
      this,
      slot,
      name,
      (pool, node, attemptOptions) => {
        observer?.onNode?.(node);
        return sendBlocking(pool, commandTimeout, name, args, returnBuffers, transform, attemptOptions, observer);
      },
      callOptions,
    );
  }

  /** A pipeline: commands queued now, sent together on exec(), each to its own node; replies in call order. */
  pipeline(): ClusterPipeline {
    const pipeline = new ClusterPipeline(this);
    pipeline.callOptions = takeCallOptions(this);
    return pipeline;
  }

  /** MULTI … EXEC on one node: every key of every queued command must hash to the same slot. */
  multi(): ClusterMulti {
    const multi = new ClusterMulti(this);
    multi.callOptions = takeCallOptions(this);
    return multi;
  }

  /**
   * Leases a connection on the primary serving `keys` (one slot, else CrossSlotError before anything is sent)
   * and WATCHes them; then as on a single server: reads on the transaction, `tx.multi()` … `exec()`
   * (WatchError if a watched key changed), or `tx.unwatch()`. Commands on other slots are refused.
   */
  watch(...keys: RedisKey[]): Promise<Transaction> {
    return startClusterTransaction(this, keys, takeCallOptions(this));
  }

  /**
   * Runs `fn` in a WATCH transaction on the primary serving the watched keys (one slot), re-running it on
   * WatchError (default up to 100 times) and, after a MOVED, on the slot's new owner.
   */
  transaction<T>(fn: (tx: Transaction) => T | PromiseLike<T>, ...watchKeys: RedisKey[]): Promise<T>;
  transaction<T>(fn: (tx: Transaction) => T | PromiseLike<T>, options: TransactionOptions): Promise<T>;
  transaction<T>(fn: (tx: Transaction) => T | PromiseLike<T>, ...rest: (RedisKey | TransactionOptions)[]): Promise<T> {
    return runClusterTransaction(this, fn, rest, takeCallOptions(this));
  }

  /**
   * Sharded pub/sub: `ssubscribe` subscribes each shard channel on the primary serving its slot (one connection
   * per node, with `nodeOptions`) and follows the slot when it moves. Close it with `sub.quit()`.
   */
  pubsub(options?: ClusterSubscriberOptions & { buffers?: false }): ClusterSubscriber<string>;
  pubsub(options: ClusterSubscriberOptions & { buffers: true }): ClusterSubscriber<Buffer>;
  pubsub(options: ClusterSubscriberOptions = {}): ClusterSubscriber<string> | ClusterSubscriber<Buffer> {
    return options.buffers === true ? new ClusterSubscriber<Buffer>(this, options) : new ClusterSubscriber<string>(this, options);
  }

  /**
   * Every key matching the options, from every primary in turn (SCAN per node). Survives a failover: a shard
   * whose primary fails mid-scan is scanned again on its promoted replica, without repeating keys already
   * returned from it. Every key present for the whole scan is returned at least once.
   */
  scanIter(options: ClusterScanOptions = {}): AsyncGenerator<string> {
    return scanCluster(this, options, takeCallOptions(this));
  }

  /** @internal For scanIter: one slot of each shard in the current map. */
  async shardSlots(): Promise<number[]> {
    const map = this.map ?? (await this.refresh(), this.requireMap());
    const first = new Map<number, number>();
    map.slotShard.forEach((shard, slot) => {
      if (shard >= 0 && !first.has(shard)) first.set(shard, slot);
    });
    return [...first.values()];
  }

  /** The nodes in the current map (primaries by default). Throws before the topology is known. */
  nodes(role: 'primary' | 'replica' | 'all' = 'primary'): ClusterNode[] {
    const map = this.requireMap();
    const out: ClusterNode[] = [];
    for (const shard of uniqueShards(map)) {
      if (role !== 'replica') out.push(this.nodeAt(shard.primary));
      if (role !== 'primary') for (const replica of shard.replicas) out.push(this.nodeAt(replica));
    }
    return out;
  }

  /** The primary serving `key`'s slot (for node-local commands such as WAIT after a write). */
  nodeForKey(key: RedisArg): ClusterNode {
    const slot = commandSlot('GET', [key]);
    const shard = this.shardOf(this.requireMap(), slot);
    if (shard === undefined) throw new SlotUnservedError(slot);
    return this.nodeAt(shard.primary);
  }

  /** The slot map as last learned: for each shard its primary and replicas, and the slot ranges it serves. */
  get topology(): SlotMap | undefined {
    const map = this.map;
    return map === undefined ? undefined : { shards: map.shards, slotShard: map.slotShard };
  }

  /** Re-reads the topology now (joins a refresh already running). */
  refresh(): Promise<void> {
    return this.scheduleRefresh(undefined, true);
  }

  /** Closes every node connection gracefully (pending commands complete). */
  async quit(): Promise<'OK'> {
    this.closed = true;
    this.clearRefreshTimer();
    const pools = [...this.nodePools.values()].map((pool) => pool.close());
    this.nodePools.clear();
    await Promise.all([...this.nodeConnections.values()].map((node) => node.connection.quit().catch(ignore)).concat(pools));
    this.nodeConnections.clear();
    this.emit('end');
    return 'OK';
  }

  /** Closes every node connection now; pending commands reject. */
  disconnect(): void {
    this.closed = true;
    this.clearRefreshTimer();
    for (const pool of this.nodePools.values()) pool.disconnect();
    this.nodePools.clear();
    for (const node of this.nodeConnections.values()) node.connection.disconnect();
    this.nodeConnections.clear();
    this.emit('end');
  }

  /**
   * @internal For batches and the sharded subscriber: the primary serving `slot` (-1: any live primary),
   * fetching the topology first if needed. For a slot without owner in the map, a live primary: its MOVED
   * (or CLUSTERDOWN) tells where the slot is.
   */
  async primaryForSlot(slot: number): Promise<ClusterNode> {
    const map = this.map ?? (await this.refresh(), this.requireMap());
    const shard = slot < 0 ? undefined : this.shardOf(map, slot);
    const node = shard === undefined ? this.livePrimary(map, undefined) : this.nodeAt(shard.primary);
    if (node === undefined) throw new SlotUnservedError(slot);
    return node;
  }

  /** @internal For batches: the node at an address (an ASK target). */
  nodeAtAddress(address: NodeAddress): ClusterNode {
    return this.nodeAt(address);
  }

  /** @internal For batches: records a MOVED and waits for the refresh it triggers. */
  async learnRedirect(slot: number, to: NodeAddress): Promise<void> {
    if (this.learnMoved(slot, to)) await this.scheduleRefresh(to, true).catch(ignore);
  }

  // ---- routing -----------------------------------------------------------------------------------------

  /** @internal Sends a built command to the node its slot maps to now (or waits for the first map). */
  dispatch(command: ClusterCommand<any>): void {
    if (command.state === CommandState.Settled) return; // cancelled (withOptions) while it waited: never sent again
    const map = this.map;
    if (map === undefined) {
      this.refresh().then(
        () => this.dispatch(command),
        (error: unknown) => command.fail(error),
      );
      return;
    }
    const owner = this.pickNode(map, command);
    const node = owner !== undefined && !isDown(owner) ? owner : this.standIn(map, command, owner);
    if (node !== undefined) this.queueOn(node, command);
  }

  /**
   * No owner in our map, or it is down: looks again after a pause and meanwhile (at once when ownerless, after
   * DOWN_OWNER_WAIT_MS when the owner is down) asks a live primary, whose MOVED corrects a map the topology
   * replies got wrong; a slot nobody serves gets the server's own CLUSTERDOWN. Undefined: retried later.
   */
  private standIn(map: { shards: Shard[]; slotShard: Int16Array }, command: ClusterCommand<any>, owner: ClusterNode | undefined): ClusterNode | undefined {
    this.scheduleRefresh();
    const waited = command.retryAttempts > 0 ? Date.now() - command.firstRetryAt : 0;
    const node = owner === undefined || waited >= DOWN_OWNER_WAIT_MS ? this.livePrimary(map, owner) : undefined;
    if (node !== undefined) return node;
    if (owner === undefined) this.retryLater(command, 'CLUSTERDOWN', new SlotUnservedError(command.slot));
    else this.retryLater(command, 'ENODEDOWN', new ConnectionClosedError(`${nodeKey(owner.address)} is unreachable`));
    return undefined;
  }

  /** @internal CommandRouter: takes over a command that failed on a node, when that failure can be fixed. */
  reroute(command: ClusterCommand<any>, error: unknown, wasWritten: boolean): boolean {
    if (this.closed) return false;
    if (isRedirectError(error)) return this.redirect(command, error);
    if (error instanceof ReplyError) {
      if (!isRetryableClusterError(error)) return false;
      if (suggestsStaleMap(error)) this.scheduleRefresh();
      return this.retryLater(command, error.code, error);
    }
    const neverSent = !wasWritten && (error instanceof ConnectionClosedError || error instanceof ClientClosedError);
    // Reads are safe to repeat even when their outcome is unknown; writes are not (DESIGN §3).
    const readAgain = error instanceof CommandOutcomeUnknownError && isReadOnly(command.name, command.args);
    if (neverSent || readAgain || error instanceof CommandOutcomeUnknownError) this.scheduleRefresh();
    if (neverSent || readAgain) return this.retryLater(command, (error as RedisError).code, error);
    return false;
  }

  private redirect(command: ClusterCommand<any>, error: ReplyError): boolean {
    const from = command.node ?? { host: '', port: 0 };
    const target = parseRedirect(error.message, from.host);
    if (target === undefined) return false; // malformed: the caller gets the server's error as it is
    const to = { host: target.host, port: target.port };
    const node = this.nodeAt(to);
    // MOVED to a node that is down (a live node still names a dead owner): wait and retry there, as
    // dispatch() does; not a redirection the command wasted.
    const toDownNode = target.kind === 'MOVED' && isDown(node);
    if (!toDownNode && ++command.redirections > this.options.maxRedirections) {
      command.fail(new ClusterRedirectionError(command.name, this.options.maxRedirections, { cause: error }));
      return true;
    }
    const event: RedirectEvent = { kind: target.kind, command: command.name, slot: target.slot, from, to };
    emitSafely(this, 'redirect', event);
    command.observer?.onRedirect?.(event);
    if (target.kind === 'MOVED') {
      if (this.learnMoved(target.slot, to)) this.scheduleRefresh(toDownNode ? undefined : to, true);
      if (toDownNode) return this.retryLater(command, 'ENODEDOWN', new ConnectionClosedError(`${nodeKey(to)} is unreachable`));
    }
    // Cancelled meanwhile (withOptions, e.g. by a 'redirect' listener): the map learned the move, nothing more is sent.
    if (command.state === CommandState.Settled) return true;
    if (target.kind === 'ASK') {
      const asking = new Command('ASKING', [], ASKING, false, undefined);
      asking.retryable = false;
      asking.promise.catch(ignore);
      node.connection.enqueue(asking); // same turn as the command: written right before it
      this.queueOn(node, command, asking);
      return true;
    }
    this.queueOn(node, command);
    return true;
  }

  /** Sends the command again after a back-off pause, re-reading the map then; false once maxRetryTime is spent. */
  private retryLater(command: ClusterCommand<any>, reason: string, error: unknown): boolean {
    const now = Date.now();
    if (command.retryAttempts === 0) command.firstRetryAt = now;
    if (now - command.firstRetryAt >= this.options.maxRetryTime) {
      command.fail(error);
      return true;
    }
    const attempt = ++command.retryAttempts;
    const delay = this.options.retryDelay(attempt);
    const event: RetryEvent = { reason, command: command.name, attempt, delay };
    emitSafely(this, 'retry', event);
    command.observer?.onRetry?.(event);
    if (command.state === CommandState.Settled) return true; // cancelled by a listener (withOptions)
    command.requeue();
    setTimeout(() => {
      if (this.closed) command.fail(new ClientClosedError());
      else this.dispatch(command);
    }, delay);
    return true;
  }

  private queueOn(node: ClusterNode, command: ClusterCommand<any>, asking?: Command): void {
    command.requeue();
    command.node = node.address;
    command.queuedOn = node.connection;
    command.asking = asking;
    command.observer?.onNode?.(node.address);
    node.connection.enqueue(command);
    if (command.ownTimeout) command.deadline = 0; // its per-call timeout is watched for the whole call
  }

  private pickNode(map: { shards: Shard[]; slotShard: Int16Array }, command: ClusterCommand<any>): ClusterNode | undefined {
    if (command.slot < 0) {
      const shard = map.shards[0];
      return this.livePrimary(map, undefined) ?? (shard === undefined ? undefined : this.nodeAt(shard.primary));
    }
    const shard = this.shardOf(map, command.slot);
    if (shard === undefined) return undefined;
    if (command.readOnly && shard.replicas.length > 0) {
      for (let i = 0; i < shard.replicas.length; i++) {
        const replica = this.nodeAt(shard.replicas[this.roundRobin++ % shard.replicas.length] as NodeAddress);
        if (!isDown(replica)) return replica;
      }
    }
    return (shard.primaryNode ??= this.nodeAt(shard.primary));
  }

  /** A primary other than `except` whose connection is not down, round robin; undefined when there is none. */
  private livePrimary(map: { shards: Shard[]; slotShard: Int16Array }, except: ClusterNode | undefined): ClusterNode | undefined {
    const shards = map.shards;
    for (let i = 0; i < shards.length; i++) {
      const shard = shards[this.roundRobin++ % shards.length] as Shard;
      const node = (shard.primaryNode ??= this.nodeAt(shard.primary));
      if (node !== except && !isDown(node)) return node;
    }
    return undefined;
  }

  private shardOf(map: { shards: Shard[]; slotShard: Int16Array }, slot: number): Shard | undefined {
    const index = map.slotShard[slot] as number;
    return index < 0 ? undefined : map.shards[index];
  }

  /** Records a MOVED in the map at once; true when it changed something (then a refresh is worth it). */
  private learnMoved(slot: number, to: NodeAddress): boolean {
    const map = this.map;
    if (map === undefined) return true;
    const key = nodeKey(to);
    let index = map.shards.findIndex((shard) => nodeKey(shard.primary) === key);
    if (index >= 0 && map.slotShard[slot] === index) return false;
    if (index < 0) index = map.shards.push({ primary: to, replicas: [] }) - 1;
    map.slotShard[slot] = index;
    return true;
  }

  // ---- topology ----------------------------------------------------------------------------------------

  /**
   * One refresh at a time: callers join the one running. Failure-driven refreshes are spaced by
   * minRefreshInterval (a down node would otherwise trigger one per command); `urgent` ones (MOVED) are not.
   */
  private scheduleRefresh(preferred?: NodeAddress, urgent = false): Promise<void> {
    if (this.closed) return Promise.reject(new ClientClosedError());
    if (this.refreshing !== undefined) return this.refreshing;
    const wait = this.lastRefreshAt + this.options.minRefreshInterval - Date.now();
    if (!urgent && wait > 0) {
      this.refreshTimer ??= setTimeout(() => {
        this.refreshTimer = undefined;
        this.scheduleRefresh(undefined, true).catch(ignore);
      }, wait);
      return Promise.resolve();
    }
    const refreshing = this.refreshFrom(preferred).finally(() => {
      this.refreshing = undefined;
      this.lastRefreshAt = Date.now();
    });
    refreshing.catch(ignore);
    this.refreshing = refreshing;
    return refreshing;
  }

  private async refreshFrom(preferred: NodeAddress | undefined): Promise<void> {
    const candidates = this.refreshCandidates(preferred);
    let lastError: unknown;
    for (const node of candidates) {
      try {
        const map = await fetchSlotMap(node, this.options.nodeOptions, this.options.refreshTimeout, this.reachableAddress(node));
        if (this.closed) return;
        this.applyMap(map);
        return;
      } catch (error) {
        lastError = error;
      }
    }
    throw new ClusterUnreachableError(candidates.length, { cause: lastError });
  }

  /**
   * The MOVED target first, then the replicas of primaries that look down (the one promoted knows first: other
   * nodes may learn it some 100 ms later), then healthy known nodes, then ones that look down, then the root nodes.
   */
  private refreshCandidates(preferred: NodeAddress | undefined): NodeAddress[] {
    const heirs: NodeAddress[] = [];
    const healthy: NodeAddress[] = [];
    const suspect: NodeAddress[] = [];
    if (this.map !== undefined) {
      for (const shard of uniqueShards(this.map)) {
        if (this.isDownAt(shard.primary)) heirs.push(...shard.replicas.filter((replica) => !this.isDownAt(replica)));
        for (const address of [shard.primary, ...shard.replicas]) (this.isDownAt(address) ? suspect : healthy).push(address);
      }
    }
    const seen = new Set<string>();
    return [...(preferred === undefined ? [] : [preferred]), ...heirs, ...healthy, ...suspect, ...this.options.rootNodes].filter((address) => {
      const key = nodeKey(address);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }

  private applyMap(map: SlotMap): void {
    const shards: Shard[] = map.shards.map((shard) => ({ primary: shard.primary, replicas: [...shard.replicas] }));
    this.map = { shards, slotShard: Int16Array.from(map.slotShard) };
    const keep = new Set<string>();
    for (const shard of shards) for (const address of [shard.primary, ...shard.replicas]) keep.add(nodeKey(address));
    for (const [key, node] of this.nodeConnections) {
      if (keep.has(key)) continue;
      // Gone from the cluster: commands already queued there still complete (or are re-routed) as it closes.
      this.nodeConnections.delete(key);
      node.connection.quit().catch(ignore);
      this.nodePools.get(key)?.close().catch(ignore);
      this.nodePools.delete(key);
    }
    emitSafely(this, 'refresh', { shards: shards.length });
    this.startPeriodicRefresh();
  }

  /** Re-reads the topology every topologyRefreshInterval ms, from the first map on; never keeps the process alive. */
  private startPeriodicRefresh(): void {
    const interval = this.options.topologyRefreshInterval;
    if (interval === 0 || this.periodicRefresh !== undefined || this.closed) return;
    this.periodicRefresh = setInterval(() => this.scheduleRefresh().catch(ignore), interval);
    this.periodicRefresh.unref();
  }

  private requireMap(): { shards: Shard[]; slotShard: Int16Array } {
    if (this.map === undefined) throw new RedisError('The cluster topology is not known yet: await connect() first', 'ENOTOPOLOGY');
    return this.map;
  }

  /** The node at an address, creating its (lazy) connection on first use. */
  private nodeAt(address: NodeAddress): ClusterNode {
    const key = nodeKey(address);
    const existing = this.nodeConnections.get(key);
    if (existing !== undefined) return existing;
    const connection = new Connection(this.nodeConnectionOptions(address));
    if (this.clientCache !== undefined) trackInto(this.clientCache, connection);
    connection.on('error', (error: Error) => emitErrorIfListened(this, error));
    connection.on('reconnecting', () => this.scheduleRefresh().catch(ignore));
    this.connectionObserver?.created(connection, 'client');
    const pools = this.nodePools;
    const observer = (): ConnectionObserver | undefined => this.connectionObserver;
    const node: ClusterNode = {
      address,
      connection,
      get pool() {
        let pool = pools.get(key);
        if (pool === undefined) {
          pools.set(key, (pool = new ConnectionPool(connection.options, connection.options.poolSize, connection)));
          pool.observer = observer();
        }
        return pool;
      },
      call: (command: string, ...args: RedisArg[]) => {
        const parsed = parseCall(command, args);
        return parsed instanceof ArgumentError ? Promise.reject(parsed) : connection.send(parsed.name, parsed.args);
      },
    };
    this.nodeConnections.set(key, node);
    return node;
  }

  /** @internal For the client-side cache: whether the connection to `address` gets every invalidation now. */
  nodeTrackingLive(address: NodeAddress): boolean {
    return this.nodeConnections.get(nodeKey(address))?.connection.trackingLive === true;
  }

  /**
   * @internal Where to connect for a node as the cluster names it (the topology, MOVED/ASK): through
   * nodeAddressMap. Everything else (the map, node keys, events) keeps the announced address.
   */
  reachableAddress(announced: NodeAddress): NodeAddress {
    return mapAddress(this.options.nodeAddressMap, announced);
  }

  /** @internal Connection options for a node (the cluster subscriber opens its own connections with them). */
  nodeConnectionOptions(announced: NodeAddress): ResolvedOptions {
    const { host, port } = this.reachableAddress(announced);
    // Replicas answer reads only after READONLY (a no-op on primaries): part of every handshake when reading from them.
    const readOnly = this.options.readFrom === 'replica' || this.options.nodeOptions.readOnly === true;
    return resolveOptions({ ...this.options.nodeOptions, host, port, lazyConnect: true, readOnly });
  }

  private isDownAt(address: NodeAddress): boolean {
    const node = this.nodeConnections.get(nodeKey(address));
    return node !== undefined && isDown(node);
  }

  private clearRefreshTimer(): void {
    if (this.refreshTimer !== undefined) clearTimeout(this.refreshTimer);
    this.refreshTimer = undefined;
    if (this.periodicRefresh !== undefined) clearInterval(this.periodicRefresh);
    this.periodicRefresh = undefined;
  }

  private callWith(command: string, args: RedisArg[], returnBuffers: boolean): Promise<unknown> {
    const parsed = parseCall(command, args);
    if (parsed instanceof ArgumentError) return Promise.reject(parsed);
    return this.sendCommand(parsed.name, parsed.args, returnBuffers);
  }

  /** Also true for a RedisCluster (or OcRedisCluster) from another copy of ocredis. */
  static override [Symbol.hasInstance]<T>(this: abstract new (...args: any[]) => T, value: unknown): value is T {
    return isInstance(this, value, EventEmitter);
  }

  static {
    brandClasses({ RedisCluster });
    installCommandMethods<Promise<unknown>>(RedisCluster.prototype, {
      dispatch: (target, name, args, returnBuffers, transform) => (target as RedisCluster).sendCommand(name, args, returnBuffers, transform),
      refuse: (_target, _name, error) => Promise.reject(error),
    });
  }
}

// The typed command methods are installed on the prototype from the specs; this interface gives them types
// (and the listener types of the events).
export interface RedisCluster extends CommandMethods {
  on<K extends keyof RedisClusterEvents & string>(event: K, listener: Listener<RedisClusterEvents[K]>): this;
  on<S extends string | symbol>(event: S & (S extends keyof RedisClusterEvents ? never : S), listener: (...args: any[]) => void): this;
  once<K extends keyof RedisClusterEvents & string>(event: K, listener: Listener<RedisClusterEvents[K]>): this;
  once<S extends string | symbol>(event: S & (S extends keyof RedisClusterEvents ? never : S), listener: (...args: any[]) => void): this;
  off<K extends keyof RedisClusterEvents & string>(event: K, listener: Listener<RedisClusterEvents[K]>): this;
  off<S extends string | symbol>(event: S & (S extends keyof RedisClusterEvents ? never : S), listener: (...args: any[]) => void): this;
}

/** A node the client is failing to reach: commands are not parked in its offline queue. */
function isDown(node: ClusterNode): boolean {
  return node.connection.status === 'reconnecting';
}

function uniqueShards(map: { shards: Shard[]; slotShard: Int16Array }): Shard[] {
  // A shard that MOVED taught us about but the last refresh no longer lists may serve no slot: skip it.
  const used = new Set<number>();
  for (const index of map.slotShard) if (index >= 0) used.add(index);
  return map.shards.filter((_, index) => used.has(index));
}
