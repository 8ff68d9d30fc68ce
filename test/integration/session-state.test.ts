// The session state a client reports and restores (database, protocol, client tracking) follows what the
// application did with commands, on the main connection and on the pool connections it lends.
import { afterEach, describe, expect, it } from 'vitest';
import { Redis, type RedisOptions } from '../../src/index.js';
import { useSharedServer } from '../helpers/shared-server.js';

const shared = useSharedServer();
const clients: Redis[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.disconnect();
  await shared.server.cli('FLUSHALL');
});

async function client(options: RedisOptions = {}): Promise<Redis> {
  const c = new Redis({ port: shared.server.port, ...options });
  clients.push(c);
  await c.connect();
  return c;
}

/** A key's value in database `db`, read with redis-cli (independent of the client under test). */
async function valueIn(db: number, key: string): Promise<string> {
  return (await shared.server.cli('-n', String(db), 'GET', key)).trim();
}

/** Kills the client's connection from another client and waits until it is ready again. */
async function killAndWaitReady(r: Redis): Promise<void> {
  const id = Number(await r.call('CLIENT', 'ID'));
  const ready = new Promise<void>((resolve) => r.once('ready', () => resolve()));
  await shared.server.cli('CLIENT', 'KILL', 'ID', String(id));
  await ready;
}

describe('pool connections follow the database the client SELECTed', () => {
  it('transaction(), watch() and BLPOP run in the current database, also on a reused pool connection', async () => {
    const r = await client();
    await r.select(9);
    await r.transaction(async (tx) => {
      const m = tx.multi();
      m.set('s:tx', 'in-9');
      return m.exec();
    }, 's:tx');
    expect(await valueIn(9, 's:tx')).toBe('in-9');
    expect(await valueIn(0, 's:tx')).toBe('');

    const tx = await r.watch('s:watch');
    const m = tx.multi();
    m.set('s:watch', 'in-9');
    await m.exec();
    expect(await valueIn(9, 's:watch')).toBe('in-9');

    await r.select(0); // the idle pool connection is on 9: it must be switched back when lent again
    const again = await r.watch('s:back');
    expect(again.connection.db).toBe(0);
    const m0 = again.multi();
    m0.set('s:back', 'in-0');
    await m0.exec();
    expect(await valueIn(0, 's:back')).toBe('in-0');
    expect(await valueIn(9, 's:back')).toBe('');

    await r.select(9);
    await r.rpush('s:list', 'x');
    expect(await r.blpop('s:list', 1)).toEqual({ key: 's:list', element: 'x' });
  });
});

describe('RESET and HELLO sent with call()', () => {
  it('RESET: r.db and r.protocol follow, the next write lands in db 0, and a reconnect keeps db 0 and RESP2', async () => {
    const r = await client({ db: 3 });
    await r.select(9);
    expect(await r.call('RESET')).toBe('RESET');
    expect(r.db).toBe(0);
    expect(r.protocol).toBe(2);
    await r.set('s:reset', 'here');
    expect(await valueIn(0, 's:reset')).toBe('here');

    await killAndWaitReady(r);
    expect(r.db).toBe(0);
    expect(r.protocol).toBe(2);
    await r.set('s:reset2', 'here');
    expect(await valueIn(0, 's:reset2')).toBe('here');
    expect(await valueIn(3, 's:reset2')).toBe('');
  });

  it('HELLO 2 and HELLO 3: r.protocol follows, and a reconnect negotiates the protocol last chosen', async () => {
    const r = await client({ protocol: 3 });
    expect(r.protocol).toBe(3);
    await r.call('HELLO', 2);
    expect(r.protocol).toBe(2);
    expect(await r.hgetall('missing')).toEqual({});
    await killAndWaitReady(r);
    expect(r.protocol).toBe(2);
    expect(r.serverInfo.proto).toBe(2);
    await r.call('HELLO', '3');
    expect(r.protocol).toBe(3);
  });
});

describe('CLIENT TRACKING survives a reconnect', () => {
  it('RESP3: after the connection is killed, a write by another client still sends an invalidation', async () => {
    const r = await client({ protocol: 3 });
    const writer = await client();
    const invalidated: unknown[] = [];
    r.onPush((push) => {
      if (push[0] === 'invalidate') invalidated.push(push[1]);
    });
    expect(await r.call('CLIENT', 'TRACKING', 'ON')).toBe('OK');
    await r.set('s:tracked', '1');
    await r.get('s:tracked');

    await killAndWaitReady(r);
    expect(await r.get('s:tracked')).toBe('1'); // read (and tracked) on the new connection
    const pushed = new Promise<void>((resolve) => r.once('push', () => resolve()));
    await writer.set('s:tracked', '2');
    await pushed;
    expect(invalidated).toContainEqual(['s:tracked']);
    expect(await r.call('CLIENT', 'TRACKINGINFO')).toMatchObject({ flags: expect.arrayContaining(['on']) });
  });

  it('CLIENT TRACKING OFF and RESET turn the restore off', async () => {
    const r = await client({ protocol: 3 });
    await r.call('CLIENT', 'TRACKING', 'ON', 'BCAST', 'PREFIX', 's:');
    await r.call('CLIENT', 'TRACKING', 'OFF');
    await killAndWaitReady(r);
    expect(await r.call('CLIENT', 'TRACKINGINFO')).toMatchObject({ flags: ['off'] });

    await r.call('CLIENT', 'TRACKING', 'ON');
    await r.call('RESET');
    await killAndWaitReady(r);
    expect(r.protocol).toBe(2); // RESET left RESP2: TRACKINGINFO is a flat array
    expect(await r.call('CLIENT', 'TRACKINGINFO')).toContainEqual(['off']);
  });
});
