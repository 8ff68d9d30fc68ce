// ioredis's constructor forms and option names → the core's options (no server needed).
import { describe, expect, it } from 'vitest';
import { UnknownOptionError } from '../../../src/option-check.js';
import { resolveIoArgs } from '../../../src/ioredis/constructor-args.js';
import { acceptIoAuthError } from '../../../src/ioredis/auth-warnings.js';
import { ioArguments } from '../../../src/ioredis/arguments.js';
import { resolveIoCluster } from '../../../src/ioredis/cluster-options.js';
import { Cluster } from '../../../src/ioredis/index.js';
import { ArgumentError } from '../../../src/errors.js';

const core = (...args: unknown[]) => resolveIoArgs(args).core;
/** What every ioredis client gets: RESP2 shapes, ioredis's handshake (no HELLO; INFO as ready check). */
const IO_DEFAULTS = { protocol: 2, handshake: 'auth', acceptAuthError: acceptIoAuthError, readyCheck: true } as const;

describe('resolveIoArgs', () => {
  it('reads every ioredis form; the first value given for a key wins; replies stay RESP2', () => {
    expect(core()).toEqual(IO_DEFAULTS);
    expect(core(6380)).toMatchObject({ port: 6380 });
    expect(core(6380, 'redis.local')).toMatchObject({ port: 6380, host: 'redis.local' });
    expect(core(6380, 'redis.local', { db: 2, port: 1 })).toMatchObject({ port: 6380, host: 'redis.local', db: 2 });
    expect(core('redis://u:p%40ss@h:6390/4')).toMatchObject({ host: 'h', port: 6390, username: 'u', password: 'p@ss', db: 4 });
    expect(core('rediss://h')).toMatchObject({ host: 'h', tls: true });
    expect(core('h:7000', { db: 1 })).toMatchObject({ host: 'h', port: 7000, db: 1 });
    expect(core('//h:7001')).toMatchObject({ host: 'h', port: 7001 });
    expect(core('/tmp/redis.sock')).toMatchObject({ path: '/tmp/redis.sock' });
    expect(core('unix:///tmp/redis.sock?db=3')).toMatchObject({ path: '/tmp/redis.sock', db: 3 });
    expect(core('6381')).toMatchObject({ port: 6381 });
    // Query parameters are options, as in ioredis (the path's database wins over ?db).
    expect(core('redis://h/5?db=6&connectionName=app&family=6')).toMatchObject({ host: 'h', db: 5, name: 'app' });
    expect(core('redis://h?db=6')).toMatchObject({ db: 6 });
    // ioredis 5 always uses a URL's username; its old allowUsernameInURI parameter is accepted and changes nothing.
    expect(core('redis://u:p@h/?allowUsernameInURI=true')).toMatchObject({ username: 'u', password: 'p' });
    expect(core('/tmp/redis.sock?db=2')).toMatchObject({ path: '/tmp/redis.sock', db: 2 });
    expect(() => core('redis://h?nosuch=1')).toThrow(UnknownOptionError);
    expect(core({ host: '::1', port: 7002 })).toMatchObject({ host: '::1', port: 7002, protocol: 2 });
  });

  it('maps ioredis option names onto the core options', () => {
    const mapped = core({ connectionName: 'app', maxRetriesPerRequest: 3, enableOfflineQueue: false, keepAlive: 0, keyPrefix: 'p:' });
    expect(mapped).toMatchObject({ name: 'app', offlineQueueAttempts: 3, maxOfflineQueue: 0, keepAlive: false, keyPrefix: 'p:' });
    expect(core({ maxRetriesPerRequest: null }).offlineQueueAttempts).toBe(Number.MAX_SAFE_INTEGER);
    expect(core({ keepAlive: 1000 }).keepAlive).toBe(1000);
    expect(core({ retryStrategy: null }).reconnectStrategy).toBe(false);
    const strategy = core({ retryStrategy: (times: number) => (times < 3 ? times * 10 : null) }).reconnectStrategy as (attempt: number, cause?: Error) => number | false;
    expect([strategy(1), strategy(2), strategy(3)]).toEqual([10, 20, false]);
  });

  it('accepts and drops the options ocredis needs not; keeps the core’s own', () => {
    const options = { enableAutoPipelining: true, autoResubscribe: true, showFriendlyErrorStack: true, family: 6, noDelay: true, name: 'ignored', poolSize: 2 } as const;
    expect(core(options)).toEqual({ ...IO_DEFAULTS, poolSize: 2 });
    expect(core({ enableReadyCheck: false }).readyCheck).toBe(false);
    expect(core({ readOnly: true }).readOnly).toBe(true);
  });

  it("protocol / replyMapping: RESP3 on the wire only for replyMapping 'resp3'", () => {
    expect(core({ protocol: 3 }).protocol).toBe(2);
    // RESP3 is asked for with HELLO: ioredis's AUTH handshake only without protocol 3.
    expect(core({ protocol: 3 }).handshake).toBe('hello');
    expect(core({ protocol: 3, replyMapping: 'resp3' }).protocol).toBe(3);
    expect(() => core({ protocol: 2, replyMapping: 'resp3' })).toThrow(/protocol: 3/);
  });

  it('maps the Sentinel options onto the core SentinelRedis options', () => {
    const { sentinel } = resolveIoArgs([{ sentinels: [{ host: 's1', port: 26379 }], name: 'mymaster', role: 'slave', sentinelPassword: 'x', password: 'y', natMap: {} }]);
    expect(sentinel).toMatchObject({ sentinels: [{ host: 's1', port: 26379 }], name: 'mymaster', role: 'replica', sentinelOptions: { password: 'x' }, password: 'y', nodeAddressMap: {} });
    expect(resolveIoArgs([{ port: 1 }]).sentinel).toBeUndefined();
  });

  it('refuses unknown options with the fix, and bad argument types', () => {
    expect(() => core({ monitor: true })).toThrow(UnknownOptionError);
    expect(() => core({ conectTimeout: 1 })).toThrow(/connectTimeout/);
    expect(() => core([1])).toThrow(/port, a host or URL string, or an options object/);
    expect(() => core('ftp://h')).toThrow(/scheme/);
  });
});

describe('ioArguments', () => {
  it('spreads arrays one level, and objects / Maps where a command takes field-value pairs', () => {
    expect(ioArguments('DEL', [['a', 'b'], 'c'])).toEqual(['a', 'b', 'c']);
    expect(ioArguments('HSET', ['h', { a: 1, b: 'x' }])).toEqual(['h', 'a', 1, 'b', 'x']);
    expect(ioArguments('HMSET', ['h', new Map([['m', 'n']])])).toEqual(['h', 'm', 'n']);
    expect(ioArguments('MSET', [{ k: 'v' }])).toEqual(['k', 'v']);
    const buffer = Buffer.from('b');
    expect(ioArguments('SET', ['k', buffer])).toEqual(['k', buffer]);
    // Other commands pass an object through (the encoder refuses it with a clear error).
    const object = { a: 1 };
    expect(ioArguments('GET', [object])).toEqual([object]);
  });
});

describe('resolveIoCluster', () => {
  it("takes a startup node's port given as text, as ioredis does; refuses text that is not a port", () => {
    expect(resolveIoCluster([{ host: '127.0.0.1', port: '30001' }]).core.rootNodes).toEqual([{ host: '127.0.0.1', port: 30001 }]);
    expect(() => new Cluster([{ host: '127.0.0.1', port: 'x' }], { lazyConnect: true })).toThrow(ArgumentError);
  });
});
