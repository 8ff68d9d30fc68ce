import { Connection, type ConnectionStatus } from '../connection/connection.js';
import type { ConnectionObserver } from '../connection/connection-observer.js';
import type { ResolvedOptions } from '../connection/options.js';
import { ArgumentError, ClientClosedError, ConnectionClosedError } from '../errors.js';

/** The client's main connection as the pool sees it: the database it uses and whether it is closed. */
export interface PoolOwner {
  readonly db: number;
  readonly status: ConnectionStatus;
}

interface Waiter {
  resolve(connection: Connection): void;
  reject(error: unknown): void;
}

/**
 * A small bounded pool of extra connections (same options as the client) for work that must not run on the
 * shared auto-pipelined connection: WATCH transactions (WATCH state is per connection), blocking commands,
 * subscribers. Lazy: no connection is opened until one is needed. When every connection is leased, callers
 * wait in FIFO order. A leased connection is always on the owner's current database (after `r.select(9)`, a
 * WATCH transaction or BLPOP runs in db 9), and nothing is lent while the owner is closed.
 */
export class ConnectionPool {
  /** The most connections the pool opens at once. */
  readonly size: number;
  private readonly idleConnections: Connection[] = [];
  private readonly leased = new Set<Connection>();
  private readonly waiters: Waiter[] = [];
  /** Connections being opened (they count against `size`). */
  private opening = 0;
  private closed = false;
  /** unref() was called: connections (open and future) don't keep the process alive. */
  private unreferenced = false;
  /** Told about each connection opened and each lease's wait (telemetry); set by the owning client. */
  observer: ConnectionObserver | undefined = undefined;

  constructor(
    private readonly options: ResolvedOptions,
    size = 8,
    /** Whose database leased connections follow; without one, the configured `options.db`. */
    private readonly owner: PoolOwner = { db: options.db, status: 'ready' },
  ) {
    if (!Number.isInteger(size) || size < 1) throw new ArgumentError('ConnectionPool size must be a positive integer');
    this.size = size;
  }

  /** Connections ready to lend. */
  get idle(): number {
    return this.idleConnections.length;
  }

  /** Callers waiting for a connection. */
  get waiting(): number {
    return this.waiters.length;
  }

  /** Connections open or opening (idle + leased + opening). */
  get total(): number {
    return this.idleConnections.length + this.leased.size + this.opening;
  }

  /** True after close() or disconnect(): acquire() rejects from then on. */
  get isClosed(): boolean {
    return this.closed;
  }

  /**
   * Leases a connection (an idle one, a new one below `size`, or the next one released), switched to the
   * owner's current database.
   */
  async acquire(): Promise<Connection> {
    if (this.closed) throw new ClientClosedError('The connection pool is closed');
    if (this.owner.status === 'end' || this.owner.status === 'closing') throw new ClientClosedError();
    const observer = this.observer;
    const startedAt = observer !== undefined ? performance.now() : 0;
    const connection = await this.lease();
    observer?.waited(performance.now() - startedAt, this.options);
    const db = this.owner.db;
    if (connection.db === db) return connection;
    try {
      await connection.send('SELECT', [db]);
    } catch (error) {
      this.destroy(connection);
      throw error;
    }
    return connection;
  }

