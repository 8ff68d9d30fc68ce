// The 'ocredis/ioredis' entry against a real redis-server, with ioredis itself as the oracle where the two
// must agree: the same call on both gives the same result.
import { Redis as IORedis } from 'ioredis';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import Redis, { Cluster, OcRedis, Pipeline, Redis as NamedRedis, ReplyError, UnknownOptionError } from '../../src/ioredis/index.js';
import { Redis as CoreRedis } from '../../src/client/redis.js';
import { ArgumentError } from '../../src/errors.js';
import { COMMAND_TABLE } from '../../src/commands/generated/command-table.js';
import { CONTAINER_COMMANDS } from '../../src/ioredis/commands.js';
import { startRedisServer, type RedisServerHandle } from '../helpers/redis-server.js';

/** ioredis 6 added `protocol` and `replyMapping`; with 5.x as the oracle their comparison is skipped. */
const ORACLE_MAJOR = Number((createRequire(import.meta.url)('ioredis/package.json') as { version: string }).version.split('.')[0]);

let server: RedisServerHandle;
let oracle: IORedis;
const opened: { disconnect(): void }[] = [];

beforeAll(async () => {
  server = await startRedisServer();
  oracle = new IORedis({ port: server.port, lazyConnect: true });
  await oracle.connect();
});
afterAll(async () => {
  oracle?.disconnect();
  await server?.stop();
});
afterEach(() => {
  for (const client of opened.splice(0)) client.disconnect();
});

function client(...args: unknown[]): Redis {
  const r = args.length === 0 ? new Redis(server.port) : new (Redis as unknown as new (...a: unknown[]) => Redis)(...args);
  opened.push(r);
  return r;
}

/** Runs `call` on our client and on ioredis and expects the same outcome (value, or error message). */
async function same(call: (r: any) => Promise<unknown>, _key?: string): Promise<unknown> {
  const r = client();
  await oracle.flushdb();
  const ours = await call(r).then(
    (value) => ({ value: comparable(value) }),
    (error: Error) => ({ error: error.message }),
  );
  await oracle.flushdb();
  const theirs = await call(oracle).then(
    (value) => ({ value: comparable(value) }),
    (error: Error) => ({ error: error.message }),
  );
  expect(ours).toEqual(theirs);
  return 'value' in ours ? ours.value : ours.error;
}

/**
 * Errors inside results compared by class name and message: ioredis's `error.command` is `{ name, args }`,
 * ours the upper-case name (README: "Coming from ioredis").
 */
function comparable(value: unknown): unknown {
  if (value instanceof Error) return { error: value.name, message: value.message };
  if (Array.isArray(value)) return value.map(comparable);
  return value;
}

describe('exports', () => {
  it('default export and named Redis are the same class; Redis.Cluster is Cluster; the core stays the core', () => {
    expect(NamedRedis).toBe(Redis);
    expect(Redis.Cluster).toBe(Cluster);
    const r = client();
    expect(r).toBeInstanceOf(Redis);
    expect(r.core).toBeInstanceOf(CoreRedis);
    expect(new ReplyError('ERR x').name).toBe('ReplyError');
  });

  it('types a method for every command with sub-commands in the command table', () => {
    const containers = new Set(Object.keys(COMMAND_TABLE).filter((name) => name.includes('|')).map((name) => name.split('|')[0]));
    expect([...CONTAINER_COMMANDS].sort()).toEqual([...containers].sort());
  });
});

