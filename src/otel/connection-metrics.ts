// Connection and queue metrics of OcRedis and OcRedisCluster clients, following `db.client.connection.*` where
// the conventions define them. Per pool name: `host:port` (or the socket path) for a client's own connection
// (a single server's, or a cluster node's), `host:port (pool)` for the connections its pool lends (WATCH
// transactions, blocking commands). Observable ones are read from the connections when a reader collects, so
// a call pays nothing for them:
// - db.client.connection.count {connection}, by db.client.connection.state: `used` while commands are in
//   flight, `idle` when ready with none (a connection not ready is neither)
// - db.client.connection.pending_requests {request}: commands waiting for a reply or for a connection
// - redis/offline_queue {command}: commands held while not connected (the part of the above that waits for a
//   connection: what to watch during an outage)
// - redis/reconnects: times a connection became ready again after having been ready
// Recorded per connection attempt and per pool lease (never per command), through the client's instruments:
// - db.client.connection.create_time (s): from a socket starting to open to the connection being ready
// - db.client.connection.wait_time (s): from a pool's acquire() to the connection being lent
import type { Attributes, Meter, ObservableResult } from '@opentelemetry/api';
import type { Connection } from '../connection/connection.js';
import type { ConnectionObserver, ConnectionRole } from '../connection/connection-observer.js';
import type { ConnectionTimeMetric } from './instruments.js';
import type { ResolvedTelemetryOptions } from './options.js';
import { currentInstruments } from './providers.js';

export const METRIC_CONNECTION_COUNT = 'db.client.connection.count';
export const METRIC_PENDING_REQUESTS = 'db.client.connection.pending_requests';
export const METRIC_OFFLINE_QUEUE = 'redis/offline_queue';
export const METRIC_RECONNECTS = 'redis/reconnects';

interface Observed {
  readonly connection: WeakRef<Connection>;
  readonly pool: string;
  readies: number;
}

const observed = new Set<Observed>();
const metersServed = new WeakSet<Meter>();

/** The observer an OcRedis / OcRedisCluster hands its client: counts, times and names each connection. */
export function connectionObserver(options: ResolvedTelemetryOptions): ConnectionObserver {
  return {
    created(connection, role) {
      const pool = poolName(connection.options, role);
      observeConnection(connection, pool);
      timeAttempts(connection, pool, options);
    },
    waited(ms, target) {
      recordTime(options, 'wait', ms / 1000, poolName(target, 'pool'));
    },
  };
}

/** `host:port` (or the socket path) of a client's own connections; with ` (pool)` for those its pool lends. */
export function poolName(target: { readonly path?: string | undefined; readonly host: string; readonly port: number }, role: ConnectionRole): string {
  const address = target.path ?? `${target.host}:${target.port}`;
  return role === 'pool' ? `${address} (pool)` : address;
}

/** Counts `connection` in the observable metrics from now on. Held weakly: a dropped client is forgotten. */
function observeConnection(connection: Connection, pool: string): void {
  const entry: Observed = { connection: new WeakRef(connection), pool, readies: connection.status === 'ready' ? 1 : 0 };
  connection.on('ready', () => entry.readies++);
  observed.add(entry);
}

/** Records each attempt that ends ready in db.client.connection.create_time (failed attempts are not). */
function timeAttempts(connection: Connection, pool: string, options: ResolvedTelemetryOptions): void {
  // A client's own connection starts its first attempt in the client's constructor, just before this.
  let startedAt = connection.status === 'connecting' || connection.status === 'connect' ? performance.now() : undefined;
  connection.on('connecting', () => {
    startedAt = performance.now();
  });
  connection.on('ready', () => {
    if (startedAt === undefined) return;
    const seconds = (performance.now() - startedAt) / 1000;
    startedAt = undefined;
    recordTime(options, 'create', seconds, pool);
  });
}

function recordTime(options: ResolvedTelemetryOptions, metric: ConnectionTimeMetric, seconds: number, pool: string): void {
  try {
    currentInstruments(options)?.recordConnectionTime(metric, seconds, pool);
  } catch {
    // Telemetry never fails a connection.
  }
}

/** Creates the observable instruments on `meter` (once per meter). */
export function serveConnectionMetrics(meter: Meter): void {
  if (metersServed.has(meter)) return;
  metersServed.add(meter);
  meter
    .createObservableUpDownCounter(METRIC_CONNECTION_COUNT, { description: 'Connections by state (idle: ready with no command in flight; used: commands in flight)', unit: '{connection}' })
    .addCallback((result) => report(result, (c) => (c.status === 'ready' ? 1 : 0), (c) => (c.inflightCount > 0 ? 'used' : 'idle')));
  meter
    .createObservableUpDownCounter(METRIC_PENDING_REQUESTS, { description: 'Commands waiting for a reply or for a connection', unit: '{request}' })
    .addCallback((result) => report(result, (c) => c.inflightCount + c.queuedCount));
  meter
    .createObservableGauge(METRIC_OFFLINE_QUEUE, { description: 'Commands held while not connected (the offline queue)', unit: '{command}' })
    .addCallback((result) => report(result, (c) => c.queuedCount));
  meter
    .createObservableCounter(METRIC_RECONNECTS, { description: 'Times a connection became ready again after having been ready', unit: '1' })
    .addCallback((result) => reportReconnects(result));
}

/** Sums `value` per pool (and per state, if given) over the live connections and reports each sum. */
function report(result: ObservableResult, value: (c: Connection) => number, state?: (c: Connection) => string): void {
  const sums = new Map<string, { attributes: Attributes; value: number }>();
  forEachLive((connection, entry) => {
    const stateName = state?.(connection);
    const key = stateName === undefined ? entry.pool : `${entry.pool}\n${stateName}`;
    let sum = sums.get(key);
    if (sum === undefined) {
      const attributes: Attributes = { 'db.client.connection.pool.name': entry.pool };
      if (stateName !== undefined) attributes['db.client.connection.state'] = stateName;
      sum = { attributes, value: 0 };
      sums.set(key, sum);
    }
    sum.value += value(connection);
  });
  for (const { attributes, value: total } of sums.values()) result.observe(total, attributes);
}

function reportReconnects(result: ObservableResult): void {
  const totals = new Map<string, number>();
  forEachLive((_, entry) => totals.set(entry.pool, (totals.get(entry.pool) ?? 0) + Math.max(entry.readies - 1, 0)));
  for (const [pool, total] of totals) result.observe(total, { 'db.client.connection.pool.name': pool });
}

function forEachLive(fn: (connection: Connection, entry: Observed) => void): void {
  for (const entry of observed) {
    const connection = entry.connection.deref();
    if (connection === undefined) observed.delete(entry);
    else fn(connection, entry);
  }
}
