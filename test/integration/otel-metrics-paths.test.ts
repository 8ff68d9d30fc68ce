// The same metric assertions on both recording paths: a MeterProvider built by registerViews() (OcRedis
// aggregates locally and its producer feeds the readers) and a user-built MeterProvider with
// `views: ocredisViews()` (the SDK's instruments). Also: both paths report identical data for the same calls,
// and registerViews falls back to the SDK path when the fast path can't honour the readers or views.
import { AggregationTemporality, AggregationType, MeterProvider, MetricReader, type Histogram, type MetricData, type MetricProducer } from '@opentelemetry/sdk-metrics';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OcRedis } from '../../src/index.js';
import { ocredisMetricProducer, ocredisViews, registerViews } from '../../src/telemetry/index.js';
import { LATENCY_BUCKETS_MS, LENGTH_BUCKETS_BYTES } from '../../src/otel/index.js';
import { DURATION_BUCKETS_S } from '../../src/otel/instruments.js';
import { localMetricsOf } from '../../src/otel/local-path.js';
import { counterTotal, histogramCount, pointsWith, TestMetricReader } from '../helpers/otel.js';
import { startRedisServer, type RedisServerHandle } from '../helpers/redis-server.js';

/** Cumulative unless asked otherwise: each test sees its own fresh provider's totals. */
class Reader extends TestMetricReader {
  constructor(temporality = AggregationTemporality.CUMULATIVE, metricProducers: MetricProducer[] = []) {
    super(temporality, metricProducers);
  }
}

async function collect(reader: MetricReader): Promise<MetricData[]> {
  const { resourceMetrics, errors } = await reader.collect();
  if (errors.length > 0) throw new AggregateError(errors, 'metric collection failed');
  return resourceMetrics.scopeMetrics.flatMap((scope) => scope.metrics);
}

interface Built {
  reader: Reader;
  provider: MeterProvider;
}

const PATHS: Record<string, () => Built> = {
  'registerViews provider (local path)': () => {
    const reader = new Reader();
    return { reader, provider: registerViews({ readers: [reader], global: false }) };
  },
  'own MeterProvider + ocredisViews() (SDK path)': () => {
    const reader = new Reader();
    return { reader, provider: new MeterProvider({ readers: [reader], views: ocredisViews() }) };
  },
  // The documented line for your own provider: the producer in the reader's public metricProducers option.
  'own MeterProvider + ocredisViews() + ocredisMetricProducer() (local path)': () => {
    const producer = ocredisMetricProducer({ global: false });
    const reader = new Reader(AggregationTemporality.CUMULATIVE, [producer]);
    const provider = new MeterProvider({ readers: [reader], views: ocredisViews() });
    producer.serve(provider);
    return { reader, provider };
  },
};

let server: RedisServerHandle;

beforeAll(async () => {
  server = await startRedisServer();
});

afterAll(async () => {
  await server?.stop();
});

