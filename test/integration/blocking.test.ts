import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BLOCKING_GRACE_MS, CommandTimeoutError, Redis } from '../../src/index.js';
import { blockingTimeoutMs, routesToPool } from '../../src/client/blocking.js';
import { startRedisServer, type RedisServerHandle } from '../helpers/redis-server.js';
import { waitFor } from '../helpers/wait-for.js';

let server: RedisServerHandle;
let r: Redis;

beforeAll(async () => {
  server = await startRedisServer();
  r = new Redis({ port: server.port, name: 'blocking-main' });
  await r.connect();
});

afterAll(async () => {
  await r?.quit();
  await server?.stop();
});

/** `CLIENT LIST` rows as { id, name, cmd, db }. */
async function clients(on: RedisServerHandle = server): Promise<{ id: number; name: string; cmd: string; db: number }[]> {
  const text = await on.cli('CLIENT', 'LIST');
  return text.split('\n').map((line) => ({
    id: Number(/\bid=(\d+)/.exec(line)?.[1]),
    name: /\bname=(\S*)/.exec(line)?.[1] ?? '',
    cmd: /\bcmd=(\S*)/.exec(line)?.[1] ?? '',
    db: Number(/\bdb=(\d+)/.exec(line)?.[1]),
  }));
}


const blockedOn = async (cmd: string): Promise<boolean> => (await clients()).some((c) => c.cmd === cmd);

describe('blocking commands on pooled connections', () => {
  it('a BLPOP waiting 2 s does not stall 10,000 GETs on the shared connection', async () => {
    await r.del('b:queue');
    await r.set('b:value', 'v');
    let blpopSettled = false;
    const popped = r.blpop('b:queue', 2).finally(() => {
      blpopSettled = true;
    });
    await waitFor(() => blockedOn('blpop'));
    const mainId = await r.clientId();
    const blocked = (await clients()).find((c) => c.cmd === 'blpop');
    expect(blocked?.id).not.toBe(mainId); // parked on another connection

    const values = await Promise.all(Array.from({ length: 10_000 }, () => r.get('b:value')));
    expect(values.every((v) => v === 'v')).toBe(true);
    expect(blpopSettled).toBe(false); // the GETs finished while BLPOP was still waiting

    await r.rpush('b:queue', 'job-1');
    expect(await popped).toEqual({ key: 'b:queue', element: 'job-1' });
    expect(r.pool.idle).toBe(1); // handed back for the next blocking call
  });

  it('routes call(), BRPOP, BLMOVE, BRPOPLPUSH, BZPOPMIN/MAX and XREAD BLOCK to the pool; XREAD without BLOCK and WAIT stay on the main connection', async () => {
    await r.del('b:l', 'b:dst', 'b:z', 'b:s');
    const viaCall = r.call('blpop', 'b:l', '5');
    await waitFor(() => blockedOn('blpop'));
    await r.rpush('b:l', 'x');
    expect(await viaCall).toEqual(['b:l', 'x']);

    const cases: [string, () => Promise<unknown>, () => Promise<unknown>, unknown][] = [
      ['brpop', () => r.brpop(['b:l'], 5), () => r.rpush('b:l', 'y'), { key: 'b:l', element: 'y' }],
      ['blmove', () => r.blmove('b:l', 'b:dst', 'LEFT', 'RIGHT', 5), () => r.rpush('b:l', 'm'), 'm'],
      ['brpoplpush', () => r.brpoplpush('b:l', 'b:dst', 5), () => r.rpush('b:l', 'n'), 'n'],
      ['bzpopmin', () => r.bzpopmin('b:z', 5), () => r.zadd('b:z', 1, 'low'), { key: 'b:z', member: 'low', score: 1 }],
      ['bzpopmax', () => r.bzpopmax('b:z', 5), () => r.zadd('b:z', 2, 'high'), { key: 'b:z', member: 'high', score: 2 }],
      ['xread', () => r.xread({ 'b:s': '$' }, { block: 5000 }), () => r.xadd('b:s', '*', { f: 'v' }), expect.any(Array)],
    ];
    for (const [cmd, block, unblock, expected] of cases) {
      const pending = block();
      await waitFor(() => blockedOn(cmd));
      await unblock();
      expect(await pending, cmd).toEqual(expected);
    }
    const busyBefore = r.pool.total;
    expect(await r.xread({ 'b:s': '0' }, { count: 1 })).toHaveLength(1); // no BLOCK: main connection
    expect(await r.wait(0, 10)).toBe(0); // WAIT is about this connection's own writes: main connection
    expect(r.pool.total).toBe(busyBefore);
  });

  it('runs on the database the client SELECTed, and bounds the pool (extra calls wait their turn)', async () => {
    const client = new Redis({ port: server.port, poolSize: 2 });
    try {
      await client.select(4);
      await client.del('b:db4');
      const a = client.blpop('b:db4', 5);
      const b = client.blpop('b:db4', 5);
      const c = client.blpop('b:db4', 5);
      await waitFor(async () => (await clients()).filter((row) => row.cmd === 'blpop' && row.db === 4).length === 2);
      expect(client.pool.waiting).toBe(1);
      expect(client.pool.total).toBe(2);
      await client.rpush('b:db4', '1', '2', '3');
      const results = await Promise.all([a, b, c]);
      expect(results.map((x) => x?.element).sort()).toEqual(['1', '2', '3']);
    } finally {
      await client.quit();
    }
  });

  it('commandTimeout does not cut short a blocking call with its own timeout, but does bound timeout 0', async () => {
    const client = new Redis({ port: server.port, commandTimeout: 300 });
    try {
      await client.del('b:slow');
      const pending = client.blpop('b:slow', 2);
      await new Promise((resolve) => setTimeout(resolve, 600));
      await client.rpush('b:slow', 'late');
      expect(await pending).toEqual({ key: 'b:slow', element: 'late' });

      const forever = client.blpop('b:never', 0);
      await expect(forever).rejects.toBeInstanceOf(CommandTimeoutError);
    } finally {
      await client.quit();
    }
  });

  it('quit() ends a blocked call', async () => {
    const client = new Redis({ port: server.port });
    const outcome = client.blpop('b:quit', 0).catch((error: unknown) => error);
    await waitFor(() => blockedOn('blpop'));
    await client.quit();
    expect(await outcome).toMatchObject({ name: 'ConnectionClosedError' });
  });
});

