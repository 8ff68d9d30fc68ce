// Connection and queue metrics of OcRedis clients, following `db.client.connection.*` where the conventions
// define them: read from the connections when a reader collects (observable instruments), so a call pays
// nothing for them. Per connection pool name (`host:port`, or the socket path):
// - db.client.connection.count {connection}, by db.client.connection.state: `used` while commands are in
//   flight, `idle` when ready with none (a connection not ready is neither)
// - db.client.connection.pending_requests {request}: commands waiting for a reply or for a connection
// - redis/offline_queue {command}: commands held while not connected (the part of the above that waits for a
//   connection: what to watch during an outage)
// - redis/reconnects: times a connection became ready again after having been ready
import type { Attributes, Meter, ObservableResult } from '@opentelemetry/api';
import type { Connection } from '../connection/connection.js';

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

/** Observes `connection` from now on (an OcRedis's own connection). Held weakly: a dropped client is forgotten. */
export function observeConnection(connection: Connection): void {
  const entry: Observed = { connection: new WeakRef(connection), pool: poolNameOf(connection), readies: connection.status === 'ready' ? 1 : 0 };
  connection.on('ready', () => entry.readies++);
  observed.add(entry);
}

/** The `db.client.connection.pool.name` of a connection: `host:port`, or the socket path. */
export function poolNameOf(connection: Connection): string {
  const { path, host, port } = connection.options;
  return path ?? `${host}:${port}`;
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
