// Client-side caching against a real redis-server: another client writes while the cached client reads, and
// once the cached client has received the invalidation (its 'push' listeners run after the cache has heard
// it) a read never returns the old value. Reconnects flush the cache and turn tracking on again.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ArgumentError, Redis, RedisPool, type RedisOptions } from '../../src/index.js';
import { resp } from '../helpers/resp-literals.js';
import { startFakeServer, type FakeServer } from '../helpers/fake-server.js';
import { startRedisServer, type RedisServerHandle } from '../helpers/redis-server.js';

let server: RedisServerHandle;
let writer: Redis;
const clients: Redis[] = [];
const fakes: FakeServer[] = [];

beforeAll(async () => {
  server = await startRedisServer();
  writer = new Redis({ port: server.port });
  await writer.connect();
});

afterEach(async () => {
  for (const c of clients.splice(0)) c.disconnect();
  await Promise.all(fakes.splice(0).map((f) => f.close()));
});

afterAll(async () => {
  writer?.disconnect();
  await server?.stop();
});

async function cached(options: RedisOptions = {}): Promise<Redis> {
  const c = new Redis({ port: server.port, clientSideCache: { maxEntries: 1000 }, ...options });
  clients.push(c);
  await c.connect();
  return c;
}

/** Resolves when `client` has received an invalidation naming `key` (or a flush of everything, for null). */
function invalidated(client: Redis, key: string | null): Promise<void> {
  return new Promise((resolve) => {
    const off = client.onPush((push) => {
      if (String(push[0]) !== 'invalidate') return;
      const keys = push[1];
      if (key === null ? keys === null : Array.isArray(keys) && keys.map(String).includes(key)) {
        off();
        resolve();
      }
    });
  });
}

function stats(client: Redis) {
  const cache = client.cache;
  if (cache === undefined) throw new Error('no cache');
  return cache.stats();
}

describe('reads are served locally until the key changes', () => {
  it('a second GET is a hit; CLIENT TRACKING is on', async () => {
    const r = await cached();
    await writer.set('cc:hit', 'v1');
    expect(await r.get('cc:hit')).toBe('v1');
    expect(await r.get('cc:hit')).toBe('v1');
    expect(stats(r)).toMatchObject({ hits: 1, misses: 1, size: 1 });
    expect(await r.call('CLIENT', 'TRACKINGINFO')).toMatchObject({ flags: ['on'] });
  });

  it.each([
    ['SET', (k: string) => writer.set(k, 'new'), (r: Redis, k: string) => r.get(k), 'old', 'new'],
    ['DEL', (k: string) => writer.del(k), (r: Redis, k: string) => r.get(k), 'old', null],
    ['HSET', (k: string) => writer.hset(k, 'f', 'new'), (r: Redis, k: string) => r.hgetall(k), { f: 'old' }, { f: 'new' }],
  ] as const)('after another client runs %s, the next read gets the new value', async (command, write, readWith, before, after) => {
    const r = await cached();
    const key = `cc:write:${command}`;
    if (command === 'HSET') await writer.hset(key, 'f', 'old');
    else await writer.set(key, 'old');
    expect(await readWith(r, key)).toEqual(before);
    expect(await readWith(r, key)).toEqual(before);
    const heard = invalidated(r, key);
    await write(key);
    await heard;
    expect(await readWith(r, key)).toEqual(after);
    expect(stats(r).hits).toBe(1);
  });

  it('EXPIRE invalidates; so does the expiry of a key read since', async () => {
    const r = await cached();
    await writer.set('cc:expire', 'old');
    expect(await r.strlen('cc:expire')).toBe(3);
    const changed = invalidated(r, 'cc:expire');
    await writer.pexpire('cc:expire', 200);
    await changed;
    // Read again (a miss: tracked again), then the server deletes it when it expires and says so.
    const expired = invalidated(r, 'cc:expire');
    expect(await r.strlen('cc:expire')).toBe(3);
    expect(await r.strlen('cc:expire')).toBe(3);
    await expired;
    expect(await r.strlen('cc:expire')).toBe(0);
    expect(stats(r)).toMatchObject({ hits: 1, misses: 3 });
  });

  it('FLUSHDB invalidates everything', async () => {
    const r = await cached();
    await writer.set('cc:flush:a', 'a');
    await writer.set('cc:flush:b', 'b');
    await r.get('cc:flush:a');
    await r.get('cc:flush:b');
    expect(stats(r).size).toBe(2);
    const heard = invalidated(r, null);
    await writer.call('FLUSHDB');
    await heard;
    expect(stats(r).size).toBe(0);
    expect(await r.get('cc:flush:a')).toBeNull();
  });

  it("the client's own write is seen by its next read (the server invalidates before it replies)", async () => {
    const r = await cached();
    await r.set('cc:own', '1');
    expect(await r.get('cc:own')).toBe('1');
    expect(await r.get('cc:own')).toBe('1');
    await r.set('cc:own', '2');
    expect(await r.get('cc:own')).toBe('2');
    await r.hset('cc:own:h', 'f', '1');
    expect(await r.hget('cc:own:h', 'f')).toBe('1');
    await r.hincrby('cc:own:h', 'f', 1);
    expect(await r.hget('cc:own:h', 'f')).toBe('2');
  });

  it('under load: no read issued after an invalidation was received returns an older value', async () => {
    const r = await cached();
    const key = 'cc:load';
    await writer.set(key, '0');
    // The server invalidates only keys this client has read: read it once before the first write, or that
    // write may reach the server before the first burst's reads and never be invalidated (a CI hang).
    expect(await r.get(key)).toBe('0');
    let heard = 0; // the newest version whose invalidation the cached client has received
    /** Reads of `key`, each checked against the version heard when it was issued. */
    const burst = (count: number): Promise<number>[] =>
      Array.from({ length: count }, () => {
        const floor = heard;
        return r.get(key).then((value) => (Number(value) < floor ? 1 : 0));
      });
    const stale: Promise<number>[] = [];
    for (let version = 1; version <= 150; version++) {
      const seen = invalidated(r, key);
      stale.push(...burst(8)); // in flight when the write runs: hits, or misses answered before or after it
      const written = writer.set(key, String(version));
      stale.push(...burst(8));
      await written;
      await seen;
      heard = version;
      stale.push(...burst(8));
      expect(await r.get(key)).toBe(String(version));
    }
    const staleReads = (await Promise.all(stale)).reduce((a, b) => a + b, 0);
    expect(staleReads).toBe(0);
    expect(stats(r).hits).toBeGreaterThan(150);
    expect(stats(r).invalidations).toBe(150);
  });
});