describe('constructor forms and options', () => {
  it('takes (), (port), (port, host), (port, host, options), (url), (url, options), (options) and (path)', async () => {
    const forms: unknown[][] = [
      [server.port],
      [server.port, '127.0.0.1'],
      [server.port, '127.0.0.1', { db: 2 }],
      [`redis://127.0.0.1:${server.port}/3`],
      [`redis://127.0.0.1:${server.port}`, { db: 4 }],
      [`127.0.0.1:${server.port}`],
      [{ port: server.port, db: 5 }],
      [String(server.port)],
    ];
    const dbs = [0, 0, 2, 3, 4, 0, 5, 0];
    for (const [i, args] of forms.entries()) {
      const r = client(...args);
      expect(await r.ping()).toBe('PONG');
      expect(await r.client('INFO')).toContain(` db=${dbs[i]} `);
    }
  });

  it('reads a unix socket path', async () => {
    const unix = await startRedisServer({ unixSocket: true });
    try {
      const r = client(unix.socketPath);
      expect(await r.ping()).toBe('PONG');
    } finally {
      await unix.stop();
    }
  });

  it('first value given wins, as in ioredis: new Redis(port, { port: other }) uses port', async () => {
    const r = client(server.port, { port: 1 });
    expect(await r.ping()).toBe('PONG');
    expect(r.options.port).toBe(server.port);
  });

  it('maps ioredis option names: connectionName, keyPrefix, retryStrategy, enableOfflineQueue, lazyConnect', async () => {
    const r = client({ port: server.port, connectionName: 'io-entry', keyPrefix: 'pre:', retryStrategy: () => 50, lazyConnect: true });
    expect(r.status).toBe('wait');
    await r.set('k', 'v');
    expect(await oracle.get('pre:k')).toBe('v');
    expect(await r.client('GETNAME')).toBe('io-entry');
    const offline = client({ port: server.port, enableOfflineQueue: false, lazyConnect: true });
    await expect(offline.get('k')).rejects.toThrow();
  });

  it('accepts the options ioredis users set that ocredis needs not (enableAutoPipelining …)', async () => {
    const r = client({ port: server.port, enableAutoPipelining: true, enableReadyCheck: true, autoResubscribe: true, showFriendlyErrorStack: true, family: 4, maxRetriesPerRequest: null });
    expect(await r.ping()).toBe('PONG');
  });

  it('refuses unknown options with the name of the fix, before connecting', () => {
    expect(() => new Redis({ port: server.port, monitor: true } as never)).toThrow(UnknownOptionError);
    expect(() => new Redis({ port: server.port, comandTimeout: 1 } as never)).toThrow(/commandTimeout/);
    expect(() => new Redis({ port: server.port, replyMapping: 'resp3' })).toThrow(/protocol: 3/);
  });

  it('runs the scripts option as methods', async () => {
    const r = client({ port: server.port, scripts: { echoKeys: { lua: 'return {KEYS[1], ARGV[1]}', numberOfKeys: 1 } } });
    expect(await (r as any).echoKeys('a', 'b')).toEqual(['a', 'b']);
  });
});

