// A closed client can be opened again with connect(), and quit() during a failing first attempt ends it quietly.
import { afterEach, describe, expect, it } from 'vitest';
import { ClientClosedError, ConnectionClosedError, Redis, type RedisOptions } from '../../src/index.js';
import { freePort } from '../helpers/free-port.js';
import { useSharedServer } from '../helpers/shared-server.js';

const shared = useSharedServer();
const clients: Redis[] = [];

afterEach(() => {
  for (const c of clients.splice(0)) c.disconnect();
});

function client(options: RedisOptions): Redis {
  const c = new Redis(options);
  clients.push(c);
  return c;
}

describe('connect() after quit() or disconnect()', () => {
  for (const close of ['quit', 'disconnect'] as const) {
    it(`after ${close}(): commands reject until connect(), which reopens the client on the same database, pool included`, async () => {
      const r = client({ port: shared.server.port });
      await r.select(5);
      await r.set('reopen:k', close);
      await r.blpop('reopen:none', 0.01); // the pool is in use
      if (close === 'quit') await r.quit();
      else r.disconnect();
      expect(r.status).toBe('end');
      await expect(r.get('reopen:k')).rejects.toBeInstanceOf(ClientClosedError);
      await expect(r.watch('reopen:k')).rejects.toBeInstanceOf(ClientClosedError);
      await expect(r.blpop('reopen:none', 0.01)).rejects.toBeInstanceOf(ClientClosedError);

      await r.connect();
      expect(r.status).toBe('ready');
      expect(r.db).toBe(5);
      expect(await r.get('reopen:k')).toBe(close);
      const tx = await r.watch('reopen:k');
      expect(await tx.get('reopen:k')).toBe(close);
      await tx.unwatch();
      await r.rpush('reopen:list', 'x');
      expect(await r.blpop('reopen:list', 1)).toEqual({ key: 'reopen:list', element: 'x' });
      expect((await shared.server.cli('-n', '5', 'GET', 'reopen:k')).trim()).toBe(close);
    });
  }

  it('connect() right after disconnect(), with commands in flight: those reject, and replies on the new socket line up', async () => {
    const r = client({ port: shared.server.port });
    await r.set('reopen:a', 'A');
    await r.set('reopen:b', 'B');
    const inFlight = r.get('reopen:a');
    await new Promise((resolve) => process.nextTick(resolve)); // written
    r.disconnect();
    const reopened = r.connect();
    await expect(inFlight).rejects.toBeInstanceOf(ConnectionClosedError);
    await reopened;
    expect(await r.get('reopen:b')).toBe('B');
    expect(r.connection.inflightCount).toBe(0);
  });

  it('connect() while quit() is closing waits for the end, then reopens', async () => {
    const r = client({ port: shared.server.port });
    await r.ping();
    const quitting = r.quit();
    const reopened = r.connect();
    await quitting;
    await reopened;
    expect(r.status).toBe('ready');
    expect(await r.ping()).toBe('PONG');
  });
});

describe('quit() during a failing first connection attempt', () => {
  it('ends without an error event, a reconnecting event or a call to the reconnect strategy', async () => {
    const port = await freePort(); // nothing listens here
    let strategyCalls = 0;
    const r = client({
      port,
      reconnectStrategy: () => {
        strategyCalls++;
        return 10;
      },
    });
    const events: string[] = [];
    for (const event of ['error', 'reconnecting', 'end']) r.on(event, () => events.push(event));
    const queued = r.get('k');
    expect(r.status).toBe('connecting');
    expect(await r.quit()).toBe('OK');
    await expect(queued).rejects.toBeInstanceOf(ClientClosedError);
    expect(r.status).toBe('end');
    expect(strategyCalls).toBe(0);
    expect(events).toEqual(['end']);
  });
});
