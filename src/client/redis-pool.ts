// A pool users hold (node-redis's createClientPool): a bounded set of connections, each lent whole to one
// caller at a time, for work that needs a connection of its own (WATCH, blocking commands, long MULTI
// sequences, per-connection session state) without managing clients by hand.
import type { CommandMethods, RedisKey } from '../commands/index.js';
import type { ReplyTransform } from '../connection/command.js';
import type { Connection } from '../connection/connection.js';
import type { ConnectionObserver } from '../connection/connection-observer.js';
import { resolveOptions, type RedisOptions, type ResolvedOptions } from '../connection/options.js';
import { ArgumentError, ClientClosedError } from '../errors.js';
import { parseCall } from '../commands/parse-call.js';
import type { RedisArg } from '../resp/types.js';
import { installCommandMethods } from './batch-methods.js';
import { Multi, Pipeline } from './pipeline.js';
import { ConnectionPool } from './pool.js';

/**
 * A connection lent by a RedisPool: typed command methods, call(), pipeline(), multi(), all on this one
 * connection (blocking commands block it, as asked). Usable until it is released; after that every call
 * rejects with ClientClosedError, so a stale reference cannot run commands on a connection lent to someone else.
 */
export class PooledClient {
  private released = false;
  /** A WATCH or MULTI sent by hand is still open: the connection cannot be lent as is (see RedisPool.release). */
  private sessionOpen = false;

  constructor(
    /** The lent connection (status, queues), for diagnostics. */
    readonly connection: Connection,
  ) {}

  /** False once released to the pool. */
  get isLeased(): boolean {
    return !this.released;
  }

  /** Runs any command: `call('OBJECT', 'ENCODING', 'key')`. */
  call(command: string, ...args: RedisArg[]): Promise<unknown> {
    return this.callWith(command, args, false);
  }

  /** Like call(), with bulk strings as Buffers. */
  callBuffer(command: string, ...args: RedisArg[]): Promise<unknown> {
    return this.callWith(command, args, true);
  }

  /** Sends one command on the lent connection. The single path every command method goes through. */
  sendCommand<T = unknown>(name: string, args: readonly RedisArg[], returnBuffers = false, transform?: ReplyTransform<T>): Promise<T> {
    if (this.released) return Promise.reject(new ClientClosedError('This pooled client was released: acquire() another one'));
    if (NOT_ON_A_LENT_CONNECTION.has(name)) return Promise.reject(new ArgumentError(`${name} would leave the pooled connection unusable for the next caller: use r.pubsub() (or a client of its own for MONITOR)`));
    if (name === 'WATCH' || name === 'MULTI') this.sessionOpen = true;
    else if (name === 'EXEC' || name === 'DISCARD' || name === 'UNWATCH') this.sessionOpen = false;
    return this.connection.send(name, args, returnBuffers, transform);
  }

  /** Whether a hand-sent WATCH or MULTI is still open (the pool then closes the connection on release). */
  get hasOpenSession(): boolean {
    return this.sessionOpen;
  }

  /** WATCHes keys on the lent connection, for a following `multi()` … `exec()` (WatchError if one changed). */
  watch(...keys: RedisKey[]): Promise<'OK'> {
    if (keys.length === 0) return Promise.reject(new ArgumentError('watch: at least one key is required'));
    return this.sendCommand<'OK'>('WATCH', keys);
  }

  /** Forgets the watched keys. */
  unwatch(): Promise<'OK'> {
    return this.sendCommand<'OK'>('UNWATCH', []);
  }

  /** A pipeline on the lent connection. */
  pipeline(): Pipeline {
    return new Pipeline(this.connection);
  }

  /** A MULTI/EXEC batch on the lent connection (WATCH first with `watch(...)` for an optimistic transaction). */
  multi(): Multi {
    return new Multi(this.connection, {
      afterExec: (answered) => {
        if (answered) this.sessionOpen = false; // EXEC's reply ends any WATCH
      },
    });
  }

  /** Called by the pool on release. */
  markReleased(): void {
    this.released = true;
  }

  private callWith(command: string, args: RedisArg[], returnBuffers: boolean): Promise<unknown> {
    const parsed = parseCall(command, args);
    if (parsed instanceof ArgumentError) return Promise.reject(parsed);
    return this.sendCommand(parsed.name, parsed.args, returnBuffers);
  }

  static {
    installCommandMethods<Promise<unknown>>(PooledClient.prototype, {
      dispatch: (target, name, args, returnBuffers, transform) => (target as PooledClient).sendCommand(name, args, returnBuffers, transform),
      refuse: (_target, _name, error) => Promise.reject(error),
    });
  }
}

