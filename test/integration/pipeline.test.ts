import { Socket } from 'node:net';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ArgumentError, BatchError, Deferred, Redis, ReplyError, type Batch } from '../../src/index.js';
import { useSharedServer } from '../helpers/shared-server.js';

const shared = useSharedServer();
let r: Redis;
beforeAll(() => ({ r } = shared));

/** Counts socket writes made while `fn` runs (all sockets of this process). */
async function countWrites<T>(fn: () => Promise<T>): Promise<{ writes: number; value: T }> {
  const spy = vi.spyOn(Socket.prototype, 'write');
  try {
    const value = await fn();
    return { writes: spy.mock.calls.length, value };
  } finally {
    spy.mockRestore();
  }
}

describe('pipeline', () => {
  it('returns deferred handles that settle on exec, with typed replies, in order', async () => {
    await r.del('p:h', 'p:n', 'p:z');
    const p = r.pipeline();
    const set = p.hset('p:h', { name: 'Ada', visits: 1 });
    const all = p.hgetall('p:h');
    const n = p.incrby('p:n', 5);
    p.zadd('p:z', 1, 'a', 2, 'b');
    const scored = p.zrangeWithScores('p:z', 0, -1);
    const buf = p.hgetBuffer('p:h', 'name');
    expect(set.status).toBe('pending');
    expect(() => n.result).toThrow(/not been executed/);
    expect(p.length).toBe(6);
    expect(p.commands.map((c) => c.name)).toEqual(['HSET', 'HGETALL', 'INCRBY', 'ZADD', 'ZRANGE', 'HGET']);
    expect(p.commands[2]?.args).toEqual(['p:n', 5]);
    expect(p.kind).toBe('pipeline');

    const replies = await p.exec();
    expect(replies).toEqual([2, { name: 'Ada', visits: '1' }, 5, 2, [{ member: 'a', score: 1 }, { member: 'b', score: 2 }], Buffer.from('Ada')]);
    expect(await set).toBe(2);
    expect(await all).toEqual({ name: 'Ada', visits: '1' });
    expect(n.result).toBe(5);
    expect(n.status).toBe('fulfilled');
    expect(await buf).toEqual(Buffer.from('Ada'));
    expect(scored.result).toEqual([{ member: 'a', score: 1 }, { member: 'b', score: 2 }]);
  });

  it('sends the whole batch in one socket write, and an empty batch sends nothing', async () => {
    const p = r.pipeline();
    const handles = Array.from({ length: 200 }, (_, i) => p.set(`p:one:${i}`, i));
    const { writes, value } = await countWrites(() => p.exec());
    expect(writes).toBe(1);
    expect(value).toHaveLength(200);
    expect(await handles[199]).toBe('OK');

    const empty = await countWrites(() => r.pipeline().exec());
    expect(empty.value).toEqual([]);
    expect(empty.writes).toBe(0);
    expect(r.connection.inflightCount).toBe(0);
  });

  it('rejects exec() with a BatchError holding every reply in place; each handle settles on its own', async () => {
    await r.set('p:str', 'x');
    const p = r.pipeline();
    const first = p.incr('p:count');
    const bad = p.lpush('p:str', 'oops'); // WRONGTYPE
    const last = p.get('p:str');
    const error = await p.exec().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BatchError);
    const replies = (error as BatchError).replies;
    expect(replies).toHaveLength(3);
    expect(typeof replies[0]).toBe('number');
    expect(replies[1]).toBeInstanceOf(ReplyError);
    expect((replies[1] as ReplyError).code).toBe('WRONGTYPE');
    expect((replies[1] as ReplyError).command).toBe('LPUSH');
    expect(replies[2]).toBe('x');
    expect(await first).toBe(replies[0]);
    await expect(bad).rejects.toMatchObject({ code: 'WRONGTYPE' });
    expect(() => bad.result).toThrow(ReplyError);
    expect(await last).toBe('x');
  });

  it('a failed handle nobody awaits is not an unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      await r.set('p:str2', 'x');
      const p = r.pipeline();
      p.lpush('p:str2', 'oops'); // its handle is dropped on the floor
      p.incr('p:str2');
      await expect(p.exec()).rejects.toBeInstanceOf(BatchError);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('bad arguments fail at queue time and nothing is sent', async () => {
    await r.del('p:never');
    const p = r.pipeline();
    const fine = p.set('p:never', 'v');
    const bad = p.set('p:never2', { not: 'an arg' } as unknown as string);
    expect(bad.status).toBe('rejected');
    await expect(bad).rejects.toBeInstanceOf(ArgumentError);
    const badCall = p.call('  ');
    await expect(badCall).rejects.toBeInstanceOf(ArgumentError);
    const { writes, value } = await countWrites(() => p.exec().catch((e: unknown) => e));
    expect(value).toBeInstanceOf(ArgumentError);
    expect(writes).toBe(0);
    await expect(fine).rejects.toBeInstanceOf(ArgumentError);
    expect(await r.exists('p:never')).toBe(0);
  });

  it('cannot be executed twice or extended after exec', async () => {
    const p = r.pipeline();
    p.ping();
    await p.exec();
    await expect(p.exec()).rejects.toMatchObject({ code: 'EBATCHEXECUTED' });
    await expect(p.ping()).rejects.toMatchObject({ code: 'EBATCHEXECUTED' });
  });

  it('call() and callBuffer() queue any command', async () => {
    const p = r.pipeline();
    const echo = p.call('ECHO', 'hi');
    const echoBuf = p.callBuffer('ECHO', 'hi');
    const sub = p.call('CONFIG GET', 'maxmemory-policy');
    await p.exec();
    expect(await echo).toBe('hi');
    expect(await echoBuf).toEqual(Buffer.from('hi'));
    expect(await sub).toBeTruthy();
  });

  it('nests like redpipe: functions queue onto an optional parent and return handles', async () => {
    // A reusable building block: pipelined with the caller's batch when given one, standalone otherwise.
    function incrementAndExpire(key: string, parent?: Batch): Deferred<number> {
      const p = r.pipeline(parent);
      const count = p.incrby(key, 1);
      p.expire(key, 60);
      p.exec().catch(() => undefined); // nested: runs with the parent; standalone: runs now (failures reach `count`)
      return count;
    }
    await r.del(...Array.from({ length: 100 }, (_, i) => `p:nest:${i}`));
    const root = r.pipeline();
    const refs = Array.from({ length: 100 }, (_, i) => incrementAndExpire(`p:nest:${i}`, root));
    const child = r.pipeline(root);
    const childGet = child.get('p:nest:0');
    const childReplies = child.exec();
    expect(root.length).toBe(201);
    expect(child.length).toBe(1);
    expect(refs[0]?.status).toBe('pending');
    const { writes, value } = await countWrites(() => root.exec());
    expect(writes).toBe(1);
    expect(value).toHaveLength(201);
    expect(refs.map((ref) => ref.result)).toEqual(Array.from({ length: 100 }, () => 1));
    expect(await childGet).toBe('1');
    expect(await childReplies).toEqual(['1']);
    expect(await r.ttl('p:nest:99')).toBeGreaterThan(0);

    // Standalone, the same function runs its own batch.
    expect(await incrementAndExpire('p:nest:0')).toBe(2);
  });

  it('exec(...handles) runs the whole batch in one write and resolves to those handles\' values', async () => {
    await r.del('p:t:k', 'p:t:n');
    const p = r.pipeline();
    p.set('p:t:k', 'v'); // queued, run, not among the handles
    const { writes, value } = await countWrites(() => p.exec(p.get('p:t:k'), p.incr('p:t:n'), p.hgetall('p:t:none')));
    expect(writes).toBe(1);
    expect(value).toEqual(['v', 1, {}]);
    expect(p.isExecuted).toBe(true);
    // The same on MULTI (atomic), on a nested pipeline (its own handles, sent with the root) and with none given.
    const m = r.multi();
    expect(await m.exec(m.incr('p:t:n'), m.incrby('p:t:n', 10))).toEqual([2, 12]);
    const root = r.pipeline();
    const child = r.pipeline(root);
    const nested = child.exec(child.get('p:t:n'));
    await root.exec();
    expect(await nested).toEqual(['12']);
  });

  it('exec(...handles) rejects as exec() does when any command failed, and refuses a foreign handle before sending', async () => {
    await r.set('p:t:s', 'text');
    const p = r.pipeline();
    const failed = await p.exec(p.get('p:t:s'), p.incr('p:t:s')).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(BatchError);
    expect((failed as BatchError).replies[0]).toBe('text');

    const other = r.pipeline();
    const foreign = other.get('p:t:s');
    const q = r.pipeline();
    const own = q.get('p:t:s');
    const { writes, value } = await countWrites(() => q.exec(own, foreign).catch((e: unknown) => e));
    expect(value).toBeInstanceOf(ArgumentError);
    expect((value as Error).message).toMatch(/argument 2 was not queued on this batch/);
    expect(writes).toBe(0);
    expect(q.isExecuted).toBe(false); // nothing ran: the batch can still be executed
    expect(await q.exec()).toEqual(['text']);
    await expect(q.exec(own)).rejects.toMatchObject({ code: 'EBATCHEXECUTED' });
    // A handle refused at queue time (bad arguments) is not an error of its own: exec() fails with its ArgumentError, sending nothing.
    const bad = r.pipeline();
    const refused = await countWrites(() => bad.exec(bad.get('p:t:s'), bad.set('p:t:s', { not: 'an arg' } as unknown as string)).catch((e: unknown) => e));
    expect(refused.value).toBeInstanceOf(ArgumentError);
    expect((refused.value as Error).message).not.toMatch(/not queued/);
    expect(refused.writes).toBe(0);
    const notHandle = r.pipeline();
    notHandle.ping();
    await expect(notHandle.exec('PONG' as unknown as Deferred<string>)).rejects.toThrow(/argument 1 is not a handle/);
    other.exec().catch(() => undefined);
  });

  it('a nested pipeline joins a MULTI parent, inside the transaction', async () => {
    await r.del('p:m');
    const m = r.multi();
    m.set('p:m', 'a');
    const nested = r.pipeline(m);
    const appended = nested.append('p:m', 'b');
    expect(nested.kind).toBe('multi');
    const replies = await m.exec();
    expect(replies).toEqual(['OK', 2]);
    expect(await appended).toBe(2);
  });
});
