import { EventEmitter } from 'node:events';
import type { CommandMethods } from '../commands/index.js';
import type { Listener, RedisEvents } from './typed-events.js';
import { Connection, type ConnectionStatus, type ServerHello } from '../connection/connection.js';
import type { ConnectionObserver } from '../connection/connection-observer.js';
import type { CommandObserver } from '../connection/command-observer.js';
import type { ReplyTransform } from '../connection/command.js';
import { resolveOptions, type RedisOptions, type ResolvedOptions } from '../connection/options.js';
import { ArgumentError } from '../errors.js';
import { brandClasses, isInstance } from '../brand.js';
import { parseCall } from '../commands/parse-call.js';
import { applyKeyPrefix } from '../commands/key-prefix.js';
import { installCommandMethods } from './batch-methods.js';
import { emitErrorIfListened } from '../events.js';
import type { RedisArg } from '../resp/types.js';
import type { RedisKey } from '../commands/define.js';
import { Multi, Pipeline, type Batch } from './pipeline.js';
import { ConnectionPool } from './pool.js';
import { checkCallOptions, type CallOptions } from '../connection/call-options.js';
import { callOptionsView, takeCallOptions } from './call-options-view.js';
import { Transaction, runTransaction, type TransactionOptions } from './transaction.js';
import { routesToPool, sendBlocking } from './blocking.js';
import { Subscriber, type SubscriberOptions } from './pubsub.js';
import { hscanEntries, scanKeys, sscanMembers, zscanMembers, type KeyScanOptions, type ScanOptions } from './scan.js';
import { createScript, type Script, type ScriptOptions } from './scripts.js';
import { commandChannel, traceCommand } from '../diagnostics/channels.js';
import { Monitor, type MonitorOptions } from './monitor.js';
import type { ScoredMember } from '../commands/replies.js';
import { installClientCache } from '../cache/install-cache.js';
import type { ClientSideCache } from '../cache/client-cache.js';

export type { RedisOptions, ConnectionStatus, CallOptions };

/**
 * A Redis client on one auto-pipelined connection. Typed command methods (`get`, `hgetall`, `zadd` …) are
 * installed from the command specs in src/commands; any other command goes through `call()`.
 *
 * Events: `connect`, `ready`, `error`, `reconnecting` ({ attempt, delay, error }), `end`, `push` (RESP3 pushes).
 */
export class Redis extends EventEmitter {
  readonly options: ResolvedOptions;
  /** The underlying connection (status, queues). Exposed for instrumentation and diagnostics. */
  readonly connection: Connection;
  /** The client-side cache (`clientSideCache` option): `stats()`, `clear()`. Undefined when the option is off. */
  readonly cache: ClientSideCache | undefined;

  constructor(options?: RedisOptions);
  constructor(url: string, options?: RedisOptions);
  constructor(urlOrOptions?: string | RedisOptions, maybeOptions?: RedisOptions) {
    super();
    this.options = resolveOptions(urlOrOptions, maybeOptions);
    // Its own copy: where the connection goes may change (Sentinel), what the user configured does not.
    this.connection = new Connection({ ...this.options });
    // Installed only with the option: without it, commands take the prototype's sendCommand, unchanged.
    this.cache = this.options.clientSideCache === undefined ? undefined : installClientCache(this, this.options.clientSideCache);
    this.forwardEvents();
    if (!this.options.lazyConnect) this.connection.start();
  }

  get status(): ConnectionStatus {
    return this.connection.status;
  }

  /** The database index in use (follows SELECT). */
  get db(): number {
    return this.connection.db;
  }

  /** The RESP version negotiated with the server. */
  get protocol(): 2 | 3 {
    return this.connection.protocol;
  }

  /** What the server reported in the HELLO reply (version, role, mode, client id). */
  get serverInfo(): ServerHello {
    return this.connection.hello;
  }

  /** Where this client connects: host and port, or the unix socket path. */
  get serverAddress(): { host: string; port: number | undefined } {
    const { path, host, port } = this.connection.options;
    return path !== undefined ? { host: path, port: undefined } : { host, port };
  }

  /**
   * Connects now (with lazyConnect) and resolves when ready. After quit() or disconnect() it opens the client
   * again (with a fresh pool); until then, commands reject with ClientClosedError.
   */
  connect(): Promise<void> {
    if (this.poolInstance?.isClosed === true) this.poolInstance = undefined;
    return this.connection.connect();
  }