describe('reply shapes, as ioredis gives them', () => {
  it('a HELLO that would switch the RESP version under the reply shapes is refused before sending; the shapes stay', async () => {
    const r = client();
    // hello() is untyped here (the entry's types leave out what changes the shared connection's protocol).
    const hello = (client: Redis, ...args: unknown[]): Promise<unknown> => (client as unknown as { hello(...a: unknown[]): Promise<unknown> }).hello(...args);
    await expect(hello(r, 3)).rejects.toBeInstanceOf(ArgumentError);
    await expect(r.call('HELLO', '3')).rejects.toThrow(/replyMapping: 'resp3'/);
    expect(await hello(r, 2)).toContain('proto');
    await r.zadd('shape:hello', 1, 'a');
    expect(await r.zrange('shape:hello', 0, -1, 'WITHSCORES')).toEqual(['a', '1']);
    const resp3 = client({ port: server.port, protocol: 3, replyMapping: 'resp3' });
    expect(await hello(resp3, 3)).toMatchObject({ proto: 3 });
  });

  it('integers stay numbers: expire, setnx, sismember, exists → 1 / 0', async () => {
    for (const call of [
      (r: any) => r.set('shape:i', 'v').then(() => Promise.all([r.expire('shape:i', 100), r.expire('shape:none', 1), r.setnx('shape:i', 'x'), r.exists('shape:i'), r.ttl('shape:i')])),
      (r: any) => r.sadd('shape:i', 'a').then(() => Promise.all([r.sismember('shape:i', 'a'), r.sismember('shape:i', 'b'), r.smismember('shape:i', 'a', 'b')])),
    ]) {
      await same(call, 'shape:i');
    }
    expect(await same((r) => r.set('shape:i', 'v').then(() => r.expire('shape:i', 100)), 'shape:i')).toBe(1);
  });

  it('scan → [cursor, keys]; zrange WITHSCORES → flat strings; hgetall → object; zscore → string', async () => {
    await same((r) => r.zadd('shape:z', 1, 'a', 2.5, 'b').then(() => Promise.all([r.zrange('shape:z', 0, -1, 'WITHSCORES'), r.zscore('shape:z', 'b'), r.zpopmin('shape:z')])), 'shape:z');
    const value = await same((r) => r.hset('shape:h', { a: '1', b: '2' }).then(() => r.hgetall('shape:h')), 'shape:h');
    expect(value).toEqual({ a: '1', b: '2' });
    await same((r) => r.hset('shape:h', new Map([['m', 'n']])).then(() => r.hgetall('shape:h')), 'shape:h');
    await same((r) => r.rpush('shape:l', ['a', 'b', 'c']).then(() => r.scan(0, 'MATCH', 'shape:l', 'COUNT', 1000)), 'shape:l');
    await same((r) => r.call('hset', 'shape:h', 'f', 'v').then(() => r.call('hgetall', 'shape:h')), 'shape:h');
    await same((r) => r.mset({ 'shape:m': 'x' }).then(() => r.mget('shape:m', 'shape:none')), 'shape:m');
    await same((r) => r.xadd('shape:x', '1-1', 'f', 'v').then(() => Promise.all([r.xrange('shape:x', '-', '+'), r.xread('STREAMS', 'shape:x', '0')])), 'shape:x');
    await same((r) => r.set('shape:s', 'v').then(() => Promise.all([r.set('shape:s', 'w', 'GET'), r.set('shape:s', 'x', 'NX'), r.type('shape:s'), r.incrbyfloat('shape:f', '1.5')])), 'shape:s');
  });

  it('…Buffer methods reply with Buffers (hgetallBuffer: an object of Buffers)', async () => {
    await same((r) => r.set('shape:b', 'v').then(() => Promise.all([r.getBuffer('shape:b'), r.callBuffer('get', 'shape:b')])), 'shape:b');
    await same((r) => r.hset('shape:hb', 'f', 'v').then(() => r.hgetallBuffer('shape:hb')), 'shape:hb');
  });

  it('error replies reject with ReplyError, the server message as is', async () => {
    const message = await same((r) => r.set('shape:e', 'v').then(() => r.lpush('shape:e', 'x')), 'shape:e');
    expect(message).toMatch(/^WRONGTYPE/);
    const r = client();
    await r.set('shape:e', 'v');
    const error = await r.lpush('shape:e', 'x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReplyError);
    expect((error as ReplyError).name).toBe('ReplyError');
  });

  it('call() / send_command() take the command as a word (any case) and flatten arrays', async () => {
    await same((r) => r.call('SET', 'shape:c', 'v').then(() => r.send_command('get', ['shape:c'])), 'shape:c');
    await same((r) => r.call('config', 'get', 'maxmemory'), 'shape:none');
  });

  it("ioredis 6's protocol: 3 keeps the legacy shapes; replyMapping: 'resp3' gives maps as objects and doubles as numbers", async () => {
    const legacy = client({ port: server.port, protocol: 3 });
    const resp3 = client({ port: server.port, protocol: 3, replyMapping: 'resp3' });
    await legacy.flushdb();
    await legacy.zadd('resp3:z', 1.5, 'a');
    await legacy.hset('resp3:h', 'f', 'v');
    expect(await legacy.zrange('resp3:z', 0, -1, 'WITHSCORES')).toEqual(['a', '1.5']);
    expect(await legacy.call('CONFIG', 'GET', 'maxmemory')).toEqual(['maxmemory', '0']);
    expect(await resp3.zrange('resp3:z', 0, -1, 'WITHSCORES')).toEqual([['a', 1.5]]);
    expect(await resp3.zscore('resp3:z', 'a')).toBe(1.5);
    expect(await resp3.hgetall('resp3:h')).toEqual({ f: 'v' });
    expect(await resp3.call('CONFIG', 'GET', 'maxmemory')).toEqual({ maxmemory: '0' });
  });

  it.runIf(ORACLE_MAJOR >= 6)("protocol / replyMapping give ioredis 6's shapes (oracle: ioredis 6)", async () => {
    for (const options of [{ protocol: 2 }, { protocol: 3 }, { protocol: 3, replyMapping: 'resp3' }]) {
      const ours = client({ port: server.port, ...options });
      const theirs = new IORedis({ port: server.port, ...options } as never);
      try {
        const run = async (r: any): Promise<unknown> => {
          await r.flushdb();
          await r.zadd('m:z', 1.5, 'a');
          await r.hset('m:h', 'f', 'v');
          await r.xadd('m:x', '1-1', 'f', 'v');
          return Promise.all([r.zrange('m:z', 0, -1, 'WITHSCORES'), r.zscore('m:z', 'a'), r.hgetall('m:h'), r.call('CONFIG', 'GET', 'maxmemory'), r.xread('STREAMS', 'm:x', '0'), r.zpopmin('m:z')]);
        };
        expect(await run(ours)).toEqual(await run(theirs));
      } finally {
        theirs.disconnect();
      }
    }
  });

  it('stringNumbers: integer replies as text', async () => {
    const r = client({ port: server.port, stringNumbers: true });
    await r.del('shape:n');
    expect(await r.incr('shape:n')).toBe('1');
    expect(await r.call('exists', 'shape:n')).toBe('1');
  });

  it('node-style callbacks as the last argument', async () => {
    const r = client();
    const result = await new Promise((resolve, reject) => {
      (r as any).set('cb:k', 'v', (error: Error | null) => {
        if (error !== null) return reject(error);
        (r as any).get('cb:k', (e: Error | null, value: unknown) => (e !== null ? reject(e) : resolve(value)));
      });
    });
    expect(result).toBe('v');
    const error = await new Promise((resolve) => (r as any).call('NOSUCHCOMMAND', (e: Error | null) => resolve(e)));
    expect(error).toBeInstanceOf(ReplyError);
  });
});

describe('pipeline() and multi()', () => {
  it('chains; exec resolves [[err, result], …] and does not reject for one command failing (same as ioredis)', async () => {
    const results = await same((r) => r.set('pipe:k', 'v').then(() => r.pipeline().set('pipe:k', 'w').lpush('pipe:k', 'x').get('pipe:k').incr('pipe:n').exec()), 'pipe:k');
    expect((results as unknown[])[0]).toEqual([null, 'OK']);
    const r = client();
    const [, failed] = (await r.pipeline().set('pipe:k', 'w').lpush('pipe:k', 'x').exec())!;
    expect(failed![0]).toBeInstanceOf(ReplyError);
    expect(failed).toHaveLength(1);
  });

  it('a command sent right after exec() runs after the pipeline, as with ioredis', async () => {
    const run = async (r: any): Promise<unknown> => {
      await r.set('order:k', 'before');
      const piped = r.pipeline().set('order:k', 'piped').exec();
      const [after] = await Promise.all([r.get('order:k'), piped]);
      const multi = r.multi().set('order:k', 'multi').exec();
      const [afterMulti] = await Promise.all([r.get('order:k'), multi]);
      return [after, afterMulti];
    };
    expect(await same(run)).toEqual(['piped', 'multi']);
  });

  it('takes the array form pipeline([["set", "a", "1"], …]) and applies ioredis reply shapes (hgetall)', async () => {
    await same((r) => r.pipeline([['set', 'pipe:a', '1'], ['hset', 'pipe:h', 'f', 'v'], ['hgetall', 'pipe:h'], ['get', 'pipe:a'], ['getBuffer', 'pipe:a']]).exec(), 'pipe:a');
    const r = client();
    expect(r.pipeline()).toBeInstanceOf(Pipeline);
    expect(r.pipeline().get('a').get('b').length).toBe(2);
  });

  it('an inline transaction: pipeline().multi() … .exec() queues MULTI / EXEC inside the pipeline (as ioredis)', async () => {
    const result = await same((r) => r.pipeline().set('inline:a', '0').multi().set('inline:a', 'bar').get('inline:a').exec().get('inline:a').exec());
    expect(result).toEqual([
      [null, 'OK'],
      [null, 'OK'],
      [null, 'QUEUED'],
      [null, 'QUEUED'],
      [null, ['OK', 'bar']],
      [null, 'bar'],
    ]);
    await same((r) => r.exec());
  });

  it('multi().exec() runs atomically and gives [[null, result], …]; a run-time error sits in its place', async () => {
    await same((r) => r.set('multi:k', 'v').then(() => r.multi().incr('multi:n').lpush('multi:k', 'x').get('multi:k').exec()), 'multi:k');
  });

  it('multi().exec() rejects with EXECABORT when the server refused a queued command (as ioredis)', async () => {
    await same((r) => r.multi().set('multi:k', 'v').call('NOSUCHCOMMAND').exec(), 'multi:k');
    const r = client();
    const error = await r.multi().set('multi:k', 'v').call('NOSUCHCOMMAND').exec().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReplyError);
    expect((error as { previousErrors: unknown[] }).previousErrors).toHaveLength(1);
  });

  it('WATCH conflict: multi().exec() resolves null, and the next transaction runs again', async () => {
    const r = client();
    await r.set('watch:k', '1');
    expect(await r.watch('watch:k')).toBe('OK');
    expect(await r.get('watch:k')).toBe('1');
    await oracle.set('watch:k', 'changed by someone else');
    expect(await r.multi().set('watch:k', '2').exec()).toBeNull();
    expect(await oracle.get('watch:k')).toBe('changed by someone else');
    await r.watch('watch:k');
    expect(await r.multi().set('watch:k', '3').exec()).toEqual([[null, 'OK']]);
    expect(await oracle.get('watch:k')).toBe('3');
  });

  it('WATCH followed by a write of the same client conflicts too, as on one ioredis connection', async () => {
    const theirs = await (async () => {
      await oracle.watch('watch:own');
      await oracle.set('watch:own', 'x');
      return oracle.multi().set('watch:own', 'y').exec();
    })();
    const r = client();
    await r.watch('watch:own');
    await r.set('watch:own', 'x');
    expect(await r.multi().set('watch:own', 'y').exec()).toEqual(theirs);
    expect(theirs).toBeNull();
  });

  it('unwatch() forgets the watched keys', async () => {
    const r = client();
    await r.watch('watch:u');
    await oracle.set('watch:u', 'changed');
    expect(await r.unwatch()).toBe('OK');
    expect(await r.multi().set('watch:u', 'mine').exec()).toEqual([[null, 'OK']]);
  });

  it('exec(callback) and per-command callbacks', async () => {
    const r = client();
    const perCommand: unknown[] = [];
    const results = await new Promise((resolve, reject) => {
      r.pipeline()
        .set('cbp:k', 'v', (_e: Error | null, value: unknown) => perCommand.push(value))
        .get('cbp:k', (_e: Error | null, value: unknown) => perCommand.push(value))
        .exec((error, replies) => (error !== null ? reject(error) : resolve(replies)));
    });
    expect(results).toEqual([
      [null, 'OK'],
      [null, 'v'],
    ]);
    expect(perCommand).toEqual(['OK', 'v']);
  });
});