describe('routing and timeouts (no server)', () => {
  it('decides by name, and for XREAD / XREADGROUP by the BLOCK option', () => {
    expect(routesToPool('GET', ['k'])).toBe(false);
    expect(routesToPool('BLPOP', ['k', 0])).toBe(true);
    expect(routesToPool('BZMPOP', [1, 1, 'z', 'MIN'])).toBe(true);
    expect(routesToPool('XREAD', ['COUNT', 1, 'STREAMS', 's', '0'])).toBe(false);
    expect(routesToPool('XREAD', ['STREAMS', 'block', '0'])).toBe(false); // a stream named "block"
    expect(routesToPool('XREAD', ['BLOCK', 0, 'STREAMS', 's', '$'])).toBe(true);
    expect(routesToPool('XREADGROUP', ['GROUP', 'g', 'c', 'BLOCK', 10, 'STREAMS', 's', '>'])).toBe(true);
    expect(routesToPool('WAIT', [1, 0])).toBe(false);
  });

  it("reads each command's own timeout in ms (0 = forever)", () => {
    expect(blockingTimeoutMs('BLPOP', ['a', 'b', 1.5])).toBe(1500);
    expect(blockingTimeoutMs('BRPOPLPUSH', ['a', 'b', '0'])).toBe(0);
    expect(blockingTimeoutMs('BLMPOP', [2, 1, 'l', 'LEFT'])).toBe(2000);
    expect(blockingTimeoutMs('XREADGROUP', ['GROUP', 'g', 'c', 'COUNT', 5, 'BLOCK', 250, 'STREAMS', 's', '>'])).toBe(250);
    expect(blockingTimeoutMs('BLPOP', ['a', 'soon'])).toBeUndefined();
  });
});

describe('blocking-call guard', () => {
  let frozen: RedisServerHandle;

  beforeAll(async () => {
    frozen = await startRedisServer();
  });

  afterAll(async () => {
    await frozen?.stop();
  });

  it('rejects with CommandTimeoutError and destroys the pooled connection when the server goes silent', async () => {
    const client = new Redis({ port: frozen.port });
    try {
      await client.blpop('g:warm', 0.01); // opens the pooled connection
      expect(client.pool.total).toBe(1);
      process.kill(frozen.pid, 'SIGSTOP');
      try {
        const error = await client.blpop('g:list', 0.2).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(CommandTimeoutError);
        expect((error as CommandTimeoutError).message).toContain(`${200 + BLOCKING_GRACE_MS} ms`);
        expect(client.pool.total).toBe(0); // that connection is gone, not handed out again
      } finally {
        process.kill(frozen.pid, 'SIGCONT');
      }
      expect(await client.blpop('g:list', 0.01)).toBeNull(); // a fresh pooled connection works
    } finally {
      await client.quit();
    }
  });
});