describe.each(Object.entries(PATHS))('%s', (name, build) => {
  const local = name.includes('local');
  let reader: Reader;
  let provider: MeterProvider;
  let o: OcRedis;

  // A fresh provider per test: the data is cumulative, so each test sees only its own calls.
  beforeEach(async () => {
    ({ reader, provider } = build());
    o = new OcRedis({ port: server.port, telemetry: { meterProvider: provider } });
    await o.flushdb();
    return async () => {
      await o.quit();
      await provider.shutdown();
    };
  });

  it(`records through the ${local ? 'local aggregator' : 'SDK instruments'}`, () => {
    expect(localMetricsOf(provider) !== undefined).toBe(local);
  });

  it('calls and latency per method and status, with sub-millisecond buckets', async () => {
    await o.set('k', 'hello');
    await o.get('k');
    await o.get('k');
    await o.getBuffer('k');
    await o.call('GET', 'k');
    const data = await collect(reader);
    expect(counterTotal(data, 'redis/calls', { method: 'get', status: 'OK' })).toBe(3);
    expect(counterTotal(data, 'redis/calls', { method: 'getBuffer', status: 'OK' })).toBe(1);
    expect(counterTotal(data, 'redis/calls', { method: 'set', status: 'OK' })).toBe(1);
    expect(counterTotal(data, 'redis/calls', { method: 'flushdb', status: 'OK' })).toBe(1);
    expect(histogramCount(data, 'redis/latency', { method: 'get', status: 'OK' })).toBe(3);
    const [latency] = pointsWith(data, 'redis/latency', { method: 'get' });
    const value = latency?.value as Histogram;
    expect(value.buckets.boundaries).toEqual(LATENCY_BUCKETS_MS);
    expect(value.buckets.counts.reduce((a, b) => a + b, 0)).toBe(3);
    expect(value.sum).toBeGreaterThan(0);
    expect(value.min).toBeLessThanOrEqual(value.max ?? -1);
    expect(Object.keys(latency?.attributes ?? {}).sort()).toEqual(['method', 'status']);
  });

  it('key and value lengths: one observation per key, per value sent and per value received', async () => {
    await o.set('abc', 'hello');
    await o.get('abc');
    await o.mset({ k1: 'x', key2: 'yy' });
    const data = await collect(reader);
    const keyLengths = pointsWith(data, 'redis/key_lengths', { method: 'set' })[0]?.value as Histogram;
    expect([keyLengths.count, keyLengths.sum]).toEqual([1, 3]);
    expect(keyLengths.buckets.boundaries).toEqual(LENGTH_BUCKETS_BYTES);
    expect(keyLengths.buckets.counts[1]).toBe(1); // 3 bytes: (0, 4]
    expect((pointsWith(data, 'redis/value_lengths', { method: 'set' })[0]?.value as Histogram).sum).toBe(5);
    const getValues = pointsWith(data, 'redis/value_lengths', { method: 'get' })[0]?.value as Histogram;
    expect([getValues.count, getValues.sum]).toEqual([1, 5]);
    const msetKeys = pointsWith(data, 'redis/key_lengths', { method: 'mset' })[0]?.value as Histogram;
    expect([msetKeys.count, msetKeys.sum]).toEqual([2, 6]);
    const msetValues = pointsWith(data, 'redis/value_lengths', { method: 'mset' })[0]?.value as Histogram;
    expect([msetValues.count, msetValues.sum]).toEqual([2, 3]);
    expect(pointsWith(data, 'redis/key_lengths', { method: 'flushdb' })).toEqual([]); // no key, no point
  });

  it('failures: status ERROR and a bounded error label, never a message', async () => {
    await o.hset('h', 'f', 'v');
    await o.incr('h').catch(() => undefined);
    await o.incr('h').catch(() => undefined);
    await o.call('NOSUCHCOMMAND', 'secret-arg').catch(() => undefined);
    const data = await collect(reader);
    expect(counterTotal(data, 'redis/calls', { method: 'incr', status: 'ERROR', error: 'WRONGTYPE' })).toBe(2);
    expect(counterTotal(data, 'redis/calls', { method: 'nosuchcommand', status: 'ERROR', error: 'ERR' })).toBe(1);
    expect(pointsWith(data, 'redis/calls', { method: 'hset' })[0]?.attributes).toEqual({ method: 'hset', status: 'OK' });
    expect(JSON.stringify(data)).not.toContain('secret-arg');
  });

  it('batches count once per exec under method pipeline / multi; lengths per queued command', async () => {
    const p = o.pipeline();
    p.set('a', '12345');
    p.get('a');
    await p.exec();
    const m = o.multi();
    m.incr('n');
    await m.exec();
    const data = await collect(reader);
    expect(counterTotal(data, 'redis/calls', { method: 'pipeline', status: 'OK' })).toBe(1);
    expect(counterTotal(data, 'redis/calls', { method: 'multi', status: 'OK' })).toBe(1);
    expect(counterTotal(data, 'redis/calls', { method: 'set' })).toBe(0);
    expect(histogramCount(data, 'redis/key_lengths', { method: 'pipeline' })).toBe(2);
    expect(histogramCount(data, 'redis/value_lengths', { method: 'pipeline' })).toBe(3);
  });

  it('db.client.operation.duration in seconds with semantic-convention attributes', async () => {
    await o.get('k');
    await o.get('k');
    await o.hset('h', 'f', 'v');
    await o.incr('h').catch(() => undefined);
    const data = await collect(reader);
    const gets = pointsWith(data, 'db.client.operation.duration', { 'db.operation.name': 'GET' });
    expect(gets).toHaveLength(1);
    expect(gets[0]?.attributes).toEqual({
      'db.system.name': 'redis',
      'db.operation.name': 'GET',
      'db.namespace': '0',
      'server.address': '127.0.0.1',
      'server.port': server.port,
    });
    expect((gets[0]?.value as Histogram).count).toBe(2);
    expect((gets[0]?.value as Histogram).sum).toBeLessThan(1);
    const [failed] = pointsWith(data, 'db.client.operation.duration', { 'db.operation.name': 'INCR' });
    expect(failed?.attributes).toMatchObject({ 'error.type': 'WRONGTYPE', 'db.response.status_code': 'WRONGTYPE' });
  });

  it('db.client.connection.create_time per (re)connect and wait_time per pool lease, by pool name', async () => {
    const main = `127.0.0.1:${server.port}`;
    const pooled = `${main} (pool)`;
    const c = new OcRedis({ port: server.port, poolSize: 1, telemetry: { meterProvider: provider } });
    await c.ping();
    let data = await collect(reader);
    expect(histogramCount(data, 'db.client.connection.create_time', { 'db.client.connection.pool.name': main })).toBe(2); // o's and c's
    expect(histogramCount(data, 'db.client.connection.wait_time')).toBe(0);
    // Two blocking calls on a pool of one: the pool opens one connection, and lends it twice.
    await Promise.all([c.blpop('times:none', 0.01), c.blpop('times:none', 0.01)]);
    const reconnected = new Promise((resolve) => c.once('ready', resolve));
    await o.call('CLIENT', 'KILL', 'ID', String(await c.call('CLIENT', 'ID')));
    await reconnected;
    data = await collect(reader);
    expect(histogramCount(data, 'db.client.connection.create_time', { 'db.client.connection.pool.name': main })).toBe(3);
    expect(histogramCount(data, 'db.client.connection.create_time', { 'db.client.connection.pool.name': pooled })).toBe(1);
    expect(histogramCount(data, 'db.client.connection.wait_time', { 'db.client.connection.pool.name': pooled })).toBe(2);
    const [created] = pointsWith(data, 'db.client.connection.create_time', { 'db.client.connection.pool.name': pooled });
    expect((created?.value as Histogram).buckets.boundaries).toEqual(DURATION_BUCKETS_S);
    expect(Object.keys(created?.attributes ?? {})).toEqual(['db.client.connection.pool.name']);
    // The pool's connection counts in the connection metrics, under its own pool name.
    expect(counterTotal(data, 'db.client.connection.count', { 'db.client.connection.pool.name': pooled, 'db.client.connection.state': 'idle' })).toBe(1);
    await c.quit();
  });

  it('data is cumulative: a second collect still holds the first calls', async () => {
    await o.get('k');
    await collect(reader);
    await o.get('k');
    expect(counterTotal(await collect(reader), 'redis/calls', { method: 'get' })).toBe(2);
  });
});