describe('multi() command callbacks get the queueing reply, as in ioredis', () => {
  it("'QUEUED' for each command; a refused command's own error when the transaction aborts", async () => {
    const run = (r: any): Promise<unknown[]> =>
      new Promise((resolve) => {
        const seen: unknown[] = [];
        const note = (error: Error | null, value?: unknown): void => void seen.push(error === null ? value : error.message);
        r.multi()
          .set('mcb:k', 'v', note)
          .get('mcb:k', note)
          .exec((_error: Error | null, result: unknown) => {
            r.multi()
              .set('mcb:k', note)
              .get('mcb:k', note)
              .exec((abort: Error | null) => resolve([...seen, comparable(result), abort?.message]));
          });
      });
    const ours = await run(client());
    expect(ours).toEqual(await run(oracle));
    expect(ours.slice(0, 2)).toEqual(['QUEUED', 'QUEUED']);
  });
});

describe('addBuiltinCommand', () => {
  it('adds a method (and …Buffer) for a command the table does not know, on the client and its pipelines', async () => {
    const r = client();
    r.addBuiltinCommand('echo2');
    expect(r.getBuiltinCommands()).toContain('get');
    const ours = r as any;
    // The server does not know ECHO2 either: the method exists and sends it.
    await expect(ours.echo2('x')).rejects.toThrow(/unknown command 'echo2'/i);
    const [[error]] = (await (r.pipeline() as any).echo2Buffer('x').exec()) as [[Error]];
    expect(error.message).toMatch(/unknown command/i);
  });
});

