// ioredis's constructor forms and option names, mapped onto the core client's options. ioredis reads its
// arguments in order and the first value given for a key wins (`new Redis(6380, { port: 1 })` uses 6380),
// except a port number, which is taken wherever it stands.
import type { ConnectionOptions as TlsConnectionOptions } from 'node:tls';
import { REDIS_OPTION_KEYS, type RedisOptions } from '../connection/options.js';
import { ArgumentError, type ReplyError } from '../errors.js';
import type { KeyPrefix } from '../commands/key-prefix.js';
import { checkOptionKeys } from '../option-check.js';
import { acceptIoAuthError } from './auth-warnings.js';
import type { SentinelOptions } from '../sentinel/sentinel-redis.js';
import { IO_SENTINEL_KEYS, toSentinelOptions, type IoSentinelOptions } from './sentinel-options.js';

/** A script declared with the `scripts` option or `defineCommand()`. */
export interface ScriptDefinition {
  lua: string;
  /** Keys the method takes first; absent: the first argument is the number of keys (as with EVAL). */
  numberOfKeys?: number;
  readOnly?: boolean;
}

/** The options of ioredis's `new Redis()` that this entry understands (see README "Coming from ioredis"). */
export interface IoRedisOptions extends Omit<RedisOptions, 'protocol' | 'name' | 'keepAlive'>, Omit<IoSentinelOptions, 'name'> {
  /** The CLIENT SETNAME sent on every connection (ioredis's name; ocredis's `name`). */
  connectionName?: string;
  /** Delay (ms) before reconnect attempt `times`, or null / undefined to stop reconnecting. */
  retryStrategy?: ((times: number) => number | null | void) | null;
  /** Failed connection attempts a queued command waits through (default 20); null: wait forever. */
  maxRetriesPerRequest?: number | null;
  /** false: commands fail at once while the client is not connected. Default true. */
  enableOfflineQueue?: boolean;
  /** TCP keep-alive initial delay in ms; 0 turns keep-alive off. */
  keepAlive?: number;
  /** Lua scripts to define as methods (as `defineCommand(name, definition)` for each). */
  scripts?: Record<string, ScriptDefinition>;
  /** Integer replies as strings, as ioredis's option does. */
  stringNumbers?: boolean;
  /**
   * ioredis 6's RESP version. Replies keep ioredis's RESP2 shapes whatever it says (its default `replyMapping:
   * 'legacy'`); the wire is RESP2 then, RESP3 with `replyMapping: 'resp3'`.
   */
  protocol?: 2 | 3;
  /** ioredis 6's `'resp3'` (with `protocol: 3`): maps as objects and doubles as numbers. Default `'legacy'`. */
  replyMapping?: 'legacy' | 'resp3';
  /** ocredis always pipelines the commands of one event-loop turn; this only turns on `autoPipelineQueueSize`'s count. */
  enableAutoPipelining?: boolean;
  /** Commands `autoPipelineQueueSize` does not count (they are pipelined all the same). */
  autoPipeliningIgnoredCommands?: string[];
  /** INFO at the end of every handshake: a refusal (NOAUTH) fails the attempt and is emitted as 'error'. Default true. */
  enableReadyCheck?: boolean;
  /** Accepted and ignored: subscriptions are always renewed after a reconnect. */
  autoResubscribe?: boolean;
  /** Accepted and ignored: reads are re-sent after a lost connection, writes never are (they may have run). */
  autoResendUnfulfilledCommands?: boolean;
  /** Accepted and ignored: errors keep the stack of where they were made. */
  showFriendlyErrorStack?: boolean;
  /** Accepted and ignored: give an IPv4 or IPv6 address as host to choose the family. */
  family?: 4 | 6 | 0;
  /** Accepted and ignored (an old URL parameter): a URL's username is always used, as in ioredis 5. */
  allowUsernameInURI?: boolean | string;
  /** Accepted and ignored: TCP_NODELAY is always on. */
  noDelay?: boolean;
  /** Accepted and ignored: commands answered -LOADING are held until the server has loaded. */
  maxLoadingRetryTime?: number;
  /** With `sentinels`: the master group name (the client is then the core's SentinelRedis). Else ignored, as in ioredis. */
  name?: string;
  tls?: TlsConnectionOptions | true;
  keyPrefix?: KeyPrefix;
  reconnectOnError?: (error: ReplyError) => boolean | 1 | 2;
}

/** What the constructor arguments resolve to: the core's options and what only this entry uses. */
export interface ResolvedIoOptions {
  core: RedisOptions;
  /** Set when `sentinels` is given: the client is the core's SentinelRedis. */
  sentinel: SentinelOptions | undefined;
  scripts: Record<string, ScriptDefinition>;
  stringNumbers: boolean;
  /** The merged ioredis-style options (`redis.options`, and what duplicate() starts from). */
  given: IoRedisOptions;
}

