// The handshake options: `handshake: 'auth'` (no HELLO: AUTH and CLIENT SETNAME on RESP2, ioredis's
// handshake), `acceptAuthError`, `readyCheck` (INFO at the end), `readOnly` (READONLY), and a disconnect
// during the handshake that lets the owed replies arrive. Checked on real servers through INFO commandstats
// (what the server ran) and CLIENT INFO (what the connection is).
import { once } from 'node:events';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ArgumentError, Redis, ReplyError, type RedisOptions } from '../../src/index.js';
import { startRedisServer, type RedisServerHandle } from '../helpers/redis-server.js';
import { startFakeServer } from '../helpers/fake-server.js';
import { resp } from '../helpers/resp-literals.js';

let open: RedisServerHandle; // no password
let locked: RedisServerHandle; // requirepass
const clients: Redis[] = [];

beforeAll(async () => {
  [open, locked] = await Promise.all([startRedisServer(), startRedisServer({ password: 'sesame' })]);
});
afterEach(() => {
  for (const c of clients.splice(0)) c.disconnect();
});
afterAll(async () => {
  await Promise.all([open?.stop(), locked?.stop()]);
});

function client(server: RedisServerHandle, options: RedisOptions): Redis {
  const c = new Redis({ port: server.port, lazyConnect: true, reconnectStrategy: false, ...options });
  c.on('error', () => undefined);
  clients.push(c);
  return c;
}

/**
 * Calls of each command since the last CONFIG RESETSTAT, from INFO commandstats. On the password server
 * redis-cli's own AUTH (one per cli call: RESETSTAT's comes before the reset) is taken off.
 */
async function commandCalls(server: RedisServerHandle): Promise<Record<string, number>> {
  const text = await server.cli('INFO', 'commandstats');
  const calls: Record<string, number> = {};
  for (const match of text.matchAll(/^cmdstat_([\w|]+):calls=(\d+)(?:.*?rejected_calls=(\d+))?/gm)) {
    calls[match[1] as string] = Number(match[2]) + Number(match[3] ?? 0);
  }
  if (server === locked && calls.auth !== undefined) calls.auth -= 1;
  if (calls.auth === 0) delete calls.auth;
  return calls;
}

describe("handshake: 'auth'", () => {
  it('authenticates with AUTH and names with CLIENT SETNAME, never HELLO, on RESP2', async () => {
    await locked.cli('CONFIG', 'RESETSTAT');
    const c = client(locked, { password: 'sesame', name: 'auth-handshake', db: 2, handshake: 'auth' });
    await c.connect();
    expect(c.protocol).toBe(2);
    const info = (await c.call('CLIENT', 'INFO')) as string;
    expect(info).toMatch(/ name=auth-handshake /);
    expect(info).toMatch(/ db=2 /);
    expect(info).toMatch(/ resp=2\b/);
    const calls = await commandCalls(locked);
    expect(calls.hello).toBeUndefined();
    expect(calls.auth).toBe(1);
    expect(calls['client|setname']).toBe(1);
  });

  it('the default handshake sends HELLO (the contrast that makes the test above mean something)', async () => {
    await locked.cli('CONFIG', 'RESETSTAT');
    await client(locked, { password: 'sesame' }).connect();
    const calls = await commandCalls(locked);
    expect(calls.hello).toBe(1);
    expect(calls.auth).toBeUndefined();
  });

  it('a wrong password fails the attempt with the server’s error, and queued commands with it', async () => {
    const c = client(locked, { password: 'wrong', handshake: 'auth' });
    const errors: Error[] = [];
    c.on('error', (error: Error) => errors.push(error));
    const get = c.get('k');
    await expect(get).rejects.toBeInstanceOf(ReplyError);
    await expect(get).rejects.toThrow(/WRONGPASS|invalid password/);
    expect(errors.some((e) => e instanceof ReplyError && /WRONGPASS|invalid password/.test(e.message))).toBe(true);
  });

  it('a username without a password is sent alone, so the server refuses it instead of the client connecting as default', async () => {
    const c = client(locked, { username: 'someone', handshake: 'auth' });
    await expect(c.get('k')).rejects.toThrow(/WRONGPASS|invalid/);
  });

  it('refuses protocol 3 (RESP3 is chosen with HELLO) and a bad value, before connecting', () => {
    expect(() => new Redis({ handshake: 'auth', protocol: 3, lazyConnect: true })).toThrow(ArgumentError);
    expect(() => new Redis({ handshake: 'hey' as never, lazyConnect: true })).toThrow(/handshake/);
    expect(() => new Redis({ acceptAuthError: true as never, lazyConnect: true })).toThrow(/acceptAuthError/);
  });
});

