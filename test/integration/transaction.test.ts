import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BatchError, CommandOutcomeUnknownError, Redis, ReplyError, WatchError } from '../../src/index.js';
import { startRedisServer, type RedisServerHandle } from '../helpers/redis-server.js';

let server: RedisServerHandle;
let r: Redis;
let other: Redis;

beforeAll(async () => {
  server = await startRedisServer();
  r = new Redis({ port: server.port, poolSize: 4 });
  other = new Redis({ port: server.port });
  await Promise.all([r.connect(), other.connect()]);
});

afterAll(async () => {
  await r?.quit();
  await other?.quit();
  await server?.stop();
});

async function settle<T>(promise: PromiseLike<T>): Promise<unknown> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return error;
  }
}

describe('multi()', () => {
  it('runs atomically, giving each handle its shaped reply, even with concurrent traffic on the shared connection', async () => {
    await r.del('t:h', 't:n');
    const m = r.multi();
    const set = m.hset('t:h', { a: 1, b: 2 });
    const all = m.hgetall('t:h');
    const n = m.incrby('t:n', 1000);
    expect(m.kind).toBe('multi');
    // Same event-loop turn, one write: the batch runs where exec() is called, as one block.
    const noise = Array.from({ length: 50 }, () => r.incr('t:n'));
    const execution = m.exec();
    const more = Array.from({ length: 50 }, () => r.incr('t:n'));
    const replies = await execution;
    expect(replies[0]).toBe(2);
    expect(replies[1]).toEqual({ a: '1', b: '2' });
    expect(await set).toBe(2);
    expect(await all).toEqual({ a: '1', b: '2' });
    expect(await n).toBe(1050); // the 50 sent before exec() ran first, the 50 after ran after
    await Promise.all([...noise, ...more]);
    expect(await r.get('t:n')).toBe('1100');
  });

  it('an empty MULTI sends nothing', async () => {
    const m = r.multi();
    expect(await m.exec()).toEqual([]);
    expect(r.connection.inflightCount + r.connection.queuedCount).toBe(0);
  });

  it('mixes Buffer and string replies', async () => {
    await r.set('t:bin', Buffer.from([0xff, 0x00, 0x41]));
    await r.set('t:text', 'héllo');
    const m = r.multi();
    const bin = m.getBuffer('t:bin');
    const text = m.get('t:text');
    const list = m.hgetall('t:missing');
    await m.exec();
    expect(await bin).toEqual(Buffer.from([0xff, 0x00, 0x41]));
    expect(await text).toBe('héllo');
    expect(await list).toEqual({});
  });

  it('a run-time error rejects its handle and exec() with a BatchError; the rest ran', async () => {
    await r.set('t:str', 'x');
    await r.del('t:after');
    const m = r.multi();
    const bad = m.lpush('t:str', 'y');
    const after = m.incr('t:after');
    const error = await settle(m.exec());
    expect(error).toBeInstanceOf(BatchError);
    expect((error as BatchError).replies[0]).toMatchObject({ code: 'WRONGTYPE', command: 'LPUSH' });
    expect((error as BatchError).replies[1]).toBe(1);
    expect(await settle(bad)).toBeInstanceOf(ReplyError);
    expect(await after).toBe(1);
  });

  it('a command the server refuses to queue aborts everything (EXECABORT)', async () => {
    await r.del('t:abort');
    const m = r.multi();
    const first = m.set('t:abort', '1');
    const unknown = m.call('NOSUCHCOMMAND', 'x');
    const error = await settle(m.exec());
    expect(error).toBeInstanceOf(ReplyError);
    expect((error as ReplyError).code).toBe('EXECABORT');
    expect(await settle(unknown)).toMatchObject({ code: 'ERR' });
    expect(await settle(first)).toMatchObject({ code: 'EXECABORT' });
    expect(await r.exists('t:abort')).toBe(0);
  });

  it('a connection lost before EXEC is answered rejects as outcome-unknown and nothing is re-sent', async () => {
    await r.del('t:lost');
    const victim = new Redis({ port: server.port, reconnectStrategy: 20 });
    await victim.connect();
    const id = victim.serverInfo.id as number;
    expect(id).toBeGreaterThan(0);
    // Writes wait while the server is paused (the INCR, and behind it GET and EXEC); then the connection is killed.
    await other.call('CLIENT', 'PAUSE', 5000, 'WRITE');
    try {
      const m = victim.multi();
      const incr = m.incr('t:lost');
      const get = m.get('t:lost'); // read-only, but inside MULTI: never retried either
      const exec = settle(m.exec());
      while (victim.connection.inflightCount !== 3) await new Promise((resolve) => setTimeout(resolve, 5));
      await other.call('CLIENT', 'KILL', 'ID', id);
      const error = await exec;
      expect(error).toBeInstanceOf(CommandOutcomeUnknownError);
      expect(await settle(incr)).toBe(error);
      expect(await settle(get)).toBe(error);
    } finally {
      await other.call('CLIENT', 'UNPAUSE');
    }
    await victim.ping(); // reconnected
    expect(await victim.get('t:lost')).toBeNull();
    await victim.quit();
  });
});