type IoOnlyKey = Exclude<keyof IoRedisOptions, keyof RedisOptions | keyof IoSentinelOptions> | 'name' | 'keepAlive' | 'protocol';

/** The ioredis names handled here (the compiler keeps this list complete). */
const IO_ONLY_KEYS: Readonly<Record<IoOnlyKey, true>> = {
  connectionName: true,
  retryStrategy: true,
  maxRetriesPerRequest: true,
  enableOfflineQueue: true,
  keepAlive: true,
  scripts: true,
  stringNumbers: true,
  protocol: true,
  replyMapping: true,
  enableAutoPipelining: true,
  autoPipeliningIgnoredCommands: true,
  enableReadyCheck: true,
  autoResubscribe: true,
  autoResendUnfulfilledCommands: true,
  showFriendlyErrorStack: true,
  family: true,
  noDelay: true,
  allowUsernameInURI: true,
  maxLoadingRetryTime: true,
  name: true,
};

/** Every key `new Redis()` of this entry takes: ioredis's names above, and the core's own. */
export const IO_OPTION_KEYS: Readonly<Record<string, true>> = (() => {
  return { ...REDIS_OPTION_KEYS, ...IO_ONLY_KEYS, ...IO_SENTINEL_KEYS };
})();

/** ioredis options this entry does not take, and what to do instead. */
const UNSUPPORTED: Readonly<Record<string, string>> = {
  monitor: 'use await redis.monitor(), which resolves to an emitter of "monitor" events',
  Connector: 'not supported',
  commandQueue: 'not supported',
  offlineQueue: "use 'enableOfflineQueue'",
  disconnectTimeout: 'not supported',
  blockingTimeout: "not supported: blocking commands use the timeout you pass them; 'commandTimeout' bounds other commands",
  url: 'pass the URL as the first argument: new Redis(url, options)',
};

/**
 * `new Redis()`, `(port)`, `(port, host)`, `(port, host, options)`, `(url)`, `(url, options)`, `(path)`,
 * `(options)`: the ioredis forms. Unknown option keys throw an UnknownOptionError naming the fix.
 */
export function resolveIoArgs(args: readonly unknown[]): ResolvedIoOptions {
  const given: Record<string, unknown> = {};
  const fill = (values: Record<string, unknown>): void => {
    for (const [key, value] of Object.entries(values)) if (given[key] === undefined && value !== undefined) given[key] = value;
  };
  for (const arg of args) {
    if (arg === undefined || arg === null) continue;
    if (typeof arg === 'number') given.port = arg; // ioredis sets a port argument over what came before
    else if (typeof arg === 'string') fill(/^\d+$/.test(arg) ? { port: Number(arg) } : parseAddress(arg));
    else if (typeof arg === 'object' && !Array.isArray(arg)) {
      checkOptionKeys('Redis', arg, IO_OPTION_KEYS, UNSUPPORTED);
      fill(arg as Record<string, unknown>);
    } else throw new ArgumentError('Redis: expected a port, a host or URL string, or an options object');
  }
  const resolved = toCoreOptions(given as IoRedisOptions);
  return { ...resolved, given: withShownDefaults(resolved.given) };
}

/**
 * `redis.options` shows where a TCP client connects, as ioredis fills its defaults in (`options.port` is 6379
 * when none was given). The core's own defaults: host 127.0.0.1 (ioredis writes 'localhost').
 */
function withShownDefaults(given: IoRedisOptions): IoRedisOptions {
  if (given.path !== undefined || given.sentinels !== undefined) return given;
  return { host: '127.0.0.1', port: 6379, db: 0, ...given };
}

/**
 * `/path/to/socket[?query]`, `redis://…`, `rediss://…` (TLS), `unix://…`, `//host:port`, or `host[:port]`.
 * As in ioredis, query parameters are options (`?db=2&connectionName=app`); the path is the database.
 */
function parseAddress(text: string): Record<string, unknown> {
  if (text.startsWith('/') && !text.startsWith('//')) {
    // A socket path (not a URL); '//host:port' is a URL without its scheme.
    const query = text.indexOf('?');
    return query === -1 ? { path: text } : { ...queryOptions(new URLSearchParams(text.slice(query + 1))), path: text.slice(0, query) };
  }
  const url = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `redis://${text.replace(/^\/\//, '')}`;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ArgumentError('Redis: invalid URL (expected redis://host:port/db, host:port or a unix socket path)');
  }
  const out: Record<string, unknown> = {};
  if (parsed.protocol === 'unix:') {
    out.path = decodeURIComponent(parsed.pathname);
  } else if (parsed.protocol === 'redis:' || parsed.protocol === 'rediss:') {
    if (parsed.hostname) out.host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
    if (parsed.port) out.port = Number(parsed.port);
    if (parsed.username) out.username = decodeURIComponent(parsed.username);
    if (parsed.password) out.password = decodeURIComponent(parsed.password);
    const dbText = parsed.pathname.replace(/^\//, '');
    if (dbText !== '') out.db = toNumber('db', dbText);
    if (parsed.protocol === 'rediss:') out.tls = true;
  } else {
    throw new ArgumentError(`Redis: unsupported URL scheme '${parsed.protocol}' (use redis://, rediss:// or unix://)`);
  }
  return { ...queryOptions(parsed.searchParams), ...out };
}

