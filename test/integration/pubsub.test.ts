import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArgumentError, Redis, type PubSubEvent, type PubSubMessage, type Subscriber } from '../../src/index.js';
import { startRedisServer, type RedisServerHandle } from '../helpers/redis-server.js';
import { useSharedServer } from '../helpers/shared-server.js';
import { waitFor } from '../helpers/wait-for.js';

const shared = useSharedServer();
let server: RedisServerHandle;
let r: Redis;
beforeAll(() => ({ server, r } = shared));

/** Resolves with the next `count` events of a for-await loop over `source`. */
async function take<E>(source: AsyncIterable<E>, count: number): Promise<E[]> {
  const out: E[] = [];
  if (count === 0) return out;
  for await (const event of source) {
    out.push(event);
    if (out.length === count) break;
  }
  return out;
}

function once<T extends unknown[]>(emitter: Subscriber<string> | Subscriber<Buffer>, event: string): Promise<T> {
  return new Promise((resolve) => (emitter as Subscriber<string | Buffer>).once(event, (...args: unknown[]) => resolve(args as T)));
}

describe.each([2, 3] as const)('pub/sub over RESP%i', (protocol) => {
  it('delivers to per-channel and per-pattern handlers, events and for-await, with confirmations in order', async () => {
    const sub = new Redis({ port: server.port, protocol, lazyConnect: true }).pubsub();
    try {
      const events = sub[Symbol.asyncIterator]();
      const news: PubSubMessage[] = [];
      const sport: PubSubMessage[] = [];
      const patterned: PubSubMessage[] = [];
      expect(await sub.subscribe('news', 'weather', (m) => news.push(m))).toBe(2);
      expect(await sub.subscribe('sport', (m) => sport.push(m))).toBe(3);
      expect(await sub.psubscribe('w*', (m) => patterned.push(m))).toBe(4);
      expect(sub.connection.protocol).toBe(protocol);
      const emitted = once<[string, string]>(sub, 'message');

      expect(await r.publish('news', 'hello')).toBe(1);
      expect(await r.publish('weather', 'rain')).toBe(2); // the channel and the pattern
      expect(await r.publish('sport', 'goal')).toBe(1);

      expect(await emitted).toEqual(['news', 'hello']);
      const seen = await take(events, 4 + 4); // 4 confirmations, then 4 deliveries
      expect(seen.slice(0, 4)).toEqual([
        { kind: 'subscribe', channel: 'news', count: 1 },
        { kind: 'subscribe', channel: 'weather', count: 2 },
        { kind: 'subscribe', channel: 'sport', count: 3 },
        { kind: 'psubscribe', channel: 'w*', count: 4 },
      ]);
      expect(seen.slice(4)).toEqual([
        { kind: 'message', channel: 'news', message: 'hello' },
        { kind: 'message', channel: 'weather', message: 'rain' },
        { kind: 'pmessage', pattern: 'w*', channel: 'weather', message: 'rain' },
        { kind: 'message', channel: 'sport', message: 'goal' },
      ]);
      expect(news.map((m) => m.message)).toEqual(['hello', 'rain']); // both channels were registered with this handler
      expect(sport).toEqual([{ kind: 'message', channel: 'sport', message: 'goal' }]);
      expect(patterned).toEqual([{ kind: 'pmessage', pattern: 'w*', channel: 'weather', message: 'rain' }]);

      expect(await sub.ping()).toBe('PONG');
      expect(await sub.ping('still here')).toBe('still here');
      expect(await sub.unsubscribe('news')).toBe(3);
      expect(await r.publish('news', 'nobody listens')).toBe(0);
      expect(await sub.unsubscribe()).toBe(1); // weather and sport; the pattern stays
      expect(await sub.punsubscribe()).toBe(0);
      expect(sub.subscribed).toEqual({ channels: [], patterns: [], shardChannels: [] });
      expect(await r.pubsubNumsub('news', 'weather', 'sport')).toEqual({ news: 0, weather: 0, sport: 0 });
    } finally {
      await sub.quit();
    }
  });

  it('sharded pub/sub (SSUBSCRIBE / SPUBLISH), and ignoreSubscribeMessages hides confirmations from for-await', async () => {
    const sub = new Redis({ port: server.port, protocol, lazyConnect: true }).pubsub({ ignoreSubscribeMessages: true });
    try {
      const confirmations: unknown[] = [];
      sub.on('ssubscribe', (channel: string, count: number) => confirmations.push([channel, count]));
      const received = take(sub, 2);
      await sub.ssubscribe('orders');
      await sub.subscribe('plain');
      expect(await r.spublish('orders', 'o-1')).toBe(1);
      expect(await r.publish('plain', 'p-1')).toBe(1);
      expect(await received).toEqual([
        { kind: 'smessage', channel: 'orders', message: 'o-1' },
        { kind: 'message', channel: 'plain', message: 'p-1' },
      ]);
      expect(confirmations).toEqual([['orders', 1]]);
      expect(await sub.sunsubscribe('orders')).toBeGreaterThanOrEqual(0);
      expect(await r.spublish('orders', 'o-2')).toBe(0);
    } finally {
      await sub.quit();
    }
  });

  it('ends for-await loops when the subscriber quits', async () => {
    const sub = new Redis({ port: server.port, protocol, lazyConnect: true }).pubsub();
    await sub.subscribe('bye');
    const loop = (async () => {
      const seen: PubSubEvent[] = [];
      for await (const event of sub) seen.push(event);
      return seen;
    })();
    const delivered = new Promise((resolve) => sub.once('message', resolve));
    await r.publish('bye', 'last');
    await delivered;
    await sub.quit();
    expect(await loop).toEqual([{ kind: 'message', channel: 'bye', message: 'last' }]);
    await expect(sub.subscribe('again')).rejects.toMatchObject({ code: 'ECLIENTCLOSED' });
  });
});

