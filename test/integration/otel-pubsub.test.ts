// OcRedis observes its subscribers: one span and one metrics record per (P|S)(UN)SUBSCRIBE sent (the
// resubscribe after a reconnect included), channel names kept as keys, messages never observed.
import type { ReadableSpan } from '@opentelemetry/sdk-trace-node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OcRedis, Subscriber, type PubSubMessage } from '../../src/index.js';
import { counterTotal, createOtel, histogramCount, metricStrings, spanStrings, type OtelFixture } from '../helpers/otel.js';
import { startRedisServer, type RedisServerHandle } from '../helpers/redis-server.js';

let server: RedisServerHandle;
let otel: OtelFixture;
let o: OcRedis;

beforeAll(async () => {
  server = await startRedisServer();
  otel = createOtel({ global: false });
  o = new OcRedis({ port: server.port, telemetry: { tracerProvider: otel.tracerProvider, meterProvider: otel.meterProvider } });
  await o.connect();
});

afterAll(async () => {
  await o?.quit();
  await otel?.shutdown();
  await server?.stop();
});

beforeEach(async () => {
  await otel.reset();
});

const SUBSCRIPTION_SPANS = new Set(['SUBSCRIBE', 'PSUBSCRIBE', 'SSUBSCRIBE', 'UNSUBSCRIBE', 'PUNSUBSCRIBE', 'SUNSUBSCRIBE']);
const subscriptionSpans = (): ReadableSpan[] => otel.spans().filter((span) => SUBSCRIPTION_SPANS.has(span.name));

describe('OcRedis pubsub()', () => {
  it('observes each subscribe / unsubscribe as one span with its channel names, and no message', async () => {
    const sub = o.pubsub();
    expect(sub).toBeInstanceOf(Subscriber);
    try {
      const received: PubSubMessage[] = [];
      const got = new Promise<void>((resolve) =>
        sub.on('pmessage', () => {
          if (received.length === 2) resolve();
        }),
      );
      expect(await sub.subscribe('news', 'sport', (message) => received.push(message))).toBe(2);
      expect(await sub.psubscribe('n*')).toBe(3);
      expect(await sub.ssubscribe('shard:{1}')).toBe(1); // shard channels are counted apart
      await o.publish('news', 'secret-payload');
      await o.publish('news', 'secret-payload');
      await got;
      expect(received.map((message) => message.message)).toEqual(['secret-payload', 'secret-payload']);
      expect(await sub.unsubscribe('news')).toBe(2);
      expect(await sub.punsubscribe()).toBe(1);

      const spans = subscriptionSpans();
      expect(spans.map((span) => span.name)).toEqual(['SUBSCRIBE', 'PSUBSCRIBE', 'SSUBSCRIBE', 'UNSUBSCRIBE', 'PUNSUBSCRIBE']);
      expect(spans.map((span) => span.attributes['db.query.text'])).toEqual(['SUBSCRIBE news sport', 'PSUBSCRIBE n*', 'SSUBSCRIBE shard:{1}', 'UNSUBSCRIBE news', 'PUNSUBSCRIBE n*']);
      for (const span of spans) {
        expect(span.attributes['server.port']).toBe(server.port);
        expect(span.attributes['db.operation.name']).toBe(span.name);
      }
      // Two PUBLISH spans from the client, nothing per message received.
      expect(otel.spans().map((span) => span.name).filter((name) => !SUBSCRIPTION_SPANS.has(name))).toEqual(['PUBLISH', 'PUBLISH']);
      expect(spanStrings(otel.spans()).join('\n')).not.toContain('secret-payload');

      const metrics = await otel.collect();
      for (const method of ['subscribe', 'psubscribe', 'ssubscribe', 'unsubscribe', 'punsubscribe']) {
        expect(counterTotal(metrics, 'redis/calls', { method, status: 'OK' })).toBe(1);
      }
      // Channel names are keys: SUBSCRIBE news sport is two key lengths, no value length.
      expect(histogramCount(metrics, 'redis/key_lengths', { method: 'subscribe' })).toBe(2);
      expect(histogramCount(metrics, 'redis/value_lengths', { method: 'subscribe' })).toBe(0);
      expect(metricStrings(metrics).join('\n')).not.toContain('secret-payload');
    } finally {
      await sub.quit();
    }
  });

  it('observes the resubscribe after a reconnect, and Buffer names', async () => {
    const sub = o.pubsub({ buffers: true });
    try {
      await sub.subscribe(Buffer.from('bin-channel'));
      await otel.reset();
      const resubscribed = new Promise((resolve) => sub.once('resubscribed', resolve));
      expect(await o.call('CLIENT', 'KILL', 'TYPE', 'pubsub')).toBeGreaterThanOrEqual(1);
      await resubscribed;
      const spans = subscriptionSpans();
      expect(spans.map((span) => [span.name, span.attributes['db.query.text']])).toEqual([['SUBSCRIBE', 'SUBSCRIBE bin-channel']]);
      expect(counterTotal(await otel.collect(), 'redis/calls', { method: 'subscribe', status: 'OK' })).toBe(1);
    } finally {
      await sub.quit();
    }
  });

  it('leaves excluded subscription commands unobserved (the others still are)', async () => {
    const quiet = new OcRedis({ port: server.port, telemetry: { tracerProvider: otel.tracerProvider, meterProvider: otel.meterProvider, excludeCommands: ['subscribe'] } });
    const sub = quiet.pubsub();
    try {
      expect(await sub.subscribe('quiet')).toBe(1);
      expect(await sub.psubscribe('q*')).toBe(2);
      expect(subscriptionSpans().map((span) => span.name)).toEqual(['PSUBSCRIBE']);
      expect(Object.prototype.hasOwnProperty.call(sub, 'sendSubscription')).toBe(true);
    } finally {
      await sub.quit();
      await quiet.quit();
    }
  });
});
