// OcRedisPool: createPool()'s RedisPool, observed. A lent client's calls are spans and call metrics as on
// OcRedis; the pool's connections count in the connection metrics under `host:port (pool)`, with
// db.client.connection.create_time per connect and wait_time per acquire().
import { AggregationTemporality, MeterProvider, type MetricData } from '@opentelemetry/sdk-metrics';
import { afterAll, beforeEach, expect, it } from 'vitest';
import { OcRedisPool, PooledClient, RedisPool } from '../../src/index.js';
import { counterTotal, histogramCount, TestMetricReader } from '../helpers/otel.js';
import { useOtelServer } from '../helpers/otel-server.js';

const env = useOtelServer();
const reader = new TestMetricReader(AggregationTemporality.CUMULATIVE);
const meterProvider = new MeterProvider({ readers: [reader] });

async function collect(): Promise<MetricData[]> {
  const { resourceMetrics } = await reader.collect();
  return resourceMetrics.scopeMetrics.flatMap((scope) => scope.metrics);
}

beforeEach(() => env.otel.reset());

afterAll(async () => {
  await meterProvider.shutdown();
});

it("a lent client's calls are spans; acquire waits and connections are measured under the pool's name", async () => {
  const poolName = `127.0.0.1:${env.server.port} (pool)`;
  const pool = new OcRedisPool({ port: env.server.port, poolSize: 1, telemetry: { meterProvider } });
  expect(pool).toBeInstanceOf(RedisPool);
  // Two callers, one connection: the second waits for the first to release it.
  const [first, second] = await Promise.all([
    pool.execute(async (client) => {
      expect(client).toBeInstanceOf(PooledClient);
      await client.set('pool:k', 'v');
      return client.get('pool:k');
    }),
    pool.execute(async (client) => {
      expect(await client.watch('pool:k')).toBe('OK');
      const multi = client.multi();
      multi.incr('pool:n');
      return multi.exec();
    }),
  ]);
  expect([first, second]).toEqual(['v', [1]]);
  expect([pool.total, pool.idle]).toEqual([1, 1]); // released through the observed clients, kept for reuse
  expect(env.otel.spans().map((span) => span.name)).toEqual(['SET', 'GET', 'WATCH', 'INCR']);
  const data = await collect();
  expect(counterTotal(data, 'redis/calls', { method: 'set', status: 'OK' })).toBe(1);
  expect(histogramCount(data, 'db.client.connection.create_time', { 'db.client.connection.pool.name': poolName })).toBe(1);
  expect(histogramCount(data, 'db.client.connection.wait_time', { 'db.client.connection.pool.name': poolName })).toBe(2);
  expect(counterTotal(data, 'db.client.connection.count', { 'db.client.connection.pool.name': poolName, 'db.client.connection.state': 'idle' })).toBe(1);
  await pool.close();
});