describe('what is cached and how', () => {
  it('commands outside the cacheable list go to the server every time and count neither hit nor miss', async () => {
    const r = await cached();
    await writer.set('cc:ttl', 'v', 'EX', 100);
    await r.ttl('cc:ttl');
    await r.ttl('cc:ttl');
    await r.mget('cc:ttl', 'cc:other');
    expect(stats(r)).toMatchObject({ hits: 0, misses: 0, size: 0 });
  });

  it('string and Buffer replies, and call() and the typed method, are kept apart or shared as their shape requires', async () => {
    const r = await cached();
    await writer.hset('cc:shape', { a: '1' });
    expect(await r.hgetall('cc:shape')).toEqual({ a: '1' });
    expect(await r.call('HGETALL', 'cc:shape')).toEqual({ a: '1' }); // same raw reply: a hit
    expect(await r.getBuffer('cc:shape').catch((e: Error) => e.name)).toBe('ReplyError'); // WRONGTYPE: not cached
    await writer.set('cc:buf', 'bytes');
    expect(await r.get('cc:buf')).toBe('bytes');
    expect(await r.getBuffer('cc:buf')).toEqual(Buffer.from('bytes'));
    expect(await r.getBuffer('cc:buf')).toEqual(Buffer.from('bytes'));
    expect(stats(r)).toMatchObject({ hits: 2, misses: 4, size: 3 });
  });

  it('a caller that changes its reply does not change what the next caller gets', async () => {
    const r = await cached();
    await writer.rpush('cc:list', 'a', 'b');
    const first = await r.lrange('cc:list', 0, -1);
    first.push('mine');
    const second = await r.lrange('cc:list', 0, -1);
    second.reverse();
    expect(await r.lrange('cc:list', 0, -1)).toEqual(['a', 'b']);
    expect(stats(r).hits).toBe(2);
  });

  it('with keyPrefix: entries are invalidated by the prefixed key the server names', async () => {
    const r = await cached({ keyPrefix: 'app:' });
    await writer.set('app:cc:prefixed', 'old');
    expect(await r.get('cc:prefixed')).toBe('old');
    expect(await r.get('cc:prefixed')).toBe('old');
    const heard = invalidated(r, 'app:cc:prefixed');
    await writer.set('app:cc:prefixed', 'new');
    await heard;
    expect(await r.get('cc:prefixed')).toBe('new');
  });

  it('maxEntries bounds the size; evictions are counted', async () => {
    const r = await cached({ clientSideCache: { maxEntries: 2 } });
    for (const k of ['a', 'b', 'c', 'd']) await r.get(`cc:lru:${k}`);
    expect(stats(r)).toMatchObject({ size: 2, evictions: 2, misses: 4 });
    await r.get('cc:lru:d');
    expect(stats(r).hits).toBe(1);
  });

  it('ttl: a reply older than ttl goes to the server again', async () => {
    const r = await cached({ clientSideCache: { ttl: 1 } });
    await r.get('cc:ttl-option');
    const since = performance.now();
    while (performance.now() - since <= 2) await new Promise((resolve) => setImmediate(resolve));
    await r.get('cc:ttl-option');
    expect(stats(r)).toMatchObject({ hits: 0, misses: 2, evictions: 1 });
  });

  it('a read queued before the connection is ready is kept (tracking is on before it is sent)', async () => {
    const r = new Redis({ port: server.port, clientSideCache: true, lazyConnect: true });
    clients.push(r);
    await writer.set('cc:early', 'v');
    expect(await r.get('cc:early')).toBe('v');
    expect(await r.get('cc:early')).toBe('v');
    expect(stats(r)).toMatchObject({ hits: 1, misses: 1, size: 1 });
  });

  it('clear() drops everything', async () => {
    const r = await cached();
    await r.get('cc:clear');
    r.cache?.clear();
    await r.get('cc:clear');
    expect(stats(r)).toMatchObject({ hits: 0, misses: 2, size: 1 });
  });

  it('CLIENT TRACKING OFF sent by the application stops caching (and drops what was cached)', async () => {
    const r = await cached();
    await r.get('cc:off');
    await r.call('CLIENT', 'TRACKING', 'OFF');
    expect(stats(r).size).toBe(0);
    await r.get('cc:off');
    await r.get('cc:off');
    expect(stats(r)).toMatchObject({ hits: 0, size: 0 });
  });
});

