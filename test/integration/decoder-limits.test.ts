// What the connection does when the decoder refuses a frame or fails: the command in flight rejects with a
// ProtocolError, the connection is reset, and later commands work on the new one.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ProtocolError, Redis, type RedisOptions } from '../../src/index.js';
import { respondLikeRedis, startFakeServer, type FakeServer } from '../helpers/fake-server.js';
import { resp } from '../helpers/resp-literals.js';
import { useSharedServer } from '../helpers/shared-server.js';

const shared = useSharedServer();
const fakes: FakeServer[] = [];
const clients: Redis[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.disconnect();
  await Promise.all(fakes.splice(0).map((f) => f.close()));
});

function client(options: RedisOptions): Redis {
  const c = new Redis({ reconnectStrategy: 10, ...options });
  clients.push(c);
  return c;
}

describe('an absurd aggregate header', () => {
  for (const header of ['*999999999999', '%999999999999', '~999999999999', '>999999999999', '|999999999999']) {
    it(`${header} resets the connection instead of wedging it`, async () => {
      const f = await startFakeServer((command, reply) => {
        if (command[0] === 'GET') return reply(`${header}\r\n$1\r\na\r\n`);
        respondLikeRedis(command, reply);
      });
      fakes.push(f);
      const c = client({ port: f.port });
      const error = await c.get('k').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ProtocolError);
      expect(String(error)).toContain('maxAggregateLength');
      // Replies after the bad frame are not swallowed as its elements: the new connection answers.
      expect(await c.ping()).toBe('PONG');
      expect(f.connections).toBe(2);
    });
  }

  it('maxAggregateLength is a client option (real server: a 9-element reply over a limit of 8)', async () => {
    const items = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'];
    await shared.r.rpush('decoder-limits:list', ...items);
    // 8 leaves room for the HELLO reply (a map of 7 pairs).
    const limited = client({ port: shared.server.port, maxAggregateLength: 8 });
    expect(await limited.lrange('decoder-limits:list', 0, 7)).toEqual(items.slice(0, 8));
    await expect(limited.lrange('decoder-limits:list', 0, -1)).rejects.toBeInstanceOf(ProtocolError);
    expect(await limited.lrange('decoder-limits:list', 0, 7)).toEqual(items.slice(0, 8));
  });
});

describe('a failure inside the decoder', () => {
  it('rejects the command in flight with a ProtocolError and resets; nothing is thrown out of the data handler', async () => {
    const c = client({ port: shared.server.port, protocol: 3 });
    await c.hset('decoder-limits:proto', '__proto__', 'x');
    const uncaught: unknown[] = [];
    const onUncaught = (error: unknown) => uncaught.push(error);
    process.on('uncaughtException', onUncaught);
    const boom = new TypeError('simulated failure while building a map');
    const spy = vi.spyOn(Object, 'setPrototypeOf').mockImplementationOnce(() => {
      throw boom;
    });
    try {
      const error = await c.hgetall('decoder-limits:proto').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ProtocolError);
      expect((error as ProtocolError).cause).toBe(boom);
      expect(await c.hgetall('decoder-limits:proto')).toEqual(Object.fromEntries([['__proto__', 'x']]));
      await new Promise((resolve) => setImmediate(resolve));
      expect(uncaught).toEqual([]);
    } finally {
      spy.mockRestore();
      process.off('uncaughtException', onUncaught);
    }
  });
});

describe('a hostile pub/sub frame', () => {
  it('a map where a channel or count belongs is not a pub/sub frame: it goes to the push event, nothing throws', async () => {
    // A map with a 'toString' field: String() or Buffer methods on it would throw inside the data handler.
    const hostile = resp.map([[resp.simple('toString'), resp.simple('x')]]);
    const f = await startFakeServer((command, reply) => {
      if (command[0] === 'SUBSCRIBE') {
        reply(resp.push([resp.bulk('message'), hostile, resp.bulk('m')]));
        reply(resp.push([resp.bulk('subscribe'), resp.bulk('ch'), hostile]));
        reply(resp.push([resp.bulk('subscribe'), resp.bulk('ch'), resp.int(1)]));
        return;
      }
      respondLikeRedis(command, reply);
    });
    fakes.push(f);
    const sub = client({ port: f.port, protocol: 3, lazyConnect: true }).pubsub();
    const uncaught: unknown[] = [];
    const onUncaught = (error: unknown) => uncaught.push(error);
    process.on('uncaughtException', onUncaught);
    try {
      const pushes: unknown[][] = [];
      sub.on('push', (push: unknown[]) => pushes.push(push));
      expect(await sub.subscribe('ch')).toBe(1);
      expect(pushes.map((push) => push[0])).toEqual(['message', 'subscribe']);
      expect(await sub.ping()).toBe('PONG');
      await new Promise((resolve) => setImmediate(resolve));
      expect(uncaught).toEqual([]);
      expect(f.connections).toBe(1);
    } finally {
      process.off('uncaughtException', onUncaught);
      sub.disconnect();
    }
  });
});