/** Options with a number value, when they come as text (URL query parameters). */
const NUMERIC_OPTIONS = new Set(['db', 'port', 'family', 'connectTimeout', 'commandTimeout', 'keepAlive', 'socketTimeout', 'maxRetriesPerRequest', 'protocol', 'poolSize']);

/** URL query parameters as options (checked like any option). */
function queryOptions(params: URLSearchParams): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  params.forEach((value, key) => {
    out[key] = NUMERIC_OPTIONS.has(key) ? toNumber(key, value) : value;
  });
  checkOptionKeys('Redis URL', out, IO_OPTION_KEYS, UNSUPPORTED);
  return out;
}

function toNumber(option: string, text: string): number {
  const value = Number(text);
  if (text === '' || !Number.isFinite(value)) throw new ArgumentError(`Redis: the URL's ${option} must be a number`);
  return value;
}

/** ioredis option names → the core's; the ignored ones are dropped here. */
export function toCoreOptions(given: IoRedisOptions): ResolvedIoOptions {
  const {
    connectionName,
    retryStrategy,
    maxRetriesPerRequest,
    enableOfflineQueue,
    keepAlive,
    scripts = {},
    stringNumbers = false,
    protocol,
    replyMapping = 'legacy',
    enableAutoPipelining: _e1,
    autoPipeliningIgnoredCommands: _e2,
    enableReadyCheck = true,
    autoResubscribe: _e4,
    autoResendUnfulfilledCommands: _e5,
    showFriendlyErrorStack: _e6,
    family: _e7,
    noDelay: _e8,
    allowUsernameInURI: _e14,
    maxLoadingRetryTime: _e9,
    name,
    sentinels,
    role,
    sentinelUsername,
    sentinelPassword,
    sentinelTLS,
    sentinelCommandTimeout,
    failoverDetector,
    natMap,
    updateSentinels: _e10,
    sentinelRetryStrategy: _e11,
    sentinelReconnectStrategy: _e12,
    enableTLSForSentinelMode: _e13,
    ...core
  } = given;
  if (protocol !== undefined && protocol !== 2 && protocol !== 3) throw new ArgumentError('Option protocol must be 2 or 3');
  if (replyMapping !== 'legacy' && replyMapping !== 'resp3') throw new ArgumentError("Option replyMapping must be 'legacy' or 'resp3'");
  if (replyMapping === 'resp3' && protocol !== 3) throw new ArgumentError("Option replyMapping 'resp3' needs protocol: 3");
  // RESP2 on the wire gives ioredis's legacy shapes as decoded; the core's RESP3 replies are the 'resp3' ones
  // (maps as objects, doubles as numbers).
  const out: RedisOptions = {
    ...core,
    protocol: replyMapping === 'resp3' ? 3 : 2,
    // ioredis's handshake: AUTH and CLIENT SETNAME without HELLO, unless RESP3 was asked for.
    handshake: core.handshake ?? (protocol === 3 ? 'hello' : 'auth'),
    acceptAuthError: core.acceptAuthError ?? acceptIoAuthError,
    readyCheck: core.readyCheck ?? enableReadyCheck,
  };
  if (connectionName !== undefined) out.name = connectionName;
  if (retryStrategy === null) {
    out.reconnectStrategy = false; // ioredis: null, no reconnecting
  } else if (retryStrategy !== undefined) {
    if (typeof retryStrategy !== 'function') throw new ArgumentError('Option retryStrategy must be a function (times) => delay in ms, or null to stop');
    out.reconnectStrategy = (attempt) => {
      const delay = retryStrategy(attempt);
      return typeof delay === 'number' ? delay : false;
    };
  }
  if (maxRetriesPerRequest !== undefined) {
    // null: a queued command waits through any number of failed attempts.
    out.offlineQueueAttempts = maxRetriesPerRequest === null ? Number.MAX_SAFE_INTEGER : maxRetriesPerRequest;
  }
  if (enableOfflineQueue === false) out.maxOfflineQueue = 0;
  if (keepAlive !== undefined) out.keepAlive = keepAlive > 0 ? keepAlive : false;
  if (typeof scripts !== 'object' || scripts === null) throw new ArgumentError('Option scripts must be an object of { lua, numberOfKeys? } by method name');
  const sentinel = toSentinelOptions({ sentinels, name, role, sentinelUsername, sentinelPassword, sentinelTLS, sentinelCommandTimeout, failoverDetector, natMap }, out);
  if (sentinel === undefined && natMap !== undefined) throw new ArgumentError("Redis: natMap applies to sentinels (give 'sentinels'), or use Cluster");
  return { core: out, sentinel, scripts, stringNumbers, given };
}
