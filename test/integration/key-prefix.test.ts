// keyPrefix against a real server: a prefixed client and a plain one share the server, so every check reads
// what the server really stored, by the full key name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis, WatchError } from '../../src/index.js';
import { startRedisServer, type RedisServerHandle } from '../helpers/redis-server.js';

let server: RedisServerHandle;
let p: Redis; // keyPrefix 'app:'
let raw: Redis;

beforeAll(async () => {
  server = await startRedisServer();
  p = new Redis({ port: server.port, keyPrefix: 'app:' });
  raw = new Redis({ port: server.port });
  await Promise.all([p.connect(), raw.connect()]);
});
afterAll(async () => {
  await Promise.all([p?.quit(), raw?.quit()]);
  await server?.stop();
});

describe('keyPrefix on a single server', () => {
  it('GET / SET / MGET / MSET (a Map too) store and read the prefixed keys', async () => {
    expect(await p.set('k', 'v')).toBe('OK');
    expect(await raw.get('app:k')).toBe('v');
    expect(await raw.exists('k')).toBe(0);
    expect(await p.get('k')).toBe('v');
    await p.mset(new Map([['a', '1'], ['b', '2']]));
    expect(await raw.mget('app:a', 'app:b')).toEqual(['1', '2']);
    expect(await p.mget('a', 'b', 'k')).toEqual(['1', '2', 'v']);
    expect(await p.call('GET', 'k')).toBe('v'); // call() takes the same path
  });

  it("EVAL prefixes KEYS, not ARGV; a registered script (EVAL, then EVALSHA) too", async () => {
    expect(await p.call('EVAL', 'return {KEYS[1], KEYS[2], ARGV[1]}', 2, 'x', 'y', 'arg')).toEqual(['app:x', 'app:y', 'arg']);
    const script = p.registerScript("return redis.call('SET', KEYS[1], ARGV[1])");
    await script({ keys: ['s'], args: ['val'] });
    expect(await raw.get('app:s')).toBe('val');
    await script({ keys: ['s2'], args: ['val2'] });
    expect(await raw.get('app:s2')).toBe('val2');
  });

  it('a pipeline and a MULTI batch', async () => {
    const pipeline = p.pipeline();
    pipeline.set('pk', '1');
    pipeline.incr('pk');
    expect(await pipeline.exec()).toEqual(['OK', 2]);
    expect(await raw.get('app:pk')).toBe('2');
    const multi = p.multi();
    multi.hset('h', new Map([['f', 'v']]));
    multi.hget('h', 'f');
    expect(await multi.exec()).toEqual([1, 'v']);
    expect(await raw.hgetall('app:h')).toEqual({ f: 'v' });
  });

  it('a WATCH transaction watches the prefixed key (a change to it aborts EXEC)', async () => {
    await p.set('w', '0');
    const tx = await p.watch('w');
    expect(await tx.get('w')).toBe('0');
    await raw.set('app:w', 'changed elsewhere');
    const multi = tx.multi();
    multi.set('w', 'mine');
    await expect(multi.exec()).rejects.toBeInstanceOf(WatchError);
    expect(await raw.get('app:w')).toBe('changed elsewhere');
    // transaction(): reads and writes under the prefix, committed.
    const result = await p.transaction(async (t) => {
      const current = Number(await t.get('counter'));
      const m = t.multi();
      m.set('counter', String(current + 5));
      await m.exec();
      return current + 5;
    }, 'counter');
    expect(result).toBe(5);
    expect(await raw.get('app:counter')).toBe('5');
  });

  it('BLPOP (a pooled connection) pops from the prefixed list; the reply names the key as stored', async () => {
    await raw.rpush('app:queue', 'job');
    expect(await p.call('BLPOP', 'queue', 1)).toEqual(['app:queue', 'job']);
    await raw.rpush('app:queue', 'job2');
    expect(await p.blpop('queue', 1)).toMatchObject({ element: 'job2' });
  });

  it('SCAN and KEYS: the pattern is not prefixed and the key names in replies keep the prefix (as with ioredis)', async () => {
    await raw.set('other:z', '1');
    const scanned: string[] = [];
    for await (const key of p.scanIter({ match: 'app:scan*' })) scanned.push(key);
    expect(scanned).toEqual([]);
    await p.set('scan1', '1');
    for await (const key of p.scanIter({ match: 'app:scan*' })) scanned.push(key);
    expect(scanned).toEqual(['app:scan1']);
    expect(await p.call('KEYS', 'app:scan*')).toEqual(['app:scan1']);
  });

  it("SORT: BY and GET patterns name prefixed keys", async () => {
    await raw.rpush('app:ids', '1', '2', '3');
    await raw.mset({ 'app:w_1': '30', 'app:w_2': '10', 'app:w_3': '20', 'app:o_1': 'one', 'app:o_2': 'two', 'app:o_3': 'three' });
    expect(await p.call('SORT', 'ids', 'BY', 'w_*', 'GET', 'o_*', 'GET', '#')).toEqual(['two', '2', 'three', '3', 'one', '1']);
    await p.call('SORT', 'ids', 'BY', 'w_*', 'STORE', 'sorted');
    expect(await raw.lrange('app:sorted', 0, -1)).toEqual(['2', '3', '1']);
  });

  it('xadd takes a Map of fields', async () => {
    const id = await p.xadd('stream', '*', new Map<string, string | number>([['sensor', 'a'], ['temp', 20]]));
    expect(await raw.call('XRANGE', 'app:stream', '-', '+')).toEqual([[id, ['sensor', 'a', 'temp', '20']]]);
  });

  it('duplicate() keeps the prefix; an empty prefix is no prefix', async () => {
    const copy = p.duplicate();
    const none = new Redis({ port: server.port, keyPrefix: '' });
    try {
      await copy.set('dup', '1');
      await none.set('bare', '1');
      expect(await raw.mget('app:dup', 'bare')).toEqual(['1', '1']);
    } finally {
      copy.disconnect();
      none.disconnect();
    }
  });
});