describe('defineCommand', () => {
  it('defines a method and its …Buffer variant, also on pipelines; numberOfKeys or numkeys first', async () => {
    const r = client();
    r.defineCommand('setAndGet', { numberOfKeys: 1, lua: "redis.call('SET', KEYS[1], ARGV[1]); return redis.call('GET', KEYS[1])" });
    r.defineCommand('countKeys', { lua: 'return #KEYS' });
    oracle.defineCommand('setAndGet', { numberOfKeys: 1, lua: "redis.call('SET', KEYS[1], ARGV[1]); return redis.call('GET', KEYS[1])" });
    const ours = r as any;
    const theirs = oracle as any;
    expect(await ours.setAndGet('def:k', 'v1')).toBe(await theirs.setAndGet('def:k', 'v1'));
    expect(await ours.setAndGetBuffer('def:k', 'v2')).toEqual(Buffer.from('v2'));
    expect(await ours.countKeys(2, 'a', 'b', 'arg')).toBe(2);
    const piped = await (r.pipeline() as any).setAndGet('def:k', 'v3').get('def:k').exec();
    expect(piped).toEqual(await theirs.pipeline().setAndGet('def:k', 'v3').get('def:k').exec());
    await r.script('FLUSH');
    expect(await ours.setAndGet('def:k', 'after flush')).toBe('after flush'); // NOSCRIPT: re-sent as EVAL
  });
});

/**
 * The commands the server ran while `run` ran (lower-case names, as MONITOR shows them on either client),
 * without the ones Lua scripts ran.
 */
async function monitored(run: () => Promise<unknown>): Promise<string[]> {
  const watcher = new CoreRedis({ port: server.port });
  const monitor = await watcher.monitor();
  try {
    await run();
    const marker = `monitored-end-${process.hrtime.bigint()}`;
    await watcher.call('ECHO', marker); // the server ran every command of `run` before this one
    const names: string[] = [];
    for await (const event of monitor) {
      if (event.args[1] === marker) break;
      if (event.source !== 'lua') names.push((event.args[0] as string).toLowerCase());
    }
    return names;
  } finally {
    await monitor.close();
    await watcher.quit();
  }
}

