// Adversarial review of the client core (connection, Redis, command specs). Tests marked `it.fails` prove a
// bug that is still open: each names the bug; flip it to `it(...)` once fixed. Plain `it(...)` tests pin down
// behaviour the contract (DESIGN §3, README "Delivery promises", issue 2 §3–5) relies on.
import { execFile } from 'node:child_process';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  ArgumentError,
  ClientClosedError,
  CommandOutcomeUnknownError,
  CommandTimeoutError,
  ConnectionClosedError,
  ProtocolError,
  Redis,
  ReplyError,
  type RedisOptions,
} from '../../src/index.js';
import { respondLikeRedis, startFakeServer, type FakeHandler, type FakeServer } from '../helpers/fake-server.js';
import { freePort } from '../helpers/free-port.js';
import { startRedisServer, type RedisServerHandle } from '../helpers/redis-server.js';
import { resp } from '../helpers/resp-literals.js';
import { waitFor } from '../helpers/wait-for.js';

const clients: Redis[] = [];
const fakes: FakeServer[] = [];
const ownServers: RedisServerHandle[] = [];
let shared: RedisServerHandle;

beforeAll(async () => {
  shared = await startRedisServer();
});
afterAll(async () => {
  await shared.stop();
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.disconnect();
  await Promise.all(fakes.splice(0).map((f) => f.close()));
  await Promise.all(ownServers.splice(0).map((s) => s.stop()));
});

function client(options: RedisOptions): Redis;
function client(url: string, options?: RedisOptions): Redis;
function client(urlOrOptions: string | RedisOptions, options?: RedisOptions): Redis {
  const c = typeof urlOrOptions === 'string' ? new Redis(urlOrOptions, options) : new Redis(urlOrOptions);
  clients.push(c);
  return c;
}
async function fake(handler: FakeHandler): Promise<FakeServer> {
  const f = await startFakeServer(handler);
  fakes.push(f);
  return f;
}
async function ownServer(options: Parameters<typeof startRedisServer>[0] = {}): Promise<RedisServerHandle> {
  const s = await startRedisServer(options);
  ownServers.push(s);
  return s;
}
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