  /** Runs any command: `call('OBJECT', 'ENCODING', 'key')`. Replies as decoded (bulk strings as strings). */
  call(command: string, ...args: RedisArg[]): Promise<unknown> {
    return this.callWith(command, args, false);
  }

  /** Like call(), with bulk strings as Buffers. */
  callBuffer(command: string, ...args: RedisArg[]): Promise<unknown> {
    return this.callWith(command, args, true);
  }

  /**
   * Sends one command on the shared connection. The single path every command method goes through.
   * `observer` (telemetry) hears about the command's LOADING waits and re-sends after a reconnect.
   */
  sendCommand<T = unknown>(name: string, args: readonly RedisArg[], returnBuffers = false, transform?: ReplyTransform<T>, observer?: CommandObserver): Promise<T> {
    args = applyKeyPrefix(this.options.keyPrefix, name, args);
    const callOptions = takeCallOptions(this);
    // ocredis:command subscribers (diagnostics_channel) see every command; one boolean read when there are none.
    if (commandChannel.hasSubscribers) {
      return traceCommand(this.connection, name, args, () => this.sendUntraced(name, args, returnBuffers, transform, callOptions, observer));
    }
    return this.sendUntraced(name, args, returnBuffers, transform, callOptions, observer);
  }

  private sendUntraced<T>(
    name: string,
    args: readonly RedisArg[],
    returnBuffers: boolean,
    transform: ReplyTransform<T> | undefined,
    callOptions: CallOptions | undefined,
    observer: CommandObserver | undefined,
  ): Promise<T> {
    // Blocking commands (BLPOP, XREAD BLOCK …) run on a pooled connection; one Set lookup for the rest.
    if (routesToPool(name, args)) return this.sendBlocking(name, args, returnBuffers, transform, callOptions, observer);
    if (observer !== undefined) return this.connection.sendObserved(name, args, returnBuffers, transform, callOptions, observer);
    if (callOptions !== undefined) return this.connection.sendWith(name, args, returnBuffers, transform, callOptions);
    return this.connection.send(name, args, returnBuffers, transform);
  }

  /**
   * A view of this client whose calls carry per-call options: `r.withOptions({ signal, timeout }).get('k')`.
   * Command methods, call(), sendCommand(), the exec() of its pipeline() / multi(), blocking commands (on the
   * pool), watch() / transaction(), the scan iterators (each page) and scripts registered through it (each
   * run) honour them; pubsub() does not. Cheap: make one per call or keep one. Bad options throw ArgumentError here.
   */
  withOptions(options: CallOptions): this {
    return callOptionsView(this, checkCallOptions(options));
  }

  /** Set by a withOptions view for the one synchronous call it forwards; read (and cleared) where commands are made. */
  pendingCallOptions: CallOptions | undefined = undefined;

  /**
   * What a helper that sends later (a scan iterator's pages, a script's runs) sends through: this client, or,
   * when called through a withOptions view, a view with the same options, so each command it sends carries them.
   */
  private hostForCall(): this {
    const options = takeCallOptions(this);
    return options === undefined ? this : callOptionsView(this, options);
  }

  /** Gracefully closes: pending commands complete, then QUIT. */
  async quit(): Promise<'OK'> {
    const [reply] = await Promise.all([this.connection.quit(), this.poolInstance?.close()]);
    return reply;
  }

  /**
   * Closes the connection now; pending commands reject. With `afterReplies`, the client's connection half-closes
   * instead: replies already on their way still resolve their commands (see Connection.disconnectAfterReplies).
   */
  disconnect(options: { afterReplies?: boolean } = {}): void {
    this.poolInstance?.disconnect();
    if (options.afterReplies === true) this.connection.disconnectAfterReplies();
    else this.connection.disconnect();
  }

  /**
   * Lets the process exit while this client is connected (like `socket.unref()`): its connection, its pool's
   * connections and its reconnect timers no longer keep the event loop alive. Subscribers (`pubsub()`) have
   * their own connection and are not affected.
   */
  unref(): this {
    this.connection.unref();
    this.unreferenced = true;
    this.poolInstance?.unref();
    return this;
  }

  /** Undoes unref(). */
  ref(): this {
    this.connection.ref();
    this.unreferenced = false;
    this.poolInstance?.ref();
    return this;
  }

  private unreferenced = false;

