// createPool(): a pool users hold, lending one whole connection per caller.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArgumentError, ClientClosedError, createPool, Redis, WatchError, type RedisPool } from '../../src/index.js';
import { startRedisServer, type RedisServerHandle } from '../helpers/redis-server.js';

let server: RedisServerHandle;
let pool: RedisPool;
let r: Redis;

beforeAll(async () => {
  server = await startRedisServer();
  pool = createPool({ port: server.port, poolSize: 2 });
  r = new Redis({ port: server.port });
  await r.connect();
});

afterAll(async () => {
  await pool?.close();
  await r?.quit();
  await server?.stop();
});

describe('createPool', () => {
  it('execute() lends a connection for the duration of fn and returns its result', async () => {
    const result = await pool.execute(async (client) => {
      await client.set('pool:k', 'v');
      return client.get('pool:k');
    });
    expect(result).toBe('v');
    expect(pool.idle).toBe(1);
    expect(pool.total).toBe(1);
  });

  it('opens at most poolSize connections; further callers wait their turn (FIFO)', async () => {
    const a = await pool.acquire();
    const b = await pool.acquire();
    expect(pool.total).toBe(2);
    const order: string[] = [];
    const c = pool.acquire().then((client) => {
      order.push('c');
      return client;
    });
    const d = pool.acquire().then((client) => {
      order.push('d');
      return client;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(pool.waiting).toBe(2);
    pool.release(a);
    pool.release(b);
    const [cc, dc] = await Promise.all([c, d]);
    expect(order).toEqual(['c', 'd']);
    expect(pool.total).toBe(2);
    pool.release(cc);
    pool.release(dc);
  });

  it('a released client refuses further commands (its connection may be lent to someone else)', async () => {
    const client = await pool.acquire();
    pool.release(client);
    await expect(client.get('x')).rejects.toBeInstanceOf(ClientClosedError);
    pool.release(client); // idempotent
  });

  it('execute() releases the connection when fn throws', async () => {
    await expect(
      pool.execute(async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(pool.waiting).toBe(0);
    expect(await pool.execute((client) => client.ping())).toBe('PONG');
  });

  it('a blocking command blocks only its own lent connection', async () => {
    const popping = pool.execute((client) => client.blpop('pool:list', 0));
    await r.rpush('pool:list', 'item');
    expect(await popping).toEqual({ key: 'pool:list', element: 'item' });
  });

  it('WATCH + MULTI on a lent connection: a concurrent change makes exec() fail with WatchError', async () => {
    await r.set('pool:watched', '1');
    const error = await pool
      .execute(async (client) => {
        await client.watch('pool:watched');
        await r.set('pool:watched', '2'); // another client changes it
        const multi = client.multi();
        multi.set('pool:watched', '3');
        return multi.exec();
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WatchError);
    expect(await r.get('pool:watched')).toBe('2');
  });

  it('a connection released with a WATCH still open is closed, not lent to the next caller', async () => {
    const client = await pool.acquire();
    await client.watch('pool:leak');
    const connection = client.connection;
    pool.release(client);
    expect(connection.status).toBe('end');
    // The next caller's MULTI is not affected by the old WATCH.
    await r.set('pool:leak', 'changed');
    const replies = await pool.execute((next) => {
      const multi = next.multi();
      multi.set('pool:leak', 'mine');
      return multi.exec();
    });
    expect(replies).toEqual(['OK']);
  });

  it('a SELECT made while lent is undone for the next caller', async () => {
    await pool.execute(async (client) => {
      await client.select(3);
      await client.set('pool:db3', 'x');
    });
    expect(await pool.execute((client) => client.exists('pool:db3'))).toBe(0);
  });

  it('refuses SUBSCRIBE and MONITOR on a lent connection', async () => {
    await expect(pool.execute((client) => client.call('SUBSCRIBE', 'ch'))).rejects.toBeInstanceOf(ArgumentError);
  });

  it('after close(), acquire() rejects', async () => {
    const own = createPool({ port: server.port });
    expect(await own.execute((client) => client.ping())).toBe('PONG');
    await own.close();
    await expect(own.acquire()).rejects.toBeInstanceOf(ClientClosedError);
  });
});
