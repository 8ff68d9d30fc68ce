// The Redis semantic conventions point by point: db.stored_procedure.name, network.peer.*, batch names (the
// shared command, the one-command batch), the batch db.query.text, and sub-millisecond duration buckets.
import { DataPointType, type Histogram } from '@opentelemetry/sdk-metrics';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-node';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { OcRedis } from '../../src/index.js';
import { findMetric } from '../helpers/otel.js';
import { useOtelServer } from '../helpers/otel-server.js';

const env = useOtelServer();
let o: OcRedis;

beforeAll(async () => {
  o = new OcRedis({ port: env.server.port });
  await o.call('FUNCTION', 'LOAD', 'REPLACE', "#!lua name=convlib\nredis.register_function('echo_first', function(keys, args) return args[1] end)");
});

afterAll(async () => {
  await o?.quit();
});

beforeEach(() => env.otel.reset());

const only = (): ReadableSpan => {
  const spans = env.otel.spans();
  expect(spans).toHaveLength(1);
  return spans[0] as ReadableSpan;
};

it('db.stored_procedure.name: the sha of EVALSHA and of EVAL, the function of FCALL (kept in db.query.text)', async () => {
  const lua = 'return ARGV[1]';
  const sha = createHash('sha1').update(lua).digest('hex');
  await o.eval(lua, 0, 'value-SECRET');
  expect(only().attributes['db.stored_procedure.name']).toBe(sha);
  await env.otel.reset();
  await o.evalsha(sha, 0, 'value-SECRET');
  expect(only().attributes).toMatchObject({ 'db.stored_procedure.name': sha, 'db.query.text': `EVALSHA ${sha} ? ?` });
  await env.otel.reset();
  expect(await o.fcall('echo_first', 1, 'k', 'value-SECRET')).toBe('value-SECRET');
  expect(only().attributes).toMatchObject({ 'db.stored_procedure.name': 'echo_first', 'db.query.text': 'FCALL echo_first ? k ?' });
  await env.otel.reset();
  await o.call('FCALL_RO', 'echo_first', '0', 'value-SECRET').catch(() => undefined);
  expect(only().attributes['db.stored_procedure.name']).toBe('echo_first');
  await env.otel.reset();
  await o.get('k');
  expect(only().attributes['db.stored_procedure.name']).toBeUndefined();
});

it('network.peer.address / network.peer.port: the socket the call went over', async () => {
  await o.get('k');
  expect(only().attributes).toMatchObject({ 'network.peer.address': '127.0.0.1', 'network.peer.port': env.server.port });
});

it('a batch is named after its command when all are the same, and a one-command batch is that operation', async () => {
  const same = o.pipeline();
  same.get('a');
  same.get('b');
  await same.exec();
  const mixed = o.multi();
  mixed.set('a', 'v-SECRET');
  mixed.get('a');
  await mixed.exec();
  const single = o.pipeline();
  single.incr('n');
  await single.exec();
  const names = env.otel.spans().map((s) => [s.name, s.attributes['db.operation.name'], s.attributes['db.operation.batch.size']]);
  expect(names).toEqual([
    ['PIPELINE GET', 'PIPELINE GET', 2],
    ['MULTI', 'MULTI', 2],
    ['INCR', 'INCR', undefined],
  ]);
  const texts = env.otel.spans().map((s) => s.attributes['db.query.text']);
  expect(texts).toEqual(['GET a; GET b', 'SET a ?; GET a', 'INCR n']);
  const data = await env.otel.collect();
  const operations = findMetric(data, 'db.client.operation.duration')?.dataPoints.map((p) => p.attributes['db.operation.name']);
  expect(operations).toEqual(['PIPELINE GET', 'MULTI', 'INCR']);
});

it("a big batch's db.query.text is bounded", async () => {
  const p = o.pipeline();
  for (let i = 0; i < 500; i++) p.set(`key:${i}`, `value-${i}-SECRET`);
  await p.exec();
  const text = String(only().attributes['db.query.text']);
  expect(text.split('; ')).toHaveLength(9);
  expect(text.endsWith('…(492 more)')).toBe(true);
  expect(text).not.toContain('SECRET');
});

it('db.client.operation.duration resolves sub-millisecond calls (buckets from 0.1 ms)', async () => {
  for (let i = 0; i < 20; i++) await o.get('k');
  const metric = findMetric(await env.otel.collect(), 'db.client.operation.duration');
  expect(metric?.dataPointType).toBe(DataPointType.HISTOGRAM);
  const histogram = metric?.dataPoints[0]?.value as Histogram;
  expect(histogram.buckets.boundaries.slice(0, 4)).toEqual([0.0001, 0.00025, 0.0005, 0.00075]);
  expect(histogram.buckets.boundaries.filter((b) => b < 0.001)).toHaveLength(4);
});