describe('acceptAuthError', () => {
  it('decides about an AUTH refusal: true connects anyway, false (or no option) fails the attempt', async () => {
    const seen: string[] = [];
    const tolerant = client(open, {
      password: 'not-needed',
      handshake: 'auth',
      acceptAuthError: (error) => {
        seen.push(error.message);
        return true;
      },
    });
    expect(await tolerant.ping()).toBe('PONG');
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatch(/without any password configured|no password is set/);

    const strict = client(open, { password: 'not-needed', handshake: 'auth', acceptAuthError: () => false });
    await expect(strict.ping()).rejects.toBeInstanceOf(ReplyError);
    await expect(client(open, { password: 'not-needed', handshake: 'auth' }).ping()).rejects.toBeInstanceOf(ReplyError);
  });
});

describe('readyCheck', () => {
  it('INFO ends the handshake: a server that wants a password says so at connect, as an error event', async () => {
    const c = client(locked, { readyCheck: true });
    const error = once(c, 'error');
    const ping = c.ping();
    const [emitted] = (await error) as [Error];
    expect(emitted).toBeInstanceOf(ReplyError);
    expect((emitted as ReplyError).code).toBe('NOAUTH');
    await expect(ping).rejects.toThrow(/NOAUTH/);
  });

  it('without it the connection is ready, and the first command meets NOAUTH', async () => {
    const c = client(locked, { handshake: 'auth' }); // HELLO itself would meet NOAUTH
    await c.connect();
    expect(c.status).toBe('ready');
    await expect(c.ping()).rejects.toThrow(/NOAUTH/);
  });

  it('INFO is sent once per connection when on', async () => {
    await open.cli('CONFIG', 'RESETSTAT');
    await client(open, { readyCheck: true }).connect();
    expect((await commandCalls(open)).info).toBe(1);
  });
});

describe('readOnly', () => {
  it('sends READONLY in every handshake; a server without cluster mode refuses it and the connection works all the same', async () => {
    await open.cli('CONFIG', 'RESETSTAT');
    const c = client(open, { readOnly: true, reconnectStrategy: 10 });
    await c.connect();
    expect(await c.set('ro:k', 'v')).toBe('OK');
    expect((await commandCalls(open)).readonly).toBe(1);
    const reconnected = once(c, 'ready');
    await c.call('CLIENT', 'KILL', 'ID', String(await c.call('CLIENT', 'ID')), 'SKIPME', 'no').catch(() => undefined);
    await reconnected;
    expect((await commandCalls(open)).readonly).toBe(2);
    expect(await c.get('ro:k')).toBe('v');
  });
});

describe('disconnect({ afterReplies: true }) during the handshake', () => {
  it('half-closes: the replies the handshake is owed still arrive, the server sees an end and no reset', async () => {
    let serverError: Error | undefined;
    let serverSawEnd = false;
    let c: Redis | undefined;
    const fake = await startFakeServer((command, reply, socket) => {
      socket.on('error', (error) => (serverError = error));
      socket.once('end', () => (serverSawEnd = true));
      if (command[0] === 'AUTH') {
        c?.disconnect({ afterReplies: true }); // mid-handshake, before the server answers
        // Answered after a turn: the client has half-closed by then.
        setImmediate(() => reply(resp.simple('OK')));
        return;
      }
      reply(resp.simple('OK'));
    });
    try {
      c = new Redis({ port: fake.port, password: 'p', handshake: 'auth', lazyConnect: true, reconnectStrategy: false });
      c.on('error', () => undefined);
      const queued = c.get('k');
      const ended = once(c, 'end');
      void c.connect().catch(() => undefined);
      await expect(queued).rejects.toThrow();
      await ended;
      expect(serverSawEnd).toBe(true);
      expect(serverError).toBeUndefined();
    } finally {
      await fake.close();
    }
  });
});
