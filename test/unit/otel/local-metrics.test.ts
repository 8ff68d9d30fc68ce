// The local aggregator (the registerViews fast path) against the SDK it stands in for: bucket counting at the
// boundaries, series identity, cardinality overflow, and the shape of what its producer hands a reader.
import { AggregationTemporality, DataPointType, MeterProvider, MetricReader, type Histogram, type HistogramMetricData, type SumMetricData } from '@opentelemetry/sdk-metrics';
import { describe, expect, it } from 'vitest';
import { LENGTH_BUCKETS_BYTES, LATENCY_BUCKETS_MS, METRIC_CALLS, METRIC_KEY_LENGTHS, METRIC_LATENCY, METRIC_OPERATION_DURATION } from '../../../src/otel/instruments.js';
import { LocalMetrics } from '../../../src/otel/local-metrics.js';
import { HistogramCell } from '../../../src/otel/local-series.js';
import { scopeMetricsOf } from '../../../src/telemetry/local-producer.js';
import { ReplyError } from '../../../src/errors.js';

class CumulativeReader extends MetricReader {
  protected onForceFlush(): Promise<void> {
    return Promise.resolve();
  }
  protected onShutdown(): Promise<void> {
    return Promise.resolve();
  }
}

const endpoint = { db: 0, host: '127.0.0.1', port: 6379 };

describe('HistogramCell', () => {
  it('puts a value equal to a boundary in that bucket: buckets are (previous, boundary]', () => {
    const cell = new HistogramCell([0, 4, 16], {});
    for (const value of [0, 0.5, 4, 4.0001, 16, 17]) cell.record(value);
    expect(cell.counts).toEqual([1, 2, 2, 1]);
    expect([cell.count, cell.sum, cell.min, cell.max]).toEqual([6, 0 + 0.5 + 4 + 4.0001 + 16 + 17, 0, 17]);
  });

  it('ignores NaN and negative values, as the SDK histograms do', () => {
    const cell = new HistogramCell([1], {});
    cell.record(Number.NaN);
    cell.record(-1);
    expect([cell.count, cell.counts]).toEqual([0, [0, 0]]);
  });

  it('counts exactly as the SDK does with the same boundaries', async () => {
    const values = [0, 0.05, 0.0500001, 0.1, 0.2, 0.29, 1, 7.5, 9999, 10000, 10001, 1e9, ...LATENCY_BUCKETS_MS];
    const reader = new CumulativeReader();
    const provider = new MeterProvider({ readers: [reader] });
    const histogram = provider.getMeter('t').createHistogram('h', { advice: { explicitBucketBoundaries: LATENCY_BUCKETS_MS } });
    const cell = new HistogramCell(LATENCY_BUCKETS_MS, {});
    for (const value of values) {
      histogram.record(value);
      cell.record(value);
    }
    const { resourceMetrics } = await reader.collect();
    const sdk = resourceMetrics.scopeMetrics[0]?.metrics[0]?.dataPoints[0]?.value as Histogram;
    expect(cell.counts).toEqual(sdk.buckets.counts);
    expect([cell.count, cell.sum, cell.min, cell.max]).toEqual([sdk.count, sdk.sum, sdk.min, sdk.max]);
    await provider.shutdown();
  });
});

describe('LocalMetrics', () => {
  it('a method has one success series (the same object every call); failures get one per error type', () => {
    const local = new LocalMetrics();
    expect(local.seriesFor('get', undefined, false)).toBe(local.seriesFor('get', undefined, false));
    const wrongType = local.seriesFor('incr', new ReplyError('WRONGTYPE Operation against a key'), true);
    expect(local.seriesFor('incr', new ReplyError('WRONGTYPE again'), true)).toBe(wrongType);
    expect(local.seriesFor('incr', new TypeError('x'), true)).not.toBe(wrongType);
    expect(local.callSeries.map((s) => s.attributes)).toEqual([
      { method: 'get', status: 'OK' },
      { method: 'incr', status: 'ERROR', error: 'WRONGTYPE' },
      { method: 'incr', status: 'ERROR', error: 'TypeError' },
    ]);
  });

  it('db.client.operation.duration: one series per operation and endpoint, error attributes on failures', () => {
    const local = new LocalMetrics();
    local.recordOperationDuration(0.002, 'GET', endpoint, undefined, false);
    local.recordOperationDuration(0.003, 'GET', { ...endpoint }, undefined, false); // equal endpoint, new object
    local.recordOperationDuration(0.001, 'GET', { ...endpoint, db: 1 }, undefined, false);
    local.recordOperationDuration(0.001, 'INCR', endpoint, new ReplyError('WRONGTYPE x'), true);
    local.recordOperationDuration(0.001, 'GET', { db: 0, host: '/tmp/redis.sock', port: undefined }, undefined, false);
    expect(local.durationSeries.map((cell) => [cell.attributes, cell.count])).toEqual([
      [{ 'db.system.name': 'redis', 'db.operation.name': 'GET', 'db.namespace': '0', 'server.address': '127.0.0.1', 'server.port': 6379 }, 2],
      [{ 'db.system.name': 'redis', 'db.operation.name': 'GET', 'db.namespace': '1', 'server.address': '127.0.0.1', 'server.port': 6379 }, 1],
      [
        {
          'db.system.name': 'redis',
          'db.operation.name': 'INCR',
          'db.namespace': '0',
          'server.address': '127.0.0.1',
          'server.port': 6379,
          'error.type': 'WRONGTYPE',
          'db.response.status_code': 'WRONGTYPE',
        },
        1,
      ],
      [{ 'db.system.name': 'redis', 'db.operation.name': 'GET', 'db.namespace': '0', 'server.address': '/tmp/redis.sock' }, 1],
    ]);
  });

  it('past the cardinality limit, new series go to the overflow series (as the SDK does)', () => {
    const local = new LocalMetrics(3);
    local.seriesFor('a', undefined, false).recordCall(1);
    local.seriesFor('b', undefined, false).recordCall(1);
    local.seriesFor('c', undefined, false).recordCall(1);
    local.seriesFor('d', undefined, false).recordCall(1);
    local.seriesFor('a', undefined, false).recordCall(1); // an existing series still records into itself
    expect(local.callSeries.map((s) => [s.attributes, s.calls.value])).toEqual([
      [{ method: 'a', status: 'OK' }, 2],
      [{ method: 'b', status: 'OK' }, 1],
      [{ 'otel.metric.overflow': true }, 2],
    ]);
  });
});

