import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClientClosedError, ConnectionClosedError, ConnectionPool, Redis } from '../../src/index.js';
import { resolveOptions } from '../../src/connection/options.js';
import { freePort } from '../helpers/free-port.js';
import { startRedisServer, type RedisServerHandle } from '../helpers/redis-server.js';

let server: RedisServerHandle;

beforeAll(async () => {
  server = await startRedisServer();
});

afterAll(async () => {
  await server?.stop();
});

/** Names of the server's client connections (pool connections carry the client's name). */
async function clientNames(): Promise<string[]> {
  const list = await server.cli('CLIENT', 'LIST');
  return [...list.matchAll(/ name=(\S*)/g)].map((m) => m[1] as string);
}

describe('ConnectionPool', () => {
  it('is lazy, reuses released connections, and bounds how many it opens (waiters served FIFO)', async () => {
    const pool = new ConnectionPool(resolveOptions({ port: server.port, name: 'pool-bounds' }), 2);
    expect([pool.size, pool.total, pool.idle, pool.waiting]).toEqual([2, 0, 0, 0]);
    expect(await clientNames()).not.toContain('pool-bounds');

    const a = await pool.acquire();
    expect(a.status).toBe('ready');
    expect(await a.send('PING', [])).toBe('PONG');
    pool.release(a);
    expect(pool.idle).toBe(1);
    expect(await pool.acquire()).toBe(a); // reused, not reopened

    const b = await pool.acquire();
    expect(pool.total).toBe(2);
    const order: string[] = [];
    const third = pool.acquire().then((c) => (order.push('third'), c));
    const fourth = pool.acquire().then((c) => (order.push('fourth'), c));
    expect(pool.waiting).toBe(2);
    pool.release(b);
    expect(await third).toBe(b);
    pool.release(a);
    expect(await fourth).toBe(a);
    expect(order).toEqual(['third', 'fourth']);
    expect(pool.total).toBe(2);
    expect((await clientNames()).filter((n) => n === 'pool-bounds')).toHaveLength(2);
    await pool.close();
  });

  it('drops broken connections on release, switches a reused one back to the database, and destroy() frees the slot for a waiter', async () => {
    const pool = new ConnectionPool(resolveOptions({ port: server.port }), 1);
    const a = await pool.acquire();
    await a.send('SELECT', ['3']); // on another database: still reusable, acquire() switches it back
    pool.release(a);
    expect(pool.idle).toBe(1);
    expect(await pool.acquire()).toBe(a);
    expect(a.db).toBe(0);
    a.disconnect();
    pool.release(a); // dead: dropped
    expect(pool.total).toBe(0);

    const b = await pool.acquire();
    const waiter = pool.acquire();
    pool.destroy(b);
    const c = await waiter;
    expect(c).not.toBe(b);
    expect(b.status).toBe('end');
    expect(await c.send('PING', [])).toBe('PONG');
    c.disconnect();
    pool.release(c); // dead: dropped
    expect(pool.total).toBe(0);
    await pool.close();
  });

  it('close() rejects waiters and later acquires', async () => {
    const pool = new ConnectionPool(resolveOptions({ port: server.port }), 1);
    const a = await pool.acquire();
    const waiter = pool.acquire();
    await pool.close();
    await expect(waiter).rejects.toBeInstanceOf(ClientClosedError);
    await expect(pool.acquire()).rejects.toBeInstanceOf(ClientClosedError);
    expect(a.status).toBe('end');
  });

  it('gives up on an unreachable server after offlineQueueAttempts', async () => {
    const port = await freePort();
    const pool = new ConnectionPool(resolveOptions({ port, reconnectStrategy: 5, offlineQueueAttempts: 3 }));
    await expect(pool.acquire()).rejects.toBeInstanceOf(ConnectionClosedError);
    expect(pool.total).toBe(0);
    await pool.close();
  });
});

describe('Redis#pool', () => {
  it('is created on first use with poolSize, and r.quit() / r.disconnect() close its connections', async () => {
    expect(() => new Redis({ port: server.port, poolSize: 0, lazyConnect: true })).toThrow(/poolSize/);
    const r = new Redis({ port: server.port, poolSize: 3, name: 'pool-owner' });
    expect(r.pool).toBe(r.pool);
    expect(r.pool.size).toBe(3);
    const leased = await r.pool.acquire();
    const idle = await r.pool.acquire();
    r.pool.release(idle);
    expect((await clientNames()).filter((n) => n === 'pool-owner')).toHaveLength(3);
    await r.quit();
    expect(leased.status).toBe('end');
    expect(idle.status).toBe('end');
    // The server notices the dropped (leased) socket on its own schedule: poll, don't race it.
    await expect.poll(async () => (await clientNames()).filter((n) => n === 'pool-owner'), { timeout: 5000 }).toHaveLength(0);

    const r2 = new Redis({ port: server.port });
    const c = await r2.pool.acquire();
    r2.disconnect();
    expect(c.status).toBe('end');
    await expect(r2.pool.acquire()).rejects.toBeInstanceOf(ClientClosedError);
  });
});
