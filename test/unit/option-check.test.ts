// Unknown options are refused with the name of what was meant, for every client kind; value types are
// checked up front. Constructors run with lazyConnect (or fail before connecting), so no server is needed.
import { describe, expect, it } from 'vitest';
import { Redis } from '../../src/client/redis.js';
import { RedisCluster } from '../../src/cluster/cluster.js';
import { resolveOptions } from '../../src/connection/options.js';
import { ArgumentError } from '../../src/errors.js';
import { closestKey, UnknownOptionError } from '../../src/option-check.js';
import { resolveTelemetryOptions } from '../../src/otel/options.js';
import { SentinelRedis } from '../../src/sentinel/sentinel-redis.js';

function refusal(build: () => unknown): UnknownOptionError | ArgumentError {
  try {
    build();
  } catch (error) {
    expect(error).toBeInstanceOf(ArgumentError);
    return error as ArgumentError;
  }
  throw new Error('expected the options to be refused');
}

const redisWith = (options: object) => (): unknown => resolveOptions(options as never);
const clusterWith = (options: object) => (): unknown => new RedisCluster({ rootNodes: ['127.0.0.1:7000'], lazyConnect: true, ...options } as never);
const sentinelWith = (options: object) => (): unknown => new SentinelRedis({ sentinels: [{ host: '127.0.0.1', port: 26379 }], name: 'm', lazyConnect: true, ...options } as never);

describe('unknown option keys', () => {
  it('names the closest known key for a typo', () => {
    const error = refusal(redisWith({ comandTimeout: 10 }));
    expect(error).toBeInstanceOf(UnknownOptionError);
    expect(error.message).toBe("Redis: unknown option 'comandTimeout' (did you mean 'commandTimeout'?)");
    expect(refusal(redisWith({ pasword: 'x' })).message).toContain("'password'");
    expect(refusal(redisWith({ lazyconnect: true })).message).toContain("'lazyConnect'");
    expect(refusal(clusterWith({ maxRedirects: 3 })).message).toContain("'maxRedirections'");
    expect(refusal(sentinelWith({ sentinelTimout: 3 })).message).toContain("'sentinelTimeout'");
    expect(refusal(() => resolveTelemetryOptions({ redcat: 'all' } as never)).message).toContain("'redact'");
  });

  it('lists the known keys when nothing is close', () => {
    const message = refusal(redisWith({ frobnicate: true })).message;
    expect(message).toContain("unknown option 'frobnicate'; known options: host, port");
  });

  it('maps ioredis option names to ours, or says they are not supported', () => {
    expect(refusal(redisWith({ retryStrategy: () => 100 })).message).toContain("use 'reconnectStrategy'");
    expect(refusal(redisWith({ connectionName: 'svc' })).message).toContain("use 'name'");
    expect(refusal(redisWith({ maxRetriesPerRequest: 3 })).message).toContain("use 'offlineQueueAttempts'");
    expect(refusal(redisWith({ enableOfflineQueue: false })).message).toContain("'maxOfflineQueue: 0'");
    expect(refusal(redisWith({ enableAutoPipelining: true })).message).toContain('always pipelines');
    expect(refusal(redisWith({ showFriendlyErrorStack: true })).message).toContain('not supported');
    expect(refusal(clusterWith({ redisOptions: {} })).message).toContain("use 'nodeOptions'");
    expect(refusal(clusterWith({ scaleReads: 'slave' })).message).toContain("readFrom: 'replica'");
    expect(refusal(sentinelWith({ sentinelPassword: 'x' })).message).toContain('sentinelOptions: { password }');
  });

  it('maps node-redis option names to ours', () => {
    expect(refusal(redisWith({ database: 2 })).message).toContain("use 'db'");
    expect(refusal(redisWith({ socket: { host: 'x' } })).message).toContain("'host', 'port'");
    expect(refusal(redisWith({ url: 'redis://x' })).message).toContain('first argument');
  });

  it('checks cluster nodeOptions and sentinelOptions at construction, not at the first connection', () => {
    expect(refusal(clusterWith({ nodeOptions: { keyPrefix: 'a:' } })).message).toMatch(/^RedisCluster nodeOptions: unknown option 'keyPrefix'.*on the cluster options/);
    expect(refusal(clusterWith({ nodeOptions: { db: 2 } })).message).toContain('database 0 only');
    expect(refusal(clusterWith({ nodeOptions: { name: 'has space' } })).message).toContain('Option name');
    expect(refusal(sentinelWith({ sentinelOptions: { pasword: 'x' } })).message).toContain("'password'");
    expect(refusal(sentinelWith({ host: '10.0.0.1' })).message).toContain('the sentinels say where the master is');
    expect(refusal(sentinelWith({ role: 'slave' })).message).toContain("'replica'");
  });

  it('refuses unknown keys on the Redis constructor, with a URL too', () => {
    expect(() => new Redis({ lazyConnect: true, keyPrefx: 'a:' } as never)).toThrow(UnknownOptionError);
    expect(() => new Redis('redis://127.0.0.1:6379', { lazyConnect: true, retryStrategy: () => 1 } as never)).toThrow(/reconnectStrategy/);
  });

  it('accepts every documented option, and the resolved options of a client (duplicate())', () => {
    const r = new Redis({ lazyConnect: true, name: 'svc-1', db: 3, reconnectStrategy: false, tls: undefined });
    const copy = r.duplicate({ db: 4 });
    expect(copy.options.db).toBe(4);
    expect(copy.options.name).toBe('svc-1');
  });

  it('closestKey only suggests near names', () => {
    expect(closestKey('pot', ['port', 'host'])).toBe('port');
    expect(closestKey('completelyDifferent', ['port', 'host'])).toBeUndefined();
  });
});

