import { beforeAll, describe, expect, it } from 'vitest';
import { ArgumentError, Redis, ReplyError } from '../../src/index.js';
import type { RedisServerHandle } from '../helpers/redis-server.js';
import { useSharedServer } from '../helpers/shared-server.js';

const shared = useSharedServer();
let server: RedisServerHandle;
let r: Redis;
beforeAll(() => ({ server, r } = shared));

describe('strings', () => {
  it('set/get/getBuffer/mget/mset/incr family', async () => {
    expect(await r.set('s:foo', 'bar')).toBe('OK');
    expect(await r.get('s:foo')).toBe('bar');
    expect(await r.get('s:missing')).toBeNull();
    expect(await r.getBuffer('s:foo')).toEqual(Buffer.from('bar'));
    expect(await r.set('s:foo', 'baz', 'NX')).toBeNull();
    expect(await r.set('s:foo', 'qux', 'GET')).toBe('bar');
    expect(await r.mset({ 's:a': '1', 's:b': 2 })).toBe('OK');
    expect(await r.mget('s:a', 's:b', 's:none')).toEqual(['1', '2', null]);
    expect(await r.msetnx('s:a', 'x', 's:c', 'y')).toBe(false);
    expect(await r.incr('s:n')).toBe(1);
    expect(await r.incrby('s:n', 10)).toBe(11);
    expect(await r.decr('s:n')).toBe(10);
    expect(await r.decrby('s:n', 5)).toBe(5);
    expect(await r.incrbyfloat('s:n', 0.5)).toBe(5.5);
    expect(await r.append('s:foo', '!')).toBe(4);
    expect(await r.strlen('s:foo')).toBe(4);
    expect(await r.getrange('s:foo', 0, 1)).toBe('qu');
    expect(await r.setnx('s:foo', 'x')).toBe(false);
    expect(await r.getdel('s:foo')).toBe('qux!');
    expect(await r.exists('s:foo')).toBe(0);
  });

  it('is binary safe and UTF-8 correct', async () => {
    const binary = Buffer.from([0, 1, 2, 13, 10, 255, 254, 36, 42]);
    await r.set(Buffer.from('s:bin'), binary);
    expect(await r.getBuffer('s:bin')).toEqual(binary);
    const text = 'héllo wörld ✓ 🚀\r\n$5\r\n';
    await r.set('s:utf8', text);
    expect(await r.get('s:utf8')).toBe(text);
    expect(await r.strlen('s:utf8')).toBe(Buffer.byteLength(text));
    const big = 'x'.repeat(3 * 1024 * 1024);
    await r.set('s:big', big);
    expect(await r.get('s:big')).toBe(big);
  });
});

describe('keys and expiry', () => {
  it('expire, expireat with Date and seconds, ttl, pttl, persist, setex, psetex', async () => {
    await r.set('k:e', 'v');
    expect(await r.ttl('k:e')).toBe(-1);
    expect(await r.ttl('k:nothing')).toBe(-2);
    expect(await r.expire('k:e', 100)).toBe(true);
    expect(await r.ttl('k:e')).toBeGreaterThan(95);
    expect(await r.pttl('k:e')).toBeGreaterThan(95_000);
    expect(await r.persist('k:e')).toBe(true);
    expect(await r.ttl('k:e')).toBe(-1);
    expect(await r.expireat('k:e', new Date(Date.now() + 50_000))).toBe(true);
    const ttl = await r.ttl('k:e');
    expect(ttl).toBeGreaterThan(45);
    expect(ttl).toBeLessThanOrEqual(50);
    expect(await r.expireat('k:e', Math.floor(Date.now() / 1000) + 200)).toBe(true);
    expect(await r.ttl('k:e')).toBeGreaterThan(190);
    expect(await r.pexpireat('k:e', new Date(Date.now() + 30_000))).toBe(true);
    expect(await r.pttl('k:e')).toBeLessThanOrEqual(30_000);
    expect(await r.setex('k:sx', 10, 'v')).toBe('OK');
    expect(await r.ttl('k:sx')).toBeGreaterThan(8);
    expect(await r.psetex('k:psx', 10_000, 'v')).toBe('OK');
    expect(await r.pttl('k:psx')).toBeGreaterThan(9_000);
    expect(await r.expire('k:nothing', 10)).toBe(false);
    await expect(r.expireat('k:e', new Date('invalid'))).rejects.toBeInstanceOf(ArgumentError);
  });

  it('del, exists, type, rename, keys, scan', async () => {
    await r.mset({ 'k:1': 'a', 'k:2': 'b' });
    expect(await r.exists('k:1', 'k:2', 'k:3')).toBe(2);
    expect(await r.type('k:1')).toBe('string');
    expect(await r.rename('k:1', 'k:1b')).toBe('OK');
    expect((await r.keys('k:?b')).sort()).toEqual(['k:1b']);
    const seen = new Set<string>();
    let cursor = '0';
    do {
      const page = await r.scan(cursor, 'MATCH', 'k:*', 'COUNT', 2);
      page.items.forEach((k) => seen.add(k));
      cursor = page.cursor;
    } while (cursor !== '0');
    expect(seen.has('k:2')).toBe(true);
    expect(await r.del('k:1b', 'k:2')).toBe(2);
  });
});

