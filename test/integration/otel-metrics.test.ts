import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import type { Histogram, MeterProvider } from '@opentelemetry/sdk-metrics';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LATENCY_BUCKETS_MS, LENGTH_BUCKETS_BYTES } from '../../src/otel/index.js';
import { OcRedis } from '../../src/index.js';
import { registerViews } from '../../src/telemetry/index.js';
import { counterTotal, histogramCount, pointsWith } from '../helpers/otel.js';
import { freePort } from '../helpers/free-port.js';
import { useOtelServer } from '../helpers/otel-server.js';

const env = useOtelServer();
let o: OcRedis;

beforeAll(async () => {
  o = new OcRedis({ port: env.server.port });
});

afterAll(async () => {
  await o?.quit();
});

beforeEach(async () => {
  await o.flushdb();
  await env.otel.reset();
});

describe('ocredis metrics', () => {
  it('calls and latency per method and status, with sub-millisecond buckets', async () => {
    await o.set('k', 'hello');
    await o.get('k');
    await o.get('k');
    await o.getBuffer('k');
    await o.call('GET', 'k');
    const data = await env.otel.collect();
    expect(counterTotal(data, 'redis/calls', { method: 'get', status: 'OK' })).toBe(3); // get ×2, call('GET')
    expect(counterTotal(data, 'redis/calls', { method: 'getBuffer', status: 'OK' })).toBe(1);
    expect(counterTotal(data, 'redis/calls', { method: 'set', status: 'OK' })).toBe(1);
    expect(histogramCount(data, 'redis/latency', { method: 'get', status: 'OK' })).toBe(3);
    const [latency] = pointsWith(data, 'redis/latency', { method: 'get' });
    const value = latency?.value as Histogram;
    expect(value.buckets.boundaries).toEqual(LATENCY_BUCKETS_MS);
    expect(value.buckets.counts.reduce((a, b) => a + b, 0)).toBe(3);
    expect(value.sum).toBeGreaterThan(0);
    expect(Object.keys(latency?.attributes ?? {}).sort()).toEqual(['method', 'status']);
  });

  it('key and value lengths: one observation per key, per value sent and per value received', async () => {
    await o.set('abc', 'hello'); // key 3; value 5 sent
    await o.get('abc'); // key 3; value 5 received
    await o.mset({ k1: 'x', key2: 'yy' }); // keys 2 and 4; values 1 and 2
    const data = await env.otel.collect();
    const keyLengths = pointsWith(data, 'redis/key_lengths', { method: 'set' })[0]?.value as Histogram;
    expect(keyLengths.count).toBe(1);
    expect(keyLengths.sum).toBe(3);
    expect(keyLengths.buckets.boundaries).toEqual(LENGTH_BUCKETS_BYTES);
    expect((pointsWith(data, 'redis/value_lengths', { method: 'set' })[0]?.value as Histogram).sum).toBe(5);
    const getValues = pointsWith(data, 'redis/value_lengths', { method: 'get' })[0]?.value as Histogram;
    expect([getValues.count, getValues.sum]).toEqual([1, 5]);
    const msetKeys = pointsWith(data, 'redis/key_lengths', { method: 'mset' })[0]?.value as Histogram;
    expect([msetKeys.count, msetKeys.sum]).toEqual([2, 6]);
    const msetValues = pointsWith(data, 'redis/value_lengths', { method: 'mset' })[0]?.value as Histogram;
    expect([msetValues.count, msetValues.sum]).toEqual([2, 3]); // the +OK status reply is not a value
  });

  it('failures: status ERROR and a bounded error label, never a message', async () => {
    await o.hset('h', 'f', 'v');
    await o.incr('h').catch(() => undefined);
    await o.call('NOSUCHCOMMAND', 'secret-arg').catch(() => undefined);
    const data = await env.otel.collect();
    expect(counterTotal(data, 'redis/calls', { method: 'incr', status: 'ERROR', error: 'WRONGTYPE' })).toBe(1);
    expect(counterTotal(data, 'redis/calls', { method: 'nosuchcommand', status: 'ERROR', error: 'ERR' })).toBe(1);
    expect(counterTotal(data, 'redis/calls', { method: 'hset', status: 'OK' })).toBe(1);
    const okPoint = pointsWith(data, 'redis/calls', { method: 'hset' })[0];
    expect(okPoint?.attributes).toEqual({ method: 'hset', status: 'OK' });
  });

  it('batches count once per exec under method pipeline / multi; lengths per queued command', async () => {
    const p = o.pipeline();
    p.set('a', '12345');
    p.get('a');
    await p.exec();
    const m = o.multi();
    m.incr('n');
    await m.exec();
    const data = await env.otel.collect();
    expect(counterTotal(data, 'redis/calls', { method: 'pipeline', status: 'OK' })).toBe(1);
    expect(counterTotal(data, 'redis/calls', { method: 'multi', status: 'OK' })).toBe(1);
    expect(counterTotal(data, 'redis/calls', { method: 'set' })).toBe(0);
    expect(histogramCount(data, 'redis/key_lengths', { method: 'pipeline' })).toBe(2);
    // sent: '12345'; received: 'OK' is skipped only at top level, so the batch replies are ['OK', '12345'].
    expect(histogramCount(data, 'redis/value_lengths', { method: 'pipeline' })).toBe(3);
  });

  it('db.client.operation.duration in seconds with semantic-convention attributes', async () => {
    await o.get('k');
    await o.hset('h', 'f', 'v');
    await o.incr('h').catch(() => undefined);
    const data = await env.otel.collect();
    const [ok] = pointsWith(data, 'db.client.operation.duration', { 'db.operation.name': 'GET' });
    expect(ok?.attributes).toEqual({
      'db.system.name': 'redis',
      'db.operation.name': 'GET',
      'db.namespace': '0',
      'server.address': '127.0.0.1',
      'server.port': env.server.port,
    });
    expect((ok?.value as Histogram).sum).toBeLessThan(1);
    const [failed] = pointsWith(data, 'db.client.operation.duration', { 'db.operation.name': 'INCR' });
    expect(failed?.attributes).toMatchObject({ 'error.type': 'WRONGTYPE', 'db.response.status_code': 'WRONGTYPE' });
  });
});

