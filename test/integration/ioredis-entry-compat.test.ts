// Behaviours of the 'ocredis/ioredis' entry that ioredis applications (and ioredis's own tests) rely on,
// checked against a real redis-server, with ioredis itself as the oracle: the same steps on both clients
// must give the same observations.
import { Cluster as IOCluster, Redis as IORedis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import Redis, { Cluster } from '../../src/ioredis/index.js';
import { freePort } from '../helpers/free-port.js';
import { waitFor } from '../helpers/wait-for.js';
import { startRedisServer, type RedisServerHandle } from '../helpers/redis-server.js';

let server: RedisServerHandle;
const opened: { disconnect(): void }[] = [];

beforeAll(async () => {
  server = await startRedisServer();
});
afterAll(async () => {
  await server?.stop();
});
afterEach(() => {
  for (const client of opened.splice(0)) client.disconnect();
});

/**
 * Our client and ioredis's, both with `options`, for a test to run the same steps on each (ours typed as
 * ioredis's: the same methods).
 */
function both(options: Record<string, unknown> = {}): [IORedis, IORedis] {
  const ours = new Redis({ port: server.port, ...options });
  const theirs = new IORedis({ port: server.port, ...options });
  opened.push(ours, theirs);
  return [ours as unknown as IORedis, theirs];
}

describe('autoPipelineQueueSize (enableAutoPipelining)', () => {
  /** The queue sizes seen along a run of commands, with a command queued while a batch is in flight. */
  async function sizes(r: IORedis): Promise<number[]> {
    const seen: number[] = [r.autoPipelineQueueSize];
    await r.set('ap:a', '1');
    seen.push(r.autoPipelineQueueSize);
    const first = Promise.all([r.get('ap:a'), r.get('ap:a'), r.hmget('ap:h', 'f')]);
    seen.push(r.autoPipelineQueueSize);
    const later = new Promise<void>((resolve) => {
      process.nextTick(() => {
        void r.get('ap:a').then(() => {
          seen.push(r.autoPipelineQueueSize);
          resolve();
        });
        seen.push(r.autoPipelineQueueSize);
      });
    });
    await Promise.all([first, later]);
    seen.push(r.autoPipelineQueueSize);
    return seen;
  }

  it('counts the commands waiting for the next flush, as ioredis does (ignored commands not counted)', async () => {
    const options = { enableAutoPipelining: true, autoPipeliningIgnoredCommands: ['hmget'] };
    const [ours, theirs] = both(options);
    const expected = await sizes(theirs);
    expect(expected).toEqual([0, 0, 2, 3, 0, 0]);
    expect(await sizes(ours)).toEqual(expected);
  });

  it('is 0 without enableAutoPipelining', async () => {
    const [ours, theirs] = both();
    const pending = [ours.get('ap:a'), theirs.get('ap:a')];
    expect([ours.autoPipelineQueueSize, theirs.autoPipelineQueueSize]).toEqual([0, 0]);
    await Promise.all(pending);
  });
});

describe('arguments as ioredis writes them', () => {
  it('null and undefined are sent as empty strings, booleans as their text (Map keys too)', async () => {
    for (const r of both()) {
      await r.set('arg:null', null as unknown as string);
      await r.hmset('arg:map', new Map<unknown, unknown>([[42, true], ['u', undefined]]) as Map<string, string>);
      expect([await r.get('arg:null'), await r.hgetall('arg:map')]).toEqual(['', { 42: 'true', u: '' }]);
      await r.del('arg:null', 'arg:map');
    }
  });
});

describe('errors ioredis users match on', () => {
  it("a command after disconnect(): 'Connection is closed.'", async () => {
    for (const r of both()) {
      await r.ping();
      r.disconnect();
      await expect(r.get('k')).rejects.toThrow('Connection is closed.');
    }
  });

  it("enableOfflineQueue: false before connecting: 'Stream isn't writeable and enableOfflineQueue options is false'", async () => {
    for (const r of both({ enableOfflineQueue: false, lazyConnect: true })) {
      await expect(r.get('k')).rejects.toThrow("Stream isn't writeable and enableOfflineQueue options is false");
    }
  });
});

describe('enableOfflineQueue: false while the handshake runs', () => {
  it("in a 'connect' listener SELECT (a command a loading server runs) goes out once ready; GET is refused", async () => {
    for (const r of both({ enableOfflineQueue: false, lazyConnect: true })) {
      const outcomes = new Promise<[unknown, unknown]>((resolve) => {
        r.once('connect', () => {
          const select = r.select(2).then(
            (reply) => reply,
            (error: Error) => error.message,
          );
          const get = r.get('k').then(
            (reply) => reply,
            (error: Error) => error.message,
          );
          void Promise.all([select, get]).then(resolve);
        });
      });
      await r.connect();
      expect(await outcomes).toEqual(['OK', "Stream isn't writeable and enableOfflineQueue options is false"]);
    }
  });
});

describe('the handshake on the wire', () => {
  /** The commands a new client with `options` sends while connecting, as MONITOR shows them (name, sub-command). */
  async function handshakeOf(create: (options: Record<string, unknown>) => IORedis, options: Record<string, unknown>): Promise<string[]> {
    const watcher = new IORedis({ port: server.port });
    opened.push(watcher);
    const monitor = await watcher.monitor();
    opened.push(monitor);
    const seen: string[] = [];
    monitor.on('monitor', (_time: string, args: string[]) => seen.push(args[0] as string));
    const r = create(options);
    opened.push(r);
    r.on('error', () => undefined);
    await new Promise((resolve) => r.once('ready', resolve));
    await r.ping(); // after the handshake: MONITOR has shown all of it once PING is seen
    await waitFor(() => seen.includes('ping'));
    monitor.disconnect();
    return seen.slice(0, seen.indexOf('ping')).sort();
  }

  // ioredis 6 with protocol 2 is ioredis 5's handshake, which is the entry's unless protocol 3 is asked for.
  it('is ioredis’s (protocol 2): the same commands, names in lower case, no HELLO', async () => {
    const options = { port: server.port, db: 3, connectionName: 'wire', protocol: 2 };
    const ours = await handshakeOf((o) => new Redis(o) as unknown as IORedis, options);
    const theirs = await handshakeOf((o) => new IORedis(o), options);
    expect(ours).toEqual(theirs);
    expect(ours).toContain('info');
    expect(ours).not.toContain('hello');
  });
});

describe('subscriber mode', () => {
  it("protocol 2: mode is 'subscriber' inside the subscribe callback, other commands are refused, and unsubscribing ends it", async () => {
    for (const r of both({ protocol: 2 })) {
      const seen = await new Promise<[string, string]>((resolve) => {
        void r.subscribe('sm:c', () => {
          const mode = r.mode;
          r.set('sm:k', 'v', (error) => resolve([mode, error?.message ?? 'no error']));
        });
      });
      expect(seen[0]).toBe('subscriber');
      expect(seen[1]).toMatch(/subscriber mode/);
      expect(await r.unsubscribe('sm:c')).toBe(0);
      expect(r.mode).toBe('normal');
      expect(await r.set('sm:k', 'v')).toBe('OK');
    }
  });

  it("protocol 3 and no protocol (ioredis 6's default): a subscribed client stays in 'normal' mode and keeps running commands", async () => {
    for (const options of [{ protocol: 3 }, {}]) {
      for (const r of both(options)) {
        await r.subscribe('sm:c3');
        expect(r.mode).toBe('normal');
        expect(await r.set('sm:k3', 'v')).toBe('OK');
      }
    }
  });
});

describe('redis.stream', () => {
  it('is the socket: destroying it is a lost connection, the client reconnects to the db it had selected', async () => {
    for (const r of both()) {
      await r.select(2);
      await r.set('stream:k', 'in 2');
      const closed = new Promise((resolve) => r.once('close', resolve));
      const ready = new Promise((resolve) => r.once('ready', resolve));
      r.stream.destroy();
      await Promise.all([closed, ready]);
      expect(await r.get('stream:k')).toBe('in 2');
      await r.del('stream:k');
    }
  });
});

describe("'select' event", () => {
  it('fires with the db number when a SELECT changes the db, not when it stays', async () => {
    for (const r of both({ db: 1 })) {
      const changes: unknown[] = [];
      r.on('select', (db) => changes.push(db));
      await r.select(1);
      await r.select('2');
      await r.select(2);
      await r.call('select', 0);
      expect(changes).toEqual([2, 0]);
    }
  });
});

describe('options and life-cycle events', () => {
  it('options show the port and db a TCP client uses when none were given; duplicate() copies them', () => {
    const r = new Redis({ lazyConnect: true });
    const twin = r.duplicate();
    r.options.port = 1234;
    expect([twin.options.port, twin.options.db]).toEqual([6379, 0]);
    expect(new Redis({ path: '/tmp/x.sock', lazyConnect: true }).options.port).toBeUndefined();
  });

  it("emits 'close' for every failed attempt (close, reconnecting …, close, end), as ioredis", async () => {
    const dead = await freePort();
    const events = async (r: IORedis): Promise<string[]> => {
      const seen: string[] = [];
      for (const name of ['close', 'reconnecting', 'end']) r.on(name, () => seen.push(name));
      r.on('error', () => undefined);
      await new Promise((resolve) => r.once('end', resolve));
      return seen;
    };
    const options = { port: dead, retryStrategy: (times: number) => (times < 3 ? 10 : null) };
    const theirs = await events(new IORedis(options));
    expect(theirs).toEqual(['close', 'reconnecting', 'close', 'reconnecting', 'close', 'end']);
    expect(await events(new Redis(options) as unknown as IORedis)).toEqual(theirs);
  });

  it("disconnect() while waiting to reconnect: 'end' without a second 'close' (ioredis: one 'close', no 'end')", async () => {
    const r = new Redis({ port: await freePort(), retryStrategy: () => 50 });
    const seen: string[] = [];
    r.on('error', () => undefined);
    for (const name of ['close', 'end']) r.on(name, () => seen.push(name));
    await new Promise((resolve) => r.once('reconnecting', resolve));
    const ended = new Promise((resolve) => r.once('end', resolve));
    r.disconnect();
    await ended;
    expect(seen).toEqual(['close', 'end']);
  });

  it('quitBuffer() before connecting closes the client (no QUIT sent, no reconnect) and resolves a Buffer', async () => {
    const dead = await freePort();
    for (const r of [new IORedis({ port: dead, retryStrategy: () => null }), new Redis({ port: dead, retryStrategy: () => null }) as unknown as IORedis]) {
      r.on('error', () => undefined);
      expect(await (r as unknown as { quitBuffer(): Promise<Buffer> }).quitBuffer()).toEqual(Buffer.from('OK'));
    }
  });
});

describe('disconnect()', () => {
  it('half-closes as ioredis does: a reply already on its way still resolves its command', async () => {
    for (const r of both()) {
      await r.set('dc:k', 'v');
      const inFlight = r.get('dc:k');
      r.disconnect();
      expect(await inFlight).toBe('v');
      await expect(r.get('dc:k')).rejects.toThrow('Connection is closed.');
    }
  });
});

describe('monitor()', () => {
  it("resolves to a client in 'monitor' mode: commands reject, disconnect(true) monitors again ('ready')", async () => {
    for (const r of both()) {
      const monitor = await r.monitor();
      let poke: NodeJS.Timeout | undefined;
      try {
        expect([r.mode, monitor.mode]).toEqual(['normal', 'monitor']);
        await expect(monitor.get('k')).rejects.toThrow(/Connection is in monitoring mode/);
        const ready = new Promise((resolve) => monitor.once('ready', resolve));
        monitor.disconnect(true);
        await ready;
        const seen = new Promise<unknown[]>((resolve) => {
          monitor.on('monitor', (_time: string, args: unknown[]) => {
            if (String(args[0]).toLowerCase() === 'set') resolve(args);
          });
        });
        // ioredis's 'ready' may come before its MONITOR is confirmed: repeat the SET until one is seen.
        poke = setInterval(() => void r.set('mon:k', 'after'), 20);
        expect((await seen).slice(1)).toEqual(['mon:k', 'after']);
      } finally {
        clearInterval(poke);
        monitor.disconnect();
      }
    }
  });
});

describe('pub/sub as ioredis', () => {
  it("pmessageBuffer gives the pattern as text; with stringNumbers the (un)subscribe counts are text", async () => {
    const [publisher] = both();
    for (const r of both({ stringNumbers: true })) {
      const got = new Promise<unknown[]>((resolve) => r.once('pmessageBuffer', (...args: unknown[]) => resolve(args)));
      expect(await r.psubscribe('ps:?')).toBe('1');
      await publisher.publish('ps:a', 'hi');
      expect(await got).toEqual(['ps:?', Buffer.from('ps:a'), Buffer.from('hi')]);
      expect(await r.punsubscribe()).toBe('0');
    }
  });

  it("quit() on a subscribed client settles (and calls back) before 'end'", async () => {
    for (const r of both()) {
      await r.subscribe('q:c');
      const order: string[] = [];
      const ended = new Promise((resolve) => r.once('end', resolve));
      r.on('end', () => order.push('end'));
      void r.quit(() => order.push('quit callback'));
      await ended;
      expect(order).toEqual(['quit callback', 'end']);
    }
  });

  it('disconnect(true): commands and unsubscribe issued right after it wait for the new connection', async () => {
    for (const r of both({ connectionName: 'niceName' })) {
      await r.subscribe('dt:c');
      r.disconnect(true);
      const replies = await Promise.all([r.unsubscribe('dt:c'), r.client('GETNAME'), r.get('dt:none')]);
      expect(replies).toEqual([0, 'niceName', null]);
    }
  });

  it("disconnect(true): by 'ready' the subscriptions are back, a message published then arrives", async () => {
    const [publisher] = both();
    for (const r of both()) {
      await r.subscribe('rs:c');
      await r.psubscribe('rs:p*');
      const ready = new Promise((resolve) => r.once('ready', resolve));
      r.disconnect(true);
      await ready;
      // ioredis writes its SUBSCRIBEs as it turns ready: a command after them makes sure they reached the
      // server (its own test does the same). Ours are confirmed by 'ready' already.
      await r.ping();
      const got = new Promise<string[]>((resolve) => {
        const seen: string[] = [];
        const note = (text: string): void => {
          seen.push(text);
          if (seen.length === 2) resolve(seen.sort());
        };
        r.on('message', (channel: string) => note(channel));
        r.on('pmessage', (_pattern: string, channel: string) => note(channel));
      });
      await publisher.publish('rs:c', 'one');
      await publisher.publish('rs:p1', 'two');
      expect(await got).toEqual(['rs:c', 'rs:p1']);
    }
  });
});

describe('scanStream()', () => {
  it("reads each page through the client's own scan() with the arguments as one array (COUNT as text), as ioredis", async () => {
    const [r] = both();
    await r.mset('ss:1', '1', 'ss:2', '1', 'ss:3', '1');
    const calls: unknown[][] = [];
    const scan = r.scan.bind(r);
    (r as unknown as { scan: (...args: unknown[]) => unknown }).scan = (...args: unknown[]) => {
      calls.push(args);
      return (scan as (...a: unknown[]) => unknown)(...args);
    };
    const keys: string[] = [];
    for await (const page of r.scanStream({ match: 'ss:*', count: 2 })) keys.push(...(page as string[]));
    expect(keys.sort()).toEqual(['ss:1', 'ss:2', 'ss:3']);
    expect(calls[0]).toEqual([['0', 'MATCH', 'ss:*', 'COUNT', '2']]);
  });
});

describe('pipeline.options', () => {
  it("is the client's options, as in ioredis", () => {
    for (const r of both({ showFriendlyErrorStack: true, lazyConnect: true })) {
      expect((r.pipeline() as unknown as { options: object }).options).toHaveProperty('showFriendlyErrorStack', true);
    }
  });
});

describe('a lazy Cluster without startup nodes (as ioredis takes it)', () => {
  type LazyCluster = { status: string; connect(): Promise<void>; disconnect(reconnect?: boolean): void; once(event: string, fn: () => void): unknown; multi(): { get(key: string): { exec(): Promise<unknown> } } };
  const lazy = (): LazyCluster[] => [new Cluster([], { lazyConnect: true }) as unknown as LazyCluster, new IOCluster([], { lazyConnect: true }) as unknown as LazyCluster];

  it("is built without connecting; disconnect() emits 'close' then 'end' on a later tick", async () => {
    for (const c of lazy()) {
      expect(c.status).toBe('wait');
      c.disconnect();
      const order: string[] = [];
      await new Promise<void>((resolve) => {
        c.once('close', () => order.push('close'));
        c.once('end', () => {
          order.push('end');
          resolve();
        });
      });
      expect(order).toEqual(['close', 'end']);
    }
  });

  it('a MULTI exec() connects it through connect(); disconnect(true) calls connect() after close', async () => {
    for (const c of lazy()) {
      let connects = 0;
      const connect = c.connect.bind(c);
      c.connect = () => {
        connects++;
        return connect().catch(() => undefined);
      };
      await c.multi().get('k').exec().catch(() => undefined);
      expect(connects).toBe(1);
      const closed = new Promise<void>((resolve) => c.once('close', resolve));
      c.disconnect(true);
      await closed;
      await new Promise((resolve) => setImmediate(resolve));
      expect(connects).toBe(2);
      c.disconnect();
    }
  });
});

describe('reply shapes as ioredis', () => {
  it('…Buffer methods give status replies as Buffers; an inline EXEC shapes each result as its command', async () => {
    const outcomes: unknown[] = [];
    // ioredis 6's types do not list typeBuffer, setBuffer's two-argument form or pipeline().multi().
    for (const r of both() as any[]) {
      await r.del('rs:h');
      const set = await r.setBuffer('rs:s', 'v');
      await r.hset('rs:h', { name: 'Bob' });
      const type = await r.typeBuffer('rs:h');
      const inline = await r.pipeline().multi().typeBuffer('rs:h').hgetall('rs:h').exec().exec();
      outcomes.push([set, type, inline]);
    }
    expect(outcomes[0]).toEqual(outcomes[1]);
    expect(outcomes[0]).toEqual([
      Buffer.from('OK'),
      Buffer.from('hash'),
      [
        [null, 'OK'],
        [null, Buffer.from('QUEUED')],
        [null, 'QUEUED'],
        [null, [Buffer.from('hash'), { name: 'Bob' }]],
      ],
    ]);
  });
});

describe('defined scripts: reply shapes as ioredis', () => {
  it('a single call and a pipeline call give the same shapes: stringNumbers, status replies of the …Buffer form', async () => {
    const outcomes: unknown[] = [];
    for (const r of both({ stringNumbers: true }) as any[]) {
      r.defineCommand('dsShape', { numberOfKeys: 0, lua: "return {1, 'two', redis.status_reply('OK')}" });
      const single = await r.dsShape();
      const buffer = await r.dsShapeBuffer();
      const piped = await r.pipeline().dsShape().dsShapeBuffer().exec();
      outcomes.push([single, buffer, piped]);
    }
    expect(outcomes[0]).toEqual(outcomes[1]);
    expect(outcomes[0]).toEqual([
      ['1', 'two', 'OK'],
      ['1', Buffer.from('two'), Buffer.from('OK')],
      [
        [null, ['1', 'two', 'OK']],
        [null, ['1', Buffer.from('two'), Buffer.from('OK')]],
      ],
    ]);
  });
});

describe('multi({ pipeline: false })', () => {
  it("sends MULTI now; the client's next commands reply 'QUEUED'; redis.exec() gives [[error, result], …]", async () => {
    const outcomes: unknown[] = [];
    for (const r of both() as any[]) {
      const steps = [await r.multi({ pipeline: false }), await r.set('mp:k', 'v'), await r.get('mp:k'), await r.exec()];
      outcomes.push(steps);
    }
    expect(outcomes[0]).toEqual(outcomes[1]);
    expect(outcomes[0]).toEqual(['OK', 'QUEUED', 'QUEUED', [[null, 'OK'], [null, 'v']]]);
  });
});