describe('watch() and transaction()', () => {
  it('exec() rejects with WatchError when a watched key changed, and the connection goes back to the pool', async () => {
    await r.set('t:w', '1');
    const tx = await r.watch('t:w');
    expect(r.pool.idle).toBe(0);
    expect(await tx.get('t:w')).toBe('1');
    await other.set('t:w', '2');
    const m = tx.multi();
    const set = m.set('t:w', 'mine');
    const error = await settle(m.exec());
    expect(error).toBeInstanceOf(WatchError);
    expect(await settle(set)).toBe(error);
    expect(await r.get('t:w')).toBe('2');
    expect(tx.isActive).toBe(false);
    expect(r.pool.idle).toBe(1);
    await expect(tx.get('t:w')).rejects.toMatchObject({ code: 'ECLIENTCLOSED' });
  });

  it('exec() succeeds when nothing changed; unwatch() gives the connection back clean', async () => {
    await r.set('t:w2', '1');
    const tx = await r.watch('t:w2');
    const m = tx.multi();
    m.incr('t:w2');
    expect(await m.exec()).toEqual([2]);

    const tx2 = await r.watch('t:w2');
    await tx2.unwatch();
    await other.set('t:w2', '5'); // changes a key the returned connection no longer watches
    const tx3 = await r.watch('t:other');
    expect(tx3.connection).toBe(tx2.connection); // reused from the pool
    const m3 = tx3.multi();
    m3.incr('t:w2');
    expect(await m3.exec()).toEqual([6]); // a stale WATCH would have made this a WatchError
  });

  it('a reconnect while watching fails the batch with WatchError without sending it (the server forgot the WATCH)', async () => {
    await r.set('t:rc', '1');
    const tx = await r.watch('t:rc');
    const id = Number(await tx.call('CLIENT', 'ID'));
    await other.call('CLIENT', 'KILL', 'ID', id);
    expect(await tx.get('t:rc')).toBe('1'); // a read: re-sent on the new connection
    const m = tx.multi();
    m.set('t:rc', 'stale-write');
    expect(await settle(m.exec())).toBeInstanceOf(WatchError);
    expect(await r.get('t:rc')).toBe('1');
    expect(tx.isActive).toBe(false);
  });

  it('transaction() returns what the function returns, and lets it exec() itself', async () => {
    await r.del('t:self');
    const replies = await r.transaction(async (tx) => {
      const m = tx.multi();
      m.incr('t:self');
      m.incr('t:self');
      return m.exec();
    }, 't:self');
    expect(replies).toEqual([1, 2]);
    // exec(...handles): the function returns the handles' replies, typed.
    const [count, value] = await r.transaction(async (tx) => {
      const m = tx.multi();
      return m.exec(m.incr('t:self'), m.get('t:self'));
    }, 't:self');
    expect([count, value]).toEqual([3, '3']);
  });

  it('transaction() re-runs the function on WatchError, up to maxRetries', async () => {
    await r.set('t:retry', '0');
    let runs = 0;
    const value = await r.transaction(async (tx) => {
      runs++;
      const current = Number(await tx.get('t:retry'));
      if (runs < 3) await other.incr('t:retry'); // someone else writes between our read and EXEC
      const m = tx.multi();
      m.set('t:retry', current * 10);
      return runs;
    }, 't:retry');
    expect(value).toBe(3);
    expect(await r.get('t:retry')).toBe('20');

    let attempts = 0;
    const exhausted = await settle(
      r.transaction(
        async (tx) => {
          attempts++;
          await other.incr('t:retry');
          tx.multi().set('t:retry', 'never');
        },
        { watch: ['t:retry'], maxRetries: 2 },
      ),
    );
    expect(exhausted).toBeInstanceOf(WatchError);
    expect(attempts).toBe(3);
    expect(r.pool.waiting).toBe(0);
  });

  it('an error thrown by the function ends the transaction (UNWATCH) and propagates', async () => {
    const boom = new Error('boom');
    const before = r.pool.total;
    expect(await settle(r.transaction(() => Promise.reject(boom), 't:x'))).toBe(boom);
    expect(r.pool.total).toBe(before);
    expect(r.pool.idle).toBe(r.pool.total);
  });

  it("the tutorial's buyitem: 10 concurrent buyers never oversell, and purchases add up", async () => {
    class OutOfStockError extends Error {}
    const itemId = 't:hat:56854717';
    await r.hset(itemId, { color: 'green', price: 99.99, style: 'baseball', quantity: 25, npurchased: 0 });
    let watchErrors = 0;
    async function buyItem(): Promise<void> {
      let attempt = 0;
      await r.transaction(
        async (tx) => {
          if (attempt++ > 0) watchErrors++;
          const left = Number(await tx.hget(itemId, 'quantity'));
          if (!(left > 0)) throw new OutOfStockError(`Sorry, ${itemId} is out of stock!`);
          await new Promise((resolve) => setTimeout(resolve, 1)); // "payment": lets other buyers interleave
          const m = tx.multi();
          m.hincrby(itemId, 'quantity', -1);
          m.hincrby(itemId, 'npurchased', 1);
        },
        { watch: [itemId], maxRetries: 1000 },
      );
    }
    const bought = await Promise.all(
      Array.from({ length: 10 }, async () => {
        let mine = 0;
        for (;;) {
          try {
            await buyItem();
            mine++;
          } catch (error) {
            if (error instanceof OutOfStockError) return mine;
            throw error;
          }
        }
      }),
    );
    expect(bought.reduce((a, b) => a + b, 0)).toBe(25);
    expect(await r.hmget(itemId, 'quantity', 'npurchased')).toEqual(['0', '25']);
    expect(r.pool.total).toBeLessThanOrEqual(4);
    expect(r.pool.idle).toBe(r.pool.total);
    console.log(`buyitem: 10 buyers over a pool of 4, ${watchErrors} WatchError retries for 25 purchases`);
  });
});