describe('option values', () => {
  it('refuses a connection name the server would refuse in HELLO … SETNAME', () => {
    for (const name of ['has space', 'new\nline', '', 42]) expect(() => resolveOptions({ name } as never), String(name)).toThrow(/Option name/);
    expect(resolveOptions({ name: 'svc:api-1' }).name).toBe('svc:api-1');
  });

  it('refuses a db index out of range and wrong types', () => {
    expect(() => resolveOptions({ db: -1 })).toThrow(ArgumentError);
    expect(() => resolveOptions({ db: 2 ** 31 })).toThrow(/db must be an integer between 0 and/);
    expect(() => resolveOptions({ db: 1.5 })).toThrow(ArgumentError);
    expect(() => resolveOptions({ host: 42 } as never)).toThrow(/host must be a string/);
    expect(() => resolveOptions({ password: 1234 } as never)).toThrow(/password must be a string/);
    expect(() => resolveOptions({ tls: 'yes' } as never)).toThrow(/tls must be/);
    expect(() => resolveOptions({ lazyConnect: 'true' } as never)).toThrow(/lazyConnect must be a boolean/);
    expect(() => resolveOptions({ reconnectStrategy: 'exponential' } as never)).toThrow(/reconnectStrategy must be/);
  });

  it('refuses bad telemetry values with ArgumentError (no raw TypeError from inside)', () => {
    expect(() => resolveTelemetryOptions({ redact: 'everything' } as never)).toThrow(ArgumentError);
    expect(() => resolveTelemetryOptions({ includeCommands: 'GET' } as never)).toThrow(/includeCommands must be an array of command names/);
    expect(() => resolveTelemetryOptions({ excludeCommands: [1] } as never)).toThrow(/excludeCommands/);
    expect(() => resolveTelemetryOptions({ requestHook: 'log' } as never)).toThrow(/requestHook must be a function/);
    expect(() => resolveTelemetryOptions({ requireParentSpan: 'yes' } as never)).toThrow(/requireParentSpan/);
  });
});