describe('pub/sub details', () => {
  it('Buffer mode keeps binary channels and payloads byte for byte', async () => {
    const sub = r.pubsub({ buffers: true, ignoreSubscribeMessages: true });
    try {
      const binary = Buffer.from([0xff, 0x00, 0xfe, 0x80, 0x0a, 0x0d]);
      const channel = Buffer.from([0xc3, 0x28, 0x01]); // invalid UTF-8
      const got: PubSubMessage<Buffer>[] = [];
      await sub.subscribe(channel, (m) => got.push(m));
      const next = take(sub.messages(), 1);
      expect(await r.publish(channel, binary)).toBe(1);
      const [message] = await next;
      expect(Buffer.isBuffer(message?.message)).toBe(true);
      expect(message?.message.equals(binary)).toBe(true);
      expect(message?.channel.equals(channel)).toBe(true);
      expect(got).toHaveLength(1);
    } finally {
      await sub.quit();
    }
  });

  it('rejects bad arguments before sending, and a handler that throws does not break delivery', async () => {
    const sub = r.pubsub();
    try {
      await expect(sub.subscribe()).rejects.toBeInstanceOf(ArgumentError);
      await expect(sub.subscribe({} as unknown as string)).rejects.toBeInstanceOf(ArgumentError);
      const thrown: unknown[] = [];
      const listeners = process.listeners('uncaughtException');
      process.removeAllListeners('uncaughtException');
      process.on('uncaughtException', (error) => thrown.push(error));
      try {
        const after: string[] = [];
        await sub.subscribe('boom', () => {
          throw new Error('handler failed');
        });
        await sub.subscribe('fine', (m) => after.push(m.message));
        await r.publish('boom', 'x');
        await r.publish('fine', 'y');
        expect(await sub.ping()).toBe('PONG');
        await new Promise((resolve) => setImmediate(resolve));
        expect(after).toEqual(['y']);
        expect(thrown).toHaveLength(1);
        expect((thrown[0] as Error).message).toBe('handler failed');
      } finally {
        process.removeAllListeners('uncaughtException');
        for (const listener of listeners) process.on('uncaughtException', listener);
      }
    } finally {
      await sub.quit();
    }
  });

  it('re-subscribes every channel, pattern and shard channel after CLIENT KILL', async () => {
    const sub = r.pubsub({ ignoreSubscribeMessages: true });
    try {
      await sub.subscribe('k:chan');
      await sub.psubscribe('k:pat:*');
      await sub.ssubscribe('k:shard');
      const id = sub.connection.hello.id;
      expect(typeof id).toBe('number');
      const resubscribed = once<[unknown]>(sub, 'resubscribed');
      expect(await r.clientKill('ID', String(id))).toBe(1);
      expect(await resubscribed).toEqual([{ channels: ['k:chan'], patterns: ['k:pat:*'], shardChannels: ['k:shard'] }]);
      expect(sub.connection.hello.id).not.toBe(id);

      const received = take(sub.messages(), 3);
      expect(await r.publish('k:chan', 'a')).toBe(1);
      expect(await r.publish('k:pat:1', 'b')).toBe(1);
      expect(await r.spublish('k:shard', 'c')).toBe(1);
      expect((await received).map((m) => m.message)).toEqual(['a', 'b', 'c']);
    } finally {
      await sub.quit();
    }
  });

  it('RESP3 push frames on the main connection (client tracking) reach onPush and replies stay in order', async () => {
    const tracked = new Redis({ port: server.port, protocol: 3 });
    try {
      const pushes: unknown[][] = [];
      const stop = tracked.onPush((push) => pushes.push(push));
      await tracked.set('tracked:k', 'v1');
      expect(await tracked.call('CLIENT', 'TRACKING', 'on')).toBe('OK');
      expect(await tracked.get('tracked:k')).toBe('v1'); // now tracked for this client
      await r.set('tracked:k', 'v2'); // another client changes it: the server pushes an invalidation
      // Commands keep getting their own replies while pushes arrive between them.
      const replies = await Promise.all(Array.from({ length: 50 }, (_, i) => tracked.echo(`e${i}`)));
      expect(replies).toEqual(Array.from({ length: 50 }, (_, i) => `e${i}`));
      await waitFor(() => pushes.length > 0);
      expect(pushes[0]).toEqual(['invalidate', ['tracked:k']]);
      stop();
      expect(tracked.listenerCount('push')).toBe(0);
    } finally {
      await tracked.quit();
    }
  });
});