describe("defineCommand: ioredis's EVAL / EVALSHA rule (compared with ioredis through MONITOR)", () => {
  const ECHO = { numberOfKeys: 1, lua: 'return {KEYS[1], ARGV[1]} -- rule-echo' };
  const PAIR = { numberOfKeys: 2, lua: 'return {KEYS[1], KEYS[2], ARGV[1], ARGV[2]} -- rule-pair' };

  it('first use EVAL, then EVALSHA; in a pipeline the first occurrence of a script EVAL and the later ones EVALSHA', async () => {
    const scenario = async (r: any): Promise<unknown[]> => {
      await r.ping(); // connected: no handshake in the monitored commands
      r.defineCommand('ruleEcho', ECHO);
      r.defineCommand('rulePair', PAIR);
      r.defineCommand('ruleUsedFirst', { numberOfKeys: 0, lua: "return 'used' -- rule-used-first" });
      const out: unknown[] = [];
      out.push(await monitored(async () => {
        out.push(await r.pipeline().ruleEcho('a', '1').ruleEcho('b', '2').rulePair('k1', 'k2', 'v1', 'v2').rulePair('k3', 'k4', 'v3', 'v4').ruleEcho('c', '3').exec());
      }));
      // A script a single call used is EVALSHA in a later pipeline; one never used is EVAL there.
      out.push(await monitored(async () => {
        out.push(await r.ruleEcho('d', '4'), await r.ruleUsedFirst());
        out.push(await r.pipeline().ruleUsedFirst().get('rule:none').exec());
      }));
      return out;
    };
    const ours = await scenario(client());
    expect(ours).toEqual([
      [[null, ['a', '1']], [null, ['b', '2']], [null, ['k1', 'k2', 'v1', 'v2']], [null, ['k3', 'k4', 'v3', 'v4']], [null, ['c', '3']]],
      ['eval', 'evalsha', 'eval', 'evalsha', 'evalsha'],
      ['d', '4'],
      'used',
      [[null, 'used'], [null, null]],
      ['evalsha', 'eval', 'evalsha', 'get'],
    ]);
    const theirs = new IORedis({ port: server.port });
    try {
      expect(ours).toEqual(await scenario(theirs));
    } finally {
      theirs.disconnect();
    }
  });

  it('after SCRIPT FLUSH, each NOSCRIPT of a pipeline is re-sent alone as EVAL after it; results and callbacks get its reply', async () => {
    const scenario = async (r: any): Promise<unknown[]> => {
      r.defineCommand('ruleGet', { numberOfKeys: 1, lua: "return redis.call('GET', KEYS[1]) -- rule-get" });
      r.defineCommand('ruleFail', { numberOfKeys: 1, lua: "return redis.call('INCR', KEYS[1]) -- rule-fail" });
      await r.del('rule:k');
      await r.ruleGet('rule:k');
      await r.set('rule:text', 'not a number');
      await r.ruleFail('rule:text').catch(() => undefined);
      await r.script('FLUSH');
      const called: unknown[] = [];
      const callback = (error: Error | null, result?: unknown): void => {
        called.push(error === null ? result : error.message);
      };
      let results: [Error | null, unknown][] = [];
      const commands = await monitored(async () => {
        results = await r.pipeline().ruleGet('rule:k', callback).set('rule:k', 'set-after').ruleGet('rule:k', callback).ruleFail('rule:text', callback).exec();
      });
      const shown = results.map(([error, result]) => (error === null ? result : error.message.split(' ')[0]));
      return [shown, called.map((entry) => (typeof entry === 'string' && entry.startsWith('ERR') ? 'ERR' : entry)), commands];
    };
    const ours = await scenario(client());
    expect(ours).toEqual([
      ['set-after', 'OK', 'set-after', 'ERR'],
      ['set-after', 'set-after', 'ERR'],
      // The pipeline, then the three re-sends: ruleGet's first one EVAL (which loads it), its second EVALSHA.
      // The SET is not repeated.
      ['evalsha', 'set', 'evalsha', 'evalsha', 'eval', 'evalsha', 'eval'],
    ]);
    const theirs = new IORedis({ port: server.port });
    try {
      expect(ours).toEqual(await scenario(theirs));
    } finally {
      theirs.disconnect();
    }
  });

  it('inside multi() and a MULTI … EXEC of a pipeline a script is always EVAL with its source (a transaction cannot re-send one call)', async () => {
    const r = client() as any;
    r.defineCommand('ruleTx', { numberOfKeys: 1, lua: "return redis.call('INCR', KEYS[1]) -- rule-tx" });
    await r.del('rule:tx');
    expect(await r.ruleTx('rule:tx')).toBe(1); // loaded
    await r.script('FLUSH');
    const queued: unknown[] = [];
    let results: unknown;
    let inline: unknown;
    const commands = await monitored(async () => {
      results = await r.multi().ruleTx('rule:tx', (error: Error | null, reply: unknown) => queued.push(error ?? reply)).ruleTx('rule:tx').exec();
      inline = await r.pipeline([['multi'], ['ruleTx', 'rule:tx'], ['exec']]).exec();
    });
    expect(results).toEqual([[null, 2], [null, 3]]);
    expect(queued).toEqual(['QUEUED']);
    expect(inline).toEqual([[null, 'OK'], [null, 'QUEUED'], [null, [4]]]);
    expect(commands).toEqual(['multi', 'eval', 'eval', 'exec', 'multi', 'eval', 'exec']);
  });
});

