// Methods generated from the servers' command definitions, against a real server: arguments built from the
// argument trees, replies as the decoder returns them under the default protocol (RESP3).
import { beforeAll, describe, expect, it } from 'vitest';
import { ArgumentError, Redis } from '../../src/index.js';
import { useSharedServer } from '../helpers/shared-server.js';

const shared = useSharedServer();
let r: Redis;
beforeAll(() => ({ r } = shared));

/** The server's version as [major, minor] (HELLO reply); Valkey reports Redis-compatible 7.2 semantics or later. */
function version(): [number, number] {
  const [major, minor] = (r.serverInfo.version ?? '0.0').split('.').map(Number) as [number, number];
  return [major, minor];
}
const atLeast = (major: number, minor: number): boolean => {
  const [a, b] = version();
  return a > major || (a === major && b >= minor);
};
const isValkey = (): boolean => r.serverInfo.server === 'valkey';

describe('generated command methods', () => {
  it('SET takes an options object and keeps its raw form', async () => {
    expect(await r.set('g:set', 'a', { EX: 100, NX: true })).toBe('OK');
    expect(await r.set('g:set', 'b', { EX: 100, NX: true })).toBeNull();
    expect(await r.set('g:set', 'c', { GET: true, KEEPTTL: true })).toBe('a');
    expect(await r.ttl('g:set')).toBeGreaterThan(0);
    expect(await r.set('g:set', 'd', 'XX', 'GET')).toBe('c');
    await expect(r.set('g:set', 'e', { EX: 1, PX: 1000 })).rejects.toThrow(ArgumentError);
    await expect(r.set('g:set', 'e', { NX: 'yes' } as never)).rejects.toThrow(ArgumentError);
    expect(await r.get('g:set')).toBe('d');
  });

  it('hand-declared pass-through commands also take the generated form', async () => {
    await r.rpush('g:lpos', 'a', 'b', 'a', 'a');
    expect(await r.lpos('g:lpos', 'a', 'RANK', 2)).toBe(2);
    expect(await r.lpos('g:lpos', 'a', { RANK: 2, COUNT: 2 })).toEqual([2, 3]);
    await r.zadd('g:zi1', { a: 1, b: 2 });
    await r.zadd('g:zi2', { b: 5 });
    expect(await r.zinterstore('g:zi', ['g:zi1', 'g:zi2'], { AGGREGATE: 'MAX' })).toBe(1);
    expect(await r.zrangeBuffer('g:zi', 0, -1, { WITHSCORES: true })).toEqual([[Buffer.from('b'), 5]]);
    expect(await r.getex('g:lpos:none', { PERSIST: true })).toBeNull();
  });

  it('geoadd / geosearch / geodist', async () => {
    const added = await r.geoadd('g:geo', [
      { longitude: 13.361389, latitude: 38.115556, member: 'Palermo' },
      { longitude: 15.087269, latitude: 37.502669, member: 'Catania' },
    ]);
    expect(added).toBe(2);
    expect(await r.geoadd('g:geo', [{ longitude: 13.361389, latitude: 38.115556, member: 'Palermo' }], { XX: true, CH: true })).toBe(0);
    const near = await r.geosearch('g:geo', { FROMLONLAT: { longitude: 15, latitude: 37 } }, { BYRADIUS: 200, unit: 'km' }, { ASC: true });
    expect(near).toEqual(['Catania', 'Palermo']);
    const box = await r.geosearch('g:geo', { FROMMEMBER: 'Palermo' }, { BYBOX: 400, height: 400, unit: 'km' }, { countBlock: { COUNT: 1 }, ASC: true, WITHDIST: true });
    // Distances come as bulk strings in both protocols (the definition says so too).
    expect(box).toEqual([['Palermo', '0.0000']]);
    expect(Number(await r.geodist('g:geo', 'Palermo', 'Catania', 'km'))).toBeCloseTo(166.27, 1);
  });

  it('setbit / getbit / bitcount / bitfield / bitpos', async () => {
    expect(await r.setbit('g:bits', 7, 1)).toBe(0);
    expect(await r.setbit('g:bits', 7, 1)).toBe(1);
    expect(await r.getbit('g:bits', 7)).toBe(1);
    expect(await r.bitcount('g:bits')).toBe(1);
    expect(await r.bitcount('g:bits', { start: 0, end: 0, BIT: true })).toBe(0);
    expect(await r.bitfield('g:bf', { SET: { encoding: 'u8', offset: 0, value: 200 } }, { GET: { encoding: 'u8', offset: 0 } })).toEqual([0, 200]);
    expect(await r.bitfield('g:bf', { OVERFLOW: 'FAIL', INCRBY: { encoding: 'u8', offset: 0, increment: 100 } })).toEqual([null]);
    expect(await r.bitpos('g:bits', 1)).toBe(7);
  });

  it('pfadd / pfcount / pfmerge', async () => {
    expect(await r.pfadd('g:hll', 'a', 'b', 'c')).toBe(1);
    expect(await r.pfadd('g:hll', 'a')).toBe(0);
    expect(await r.pfcount('g:hll')).toBe(3);
    expect(await r.pfmerge('g:hll2', 'g:hll')).toBe('OK');
    expect(await r.pfcount('g:hll', 'g:hll2')).toBe(3);
  });

  it('lmpop computes numkeys; zunion with WITHSCORES and AGGREGATE', async () => {
    await r.rpush('g:l2', 'x', 'y', 'z');
    expect(await r.lmpop(['g:l1', 'g:l2'], 'LEFT', { COUNT: 2 })).toEqual(['g:l2', ['x', 'y']]);
    expect(await r.lmpop(['g:l1'], 'RIGHT')).toBeNull();
    await r.zadd('g:z1', { a: 1, b: 2 });
    await r.zadd('g:z2', { b: 3, c: 4 });
    expect(await r.zunion(['g:z1', 'g:z2'])).toEqual(['a', 'c', 'b']);
    expect(await r.zunion(['g:z1', 'g:z2'], { AGGREGATE: 'MAX', WITHSCORES: true })).toEqual([
      ['a', 1],
      ['b', 3],
      ['c', 4],
    ]);
    expect(await r.zunion(['g:z1', 'g:z2'], { WEIGHTS: [2, 1] })).toEqual(['a', 'c', 'b']);
  });

  it('lcs, sort and dump/restore (Buffer variant)', async () => {
    await r.mset({ 'g:lcs1': 'ohmytext', 'g:lcs2': 'mynewtext' });
    expect(await r.lcs('g:lcs1', 'g:lcs2')).toBe('mytext');
    expect(await r.lcs('g:lcs1', 'g:lcs2', { LEN: true })).toBe(6);
    await r.rpush('g:sort', '3', '1', '2');
    expect(await r.sort('g:sort', { DESC: true, LIMIT: { offset: 0, count: 2 } })).toEqual(['3', '2']);
    await r.set('g:dump', 'payload');
    const dumped = await r.dumpBuffer('g:dump');
    expect(Buffer.isBuffer(dumped)).toBe(true);
    expect(await r.restore('g:restored', 0, dumped as Buffer, { REPLACE: true })).toBe('OK');
    expect(await r.get('g:restored')).toBe('payload');
  });

  it('function load / fcall / fcallRo', async () => {
    const library = [
      '#!lua name=gentest',
      "redis.register_function{function_name='echo_key', callback=function(keys, args) return redis.call('GET', keys[1]) end, flags={'no-writes'}}",
      "redis.register_function{function_name='ro_len', callback=function(keys, args) return #args end, flags={'no-writes'}}",
    ].join('\n');
    expect(await r.functionLoad(library, { REPLACE: true })).toBe('gentest');
    await r.set('g:fkey', 'hello');
    expect(await r.fcallRo('ro_len', [], 'a', 'b')).toBe(2);
    expect(await r.fcallRo('echo_key', ['g:fkey'])).toBe('hello');
    const listed = await r.functionList({ LIBRARYNAME: 'gentest' });
    expect((listed as { library_name: string }[])[0]?.library_name).toBe('gentest');
    expect(await r.functionDelete('gentest')).toBe('OK');
  });

  it('hexpire / httl on servers that know hash-field expiry', async (context) => {
    if (isValkey() || !atLeast(7, 4)) context.skip();
    await r.hset('g:h', { f1: 'a', f2: 'b' });
    expect(await r.hexpire('g:h', 100, ['f1', 'nope'], { NX: true })).toEqual([1, -2]);
    const ttl = await r.httl('g:h', ['f1', 'f2']);
    expect(ttl[0]).toBeGreaterThan(0);
    expect(ttl[1]).toBe(-1);
  });

  it('queues generated commands on pipelines and MULTI', async () => {
    const p = r.pipeline();
    const added = p.pfadd('g:phll', 'x');
    const counted = p.pfcount('g:phll');
    const bad = p.lmpop([], 'LEFT');
    await expect(p.exec()).rejects.toThrow(ArgumentError);
    await expect(bad).rejects.toThrow(/needs at least one value|required/);
    expect(added.status).toBe('rejected');
    const m = r.multi();
    const bit = m.setbit('g:mbit', 3, 1);
    const count = m.bitcount('g:mbit');
    await m.exec();
    expect([await bit, await count]).toEqual([0, 1]);
    void counted;
  });

  it('refuses bad input before sending: a missing required argument, a non-object options argument', async () => {
    await expect(r.geoadd('g:geo', [{ longitude: 1, member: 'x' } as never])).rejects.toThrow(ArgumentError);
    await expect(r.lmpop(['g:l'], 'LEFT', 'COUNT' as never)).rejects.toThrow(/options argument must be a plain object/);
    await expect(r.lmpop(['g:l'], 'UP' as never)).rejects.toThrow(/does not match/);
  });
});