describe('both paths report the same data for the same calls', () => {
  it('descriptors, attributes, counts and length buckets match', async () => {
    const runs = await Promise.all(
      Object.values(PATHS).map(async (build) => {
        const { reader, provider } = build();
        const o = new OcRedis({ port: server.port, db: 2, telemetry: { meterProvider: provider } });
        await o.set('same:key', 'a value');
        await o.set('abcd', 'x'.repeat(16)); // lengths equal to bucket boundaries (4 and 16 bytes)
        await o.get('same:key');
        await o.hgetall('nothing');
        await o.incr('same:key').catch(() => undefined);
        const p = o.pipeline();
        p.set('k', 'v'.repeat(300));
        p.lrange('nothing', 0, -1);
        await p.exec();
        await o.quit();
        const data = await collect(reader);
        await provider.shutdown();
        return normalize(data);
      }),
    );
    expect(runs[0]?.length).toBe(6); // the five call metrics and db.client.connection.create_time
    for (const run of runs.slice(1)) expect(run).toEqual(runs[0]);
  });
});

const TIMED_METRICS = new Set(['redis/latency', 'db.client.operation.duration', 'db.client.connection.create_time']);
const CONNECTION_METRICS = new Set(['db.client.connection.count', 'db.client.connection.pending_requests', 'redis/offline_queue', 'redis/reconnects']);

