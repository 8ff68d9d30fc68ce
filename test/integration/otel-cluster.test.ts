// OcRedisCluster on a real 3-primary cluster: spans carry the node that answered, MOVED / ASK are span events
// and count in redis/redirects (on the SDK path and on registerViews' local path), retries are span events,
// and a cluster pipeline / MULTI is one span per exec(). Node connections and pools count in the connection
// metrics. A plain RedisCluster publishes on ocredis:command / ocredis:batch. One cluster for the whole file.
import { tracingChannel, type TracingChannelSubscribers } from 'node:diagnostics_channel';
import { propagation, SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { core } from '@opentelemetry/sdk-node';
import { AggregationTemporality, MeterProvider, MetricReader, type MetricData } from '@opentelemetry/sdk-metrics';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { keySlot, OcRedisCluster, RedisCluster, type BatchMessage, type CommandMessage, type OcRedisClusterOptions } from '../../src/index.js';
import { registerViews } from '../../src/telemetry/index.js';
import { localMetricsOf } from '../../src/otel/local-path.js';
import { startCluster, type ClusterHandle } from '../helpers/cluster.js';
import { counterTotal, createOtel, histogramCount, TestMetricReader, type OtelFixture } from '../helpers/otel.js';

let cluster: ClusterHandle;
let otel: OtelFixture;
const clients: RedisCluster[] = [];

beforeAll(async () => {
  cluster = await startCluster({ primaries: 3, replicasPerPrimary: 0 });
  otel = createOtel({ global: false });
}, 30_000);

afterAll(async () => {
  for (const c of clients) c.disconnect();
  await otel?.shutdown();
  await cluster?.stop();
});

beforeEach(async () => {
  await otel.reset();
});

function client(meterProvider: MeterProvider = otel.meterProvider, extra: Partial<OcRedisClusterOptions> = {}): OcRedisCluster {
  const c = new OcRedisCluster({ rootNodes: [cluster.addresses[0]!], telemetry: { tracerProvider: otel.tracerProvider, meterProvider }, ...extra });
  clients.push(c);
  return c;
}

const spansNamed = (name: string): ReadableSpan[] => otel.spans().filter((span) => span.name === name);
const eventsOf = (span: ReadableSpan, name: string) => span.events.filter((event) => event.name === name).map((event) => event.attributes);

/** A port of another primary than `port`. */
function otherPrimary(c: RedisCluster, port: number): number {
  return c.nodes('primary').map((node) => node.address.port).find((candidate) => candidate !== port)!;
}

async function collect(reader: MetricReader): Promise<MetricData[]> {
  const { resourceMetrics } = await reader.collect();
  return resourceMetrics.scopeMetrics.flatMap((scope) => scope.metrics);
}

describe('OcRedisCluster', () => {
  it('is a RedisCluster; one span per command, with the address of the shard that answered', async () => {
    const c = client();
    expect(c).toBeInstanceOf(RedisCluster);
    await c.connect();
    // One key per shard.
    const byPort = new Map<number, string>();
    for (let i = 0; byPort.size < 3; i++) {
      const key = `shard:${i}`;
      const port = c.nodeForKey(key).address.port;
      if (!byPort.has(port)) byPort.set(port, key);
    }
    await otel.reset();
    for (const key of byPort.values()) expect(await c.set(key, 'secret-value')).toBe('OK');
    expect(await c.call('GET', [...byPort.values()][0]!)).toBe('secret-value');
    const sets = spansNamed('SET');
    expect(sets).toHaveLength(3);
    expect(spansNamed('GET')).toHaveLength(1);
    for (const [i, key] of [...byPort.values()].entries()) {
      const span = sets[i]!;
      expect(span.attributes['server.port']).toBe(await cluster.primaryOf(keySlot(key)));
      expect(span.attributes['server.address']).toBe('127.0.0.1');
      expect(span.attributes['db.query.text']).toBe(`SET ${key} ?`);
      expect(span.events).toEqual([]);
    }
    expect(new Set(sets.map((span) => span.attributes['server.port'])).size).toBe(3);
    expect(JSON.stringify(otel.spans().map((s) => s.attributes))).not.toContain('secret-value');
    const metrics = await otel.collect();
    expect(counterTotal(metrics, 'redis/calls', { method: 'set', status: 'OK' })).toBe(3);
    expect(counterTotal(metrics, 'redis/calls', { method: 'get', status: 'OK' })).toBe(1);
    expect(counterTotal(metrics, 'redis/redirects')).toBe(0);
  });

  describe.each([
    ['SDK path (own MeterProvider + ocredisViews)', false],
    ['local path (registerViews provider)', true],
  ] as const)('after moveSlot, %s', (_name, local) => {
    it('a MOVED is a span event on the call, the span names the new owner, and redirects{kind=MOVED} counts it', async () => {
      const reader = new TestMetricReader(AggregationTemporality.CUMULATIVE);
      const provider = local ? registerViews({ readers: [reader], global: false }) : otel.meterProvider;
      if (local) expect(localMetricsOf(provider)).toBeDefined();
      const c = client(provider);
      await c.connect();
      const key = `{moved-${local ? 'local' : 'sdk'}}:k`;
      const slot = keySlot(key);
      await c.set(key, 'v');
      const from = await cluster.primaryOf(slot);
      const to = otherPrimary(c, from);
      await cluster.moveSlot(slot, from, to);
      await otel.reset();
      expect(await c.get(key)).toBe('v');
      expect(await c.get(key)).toBe('v'); // the map learned it: no second redirect
      const [first, second] = spansNamed('GET') as [ReadableSpan, ReadableSpan];
      expect(first.attributes['server.port']).toBe(to);
      expect(eventsOf(first, 'redirect')).toEqual([{ kind: 'MOVED', slot, from: `127.0.0.1:${from}`, to: `127.0.0.1:${to}` }]);
      expect(second.events).toEqual([]);
      expect(second.attributes['server.port']).toBe(to);
      const metrics = local ? await collect(reader) : await otel.collect();
      expect(counterTotal(metrics, 'redis/redirects', { kind: 'MOVED' })).toBe(1);
      expect(counterTotal(metrics, 'redis/redirects', { kind: 'ASK' })).toBe(0);
      expect(counterTotal(metrics, 'redis/calls', { method: 'get', status: 'OK' })).toBe(2);
      if (local) await provider.shutdown();
    });
  });

  it('during a migration: ASK is a redirect event and counts; TRYAGAIN retries are retry events', async () => {
    const c = client(otel.meterProvider, { maxRetryTime: 150, retryDelay: () => 20 });
    await c.connect();
    const slot = keySlot('ask-tag');
    const [moved, stays] = ['{ask-tag}:moved', '{ask-tag}:stays'];
    await c.mset({ [moved]: 'm', [stays]: 's' });
    const fromPort = await cluster.primaryOf(slot);
    const toPort = otherPrimary(c, fromPort);
    const [from, to] = [cluster.node(fromPort), cluster.node(toPort)];
    const [fromId, toId] = [await from.cli('CLUSTER', 'MYID'), await to.cli('CLUSTER', 'MYID')];
    await to.cli('CLUSTER', 'SETSLOT', String(slot), 'IMPORTING', fromId);
    await from.cli('CLUSTER', 'SETSLOT', String(slot), 'MIGRATING', toId);
    await from.cli('MIGRATE', '127.0.0.1', String(toPort), moved, '0', '5000');
    try {
      await otel.reset();
      expect(await c.get(moved)).toBe('m');
      const get = spansNamed('GET')[0]!;
      expect(eventsOf(get, 'redirect')).toEqual([{ kind: 'ASK', slot, from: `127.0.0.1:${fromPort}`, to: `127.0.0.1:${toPort}` }]);
      expect(get.attributes['server.port']).toBe(toPort);
      // One key here, one migrated: the source answers TRYAGAIN until maxRetryTime runs out.
      await expect(c.mget(moved, stays)).rejects.toMatchObject({ code: 'TRYAGAIN' });
      const mget = spansNamed('MGET')[0]!;
      const retries = eventsOf(mget, 'retry');
      expect(retries.length).toBeGreaterThan(0);
      expect(retries[0]).toEqual({ reason: 'TRYAGAIN', attempt: 1, delay: 20 });
      expect(mget.status.code).toBe(SpanStatusCode.ERROR);
      expect(mget.attributes['error.type']).toBe('TRYAGAIN');
      const metrics = await otel.collect();
      expect(counterTotal(metrics, 'redis/redirects', { kind: 'ASK' })).toBe(1);
      expect(counterTotal(metrics, 'redis/redirects', { kind: 'MOVED' })).toBe(0);
      expect(counterTotal(metrics, 'redis/calls', { method: 'mget', status: 'ERROR', error: 'TRYAGAIN' })).toBe(1);
    } finally {
      await cluster.moveSlot(slot, fromPort, toPort); // finishes the migration (moves the key left behind)
    }
  });

  it('a pipeline is one PIPELINE span per exec (no span per command), its redirects as events', async () => {
    const c = client();
    await c.connect();
    const keys = Array.from({ length: 6 }, (_, i) => `pipe:${i}`);
    const p = c.pipeline();
    for (const key of keys) p.set(key, 'secret-value');
    for (const key of keys) p.get(key);
    await otel.reset();
    const replies = await p.exec();
    expect(replies).toEqual([...keys.map(() => 'OK'), ...keys.map(() => 'secret-value')]);
    expect(otel.spans().map((span) => span.name)).toEqual(['PIPELINE']);
    const span = otel.spans()[0]!;
    expect(span.attributes['db.operation.batch.size']).toBe(12);
    expect(span.events.map((event) => event.attributes?.['db.query.text'])).toEqual([...keys.map((key) => `SET ${key} ?`), ...keys.map((key) => `GET ${key}`)]);
    expect(typeof span.attributes['server.port']).toBe('number');
    // A slot moved under it: each of its commands there follows a MOVED, seen as events on the one span.
    const key = '{pipe-moved}:k';
    const slot = keySlot(key);
    await c.set(key, 'v');
    const from = await cluster.primaryOf(slot);
    const to = otherPrimary(c, from);
    await cluster.moveSlot(slot, from, to);
    await otel.reset();
    const moved = c.pipeline();
    moved.get(key);
    moved.get(key);
    expect(await moved.exec()).toEqual(['v', 'v']);
    expect(otel.spans().map((s) => s.name)).toEqual(['PIPELINE GET']); // every command the same: named after it
    expect(eventsOf(otel.spans()[0]!, 'redirect')).toHaveLength(2);
    expect(otel.spans()[0]!.attributes['server.port']).toBe(to);
    const metrics = await otel.collect();
    expect(counterTotal(metrics, 'redis/calls', { method: 'pipeline' })).toBe(1);
    expect(counterTotal(metrics, 'redis/calls', { method: 'get' })).toBe(0);
    expect(counterTotal(metrics, 'redis/redirects', { kind: 'MOVED' })).toBe(2);
  });

  it('MULTI is one MULTI span on the node of its slot', async () => {
    const c = client();
    await c.connect();
    const m = c.multi();
    m.set('{tx}:a', '1');
    m.incr('{tx}:b');
    await otel.reset();
    expect(await m.exec()).toEqual(['OK', 1]);
    expect(otel.spans().map((span) => span.name)).toEqual(['MULTI']);
    const span = otel.spans()[0]!;
    expect(span.attributes['server.port']).toBe(await cluster.primaryOf(keySlot('{tx}')));
    expect(span.events.map((event) => event.name)).toEqual(['SET', 'INCR']);
    expect(counterTotal(await otel.collect(), 'redis/calls', { method: 'multi', status: 'OK' })).toBe(1);
  });

  it('the sharded subscriber of cluster.pubsub() is observed: one SSUBSCRIBE span on the owning node, no payloads', async () => {
    const c = client();
    await c.connect();
    const sub = c.pubsub();
    try {
      const got = new Promise<string>((resolve) => sub.on('smessage', (_channel: string, message: string) => resolve(message)));
      expect(await sub.ssubscribe('otel-shard-channel')).toBe(1);
      const spans = spansNamed('SSUBSCRIBE');
      expect(spans).toHaveLength(1);
      expect(spans[0]!.attributes['server.port']).toBe(await cluster.primaryOf(keySlot('otel-shard-channel')));
      expect(spans[0]!.attributes['db.query.text']).toBe('SSUBSCRIBE otel-shard-channel');
      await c.spublish('otel-shard-channel', 'secret-payload-1234');
      expect(await got).toBe('secret-payload-1234');
      const metrics = await otel.collect();
      expect(counterTotal(metrics, 'redis/calls', { method: 'ssubscribe', status: 'OK' })).toBe(1);
      expect(JSON.stringify(otel.spans().map((span) => [span.attributes, span.events]))).not.toContain('secret-payload-1234');
    } finally {
      await sub.quit();
    }
  });

  it('propagateContext: SPUBLISH carries the context to the sharded subscriber, which processes in a CONSUMER span', async () => {
    propagation.setGlobalPropagator(new core.W3CTraceContextPropagator());
    const c = client(otel.meterProvider, { telemetry: { tracerProvider: otel.tracerProvider, propagateContext: true } });
    const sub = c.pubsub();
    try {
      const got = new Promise<string>((resolve) => sub.on('smessage', (_channel: string, message: string) => resolve(message)));
      await sub.ssubscribe('otel-traced-shard');
      await c.spublish('otel-traced-shard', 'order-1');
      expect(await got).toBe('order-1'); // unwrapped by the node subscriber
      const [spublish] = spansNamed('SPUBLISH');
      const [process] = spansNamed('process otel-traced-shard');
      expect(process?.kind).toBe(SpanKind.CONSUMER);
      expect(process?.parentSpanContext?.spanId).toBe(spublish?.spanContext().spanId);
      expect(process?.attributes['server.port']).toBe(await cluster.primaryOf(keySlot('otel-traced-shard')));
    } finally {
      propagation.disable();
      await sub.quit();
    }
  });
});

describe('OcRedisCluster connection metrics', () => {
  it('each node connection and node pool counts and is timed, under the node as pool name', async () => {
    const reader = new TestMetricReader(AggregationTemporality.CUMULATIVE);
    const meterProvider = new MeterProvider({ readers: [reader] });
    const c = client(meterProvider);
    await c.connect();
    const ports = c.nodes('primary').map((node) => node.address.port);
    expect(ports).toHaveLength(3);
    await c.blpop('conn:{1}', 0.01); // on a connection lent by the slot primary's pool
    const data = await collect(reader);
    for (const port of ports) {
      const pool = `127.0.0.1:${port}`;
      expect(histogramCount(data, 'db.client.connection.create_time', { 'db.client.connection.pool.name': pool })).toBe(1);
      // Other clients of this file reach the same nodes: at least this one's connection is counted.
      expect(counterTotal(data, 'db.client.connection.count', { 'db.client.connection.pool.name': pool })).toBeGreaterThanOrEqual(1);
    }
    const blocking = `127.0.0.1:${c.nodeForKey('conn:{1}').address.port} (pool)`;
    expect(histogramCount(data, 'db.client.connection.create_time', { 'db.client.connection.pool.name': blocking })).toBe(1);
    expect(histogramCount(data, 'db.client.connection.wait_time', { 'db.client.connection.pool.name': blocking })).toBe(1);
    expect(counterTotal(data, 'db.client.connection.count', { 'db.client.connection.pool.name': blocking, 'db.client.connection.state': 'idle' })).toBe(1);
    await meterProvider.shutdown();
  });
});

describe('RedisCluster on ocredis:command and ocredis:batch', () => {
  /** Copies of the messages each channel ends with (asyncEnd), until `stop()`. */
  function listen<M extends object>(name: string): { ended: M[]; stop(): void } {
    const ended: M[] = [];
    const ignore = (): void => undefined;
    const handlers: TracingChannelSubscribers<object> = { start: ignore, end: ignore, asyncStart: ignore, error: ignore, asyncEnd: (message) => void ended.push({ ...message } as M) };
    const channel = tracingChannel<object>(name);
    channel.subscribe(handlers);
    return { ended, stop: () => channel.unsubscribe(handlers) };
  }

  it('each command is published with the node it was routed to; a pipeline once, as a batch', async () => {
    const commands = listen<CommandMessage>('ocredis:command');
    const batches = listen<BatchMessage>('ocredis:batch');
    try {
      const c = new RedisCluster({ rootNodes: [cluster.addresses[0]!] });
      clients.push(c);
      await c.connect();
      // A key owned by another node than the root: the message must end naming that node.
      const rootPort = cluster.addresses[0]!.port;
      let key = 'chan:0';
      for (let i = 1; c.nodeForKey(key).address.port === rootPort; i++) key = `chan:${i}`;
      const owner = c.nodeForKey(key).address.port;
      await c.set(key, 'value-SECRET');
      const p = c.pipeline();
      p.get(key);
      p.get('other');
      await p.exec();
      expect(commands.ended.map((m) => [m.command, m.args, m.serverPort, m.database, m.result])).toEqual([['SET', [key, '?'], owner, 0, 'OK']]);
      expect(batches.ended).toHaveLength(1);
      expect(batches.ended[0]).toMatchObject({ batchMode: 'PIPELINE', batchSize: 2, commands: [{ command: 'GET', args: [key] }, { command: 'GET', args: ['other'] }] });
      expect(JSON.stringify(commands.ended)).not.toContain('value-SECRET');
    } finally {
      commands.stop();
      batches.stop();
    }
  });
});
