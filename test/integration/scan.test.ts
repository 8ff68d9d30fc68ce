import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ArgumentError, Redis } from '../../src/index.js';
import { startRedisServer, type RedisServerHandle } from '../helpers/redis-server.js';

let server: RedisServerHandle;
let r: Redis;

beforeAll(async () => {
  server = await startRedisServer();
  r = new Redis({ port: server.port, db: 3 });
  await r.connect();
  const pipe = r.pipeline();
  for (let i = 0; i < 1000; i++) pipe.set(`scan:key:${i}`, i);
  for (let i = 0; i < 20; i++) pipe.sadd('scan:other-type', `m${i}`);
  // Large enough to leave the compact encodings, so HSCAN/SSCAN/ZSCAN really page.
  for (let i = 0; i < 600; i++) pipe.hset('scan:hash', `f${i}`, `v${i}`);
  for (let i = 0; i < 600; i++) pipe.sadd('scan:set', `s${i}`);
  for (let i = 0; i < 600; i++) pipe.zadd('scan:zset', i / 2, `z${i}`);
  await pipe.exec();
});

afterAll(async () => {
  await r?.quit();
  await server?.stop();
});

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

describe('scan iterators', () => {
  it('scanIter follows the cursor to the end, one SCAN per page, with MATCH / COUNT / TYPE', async () => {
    const sent = vi.spyOn(r, 'sendCommand');
    try {
      const keys = await collect(r.scanIter({ match: 'scan:key:*', count: 100 }));
      expect(new Set(keys).size).toBe(1000);
      expect(keys.every((key) => key.startsWith('scan:key:'))).toBe(true);
      expect(sent.mock.calls.length).toBeGreaterThan(5); // really paged
      expect(sent.mock.calls.every(([name]) => name === 'SCAN')).toBe(true);
      expect(sent.mock.calls[0]?.[1]).toEqual(['0', 'MATCH', 'scan:key:*', 'COUNT', 100]);
    } finally {
      sent.mockRestore();
    }
    expect(await collect(r.scanIter({ type: 'set', match: 'scan:*' }))).toEqual(expect.arrayContaining(['scan:other-type', 'scan:set']));
    expect(await collect(r.scanIter({ type: 'set', match: 'scan:*' }))).toHaveLength(2);
    expect(await collect(r.scanIter({ match: 'nothing:*' }))).toEqual([]);
  });

  it('hscanIter yields [field, value] pairs; sscanIter members; zscanIter { member, score }', async () => {
    const entries = await collect(r.hscanIter('scan:hash', { count: 50 }));
    expect(Object.fromEntries(entries)).toEqual(Object.fromEntries(Array.from({ length: 600 }, (_, i) => [`f${i}`, `v${i}`])));
    expect(await collect(r.hscanIter('scan:hash', { match: 'f59?' }))).toEqual(
      expect.arrayContaining([['f590', 'v590'], ['f599', 'v599']]),
    );

    const members = await collect(r.sscanIter('scan:set', { count: 50 }));
    expect(new Set(members)).toEqual(new Set(Array.from({ length: 600 }, (_, i) => `s${i}`)));

    const scored = await collect(r.zscanIter('scan:zset', { count: 50 }));
    expect(scored).toHaveLength(600);
    expect(scored.find((m) => m.member === 'z7')).toEqual({ member: 'z7', score: 3.5 });
    expect(await collect(r.zscanIter('scan:missing'))).toEqual([]);
  });

  it('can stop early, and validates options at the first step', async () => {
    let seen = 0;
    for await (const _key of r.scanIter({ match: 'scan:key:*', count: 10 })) if (++seen === 3) break;
    expect(seen).toBe(3);
    await expect(collect(r.scanIter({ count: 0 }))).rejects.toBeInstanceOf(ArgumentError);
    await expect(collect(r.sscanIter('scan:set', { match: 5 as unknown as string }))).rejects.toBeInstanceOf(ArgumentError);
    await expect(collect(r.hscanIter('scan:set'))).rejects.toMatchObject({ code: 'WRONGTYPE' });
  });
});

describe('scan iterators over RESP2', () => {
  it('zscanIter parses RESP2 text scores (including inf)', async () => {
    const r2 = new Redis({ port: server.port, db: 3, protocol: 2 });
    try {
      await r2.zadd('scan:inf', '+inf', 'top', '-1.25', 'low');
      expect(await collect(r2.zscanIter('scan:inf'))).toEqual([
        { member: 'low', score: -1.25 },
        { member: 'top', score: Infinity },
      ]);
    } finally {
      await r2.quit();
    }
  });
});