describe('pub/sub across a server crash', () => {
  let crashing: RedisServerHandle;

  beforeAll(async () => {
    crashing = await startRedisServer();
  });

  afterAll(async () => {
    await crashing?.stop();
  });

  it.each([2, 3] as const)('re-subscribes after SIGKILL + restart on the same port (RESP%i)', async (protocol) => {
    const publisher = new Redis({ port: crashing.port });
    const sub = new Redis({ port: crashing.port, protocol, reconnectStrategy: 50, lazyConnect: true }).pubsub({ ignoreSubscribeMessages: true });
    try {
      await sub.subscribe('crash:chan');
      await sub.psubscribe('crash:*:pat');
      const reconnecting = once(sub, 'reconnecting');
      const resubscribed = once(sub, 'resubscribed');
      await crashing.kill();
      await reconnecting;
      await crashing.restart();
      await resubscribed;
      const received = take(sub.messages(), 2);
      expect(await publisher.publish('crash:chan', 'after')).toBe(1);
      expect(await publisher.publish('crash:x:pat', 'also')).toBe(1);
      expect(await received).toEqual([
        { kind: 'message', channel: 'crash:chan', message: 'after' },
        { kind: 'pmessage', pattern: 'crash:*:pat', channel: 'crash:x:pat', message: 'also' },
      ]);
    } finally {
      await sub.quit();
      await publisher.quit();
    }
  });
});

describe('confirmations line up with their own commands', () => {
  it('a non-ASCII channel confirms its SUBSCRIBE in RESP2 and RESP3', async () => {
    for (const protocol of [2, 3] as const) {
      const server = await startRedisServer();
      const r = new Redis({ port: server.port, protocol });
      const sub = r.pubsub();
      try {
        expect(await sub.subscribe('chäñnël-✓')).toBe(1);
        const got = new Promise<string>((resolve) => sub.on('message', (_channel: string, message: string) => resolve(message)));
        await r.publish('chäñnël-✓', 'hi');
        expect(await got).toBe('hi');
      } finally {
        await sub.quit();
        await r.quit();
        await server.stop();
      }
    }
  });
});
