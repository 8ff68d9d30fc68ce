// Without an SDK, OcRedis records nothing and passes calls straight through; an SDK registered later is
// picked up on the next call, and one taken away again is dropped.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { OcRedis } from '../../src/index.js';
import { counterTotal, createOtel } from '../helpers/otel.js';
import { startRedisServer, type RedisServerHandle } from '../helpers/redis-server.js';

let server: RedisServerHandle;
let o: OcRedis;

beforeAll(async () => {
  server = await startRedisServer();
  o = new OcRedis({ port: server.port });
});

afterAll(async () => {
  await o?.quit();
  await server?.stop();
});

it('works with no SDK, then observes once one is registered, and stops when it is removed', async () => {
  expect(await o.set('k', 'v')).toBe('OK');
  const p = o.pipeline();
  p.get('k');
  expect(await p.exec()).toEqual(['v']);

  const otel = createOtel();
  await o.get('k');
  expect(otel.spans().map((s) => s.name)).toEqual(['GET']);
  expect(counterTotal(await otel.collect(), 'redis/calls', { method: 'get' })).toBe(1);
  await otel.shutdown(); // takes the global providers away again

  const later = createOtel({ global: false });
  await o.get('k');
  expect(later.spans()).toHaveLength(0);
  expect(await later.collect()).toEqual([]);
  await later.shutdown();
});