describe('hashes', () => {
  it('hset object and pairs, hgetall → object, hmget, hincrby', async () => {
    expect(await r.hset('h:1', { name: 'hat', price: 10 })).toBe(2);
    expect(await r.hset('h:1', 'color', 'red')).toBe(1);
    expect(await r.hgetall('h:1')).toEqual({ name: 'hat', price: '10', color: 'red' });
    expect(await r.hgetallBuffer('h:1')).toEqual({ name: Buffer.from('hat'), price: Buffer.from('10'), color: Buffer.from('red') });
    expect(await r.hgetall('h:none')).toEqual({});
    expect(await r.hget('h:1', 'name')).toBe('hat');
    expect(await r.hmget('h:1', 'name', 'nope')).toEqual(['hat', null]);
    expect(await r.hincrby('h:1', 'price', 5)).toBe(15);
    expect(await r.hincrbyfloat('h:1', 'price', 0.25)).toBe(15.25);
    expect(await r.hexists('h:1', 'color')).toBe(true);
    expect(await r.hsetnx('h:1', 'color', 'blue')).toBe(false);
    expect((await r.hkeys('h:1')).sort()).toEqual(['color', 'name', 'price']);
    expect(await r.hlen('h:1')).toBe(3);
    expect(await r.hdel('h:1', 'color')).toBe(1);
    await expect(r.hset('h:1', 'odd')).rejects.toBeInstanceOf(ArgumentError);
  });
});

describe('lists', () => {
  it('push, pop, range, blocking pops', async () => {
    expect(await r.rpush('l:1', 'a', 'b', 'c')).toBe(3);
    expect(await r.lpush('l:1', 'z')).toBe(4);
    expect(await r.lrange('l:1', 0, -1)).toEqual(['z', 'a', 'b', 'c']);
    expect(await r.lrangeBuffer('l:1', 0, 0)).toEqual([Buffer.from('z')]);
    expect(await r.llen('l:1')).toBe(4);
    expect(await r.lindex('l:1', 1)).toBe('a');
    expect(await r.lpop('l:1')).toBe('z');
    expect(await r.rpop('l:1', 2)).toEqual(['c', 'b']);
    expect(await r.lmove('l:1', 'l:2', 'LEFT', 'RIGHT')).toBe('a');
    expect(await r.blpop(['l:empty', 'l:2'], 1)).toEqual({ key: 'l:2', element: 'a' });
    expect(await r.brpop('l:empty', 0.1)).toBeNull();
  });
});