describe('defineCommand with keyPrefix', () => {
  it('prefixes the script keys, on the client and in pipelines (same as ioredis)', async () => {
    const run = async (r: any): Promise<unknown> => {
      r.defineCommand('keysOf', { numberOfKeys: 2, lua: 'return {KEYS[1], KEYS[2], ARGV[1]}' });
      return [await r.keysOf('a', 'b', 'arg'), await r.pipeline().keysOf('c', 'd', 'arg').exec()];
    };
    const ours = client({ port: server.port, keyPrefix: 'sp:' });
    const theirs = new IORedis({ port: server.port, keyPrefix: 'sp:' });
    try {
      const result = await run(ours);
      expect(result).toEqual(await run(theirs));
      expect(result).toEqual([['sp:a', 'sp:b', 'arg'], [[null, ['sp:c', 'sp:d', 'arg']]]]);
    } finally {
      theirs.disconnect();
    }
  });
});

describe('scanStream family', () => {
  it('emits arrays of keys page by page, with match / count / type, until the cursor is back to 0', async () => {
    const r = client();
    const keys = Array.from({ length: 120 }, (_, i) => `stream:k${i}`);
    await r.mset(...keys.flatMap((key) => [key, 'v']));
    await r.sadd('stream:set', 'x');
    const seen: string[] = [];
    let pages = 0;
    const stream = r.scanStream({ match: 'stream:k*', count: 10, type: 'string' });
    stream.on('data', (page: string[]) => {
      expect(Array.isArray(page)).toBe(true);
      pages++;
      seen.push(...page);
    });
    await once(stream, 'end');
    expect(new Set(seen)).toEqual(new Set(keys));
    expect(pages).toBeGreaterThan(1);
  });

  it('sscanStream / hscanStream / zscanStream emit members, field-value and member-score pages', async () => {
    const r = client();
    await r.sadd('stream:s', 'a', 'b');
    await r.hset('stream:h', 'f', 'v');
    await r.zadd('stream:z', 1, 'm');
    const collect = async (stream: NodeJS.ReadableStream): Promise<string[]> => {
      const out: string[] = [];
      for await (const page of stream) out.push(...(page as unknown as string[]));
      return out;
    };
    expect((await collect(r.sscanStream('stream:s'))).sort()).toEqual(['a', 'b']);
    expect(await collect(r.hscanStream('stream:h'))).toEqual(['f', 'v']);
    expect(await collect(r.zscanStream('stream:z', { match: '*' }))).toEqual(['m', '1']);
  });
});

describe('connection life cycle', () => {
  it("status goes wait → connecting → connect → ready, and 'close' then 'end' follow quit()", async () => {
    const r = client({ port: server.port, lazyConnect: true });
    const events: string[] = [];
    for (const event of ['connect', 'ready', 'close', 'end']) r.on(event, () => events.push(event));
    expect(r.status).toBe('wait');
    const connecting = r.connect();
    expect(r.status).toBe('connecting');
    await connecting;
    expect(r.status).toBe('ready');
    const ended = once(r, 'end');
    expect(await r.quit()).toBe('OK');
    await ended;
    expect(r.status).toBe('end');
    expect(events).toEqual(['connect', 'ready', 'close', 'end']);
  });

  it("a dropped connection emits 'close' then 'reconnecting' (delay) and comes back 'ready'", async () => {
    const r = client({ port: server.port, connectionName: 'io-drop', retryStrategy: () => 20 });
    await once(r, 'ready');
    const events: unknown[] = [];
    r.on('close', () => events.push('close'));
    r.on('reconnecting', (delay: unknown) => events.push(['reconnecting', typeof delay]));
    const ready = once(r, 'ready');
    await oracle.call('CLIENT', 'KILL', 'TYPE', 'normal', 'SKIPME', 'yes').catch(() => undefined);
    await ready;
    expect(events.slice(0, 2)).toEqual(['close', ['reconnecting', 'number']]);
    expect(await r.ping()).toBe('PONG');
  });

  it('disconnect() closes now; connect() opens again; duplicate() is a new connection with the same options', async () => {
    const r = client({ port: server.port, db: 6, keyPrefix: 'dup:' });
    await r.set('k', 'v');
    const copy = r.duplicate();
    opened.push(copy);
    expect(await copy.get('k')).toBe('v');
    expect(copy).toBeInstanceOf(Redis);
    const ended = once(r, 'end');
    r.disconnect();
    await ended;
    await r.connect();
    expect(await r.get('k')).toBe('v');
  });

  it('connect() rejects when already connected, and when the first attempt fails (as ioredis)', async () => {
    const closed = await startRedisServer();
    const port = closed.port;
    await closed.stop();
    const outcome = async (Ctor: new (options: object) => any): Promise<unknown[]> => {
      const connected = new Ctor({ port: server.port });
      await new Promise((resolve) => connected.once('ready', resolve));
      const already = await connected.connect().catch((e: Error) => e.message);
      connected.disconnect();
      const failing = new Ctor({ port, lazyConnect: true, retryStrategy: () => 10 });
      failing.on('error', () => undefined);
      const failed = await failing.connect().then(
        () => 'connected',
        (e: Error) => `${failing.status}: ${e.message}`,
      );
      failing.disconnect();
      const ending = new Ctor({ port, lazyConnect: true, retryStrategy: null });
      ending.on('error', () => undefined);
      const ended = await ending.connect().then(
        () => 'connected',
        (e: Error) => `${ending.status}: ${e.message}`,
      );
      return [already, failed, ended];
    };
    const ours = await outcome(Redis as never);
    expect(ours).toEqual(await outcome(IORedis as never));
    expect(ours).toEqual(['Redis is already connecting/connected', 'reconnecting: Connection is closed.', 'end: Connection is closed.']);
  });

  it("an unreachable server: 'error' events to listeners, and retryStrategy returning null ends the client", async () => {
    const closed = await startRedisServer();
    const port = closed.port;
    await closed.stop();
    const r = client({ port, retryStrategy: () => null });
    const errors: unknown[] = [];
    r.on('error', (error: unknown) => errors.push(error));
    await new Promise((resolve) => r.once('end', resolve)); // events.once would reject on the first 'error'
    expect(errors.length).toBeGreaterThan(0);
    expect(r.status).toBe('end');
  });
});