  private lease(): Promise<Connection> {
    for (let connection = this.idleConnections.pop(); connection !== undefined; connection = this.idleConnections.pop()) {
      if (connection.status === 'end') continue; // died while idle
      this.leased.add(connection);
      return Promise.resolve(connection);
    }
    if (this.total < this.size) return this.open();
    return new Promise<Connection>((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  /**
   * Returns a leased connection. A healthy one (ready, nothing pending) goes to the next waiter or back to
   * the pool (acquire() switches its database as needed); anything else is dropped.
   */
  release(connection: Connection): void {
    if (!this.leased.delete(connection)) return;
    if (this.closed || !this.isReusable(connection)) {
      connection.disconnect();
      this.replaceForWaiter();
      return;
    }
    const waiter = this.waiters.shift();
    if (waiter !== undefined) {
      this.leased.add(connection);
      waiter.resolve(connection);
      return;
    }
    this.idleConnections.push(connection);
  }

  /** Closes a leased connection for good (its state is unknown or unwanted) and frees its slot. */
  destroy(connection: Connection): void {
    const wasLeased = this.leased.delete(connection);
    const idleIndex = this.idleConnections.indexOf(connection);
    if (idleIndex >= 0) this.idleConnections.splice(idleIndex, 1);
    connection.disconnect();
    if (wasLeased || idleIndex >= 0) this.replaceForWaiter();
  }

  /**
   * Closes the pool: waiters reject, idle connections QUIT (after anything pending), leased ones (possibly
   * blocked in BLPOP or subscribed) are closed at once.
   */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.rejectWaiters();
    for (const connection of this.leased) connection.disconnect();
    this.leased.clear();
    const idle = this.idleConnections.splice(0);
    await Promise.all(idle.map((connection) => connection.quit().catch(() => undefined)));
  }

  /** Connections (open and opened later) no longer keep the process alive. */
  unref(): void {
    this.unreferenced = true;
    for (const connection of this.connections()) connection.unref();
  }

  /** Undoes unref(). */
  ref(): void {
    this.unreferenced = false;
    for (const connection of this.connections()) connection.ref();
  }

  private connections(): Connection[] {
    return [...this.leased, ...this.idleConnections];
  }

  /** Closes every connection now (the client's disconnect()). */
  disconnect(): void {
    this.closed = true;
    this.rejectWaiters();
    for (const connection of [...this.leased, ...this.idleConnections]) connection.disconnect();
    this.leased.clear();
    this.idleConnections.length = 0;
  }

  private isReusable(connection: Connection): boolean {
    return connection.status === 'ready' && connection.inflightCount === 0 && connection.queuedCount === 0;
  }

  /** Opens a new connection and leases it once ready. Gives up after `offlineQueueAttempts` failed attempts. */
  private async open(): Promise<Connection> {
    this.opening++;
    // The options object itself, not a copy: Sentinel updates its host and port for reconnects.
    const connection = new Connection(this.options);
    connection.db = this.owner.db; // opened straight on the owner's database: the handshake SELECTs it
    if (this.unreferenced) connection.unref();
    this.observer?.created(connection, 'pool');
    const onReconnecting = ({ attempt, error }: { attempt: number; error?: Error }) => {
      if (attempt < this.options.offlineQueueAttempts) return;
      giveUp(new ConnectionClosedError(`Could not connect after ${attempt} attempts`, { cause: error }));
      connection.disconnect();
    };
    let giveUp: (error: Error) => void = () => undefined;
    const gaveUp = new Promise<never>((_, reject) => {
      giveUp = reject;
    });
    connection.on('reconnecting', onReconnecting);
    try {
      await Promise.race([connection.connect(), gaveUp]);
    } catch (error) {
      connection.disconnect();
      this.opening--;
      this.replaceForWaiter(); // the slot is free again: a waiter gets its own attempt
      throw error;
    } finally {
      connection.off('reconnecting', onReconnecting);
    }
    this.opening--;
    if (this.closed) {
      connection.disconnect();
      throw new ClientClosedError('The connection pool is closed');
    }
    this.leased.add(connection);
    return connection;
  }

  /** A slot was freed: if someone waits, open a connection for them. */
  private replaceForWaiter(): void {
    if (this.closed || this.waiters.length === 0 || this.total >= this.size) return;
    const waiter = this.waiters.shift() as Waiter;
    this.open().then(waiter.resolve, waiter.reject);
  }

  private rejectWaiters(): void {
    const error = new ClientClosedError('The connection pool is closed');
    for (const waiter of this.waiters.splice(0)) waiter.reject(error);
  }
}