  /** A new client with the same options (and overrides): its own connection. */
  duplicate(overrides: RedisOptions = {}): this {
    const Ctor = this.constructor as new (options: RedisOptions) => this;
    return new Ctor({ ...this.options, ...overrides });
  }

  // ---- batches (pipeline, multi, transaction, watch): see pipeline.ts / transaction.ts -------------------

  /**
   * A pipeline: each queued call returns a Deferred handle; `exec()` sends them in one write. With `parent`
   * (a pipeline or MULTI batch), the new pipeline queues onto it and runs with the parent's exec() (redpipe).
   */
  pipeline(parent?: Batch): Pipeline {
    const pipeline = new Pipeline(this.connection, parent);
    pipeline.callOptions = takeCallOptions(this);
    return pipeline;
  }

  /** A MULTI/EXEC batch on the shared connection (atomic; no WATCH: use `watch()` / `transaction()`). */
  multi(): Multi {
    const multi = new Multi(this.connection);
    multi.callOptions = takeCallOptions(this);
    return multi;
  }

  /**
   * Leases a pool connection and WATCHes `keys` on it. Read with the returned transaction, then
   * `tx.multi()` … `exec()` (WatchError if a watched key changed), or `tx.unwatch()` to give up.
   */
  watch(...keys: RedisKey[]): Promise<Transaction> {
    return Transaction.start(this.pool, keys, undefined, takeCallOptions(this));
  }

  /** Runs `fn` in a WATCH transaction, re-running it on WatchError (default up to 100 times). */
  transaction<T>(fn: (tx: Transaction) => T | PromiseLike<T>, ...watchKeys: RedisKey[]): Promise<T>;
  transaction<T>(fn: (tx: Transaction) => T | PromiseLike<T>, options: TransactionOptions): Promise<T>;
  transaction<T>(fn: (tx: Transaction) => T | PromiseLike<T>, ...rest: (RedisKey | TransactionOptions)[]): Promise<T> {
    return runTransaction(this.pool, fn, rest, undefined, takeCallOptions(this));
  }

  /** Extra connections (created on first use, at most `poolSize`) for WATCH, blocking commands, subscribers. */
  get pool(): ConnectionPool {
    if (this.poolInstance === undefined) {
      // The connection's copy of the options: Sentinel points it at the current master.
      this.poolInstance = new ConnectionPool(this.connection.options, this.options.poolSize, this.connection);
      this.poolInstance.observer = this.connectionObserver;
      if (this.unreferenced) this.poolInstance.unref();
    }
    return this.poolInstance;
  }

  private poolInstance: ConnectionPool | undefined;
  private connectionObserver: ConnectionObserver | undefined;

  /**
   * @internal Tells `observer` about this client's connection now and its pool's connections and leases from
   * now on (OcRedis's connection metrics).
   */
  observeConnections(observer: ConnectionObserver): void {
    this.connectionObserver = observer;
    observer.created(this.connection, 'client');
    if (this.poolInstance !== undefined) this.poolInstance.observer = observer;
  }

  // ---- pub/sub, scripts, scan iterators, blocking-command pool: see pubsub.ts / scripts.ts / scan.ts / pool.ts

  /**
   * A subscriber on its own connection: `subscribe` / `psubscribe` / `ssubscribe`, handlers per channel,
   * `for await (const msg of sub)`; it subscribes again after a reconnect. Close it with `sub.quit()`.
   */
  pubsub(options?: SubscriberOptions & { buffers?: false }): Subscriber<string>;
  pubsub(options: SubscriberOptions & { buffers: true }): Subscriber<Buffer>;
  pubsub(options: SubscriberOptions = {}): Subscriber<string> | Subscriber<Buffer> {
    const target = this.connection.options; // follows the connection (a Sentinel client's current master)
    return options.buffers === true ? new Subscriber<Buffer>(target, options) : new Subscriber<string>(target, options);
  }

  /**
   * Calls `handler` with every RESP3 push frame that is not a reply (client-tracking invalidations such as
   * `['invalidate', ['key']]` …). Returns a function that removes the handler. Same as `on('push', handler)`,
   * except that a handler that throws cannot disturb the reply stream (the error is re-thrown on the next tick).
   */
  onPush(handler: (push: unknown[]) => void): () => void {
    const guarded = (push: unknown[]): void => {
      try {
        handler(push);
      } catch (error) {
        process.nextTick(() => {
          throw error;
        });
      }
    };
    this.on('push', guarded);
    return () => {
      this.off('push', guarded);
    };
  }