describe('monitor() and subscribe', () => {
  it("monitor() resolves to an emitter of 'monitor' (time, args, source, database)", async () => {
    const r = client();
    const monitor = await r.monitor();
    const event = once(monitor, 'monitor');
    await r.set('mon:k', 'v');
    const [time, args, source, database] = (await event) as [string, string[], string, string];
    expect(time).toMatch(/^\d+\.\d{6}$/);
    expect(args).toEqual(['set', 'mon:k', 'v'].map((a, i) => (i === 0 ? expect.stringMatching(/^set$/i) : a)));
    expect(source).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(database).toBe('0');
    const ended = once(monitor, 'end');
    monitor.disconnect();
    await ended;
  });

  it("subscribe emits 'message' and 'messageBuffer'; psubscribe 'pmessage'; with protocol 2 subscriber mode refuses other commands, as ioredis", async () => {
    const r = client({ port: server.port, protocol: 2 });
    expect(await r.subscribe('chan:a', 'chan:b')).toBe(2);
    expect(await r.psubscribe('pat:*')).toBe(3);
    const message = once(r, 'message');
    const messageBuffer = once(r, 'messageBuffer');
    const pmessage = once(r, 'pmessage');
    await oracle.publish('chan:a', 'hello');
    expect(await message).toEqual(['chan:a', 'hello']);
    expect(await messageBuffer).toEqual([Buffer.from('chan:a'), Buffer.from('hello')]);
    await oracle.publish('pat:x', 'p');
    expect(await pmessage).toEqual(['pat:*', 'pat:x', 'p']);
    expect(await r.ping()).toBe('PONG');
    expect(r.mode).toBe('subscriber');
    await expect(r.get('chan:a')).rejects.toThrow(/subscriber mode/);
    expect(await r.unsubscribe('chan:a')).toBe(2);
    expect(await r.punsubscribe()).toBe(1);
    expect(await r.unsubscribe()).toBe(0);
    expect(r.mode).toBe('normal');
    expect(await r.get('chan:a')).toBeNull();
  });

  it("protocol 2: mode is 'subscriber' as soon as subscribe is called, and inside its callback", async () => {
    const r = client({ port: server.port, protocol: 2 });
    const modes: string[] = [];
    const subscribed = new Promise<void>((resolve) => {
      r.subscribe('chan:mode', () => {
        modes.push(r.mode);
        resolve();
      });
    });
    modes.push(r.mode);
    await subscribed;
    expect(modes).toEqual(['subscriber', 'subscriber']);
  });

  it('disconnect(true) reconnects and subscribes again; unsubscribe() without names leaves every channel', async () => {
    const r = client();
    await r.subscribe('chan:again');
    r.disconnect(true);
    await vi.waitFor(async () => expect(await oracle.pubsub('NUMSUB', 'chan:again')).toEqual(['chan:again', 1]));
    const message = once(r, 'message');
    await oracle.publish('chan:again', 'back');
    expect(await message).toEqual(['chan:again', 'back']);
    expect(await r.unsubscribe()).toBe(0);
    await vi.waitFor(async () => expect(await oracle.pubsub('NUMSUB', 'chan:again')).toEqual(['chan:again', 0]));
  });
});

describe('OcRedis from the entry', () => {
  it('is the same API (a Redis of this entry) over the observed core', async () => {
    const o = new OcRedis({ port: server.port });
    opened.push(o);
    expect(o).toBeInstanceOf(Redis);
    expect(await o.set('oc:k', 'v')).toBe('OK');
    expect(await o.pipeline().get('oc:k').exec()).toEqual([[null, 'v']]);
    expect(() => new Redis({ port: server.port, telemetry: {} } as never)).toThrow(/OcRedis/);
  });
});