type Outcome<T> = { status: 'fulfilled'; value: T } | { status: 'rejected'; reason: unknown } | { status: 'pending' };
/** How `promise` stands after `ms` (a hang shows as 'pending'; this never asserts on speed). */
async function within<T>(promise: Promise<T>, ms: number): Promise<Outcome<T>> {
  const settled = promise.then(
    (value): Outcome<T> => ({ status: 'fulfilled', value }),
    (reason: unknown): Outcome<T> => ({ status: 'rejected', reason }),
  );
  return Promise.race([settled, sleep(ms).then((): Outcome<T> => ({ status: 'pending' }))]);
}
function errorOf(outcome: Outcome<unknown>): unknown {
  return outcome.status === 'rejected' ? outcome.reason : undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Confirmed bugs (it.fails until fixed)
// ---------------------------------------------------------------------------------------------------------

describe('bugs: database tracking', () => {
  // Regression (found in review, fixed): connection.ts onReply tracks SELECT on its +QUEUED reply inside MULTI, so a SELECT that then fails
  // inside EXEC (or is discarded by EXECABORT) still moves `db`; the next reconnect's handshake SELECTs the
  // bad index and fails forever (non-transient handshake error): the client is bricked.
  it('a SELECT that fails inside MULTI does not change db, and the client survives a reconnect', async () => {
    const c = client({ port: shared.port, reconnectStrategy: 10 });
    await c.ping();
    const tx = c.multi();
    void tx.select(99);
    await expect(tx.exec()).rejects.toThrow();
    expect(c.db).toBe(0);
    await shared.cli('CLIENT', 'KILL', 'ID', String(await c.clientId()));
    expect(await within(c.ping(), 2_000)).toEqual({ status: 'fulfilled', value: 'PONG' });
  });

  // Regression (found in review, fixed): same root cause; a MULTI aborted by EXECABORT never ran its SELECT, yet db follows it, so after a
  // reconnect the client silently reads and writes another database.
  it('a SELECT discarded by EXECABORT does not change db (no silent database switch after reconnect)', async () => {
    const c = client({ port: shared.port, reconnectStrategy: 10 });
    await c.ping();
    const tx = c.multi();
    void tx.select(3);
    void tx.call('GET'); // wrong arity: refused at queue time, the transaction is aborted
    await expect(tx.exec()).rejects.toThrow();
    expect(c.db).toBe(0);
    await shared.cli('CLIENT', 'KILL', 'ID', String(await c.clientId()));
    await c.set('core-review:which-db', 'here');
    expect(await shared.cli('-n', '0', 'GET', 'core-review:which-db')).toBe('here');
    await c.del('core-review:which-db');
  });

  // Regression (found in review, fixed): connection.ts settleInflightAfterLoss rejects an unanswered SELECT (not flagged readonly) but
  // re-sends the reads written after it; on the new connection they run in the OLD database and resolve
  // with another database's data.
  it('a read written after an unanswered SELECT is not retried in the old database', async () => {
    let connections = 0;
    const dbOf = new WeakMap<object, string>();
    const f = await fake((command, reply, socket) => {
      if (command[0] === 'HELLO') connections++;
      if (command[0] === 'SELECT') {
        if (connections === 1) return void socket.destroy(); // SELECT reached the server, its reply is lost
        dbOf.set(socket, command[1] as string);
        return reply(resp.simple('OK'));
      }
      if (command[0] === 'GET') return reply(resp.bulk(`from-db-${dbOf.get(socket) ?? '0'}`));
      respondLikeRedis(command, reply);
    });
    const c = client({ port: f.port, reconnectStrategy: 10 });
    await c.ping();
    const [select, get] = await Promise.allSettled([c.select(2), c.get('k')]);
    // Either both are re-sent (SELECT is idempotent) or neither is; never a db-0 answer for a db-2 read.
    if (select.status === 'rejected') expect(get.status).toBe('rejected');
    else expect(get).toEqual({ status: 'fulfilled', value: 'from-db-2' });
  });
});

describe('bugs: closing and connecting', () => {
  // Regression (found in review, fixed): connection.ts quit() awaits connect() while 'connecting'/'connect'; connect() settles only on
  // 'ready' or 'end', so with the server down (or a handshake that keeps failing) quit() never returns.
  it('quit() while connecting to an unreachable server resolves', async () => {
    const c = client({ port: await freePort(), reconnectStrategy: 50 });
    expect(c.status).toBe('connecting');
    expect(await within(c.quit(), 1_500)).toEqual({ status: 'fulfilled', value: 'OK' });
    expect(c.status).toBe('end');
  });

  // Regression (found in review, fixed): connection.ts quit() pushes QUIT straight into the queue without a deadline, so an unanswered QUIT
  // (hung server, black-holed network) keeps quit() pending forever, even with commandTimeout set.
  it('quit() settles when the server never answers QUIT (commandTimeout set)', async () => {
    const f = await fake((command, reply) => {
      if (command[0] !== 'QUIT') respondLikeRedis(command, reply);
    });
    const c = client({ port: f.port, commandTimeout: 200 });
    await c.ping();
    expect((await within(c.quit(), 1_500)).status).not.toBe('pending');
    expect(c.status).toBe('end');
  });

  // Regression (found in review, fixed): connection.ts connect() listens for 'ready'/'end' only. A rejected password is a non-transient
  // handshake error (queued commands are rejected with WRONGPASS at once) but connect() stays pending while
  // the client keeps reconnecting in the background: `await r.connect()` hangs forever.
  it('connect() rejects with the server error when the password is wrong', async () => {
    const s = await ownServer({ password: 'right' });
    const c = client({ port: s.port, password: 'wrong', lazyConnect: true, reconnectStrategy: 50 });
    const outcome = await within(c.connect(), 1_500);
    expect(outcome.status).toBe('rejected');
    expect((errorOf(outcome) as ReplyError).code).toBe('WRONGPASS');
  });
});

describe('bugs: reply matching', () => {
  // Regression (found in review, fixed): in RESP3 the reply to SUBSCRIBE is a push frame, which Connection.onPush hands to 'push' listeners;
  // the SUBSCRIBE entry stays at the head of `inflight`, so the NEXT reply (SET's +OK) is given to SUBSCRIBE
  // and every later command receives its predecessor's reply (or hangs). call() must refuse
  // connection-mode commands (SUBSCRIBE family, MONITOR, CLIENT REPLY …) on the shared connection.
  it('call("SUBSCRIBE") on the shared RESP3 connection never desynchronises later replies', async () => {
    const c = client({ port: shared.port });
    await c.ping();
    const subscribe = within(c.call('SUBSCRIBE', 'core-review:ch'), 1_000);
    const ping = within(c.ping('after'), 1_000);
    const [sub, after] = await Promise.all([subscribe, ping]);
    expect(sub.status === 'rejected' || (sub.status === 'fulfilled' && sub.value !== 'after')).toBe(true);
    expect(sub.status === 'rejected' ? (errorOf(sub) as Error).name : 'none').toBe('ArgumentError');
    expect(after.status).not.toBe('pending');
  });
});

describe('bugs: retries and queues', () => {
  // Regression (found in review, fixed): connection.ts settleInflightAfterLoss: a READ whose retries ran out (maxReadRetries) is rejected
  // with CommandOutcomeUnknownError, whose message says the command "may or may not have run … and it was
  // not retried" — false on both counts for a GET re-sent 3 times. Reads should get ConnectionClosedError.
  it('a read that ran out of retries rejects with ConnectionClosedError, not "outcome unknown"', async () => {
    const f = await fake((command, reply, socket) => {
      if (command[0] === 'GET') return void socket.destroy();
      respondLikeRedis(command, reply);
    });
    const c = client({ port: f.port, reconnectStrategy: 5, maxReadRetries: 3 });
    const error = await c.get('k').catch((e: unknown) => e);
    expect(f.received.filter((command) => command[0] === 'GET')).toHaveLength(4); // 1 + 3 retries (this holds)
    expect(error).not.toBeInstanceOf(CommandOutcomeUnknownError);
    expect(error).toBeInstanceOf(ConnectionClosedError);
  });

  // Regression (found in review, fixed): connection.ts enqueue counts `unsent.length`, which still holds commands that already timed out
  // (they are only dropped at the next flush), so an offline client refuses new commands with
  // OfflineQueueFullError although nothing is waiting any more.
  it('commands that timed out while offline no longer count against maxOfflineQueue', async () => {
    const c = client({ port: await freePort(), reconnectStrategy: 5_000, maxOfflineQueue: 3, commandTimeout: 50 });
    const first = await Promise.allSettled([c.get('a'), c.get('b'), c.get('c')]);
    for (const r of first) expect((r as PromiseRejectedResult).reason).toBeInstanceOf(CommandTimeoutError);
    const next = await c.get('d').catch((e: unknown) => e);
    expect(next).toBeInstanceOf(CommandTimeoutError); // waited its turn; not OfflineQueueFullError
  });
});

describe('bugs: the window between a dead socket and its close event', () => {
  // Regression (found in review, fixed): connection.ts failProtocol() destroys the socket but the status stays 'ready' until 'close' fires, and
  // writeable() only checks the status. A command issued in that window (e.g. in the rejection handler of
  // the failed command) is "written" to the destroyed socket (never sent), then rejected by
  // settleInflightAfterLoss as CommandOutcomeUnknownError. It was never sent: it must wait for the
  // reconnect like any unwritten command. Same window after the connectTimer / onHandshakeFailed destroy.
  it('a write issued right after a protocol error is sent once after the reconnect', async () => {
    let connections = 0;
    const f = await fake((command, reply) => {
      if (command[0] === 'HELLO') connections++;
      if (command[0] === 'GET') return reply('!!garbage\r\n');
      if (command[0] === 'SET') return reply(resp.simple(`OK@${connections}`));
      respondLikeRedis(command, reply);
    });
    const c = client({ port: f.port, reconnectStrategy: 10 });
    await c.ping();
    const write = c.get('x').then(
      () => 'unexpected',
      () => c.set('k', 'v'), // issued the moment the protocol error is reported
    );
    expect(await within(write, 2_000)).toEqual({ status: 'fulfilled', value: 'OK@2' });
    expect(f.received.filter((command) => command[0] === 'SET')).toHaveLength(1);
  });
});

describe('bugs: typed commands and input checks', () => {
  // Regression (found in review, fixed): hashes.ts hrandfield and sorted-sets.ts zadd pass the raw reply through: HRANDFIELD … WITHVALUES is
  // `[[f, v], …]` in RESP3 but `[f, v, …]` in RESP2 (typed string[]); ZADD … INCR is a number in RESP3 but a
  // string in RESP2. The same call must give the same JS value under protocol 2 and 3.
  it('hrandfield WITHVALUES and zadd INCR return the same shapes in RESP2 and RESP3', async () => {
    const results: unknown[] = [];
    for (const protocol of [2, 3] as const) {
      const c = client({ port: shared.port, protocol, db: 5 });
      await c.flushdb();
      await c.hset('h', { only: 'one' });
      results.push([await c.hrandfield('h', 1, 'WITHVALUES'), await c.zadd('z', 'INCR', 1.5, 'm')]);
    }
    expect(results[0]).toEqual(results[1]);
    expect(results[1]).toEqual([['only', 'one'], 1.5]);
  });

  // Regression (found in review, fixed): redis.ts callWith checks `command.length === 0` before trimming, so a blank name ('  ') is sent as
  // an empty command (the server answers "unknown command ''"). Batch.callWith already trims first.
  it('call() with a blank command name is an ArgumentError before anything is sent', async () => {
    const c = client({ port: shared.port, lazyConnect: true });
    await expect(c.call('   ')).rejects.toBeInstanceOf(ArgumentError);
    expect(c.status).toBe('wait'); // nothing was sent, so nothing was connected
  });

  // Regression (found in review, fixed): sorted-sets.ts zaddArgs accepts an empty object/array and sends `ZADD key` (server: wrong number of
  // arguments) instead of failing with an ArgumentError, unlike hset({}) / mset().
  it('zadd(key, {}) is an ArgumentError before anything is sent', async () => {
    const c = client({ port: shared.port, lazyConnect: true });
    await expect(c.zadd('z', {})).rejects.toBeInstanceOf(ArgumentError);
    await expect(c.zadd('z', [])).rejects.toBeInstanceOf(ArgumentError);
    expect(c.status).toBe('wait');
  });

  // Regression (found in review, fixed): options.ts parseRedisUrl calls decodeURIComponent on the user/password unguarded: a literal '%' in a
  // password throws a URIError ("URI malformed") instead of the typed ArgumentError every other bad URL gets.
  it('a URL whose password has a stray % is an ArgumentError', () => {
    expect(() => new Redis('redis://user:100%@127.0.0.1:6379', { lazyConnect: true })).toThrow(ArgumentError);
  });

  // Integer replies beyond 2^53 arrive as exact bigints. Arguments stay string | Buffer | number (the
  // documented contract: any other type is a TypeError before sending), so a bigint goes back as String(value).
  it('a bigint integer reply goes back as String(value); a raw bigint argument is a TypeError', async () => {
    const c = client({ port: shared.port, db: 6 });
    await c.del('big');
    const bigger = (await c.incrby('big', 2 ** 53)) as unknown; // 9007199254740992 > MAX_SAFE_INTEGER
    expect(typeof bigger).toBe('bigint');
    await expect(c.set('big-copy', bigger as number)).rejects.toBeInstanceOf(TypeError);
    expect(await c.set('big-copy', String(bigger))).toBe('OK');
    expect(await c.get('big-copy')).toBe(String(bigger));
  });

  // Regression (found in review, fixed): resp/encoder.ts numberText uses String(n): for an integer beyond 2^53 that is the SHORTEST decimal
  // that round-trips, not its value: 2 ** 60 (exactly 1152921504606846976) is sent as 1152921504606847000,
  // so INCRBY/SET/ZADD store a different integer than the caller passed. Integers should be sent exactly
  // (BigInt(n).toString() when !Number.isSafeInteger(n) && Number.isInteger(n) && |n| < 1e21).
  it('an integer-valued number beyond 2^53 is sent as its exact value', async () => {
    const c = client({ port: shared.port, db: 6 });
    await c.set('p60', 2 ** 60);
    expect(await c.get('p60')).toBe('1152921504606846976');
  });
});

// ---------------------------------------------------------------------------------------------------------
// Behaviour that holds and matters (pinned)
// ---------------------------------------------------------------------------------------------------------

describe('pinned: handshake and recovery', () => {
  it('recovers after a wrong password once the server password is changed (CONFIG SET requirepass)', async () => {
    const s = await ownServer({ password: 'old' });
    const c = client({ port: s.port, password: 'new', reconnectStrategy: 20 });
    const errors: string[] = [];
    c.on('error', (e: Error & { code?: string }) => errors.push(e.code ?? e.name));
    const refused = await c.get('x').catch((e: unknown) => e);
    expect((refused as ReplyError).code).toBe('WRONGPASS');
    expect(errors).toContain('WRONGPASS');
    await s.cli('CONFIG', 'SET', 'requirepass', 'new');
    await waitFor(() => c.status === 'ready');
    expect(await c.call('ACL', 'WHOAMI')).toBe('default');
  });

  it('a reconnect while the handshake is in flight keeps the queued commands and sends each once', async () => {
    let connections = 0;
    const f = await fake((command, reply, socket) => {
      if (command[0] === 'HELLO' && ++connections === 1) return void setTimeout(() => socket.destroy(), 30);
      if (command[0] === 'INCR') return reply(resp.int(1));
      respondLikeRedis(command, reply);
    });
    const c = client({ port: f.port, reconnectStrategy: 10 });
    expect(await c.incr('n')).toBe(1);
    expect(connections).toBe(2);
    expect(f.received.filter((command) => command[0] === 'INCR')).toHaveLength(1);
  });

  it('a server that closes right after HELLO: nothing hangs, writes are "outcome unknown", reads retried then rejected', async () => {
    const f = await fake((command, reply, socket) => {
      respondLikeRedis(command, reply);
      if (command[0] === 'HELLO') socket.end();
    });
    // clientInfo: false: the handshake is HELLO alone, so the commands are written before the server closes.
    const c = client({ port: f.port, reconnectStrategy: 5, clientInfo: false }); // no 'error' listener: must not crash either
    const [write, read] = await Promise.all([within(c.set('a', '1'), 3_000), within(c.get('a'), 3_000)]);
    expect(errorOf(write)).toBeInstanceOf(CommandOutcomeUnknownError);
    expect(read.status).toBe('rejected');
    expect(f.received.filter((command) => command[0] === 'SET').length).toBeLessThanOrEqual(1);
  });

  it('error events without listeners never crash the process (refused connection, protocol error)', async () => {
    const refused = client({ port: await freePort(), reconnectStrategy: false });
    await expect(refused.get('x')).rejects.toBeInstanceOf(ClientClosedError);
    const f = await fake((command, reply) => {
      if (command[0] === 'GET') return reply('!!garbage\r\n');
      respondLikeRedis(command, reply);
    });
    const broken = client({ port: f.port, reconnectStrategy: 10 });
    let reconnects = 0;
    broken.on('reconnecting', () => reconnects++);
    await expect(broken.get('x')).rejects.toBeInstanceOf(ProtocolError);
    await waitFor(() => reconnects > 0 && broken.status === 'ready');
    expect(await broken.ping()).toBe('PONG');
  });
});

describe('pinned: quit() and disconnect() in every status', () => {
  it('wait: quit() ends at once, twice; commands then reject until connect() reopens the client', async () => {
    const c = client({ port: shared.port, lazyConnect: true });
    let ends = 0;
    c.on('end', () => ends++);
    expect(await c.quit()).toBe('OK');
    expect(await c.quit()).toBe('OK');
    c.disconnect();
    expect(c.status).toBe('end');
    expect(ends).toBe(1);
    await expect(c.get('x')).rejects.toBeInstanceOf(ClientClosedError);
    await c.connect();
    expect(await c.ping()).toBe('PONG');
  });

  it('connecting: disconnect() ends at once and rejects what was queued', async () => {
    const c = client({ port: await freePort(), reconnectStrategy: 50 });
    const queued = c.get('x');
    expect(c.status).toBe('connecting');
    c.disconnect();
    c.disconnect();
    await expect(queued).rejects.toBeInstanceOf(ClientClosedError);
    expect(c.status).toBe('end');
  });

  it('reconnecting: quit() resolves and rejects the offline queue with ClientClosedError', async () => {
    const c = client({ port: await freePort(), reconnectStrategy: 5_000 });
    await waitFor(() => c.status === 'reconnecting');
    const queued = c.get('x');
    expect(await c.quit()).toBe('OK');
    await expect(queued).rejects.toBeInstanceOf(ClientClosedError);
    await expect(c.get('y')).rejects.toBeInstanceOf(ClientClosedError);
  });

  it('ready: two concurrent quit() calls both resolve after the pending commands; one end event', async () => {
    const c = client({ port: shared.port, db: 7 });
    let ends = 0;
    c.on('end', () => ends++);
    const pending = c.set('q', 'v');
    const [a, b] = await Promise.all([c.quit(), c.quit()]);
    expect([a, b, await pending]).toEqual(['OK', 'OK', 'OK']);
    expect(ends).toBe(1);
  });

  it('closing: disconnect() during quit() ends now; quit() still resolves', async () => {
    const c = client({ port: shared.port });
    await c.ping();
    const quitting = c.quit();
    expect(c.status).toBe('closing');
    await expect(c.get('x')).rejects.toBeInstanceOf(ClientClosedError);
    c.disconnect();
    expect(await quitting).toBe('OK');
    expect(c.status).toBe('end');
  });

  it('a reply arriving after disconnect() is never delivered; the command rejected at once', async () => {
    const f = await fake((command, reply) => {
      if (command[0] === 'GET') return void setTimeout(() => reply(resp.bulk('late')), 100);
      respondLikeRedis(command, reply);
    });
    const c = client({ port: f.port });
    await c.ping();
    const get = c.get('x');
    await sleep(20);
    c.disconnect();
    await expect(get).rejects.toBeInstanceOf(ConnectionClosedError);
    await sleep(150);
    expect(c.status).toBe('end');
  });
});

describe('pinned: timeouts with reconnects', () => {
  it('a timed-out command is not re-sent after a reconnect, and its late reply reaches nobody', async () => {
    let connections = 0;
    let slowPending = false;
    const f = await fake((command, reply, socket) => {
      if (command[0] === 'HELLO') connections++;
      if (command[0] === 'GET' && command[1] === 'slow') {
        // answers late (a real server keeps the order: nothing is answered before it), then the connection
        // dies before the next reply goes out
        slowPending = true;
        return void setTimeout(() => {
          reply(resp.bulk('late'));
          socket.destroy();
        }, 350);
      }
      if (command[0] === 'GET' && slowPending && connections === 1) return; // queued behind 'slow', never answered
      if (command[0] === 'GET') return reply(resp.bulk(`${command[1]}@${connections}`));
      respondLikeRedis(command, reply);
    });
    const c = client({ port: f.port, commandTimeout: 300, reconnectStrategy: 10 });
    await c.ping();
    const slow = c.get('slow');
    await expect(slow).rejects.toBeInstanceOf(CommandTimeoutError);
    const next = c.get('next'); // written behind the zombie; its connection dies before it is answered
    expect(await next).toBe('next@2'); // a read: retried on the new connection, never given 'late'
    expect(f.received.filter((command) => command[1] === 'slow')).toHaveLength(1);
  });
});

describe('pinned: offline queue, ordering, memory', () => {
  it('100,000 commands queued while the server is down all run, in order, once it is up', async () => {
    const port = await freePort();
    const c = client({ port, reconnectStrategy: 20, offlineQueueAttempts: 10_000 });
    const heapBefore = process.memoryUsage().heapUsed;
    const total = 100_000;
    const replies: Promise<number>[] = [];
    for (let i = 0; i < total; i++) replies.push(c.incr('counter'));
    const heapQueued = process.memoryUsage().heapUsed;
    expect(c.connection.queuedCount).toBe(total);
    await expect(c.get('one-too-many')).rejects.toThrow(/Offline queue is full/);
    const s = await ownServer({ port });
    const values = await Promise.all(replies);
    expect(values[0]).toBe(1);
    expect(values[total - 1]).toBe(total);
    expect(values.every((v, i) => v === i + 1)).toBe(true);
    expect(await s.cli('GET', 'counter')).toBe(String(total));
    console.log(`core-review: 100k queued INCRs held ~${Math.round((heapQueued - heapBefore) / total)} B heap each`);
  });

  it('large Buffers and strings queued in one turn keep their order', async () => {
    const c = client({ port: shared.port, db: 8 });
    await c.flushdb();
    const big = Buffer.alloc(2 * 1024 * 1024, 0xab);
    const steps = [
      c.set('k', big),
      c.append('k', 'é'),
      c.set('s', 'x'.repeat(100_000)),
      c.append('k', Buffer.from([0x00, 0xff])),
      c.append('s', Buffer.from('🙂')),
      c.strlen('k'),
      c.getBuffer('k'),
      c.get('s'),
    ] as const;
    const results = await Promise.all(steps);
    expect(results[5]).toBe(big.length + 2 + 2);
    const k = results[6] as Buffer;
    expect(k.subarray(big.length)).toEqual(Buffer.from([0xc3, 0xa9, 0x00, 0xff]));
    expect(k.subarray(0, big.length).equals(big)).toBe(true);
    expect(results[7]).toBe(`${'x'.repeat(100_000)}🙂`);
  });

  it('unicode keys and values, and edge numbers as arguments, round-trip as documented', async () => {
    const c = client({ port: shared.port, db: 9 });
    await c.flushdb();
    const key = 'ключ:🔑:鍵';
    await c.set(key, '値\u0000\r\n🙂');
    expect(await c.get(key)).toBe('値\u0000\r\n🙂');
    expect(await c.keys('ключ:*')).toEqual([key]);
    await c.mset({ neg0: -0, big: 1e21, inf: Infinity, tiny: 1e-7, half: 0.5 });
    expect(await c.mget('neg0', 'big', 'inf', 'tiny', 'half')).toEqual(['0', '1e+21', '+inf', '1e-7', '0.5']);
    await c.zadd('z', { low: -Infinity, high: Infinity });
    expect(await c.zrangeWithScores('z', 0, -1)).toEqual([
      { member: 'low', score: -Infinity },
      { member: 'high', score: Infinity },
    ]);
    await expect(c.set('nan', NaN)).rejects.toBeInstanceOf(ArgumentError);
  });

  it('integer replies beyond 2^53 come back exact (bigint), within 2^53 as numbers', async () => {
    for (const protocol of [2, 3] as const) {
      const c = client({ port: shared.port, protocol, db: 10 });
      await c.set('n', String(Number.MAX_SAFE_INTEGER - 1));
      expect(await c.incr('n')).toBe(Number.MAX_SAFE_INTEGER);
      expect(await c.incr('n')).toBe(BigInt(Number.MAX_SAFE_INTEGER) + 1n);
      await c.del('n');
    }
  });

  it('keepAlive reaches the socket over TCP and TLS, and false turns it off', async () => {
    const tlsServer = await ownServer({ tls: true });
    const tcp = client({ port: shared.port, keepAlive: 1_000, name: 'ka-tcp' });
    const tls = client(tlsServer.url, { tls: { ca: tlsServer.tls!.ca }, keepAlive: 1_000 });
    const off = client({ port: shared.port, keepAlive: false });
    await Promise.all([tcp.ping(), tls.ping(), off.ping()]);
    const ports = await Promise.all([tcp, tls, off].map(async (c) => localPort(c)));
    const [tcpLine, tlsLine, offLine] = await Promise.all(ports.map((port) => ss(port)));
    expect(tcpLine).toMatch(/keepalive/);
    expect(tlsLine).toMatch(/keepalive/);
    expect(offLine).toMatch(/127\.0\.0\.1/);
    expect(offLine).not.toMatch(/keepalive/);
  });
});

describe('pinned: the same JS shapes in RESP2 and RESP3', () => {
  it('every typed family gives deep-equal results under protocol 2 and 3 (hgetall __proto__ included)', async () => {
    const runs: Record<string, unknown>[] = [];
    for (const protocol of [2, 3] as const) {
      const c = client({ port: shared.port, protocol, db: 11 });
      await c.flushdb();
      runs.push(await battery(c));
      expect(c.protocol).toBe(protocol);
    }
    const [resp2, resp3] = runs as [Record<string, unknown>, Record<string, unknown>];
    for (const name of Object.keys(resp3)) expect({ [name]: resp2[name] }).toEqual({ [name]: resp3[name] });
    const hash = resp3.hgetall as Record<string, string>;
    expect(Object.getPrototypeOf(hash)).toBe(Object.prototype);
    expect(Object.keys(hash).sort()).toEqual(['__proto__', 'constructor', 'plain']);
    expect(Object.getOwnPropertyDescriptor(hash, '__proto__')?.value).toBe('p');
  });
});

/** One call per typed family; values are normalised only where the server's order is unspecified. */
async function battery(c: Redis): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  out.set = await c.set('s', 'v');
  out.get = await c.get('s');
  out.getBuffer = await c.getBuffer('s');
  out.setnx = await c.setnx('s', 'w');
  out.mget = await c.mget('s', 'missing');
  out.incr = await c.incr('n');
  out.incrbyfloat = await c.incrbyfloat('f', 1.25);
  out.getrange = await c.getrange('s', 0, 0);
  out.exists = await c.exists('s', 'missing');
  out.type = await c.type('s');
  out.expire = await c.expire('s', 100);
  out.ttl = await c.ttl('s');
  out.persist = await c.persist('s');
  out.scan = await c.scan(0, 'COUNT', 100);
  out.hset = await c.hset('h', JSON.parse('{"__proto__":"p","constructor":"c","plain":"x"}') as Record<string, string>);
  out.hgetall = await c.hgetall('h');
  out.hgetallMissing = await c.hgetall('nohash');
  out.hgetallBuffer = Object.fromEntries(Object.entries(await c.hgetallBuffer('h')).map(([k, v]) => [k, v.toString()]));
  out.hmget = await c.hmget('h', 'plain', 'nope');
  out.hexists = await c.hexists('h', 'plain');
  out.hincrbyfloat = await c.hincrbyfloat('h', 'num', 0.5);
  out.hkeys = (await c.hkeys('h')).sort();
  out.hscan = await c.hscan('h', 0, 'COUNT', 100);
  out.rpush = await c.rpush('l', 'a', 'b', 'c');
  out.lrange = await c.lrange('l', 0, -1);
  out.lpop = await c.lpop('l', 2);
  out.lpos = await c.lpos('l', 'c');
  out.sadd = await c.sadd('set', 'x', 'y');
  out.smembers = (await c.smembers('set')).sort();
  out.sismember = await c.sismember('set', 'x');
  out.smismember = await c.smismember('set', 'x', 'z');
  out.sintercard = await c.sintercard(1, 'set');
  out.zadd = await c.zadd('z', { a: 1, b: 2.5, c: 3 });
  out.zrangeWithScores = await c.zrangeWithScores('z', 0, -1);
  out.zrevrangeWithScores = await c.zrevrangeWithScores('z', 0, 1);
  out.zrangebyscoreWithScores = await c.zrangebyscoreWithScores('z', 2, '+inf');
  out.zscore = await c.zscore('z', 'b');
  out.zscoreMissing = await c.zscore('z', 'nope');
  out.zmscore = await c.zmscore('z', 'a', 'nope');
  out.zincrby = await c.zincrby('z', 0.25, 'a');
  out.zrank = await c.zrank('z', 'c');
  out.zscan = await c.zscan('z', 0);
  out.zpopminOne = await c.zpopmin('z');
  out.zpopmaxTwo = await c.zpopmax('z', 2);
  out.xadd = await c.xadd('st', '1-1', { f: 'v1' });
  await c.xadd('st', '2-1', ['f', 'v2', 'g', 'w']);
  out.xrange = await c.xrange('st');
  out.xrevrange = await c.xrevrange('st', '+', '-', 1);
  out.xread = await c.xread({ st: '0' }, { count: 1 });
  out.xgroupCreate = await c.xgroupCreate('st', 'grp', '0');
  out.xreadgroup = await c.xreadgroup('grp', 'alice', { st: '>' }, { count: 1 });
  out.xack = await c.xack('st', 'grp', '1-1');
  out.xinfoGroups = await c.xinfoGroups('st');
  out.xlen = await c.xlen('st');
  out.publish = await c.publish('nobody', 'm');
  out.pubsubNumsub = await c.pubsubNumsub('nobody');
  out.eval = await c.eval("return {KEYS[1], ARGV[1], 3, redis.call('GET', KEYS[1])}", ['s'], ['arg']);
  out.scriptExists = await c.scriptExists('0000000000000000000000000000000000000000');
  out.ping = await c.ping();
  out.echo = await c.echo('é');
  out.dbsize = await c.dbsize();
  out.configGet = await c.configGet('maxmemory-policy');
  out.timeShape = Object.keys(await c.time());
  await c.rpush('bl', 'e');
  out.blpop = await c.blpop('bl', 1);
  await c.zadd('bz', { m: 1.5 });
  out.bzpopmin = await c.bzpopmin('bz', 1);
  return out;
}

function localPort(c: Redis): number {
  const socket = (c.connection as unknown as { socket?: { localPort?: number } }).socket;
  if (socket?.localPort === undefined) throw new Error('no socket');
  return socket.localPort;
}

/** `ss` lines (timers included) of the established TCP socket whose LOCAL port is `port`. */
function ss(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('ss', ['-tnoH', 'state', 'established', `( sport = :${port} )`], (err, stdout) => (err ? reject(err) : resolve(stdout.trim())));
  });
}