  /**
   * MONITOR on a connection of its own, resolved once the server confirmed it:
   * `for await (const { time, db, source, args } of await r.monitor()) …`. Leaving the loop or `close()` closes it.
   */
  monitor(options?: MonitorOptions): Promise<Monitor> {
    return Monitor.open(this.connection.options, options); // follows the connection, as pubsub() does (a Sentinel client's current master)
  }

  /** A Lua script as a callable: `await script({ keys, args })` (EVAL the first time, EVALSHA after; re-sent as EVAL on NOSCRIPT). */
  registerScript(lua: string, options?: ScriptOptions): Script {
    return createScript(this.hostForCall(), lua, options);
  }

  /** Every key (SCAN, one page per round trip): `for await (const key of r.scanIter({ match: 'user:*' }))`. */
  scanIter(options?: KeyScanOptions): AsyncGenerator<string, void, undefined> {
    return scanKeys(this.hostForCall(), options);
  }

  /** Every `[field, value]` of a hash (HSCAN). */
  hscanIter(key: RedisKey, options?: ScanOptions): AsyncGenerator<[field: string, value: string], void, undefined> {
    return hscanEntries(this.hostForCall(), key, options);
  }

  /** Every member of a set (SSCAN). */
  sscanIter(key: RedisKey, options?: ScanOptions): AsyncGenerator<string, void, undefined> {
    return sscanMembers(this.hostForCall(), key, options);
  }

  /** Every `{ member, score }` of a sorted set (ZSCAN). */
  zscanIter(key: RedisKey, options?: ScanOptions): AsyncGenerator<ScoredMember, void, undefined> {
    return zscanMembers(this.hostForCall(), key, options);
  }

  /** A blocking command on a pooled connection, on the database this client uses (see blocking.ts). */
  private sendBlocking<T>(
    name: string,
    args: readonly RedisArg[],
    returnBuffers: boolean,
    transform: ReplyTransform<T> | undefined,
    callOptions: CallOptions | undefined,
    observer: CommandObserver | undefined,
  ): Promise<T> {
    return sendBlocking(this.pool, this.options.commandTimeout, name, args, returnBuffers, transform, callOptions, observer);
  }

  private callWith(command: string, args: RedisArg[], returnBuffers: boolean): Promise<unknown> {
    const parsed = parseCall(command, args);
    if (parsed instanceof ArgumentError) return Promise.reject(parsed);
    return this.sendCommand(parsed.name, parsed.args, returnBuffers);
  }

  private forwardEvents(): void {
    for (const event of ['connect', 'ready', 'reconnecting', 'end', 'push'] as const) {
      this.connection.on(event, (...payload: unknown[]) => this.emit(event, ...payload));
    }
    this.connection.on('error', (error: Error) => emitErrorIfListened(this, error));
  }

  /** Also true for a Redis (or OcRedis …) from another copy of ocredis: the ESM and CommonJS builds side by side. */
  static override [Symbol.hasInstance]<T>(this: abstract new (...args: any[]) => T, value: unknown): value is T {
    return isInstance(this, value, EventEmitter);
  }

  static {
    brandClasses({ Redis });
    installCommandMethods<Promise<unknown>>(Redis.prototype, {
      dispatch: (target, name, args, returnBuffers, transform) => (target as Redis).sendCommand(name, args, returnBuffers, transform),
      refuse: (_target, _name, error) => Promise.reject(error),
    });
  }
}

// The typed command methods are installed on the prototype from the specs; this interface gives them types
// (and the listener types of the events).
export interface Redis extends CommandMethods {
  on<K extends keyof RedisEvents & string>(event: K, listener: Listener<RedisEvents[K]>): this;
  on<S extends string | symbol>(event: S & (S extends keyof RedisEvents ? never : S), listener: (...args: any[]) => void): this;
  once<K extends keyof RedisEvents & string>(event: K, listener: Listener<RedisEvents[K]>): this;
  once<S extends string | symbol>(event: S & (S extends keyof RedisEvents ? never : S), listener: (...args: any[]) => void): this;
  off<K extends keyof RedisEvents & string>(event: K, listener: Listener<RedisEvents[K]>): this;
  off<S extends string | symbol>(event: S & (S extends keyof RedisEvents ? never : S), listener: (...args: any[]) => void): this;
}