describe('registerViews with a real PrometheusExporter', () => {
  let provider: MeterProvider;
  let port: number;
  let exporter: PrometheusExporter;

  beforeAll(async () => {
    port = await freePort();
    exporter = new PrometheusExporter({ port, host: '127.0.0.1', prefix: 'ocredis' });
    await exporter.startServer();
    // Not global: the fixture owns the global provider in this file.
    provider = registerViews({ readers: [exporter], global: false });
  });

  afterAll(async () => {
    await provider?.shutdown();
  });

  it('/metrics shows the ocredis series with method and status labels', async () => {
    const c = new OcRedis({ port: env.server.port, telemetry: { meterProvider: provider } });
    await c.set('prom', 'value');
    await c.get('prom');
    await c.incr('prom').catch(() => undefined);
    await c.quit();
    const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    const lines = text.split('\n');
    const has = (re: RegExp): boolean => lines.some((line) => re.test(line));
    expect(has(/^ocredis_redis_latency_bucket\{.*method="get",status="OK",[^}]*le="0\.05"\} \d+$/)).toBe(true);
    expect(has(/^ocredis_redis_latency_bucket\{.*method="get",status="OK",[^}]*le="\+Inf"\} 1$/)).toBe(true);
    expect(has(/^ocredis_redis_latency_count\{.*method="get",status="OK"[^}]*\} 1$/)).toBe(true);
    expect(has(/^ocredis_redis_calls_total\{.*method="set",status="OK"[^}]*\} 1$/)).toBe(true);
    expect(has(/^ocredis_redis_calls_total\{.*method="incr",status="ERROR",error="ERR"[^}]*\} 1$/)).toBe(true);
    expect(has(/^ocredis_redis_key_lengths_bucket\{.*method="get",status="OK",[^}]*le="4"\} 1$/)).toBe(true);
    expect(has(/^ocredis_redis_value_lengths_bucket\{.*method="set",status="OK",[^}]*le="16"\} 1$/)).toBe(true);
    expect(has(/^# TYPE ocredis_redis_latency histogram$/)).toBe(true);
    expect(text).not.toContain('value is not an integer'); // the server's message never becomes a label
  });
});