describe('sets', () => {
  it('sadd, smembers, sismember, set algebra', async () => {
    expect(await r.sadd('set:1', 'a', 'b', 'c')).toBe(3);
    await r.sadd('set:2', 'b', 'c', 'd');
    expect((await r.smembers('set:1')).sort()).toEqual(['a', 'b', 'c']);
    expect(await r.sismember('set:1', 'a')).toBe(true);
    expect(await r.smismember('set:1', 'a', 'z')).toEqual([true, false]);
    expect((await r.sinter('set:1', 'set:2')).sort()).toEqual(['b', 'c']);
    expect((await r.sunion('set:1', 'set:2')).sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(await r.sdiff('set:1', 'set:2')).toEqual(['a']);
    expect(await r.scard('set:1')).toBe(3);
    expect(await r.srem('set:1', 'a')).toBe(1);
  });
});

describe('sorted sets', () => {
  it('zadd forms, WITHSCORES → typed pairs, pops', async () => {
    expect(await r.zadd('z:1', { a: 1, b: 2.5 })).toBe(2);
    expect(await r.zadd('z:1', 3, 'c')).toBe(1);
    expect(await r.zadd('z:1', [{ member: 'd', score: -1 }])).toBe(1);
    expect(await r.zrange('z:1', 0, -1)).toEqual(['d', 'a', 'b', 'c']);
    expect(await r.zrangeWithScores('z:1', 0, 1)).toEqual([
      { member: 'd', score: -1 },
      { member: 'a', score: 1 },
    ]);
    expect(await r.zrevrangeWithScores('z:1', 0, 0)).toEqual([{ member: 'c', score: 3 }]);
    expect(await r.zrangebyscoreWithScores('z:1', 2, '+inf')).toEqual([
      { member: 'b', score: 2.5 },
      { member: 'c', score: 3 },
    ]);
    expect(await r.zscore('z:1', 'b')).toBe(2.5);
    expect(await r.zscore('z:1', 'none')).toBeNull();
    expect(await r.zincrby('z:1', 1, 'a')).toBe(2);
    expect(await r.zrank('z:1', 'a')).toBe(1);
    expect(await r.zcard('z:1')).toBe(4);
    expect(await r.zcount('z:1', '-inf', '+inf')).toBe(4);
    expect(await r.zpopmin('z:1')).toEqual([{ member: 'd', score: -1 }]);
    expect(await r.zpopmax('z:1', 2)).toEqual([
      { member: 'c', score: 3 },
      { member: 'b', score: 2.5 },
    ]);
    expect(await r.bzpopmin('z:1', 1)).toEqual({ key: 'z:1', member: 'a', score: 2 });
    await r.zadd('z:inf', { top: Infinity });
    expect(await r.zscore('z:inf', 'top')).toBe(Infinity);
  });
});

describe('streams', () => {
  it('xadd, xrange, xread, consumer groups', async () => {
    const id1 = await r.xadd('x:1', '*', { sensor: 'a', temp: 20 });
    const id2 = await r.xadd('x:1', '*', ['sensor', 'b', 'temp', '21'], { maxlen: 1000 });
    expect(typeof id1).toBe('string');
    expect(await r.xlen('x:1')).toBe(2);
    const entries = await r.xrange('x:1');
    expect(entries).toEqual([
      { id: id1, fields: { sensor: 'a', temp: '20' } },
      { id: id2, fields: { sensor: 'b', temp: '21' } },
    ]);
    expect(await r.xrevrange('x:1', '+', '-', 1)).toEqual([{ id: id2, fields: { sensor: 'b', temp: '21' } }]);
    const read = await r.xread({ 'x:1': '0' }, { count: 1 });
    expect(read).toEqual([{ stream: 'x:1', entries: [{ id: id1, fields: { sensor: 'a', temp: '20' } }] }]);
    expect(await r.xread({ 'x:1': '$' }, { block: 50 })).toBeNull();
    expect(await r.xgroupCreate('x:1', 'g1', '0')).toBe('OK');
    const group = await r.xreadgroup('g1', 'c1', { 'x:1': '>' }, { count: 10 });
    expect(group?.[0]?.entries.map((e) => e.id)).toEqual([id1, id2]);
    expect(await r.xack('x:1', 'g1', id1 as string, id2 as string)).toBe(2);
    expect(await r.xgroupCreate('x:new', 'g', '$', { mkstream: true })).toBe('OK');
    expect(await r.xgroupDestroy('x:new', 'g')).toBe(true);
    const info = await r.xinfoStream('x:1');
    expect(info.length).toBe(2);
  });
});

describe('pub/sub publish, scripting, server', () => {
  it('publish returns the receiver count', async () => {
    expect(await r.publish('chan', 'hello')).toBe(0);
  });

  it('eval, evalsha, script load/exists/flush, NOSCRIPT code', async () => {
    expect(await r.eval("return {KEYS[1], ARGV[1]}", ['k'], ['v'])).toEqual(['k', 'v']);
    const sha = await r.scriptLoad('return 42');
    expect(await r.evalsha(sha)).toBe(42);
    expect(await r.scriptExists(sha, 'ffffffffffffffffffffffffffffffffffffffff')).toEqual([true, false]);
    expect(await r.scriptFlush()).toBe('OK');
    const error = await r.evalsha(sha).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReplyError);
    expect((error as ReplyError).code).toBe('NOSCRIPT');
    expect((error as ReplyError).name).toBe('ReplyError');
  });

  it('ping, echo, info, dbsize, flushdb, bgsave/lastsave, config get/set, time', async () => {
    expect(await r.ping()).toBe('PONG');
    expect(await r.ping('hi')).toBe('hi');
    expect(await r.echo('hey')).toBe('hey');
    expect(await r.info('server')).toMatch(/redis_version:/);
    const before = await r.lastsave();
    expect(before).toBeInstanceOf(Date);
    expect(await r.bgsave()).toMatch(/Background saving started/);
    expect(await r.configGet('maxmemory-policy')).toEqual({ 'maxmemory-policy': 'noeviction' });
    expect(await r.configSet({ 'maxmemory-policy': 'allkeys-lru' })).toBe('OK');
    expect(await r.configGet('maxmemory-policy')).toEqual({ 'maxmemory-policy': 'allkeys-lru' });
    await r.configSet('maxmemory-policy', 'noeviction');
    const time = await r.time();
    expect(Math.abs(time.seconds - Date.now() / 1000)).toBeLessThan(5);
    expect(await r.dbsize()).toBeGreaterThan(0);
  });

  it('call() reaches every command of the server', async () => {
    expect(await r.call('OBJECT', 'ENCODING', 's:a')).toBe('int');
    expect(await r.call('object encoding', 's:a')).toBe('int');
    const names = (await r.call('COMMAND', 'LIST')) as string[];
    expect(names.length).toBeGreaterThan(200);
    expect(await r.callBuffer('GET', 's:a')).toEqual(Buffer.from('1'));
  });

  it('server errors are ReplyErrors with a parsed code', async () => {
    await r.set('s:str', 'x');
    const error = await r.lpush('s:str', 'x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReplyError);
    expect((error as ReplyError).code).toBe('WRONGTYPE');
    expect((error as ReplyError).command).toBe('LPUSH');
    const unknown = await r.call('NOSUCHCOMMAND').catch((e: unknown) => e);
    expect((unknown as ReplyError).code).toBe('ERR');
  });

  it('rejects bad argument types with a TypeError naming command and position, sending nothing', async () => {
    const before = Number(/total_commands_processed:(\d+)/.exec(await server.cli('INFO', 'stats'))?.[1]);
    const error = await r.set('k', {} as unknown as string).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toMatch(/SET.*argument 2/);
    await expect(r.get(undefined as unknown as string)).rejects.toThrow(/GET.*argument 1/);
    await expect(r.call('SET', 'k', null as unknown as string)).rejects.toBeInstanceOf(TypeError);
    const after = Number(/total_commands_processed:(\d+)/.exec(await server.cli('INFO', 'stats'))?.[1]);
    expect(after - before).toBe(1); // only the INFO of the second cli call
  });

  it('select follows the database, flushdb empties only it', async () => {
    const c = new Redis({ port: server.port, db: 3 });
    await c.set('db3', 'x');
    expect(c.db).toBe(3);
    expect(await r.get('db3')).toBeNull();
    await c.select(4);
    expect(c.db).toBe(4);
    expect(await c.get('db3')).toBeNull();
    await c.select(3);
    expect(await c.flushdb()).toBe('OK');
    expect(await c.dbsize()).toBe(0);
    await c.quit();
  });
});