describe('reconnects', () => {
  it('a lost connection flushes the cache (writes meanwhile are seen); tracking is on again after reconnecting', async () => {
    const r = await cached({ reconnectStrategy: 50 });
    await writer.set('cc:reconnect', 'before');
    expect(await r.get('cc:reconnect')).toBe('before');
    expect(await r.get('cc:reconnect')).toBe('before');
    const id = String(await r.call('CLIENT', 'ID'));
    // Written while the cached client has no connection: no invalidation can reach it.
    const lost = new Promise<void>((resolve) => r.once('reconnecting', () => void writer.set('cc:reconnect', 'after').then(() => resolve())));
    const ready = new Promise((resolve) => r.once('ready', resolve));
    await writer.call('CLIENT', 'KILL', 'ID', id);
    await lost;
    expect(stats(r).size).toBe(0);
    await ready;
    expect(await r.get('cc:reconnect')).toBe('after');
    expect(await r.call('CLIENT', 'TRACKINGINFO')).toMatchObject({ flags: ['on'] });
    expect(await r.get('cc:reconnect')).toBe('after');
    expect(stats(r)).toMatchObject({ hits: 2, size: 1 });
    // And invalidations reach the new connection.
    const heard = invalidated(r, 'cc:reconnect');
    await writer.set('cc:reconnect', 'later');
    await heard;
    expect(await r.get('cc:reconnect')).toBe('later');
  });
});

describe('a reply that arrives after its key was invalidated', () => {
  it('is returned to its caller but not kept (fake server: the invalidation overtakes the reply)', async () => {
    const fake = await startFakeServer((command, reply) => {
      const name = command[0]?.toUpperCase();
      if (name === 'HELLO') reply(resp.map([[resp.bulk('proto'), resp.int(3)]]));
      else if (name === 'GET') reply(resp.push([resp.bulk('invalidate'), resp.array([resp.bulk('k')])]) + resp.bulk('old'));
      else reply(resp.simple('OK'));
    });
    fakes.push(fake);
    const r = new Redis({ port: fake.port, clientSideCache: true, clientInfo: false });
    clients.push(r);
    await r.connect();
    expect(fake.received).toContainEqual(['CLIENT', 'TRACKING', 'ON']);
    expect(await r.get('k')).toBe('old');
    expect(await r.get('k')).toBe('old');
    expect(stats(r)).toMatchObject({ hits: 0, misses: 2, invalidations: 2, size: 0 });
  });
});

describe('options', () => {
  it('RESP2 and a RedisPool refuse the option with a clear error', () => {
    expect(() => new Redis({ port: server.port, protocol: 2, clientSideCache: true, lazyConnect: true })).toThrow(ArgumentError);
    expect(() => new Redis({ port: server.port, protocol: 2, clientSideCache: true, lazyConnect: true })).toThrow(/needs protocol 3/);
    expect(() => new RedisPool({ port: server.port, clientSideCache: true })).toThrow(/not supported on a pool/);
    expect(() => new Redis({ port: server.port, clientSideCache: { maxEntries: -1 }, lazyConnect: true })).toThrow(/maxEntries/);
  });

  it('a client without the option has no cache and the shared sendCommand', () => {
    const plain = new Redis({ port: server.port, lazyConnect: true });
    expect(plain.cache).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(plain, 'sendCommand')).toBe(false);
  });
});