/** Commands that turn a connection into something else (a subscriber, a monitor) for good. */
const NOT_ON_A_LENT_CONNECTION: ReadonlySet<string> = new Set(['SUBSCRIBE', 'PSUBSCRIBE', 'SSUBSCRIBE', 'MONITOR']);

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface PooledClient extends CommandMethods {}

/**
 * Up to `poolSize` connections (default 8), opened on demand with the given options, lent one caller at a
 * time. `execute(fn)` lends one for the duration of `fn`; `acquire()` / `release()` do the same by hand.
 * When all are lent, callers wait in FIFO order. A connection comes back reusable only when it is ready with
 * nothing pending; anything else (lost, still blocked, commands in flight) is closed and replaced. Every
 * lent connection starts on the configured database (a SELECT made while lent is undone on the next lease).
 */
export class RedisPool {
  readonly options: ResolvedOptions;
  private readonly pool: ConnectionPool;
  private readonly lent = new Map<PooledClient, Connection>();

  constructor(options?: RedisOptions);
  constructor(url: string, options?: RedisOptions);
  constructor(urlOrOptions?: string | RedisOptions, maybeOptions?: RedisOptions) {
    this.options = resolveOptions(urlOrOptions, maybeOptions);
    // Lent connections run WATCH / MULTI and blocking commands: a cache there would serve reads a transaction
    // must see fresh. Caching belongs to the shared, auto-pipelined Redis client.
    if (this.options.clientSideCache !== undefined) throw new ArgumentError('RedisPool: clientSideCache is not supported on a pool; use it on a Redis client');
    this.pool = new ConnectionPool(this.options, this.options.poolSize);
  }

  /** Most connections open at once (`poolSize`). */
  get size(): number {
    return this.pool.size;
  }

  /** Connections open or opening. */
  get total(): number {
    return this.pool.total;
  }

  /** Connections ready to lend. */
  get idle(): number {
    return this.pool.idle;
  }

  /** Callers waiting for a connection. */
  get waiting(): number {
    return this.pool.waiting;
  }

  /** @internal Tells `observer` about the connections the pool opens and each caller's wait (OcRedisPool's metrics). */
  observeConnections(observer: ConnectionObserver): void {
    this.pool.observer = observer;
  }

  /** Lends a connection; give it back with release(). Rejects with ClientClosedError after close(). */
  async acquire(): Promise<PooledClient> {
    const connection = await this.pool.acquire();
    const client = new PooledClient(connection);
    this.lent.set(client, connection);
    return client;
  }

  /** Gives a lent connection back (idempotent). Unhealthy or busy connections are closed instead of reused. */
  release(client: PooledClient): void {
    const connection = this.lent.get(client);
    if (connection === undefined) return;
    this.lent.delete(client);
    client.markReleased();
    // Watched keys or an open MULTI would leak into the next caller's commands: close instead.
    if (client.hasOpenSession) this.pool.destroy(connection);
    else this.pool.release(connection);
  }

  /** Runs `fn` with a lent connection and releases it when `fn` settles, whatever happened. */
  async execute<T>(fn: (client: PooledClient) => T | PromiseLike<T>): Promise<T> {
    if (typeof fn !== 'function') throw new ArgumentError('execute: fn must be a function (client) => result');
    const client = await this.acquire();
    try {
      return await fn(client);
    } finally {
      this.release(client);
    }
  }

  /** Lets the process exit while connections are open. */
  unref(): this {
    this.pool.unref();
    return this;
  }

  /** Undoes unref(). */
  ref(): this {
    this.pool.ref();
    return this;
  }

  /** Closes gracefully: waiters reject; idle connections QUIT; lent ones are closed at once. */
  async close(): Promise<void> {
    for (const client of this.lent.keys()) client.markReleased();
    this.lent.clear();
    await this.pool.close();
  }

  /** Closes every connection now. */
  disconnect(): void {
    for (const client of this.lent.keys()) client.markReleased();
    this.lent.clear();
    this.pool.disconnect();
  }
}

/** A pool of connections to one server, each lent whole to one caller at a time (see RedisPool). */
export function createPool(options?: RedisOptions): RedisPool;
export function createPool(url: string, options?: RedisOptions): RedisPool;
export function createPool(urlOrOptions?: string | RedisOptions, maybeOptions?: RedisOptions): RedisPool {
  return typeof urlOrOptions === 'string' ? new RedisPool(urlOrOptions, maybeOptions) : new RedisPool(urlOrOptions);
}