describe('connection create / wait times', () => {
  it('one series per metric and pool name, overflowing past the cardinality limit', () => {
    const local = new LocalMetrics(3);
    local.recordConnectionTime('create', 0.001, 'a:1');
    local.recordConnectionTime('create', 0.002, 'a:1');
    local.recordConnectionTime('create', 0.003, 'b:1');
    local.recordConnectionTime('create', 0.004, 'c:1');
    local.recordConnectionTime('create', 0.005, 'd:1');
    local.recordConnectionTime('wait', 0.5, 'a:1 (pool)');
    const summary = (metric: 'create' | 'wait') => local.connectionTimeSeries[metric].map((cell) => [cell.attributes, cell.count]);
    expect(summary('create')).toEqual([
      [{ 'db.client.connection.pool.name': 'a:1' }, 2],
      [{ 'db.client.connection.pool.name': 'b:1' }, 1],
      [{ 'otel.metric.overflow': true }, 2],
    ]);
    expect(summary('wait')).toEqual([[{ 'db.client.connection.pool.name': 'a:1 (pool)' }, 1]]);
    const names = scopeMetricsOf(local)[0]?.metrics.map((metric) => [metric.descriptor.name, metric.descriptor.unit]);
    expect(names).toEqual([
      ['db.client.connection.create_time', 's'],
      ['db.client.connection.wait_time', 's'],
    ]);
  });
});

describe('scopeMetricsOf (what the ocredis metric producer reports)', () => {
  it('hands over cumulative data under the ocredis scope, only for series with observations', async () => {
    const local = new LocalMetrics();
    expect(scopeMetricsOf(local)).toEqual([]); // nothing recorded yet

    const get = local.seriesFor('get', undefined, false);
    get.recordCall(0.1);
    get.recordKeyLength(3);
    local.seriesFor('ping', undefined, false).recordCall(0.2); // no key: no key_lengths point for ping
    local.recordOperationDuration(0.0001, 'GET', endpoint, undefined, false);
    const [scope] = scopeMetricsOf(local);
    expect(scope?.scope).toEqual({ name: 'ocredis', version: expect.any(String) });
    expect(scope?.metrics.map((m) => m.descriptor.name)).toEqual([METRIC_LATENCY, METRIC_CALLS, METRIC_KEY_LENGTHS, METRIC_OPERATION_DURATION]);
    for (const metric of scope?.metrics ?? []) expect(metric.aggregationTemporality).toBe(AggregationTemporality.CUMULATIVE);

    const calls = scope?.metrics[1] as SumMetricData;
    expect(calls.dataPointType).toBe(DataPointType.SUM);
    expect(calls.isMonotonic).toBe(true);
    expect(calls.dataPoints.map((p) => [p.attributes, p.value])).toEqual([
      [{ method: 'get', status: 'OK' }, 1],
      [{ method: 'ping', status: 'OK' }, 1],
    ]);
    const keyLengths = scope?.metrics[2] as HistogramMetricData;
    expect(keyLengths.dataPointType).toBe(DataPointType.HISTOGRAM);
    expect(keyLengths.dataPoints).toHaveLength(1);
    const point = keyLengths.dataPoints[0];
    expect(point?.value).toEqual({ buckets: { boundaries: LENGTH_BUCKETS_BYTES, counts: [0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] }, sum: 3, count: 1, min: 3, max: 3 });
    // startTime is when the series was created, endTime the collection; both HrTime.
    expect(point?.startTime).toEqual([expect.any(Number), expect.any(Number)]);
    expect(point?.endTime[0]).toBeGreaterThanOrEqual(point?.startTime[0] ?? Infinity);

    // A snapshot is a copy: later records don't change what an exporter is still holding.
    get.recordKeyLength(3);
    expect(point?.value.count).toBe(1);
    expect(point?.value.buckets.counts[1]).toBe(1);
  });
});
