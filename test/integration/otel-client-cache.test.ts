// OcRedis with clientSideCache: a cacheable call is one span whether the cache answers it or not, marked
// db.redis.cache_hit; the cache's counts are the observable redis/cache/* metrics, per connection pool name.
import { expect, it } from 'vitest';
import { OcRedis } from '../../src/index.js';
import { counterTotal } from '../helpers/otel.js';
import { useOtelServer } from '../helpers/otel-server.js';
import { startForwarder } from '../helpers/tcp-forwarder.js';
import { waitFor } from '../helpers/wait-for.js';

const env = useOtelServer();

it('spans of cacheable calls say whether the cache answered; other spans do not carry the attribute', async () => {
  await env.otel.reset();
  const o = new OcRedis({ port: env.server.port, clientSideCache: true });
  await o.set('otel-cache:k', 'v');
  expect(await o.get('otel-cache:k')).toBe('v');
  expect(await o.get('otel-cache:k')).toBe('v');
  expect(await o.call('GET', 'otel-cache:k')).toBe('v');
  await o.quit();
  const spans = env.otel.spans().filter((s) => s.name === 'GET' || s.name === 'SET');
  expect(spans.map((s) => [s.name, s.attributes['db.redis.cache_hit']])).toEqual([
    ['SET', undefined],
    ['GET', false],
    ['GET', true],
    ['GET', true],
  ]);
  // A hit is still the caller's call: same operation name, server attributes and method label as a miss.
  expect(spans[2]?.attributes).toMatchObject({ 'db.operation.name': 'GET', 'server.port': env.server.port });
});

it('redis/cache/hits, misses, evictions, invalidations and size, per pool', async () => {
  await env.otel.reset();
  const pool = `127.0.0.1:${env.server.port}`;
  const o = new OcRedis({ port: env.server.port, clientSideCache: { maxEntries: 1 } });
  const writer = new OcRedis({ port: env.server.port });
  await o.get('otel-cache:a'); // miss
  await o.get('otel-cache:a'); // hit
  await o.get('otel-cache:b'); // miss, evicts a
  const invalidated = new Promise<void>((resolve) => o.onPush((push) => String(push[0]) === 'invalidate' && resolve()));
  await writer.set('otel-cache:b', 'x');
  await invalidated;
  const data = await env.otel.collect();
  const labels = { 'db.client.connection.pool.name': pool };
  expect(counterTotal(data, 'redis/cache/hits', labels)).toBe(1);
  expect(counterTotal(data, 'redis/cache/misses', labels)).toBe(2);
  expect(counterTotal(data, 'redis/cache/evictions', labels)).toBe(1);
  expect(counterTotal(data, 'redis/cache/invalidations', labels)).toBe(1);
  expect(counterTotal(data, 'redis/cache/size', labels)).toBe(0);
  expect(counterTotal(data, 'redis/calls', { method: 'get', status: 'OK' })).toBe(3);
  await Promise.all([o.quit(), writer.quit()]);
});

it('a miss re-sent after its connection was lost is a retry event on its span, and is not kept', async () => {
  await env.otel.reset();
  await env.server.cli('SET', 'otel-cache:resent', 'v');
  const forwarder = await startForwarder(env.server.port);
  try {
    const o = new OcRedis({ port: forwarder.port, clientSideCache: true });
    await o.ping();
    forwarder.holdReplies();
    const reply = o.get('otel-cache:resent');
    await waitFor(() => o.connection.inflightCount === 1); // written; its reply is held
    forwarder.dropConnections();
    expect(await reply).toBe('v');
    const [span] = env.otel.spans().filter((s) => s.name === 'GET');
    expect(span?.attributes['db.redis.cache_hit']).toBe(false);
    expect(span?.events.filter((event) => event.name === 'retry').map((event) => event.attributes)).toEqual([{ reason: 'ECONNCLOSED', attempt: 1, delay: 0 }]);
    // Sent before the loss cleared the cache: its reply may not be kept.
    expect(o.cache?.stats().size).toBe(0);
    await o.quit();
  } finally {
    await forwarder.close();
  }
});