/** What must be equal on both paths: everything but times and measured durations. */
function normalize(data: MetricData[]): unknown[] {
  // The connection metrics are observable (read from every OcRedis of the process at collection, the same
  // instruments on both paths): not part of this comparison.
  return data.filter((metric) => !CONNECTION_METRICS.has(metric.descriptor.name)).map((metric) => ({
    name: metric.descriptor.name,
    description: metric.descriptor.description,
    unit: metric.descriptor.unit,
    valueType: metric.descriptor.valueType,
    dataPointType: metric.dataPointType,
    temporality: metric.aggregationTemporality,
    points: metric.dataPoints
      .map((point) => {
        const value = point.value as number | Histogram;
        const timed = TIMED_METRICS.has(metric.descriptor.name);
        const shape = typeof value === 'number' ? value : timed ? { count: value.count, boundaries: value.buckets.boundaries } : value;
        return { attributes: point.attributes, value: shape };
      })
      .sort((a, b) => JSON.stringify(a.attributes).localeCompare(JSON.stringify(b.attributes))),
  }));
}

describe('registerViews keeps the SDK path when the fast path cannot serve the readers or the views', () => {
  it('a reader that wants DELTA data', async () => {
    const reader = new Reader(AggregationTemporality.DELTA);
    const provider = registerViews({ readers: [reader], global: false });
    expect(localMetricsOf(provider)).toBeUndefined();
    const o = new OcRedis({ port: server.port, telemetry: { meterProvider: provider } });
    await o.get('k');
    expect(counterTotal(await collect(reader), 'redis/calls', { method: 'get' })).toBe(1);
    expect(counterTotal(await collect(reader), 'redis/calls', { method: 'get' })).toBe(0); // delta: nothing new
    await o.quit();
    await provider.shutdown();
  });

  it('a user view that selects an ocredis instrument (it must take effect)', async () => {
    const reader = new Reader();
    const provider = registerViews({ readers: [reader], global: false, views: [{ instrumentName: 'redis/calls', name: 'renamed_calls' }] });
    expect(localMetricsOf(provider)).toBeUndefined();
    const o = new OcRedis({ port: server.port, telemetry: { meterProvider: provider } });
    await o.get('k');
    const data = await collect(reader);
    expect(counterTotal(data, 'renamed_calls', { method: 'get' })).toBe(1);
    await o.quit();
    await provider.shutdown();
  });

  it('a user view for another meter does not get in the way', async () => {
    const reader = new Reader();
    const provider = registerViews({ readers: [reader], global: false, views: [{ meterName: 'my-app', instrumentName: '*', aggregation: { type: AggregationType.DROP } }] });
    expect(localMetricsOf(provider)).toBeDefined();
    await provider.shutdown();
  });
});
