// Connection and queue metrics (db.client.connection.count / pending_requests, redis/offline_queue,
// redis/reconnects), read from the connections when a reader collects.
import { AggregationTemporality, MeterProvider, type MetricData } from '@opentelemetry/sdk-metrics';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { OcRedis, type OcRedisOptions } from '../../src/index.js';
import { counterTotal, pointsWith, TestMetricReader } from '../helpers/otel.js';
import { startRedisServer, type RedisServerHandle } from '../helpers/redis-server.js';

let server: RedisServerHandle;
// Cumulative: gauges and up-down counters read as their current values.
const reader = new TestMetricReader(AggregationTemporality.CUMULATIVE);
const meterProvider = new MeterProvider({ readers: [reader] });
const observed: OcRedisOptions = { telemetry: { meterProvider } };
const otel = {
  async collect(): Promise<MetricData[]> {
    const { resourceMetrics } = await reader.collect();
    return resourceMetrics.scopeMetrics.flatMap((scope) => scope.metrics);
  },
};

beforeAll(async () => {
  server = await startRedisServer();
});

afterAll(async () => {
  await meterProvider.shutdown();
  await server?.stop();
});

it('counts connections by state, pending requests and the offline queue, per pool name', async () => {
  const pool = `127.0.0.1:${server.port}`;
  const o = new OcRedis({ port: server.port, ...observed });
  const pauser = new OcRedis({ port: server.port, ...observed });
  await Promise.all([o.ping(), pauser.ping()]);
  // While the server pauses clients, what o sends stays in flight: the connection is used, two requests pending.
  await pauser.call('CLIENT', 'PAUSE', '300', 'ALL'); // ends by itself (CLIENT UNPAUSE would wait too)
  const sent = Promise.all([o.get('a'), o.get('b')]);
  await new Promise((resolve) => setImmediate(resolve));
  let data = await otel.collect();
  expect(pointsWith(data, 'db.client.connection.count', { 'db.client.connection.pool.name': pool, 'db.client.connection.state': 'used' }).map((p) => p.value)).toEqual([1]);
  expect(counterTotal(data, 'db.client.connection.pending_requests', { 'db.client.connection.pool.name': pool })).toBe(2);
  await sent;
  data = await otel.collect();
  expect(pointsWith(data, 'db.client.connection.count', { 'db.client.connection.state': 'idle' }).map((p) => p.value)).toEqual([2]);
  expect(counterTotal(data, 'db.client.connection.pending_requests', { 'db.client.connection.pool.name': pool })).toBe(0);
  await pauser.quit();
  await o.quit();
});

it('the offline queue and reconnects', async () => {
  const pool = `127.0.0.1:${server.port}`;
  const o = new OcRedis({ port: server.port, ...observed });
  await o.ping();
  const reconnected = new Promise((resolve) => o.once('ready', resolve));
  await o.call('CLIENT', 'KILL', 'SKIPME', 'no', 'TYPE', 'normal', 'ID', String(await o.call('CLIENT', 'ID')));
  await reconnected;
  await o.ping();
  const data = await otel.collect();
  expect(counterTotal(data, 'redis/reconnects', { 'db.client.connection.pool.name': pool })).toBe(1);
  await o.quit();
  // Commands made while the server is gone wait in the offline queue until a connection is ready.
  const doomed = await startRedisServer();
  const offline = new OcRedis({ port: doomed.port, ...observed });
  await offline.ping();
  const lost = new Promise((resolve) => offline.once('reconnecting', resolve));
  await doomed.stop();
  await lost;
  const waiting = [offline.get('a'), offline.get('b')].map((p) => p.catch(() => undefined));
  const queued = await otel.collect();
  expect(counterTotal(queued, 'redis/offline_queue', { 'db.client.connection.pool.name': `127.0.0.1:${doomed.port}` })).toBe(2);
  expect(counterTotal(queued, 'db.client.connection.pending_requests', { 'db.client.connection.pool.name': `127.0.0.1:${doomed.port}` })).toBe(2);
  offline.disconnect();
  await Promise.all(waiting);
});
