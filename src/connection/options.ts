import type { ConnectionOptions as TlsConnectionOptions } from 'node:tls';
import { ArgumentError, type ReplyError } from '../errors.js';
import { resolveKeyPrefix, type KeyPrefix } from '../commands/key-prefix.js';
import { FOREIGN_CLIENT_OPTIONS } from '../foreign-options.js';
import { checkOptionKeys } from '../option-check.js';
import { DEFAULT_MAX_AGGREGATE_LENGTH } from '../resp/decoder.js';
import type { ReconnectStrategy } from './reconnect.js';
import { resolveCacheOptions, type ClientSideCacheOptions, type ResolvedCacheOptions } from '../cache/cache-options.js';

export interface RedisOptions {
  host?: string;
  port?: number;
  /** Unix socket path; when set, host and port are ignored. */
  path?: string;
  db?: number;
  username?: string;
  password?: string;
  /** TLS options for `tls.connect`, or `true` for defaults. `rediss://` URLs turn TLS on. */
  tls?: TlsConnectionOptions | true;
  /** Connection name, sent with HELLO … SETNAME (or CLIENT SETNAME). */
  name?: string;
  /** RESP version to negotiate with HELLO. Default 3; falls back to 2 on servers without HELLO. */
  protocol?: 2 | 3;
  /**
   * How each connection introduces itself. `'hello'` (default): HELLO with AUTH and SETNAME. `'auth'`: never
   * HELLO — AUTH, then CLIENT SETNAME, on RESP2 (protocol 2 only): for proxies and servers that refuse HELLO,
   * and what ioredis sends.
   */
  handshake?: 'hello' | 'auth';
  /**
   * With `handshake: 'auth'`: decides about an AUTH error. Return true to connect anyway (e.g. "no password
   * is set": the server needs none); false fails the attempt, as without this option.
   */
  acceptAuthError?: (error: ReplyError) => boolean;
  /**
   * End every handshake with INFO (ioredis's ready check): a server that refuses it (NOAUTH: a password is
   * needed) fails the connection attempt with that error at once, instead of the first command. Default false.
   */
  readyCheck?: boolean;
  /** Send READONLY in every handshake: reads from a cluster replica through a single-server client. Default false. */
  readOnly?: boolean;
  /** ms allowed for socket connect plus handshake. Default 10,000. */
  connectTimeout?: number;
  /** ms allowed for a command, from the call until its reply. 0 (default) = no limit. */
  commandTimeout?: number;
  /** TCP keep-alive initial delay in ms, or false. Default 5,000. */
  keepAlive?: number | false;
  reconnectStrategy?: ReconnectStrategy;
  /** Commands allowed to wait for a connection. Default 100,000. */
  maxOfflineQueue?: number;
  /** Don't connect until the first command or connect(). Default false. */
  lazyConnect?: boolean;
  /** Failed connection attempts a queued command waits through before it rejects. Default 20. */
  offlineQueueAttempts?: number;
  /** Times a written read-only command is re-sent after a connection loss. Default 3; 0 disables. */
  maxReadRetries?: number;
  /** Largest bulk reply accepted, in bytes. Default 512 MiB. */
  maxBulkLength?: number;
  /** Most elements (map: pairs) accepted in one reply aggregate; a larger header resets the connection. Default 2^32 - 1. */
  maxAggregateLength?: number;
  /** Deepest reply nesting accepted. Default 1024. */
  maxDepth?: number;
  /**
   * Most extra connections opened for WATCH transactions, blocking commands and subscribers (the client's
   * `pool`, created on first use). Default 8.
   */
  poolSize?: number;
  /**
   * ms of idleness (no reply, nothing pending) after which a PING is sent; a PING that fails or gets no reply
   * within pingInterval (at least 1 s) resets the connection (reconnect). 0 (default) = off. Not used by subscribers.
   */
  pingInterval?: number;
  /**
   * ms the socket may see no traffic in either direction before it is closed and the connection reconnects
   * (node-redis's socket.socketTimeout). Suspended while a blocking command waits; not used by subscribers.
   * Combine with a shorter pingInterval to keep idle connections open. 0 (default) = off.
   */
  socketTimeout?: number;
  /**
   * Called with every error reply (ioredis's reconnectOnError). true / 1: reconnect once the replies already
   * owed have arrived; 2: also send the failed command again on the new connection, when that is safe (see
   * README). false: nothing special. Typical: `(e) => e.code === 'READONLY' && 2` behind a proxy that
   * follows failovers.
   */
  reconnectOnError?: (error: ReplyError) => boolean | 1 | 2;
  /** Announce the library with CLIENT SETINFO lib-name / lib-ver in the handshake (Redis 7.2+). Default true. */
  clientInfo?: boolean;
  /**
   * Put before every key of every command (`'app:'`: `get('k')` sends `GET app:k`), found by the command
   * table's key specs. Not applied to KEYS / SCAN patterns or channels, and not removed from replies.
   */
  keyPrefix?: KeyPrefix;
  /**
   * Client-side caching (RESP3 CLIENT TRACKING): replies of cacheable reads are kept and served locally until
   * the server says the key changed. `true` for the defaults, or `{ maxEntries, ttl }`. See the README.
   */
  clientSideCache?: ClientSideCacheOptions | boolean;
}

/** Every key of RedisOptions (the compiler keeps this list complete): anything else is refused. */
export const REDIS_OPTION_KEYS: Readonly<Record<keyof RedisOptions, true>> = {
  host: true,
  port: true,
  path: true,
  db: true,
  username: true,
  password: true,
  tls: true,
  name: true,
  protocol: true,
  handshake: true,
  acceptAuthError: true,
  readyCheck: true,
  readOnly: true,
  connectTimeout: true,
  commandTimeout: true,
  keepAlive: true,
  reconnectStrategy: true,
  maxOfflineQueue: true,
  lazyConnect: true,
  offlineQueueAttempts: true,
  maxReadRetries: true,
  maxBulkLength: true,
  maxAggregateLength: true,
  maxDepth: true,
  poolSize: true,
  pingInterval: true,
  socketTimeout: true,
  reconnectOnError: true,
  clientInfo: true,
  keyPrefix: true,
  clientSideCache: true,
};

/** The largest database index a server can be configured with (`databases` is an int). */
const MAX_DB_INDEX = 2 ** 31 - 1;

export interface ResolvedOptions {
  host: string;
  port: number;
  path: string | undefined;
  db: number;
  username: string | undefined;
  password: string | undefined;
  tls: TlsConnectionOptions | undefined;
  name: string | undefined;
  protocol: 2 | 3;
  handshake: 'hello' | 'auth';
  acceptAuthError: ((error: ReplyError) => boolean) | undefined;
  readyCheck: boolean;
  readOnly: boolean;
  connectTimeout: number;
  commandTimeout: number;
  keepAlive: number | false;
  reconnectStrategy: ReconnectStrategy | undefined;
  maxOfflineQueue: number;
  lazyConnect: boolean;
  maxReadRetries: number;
  offlineQueueAttempts: number;
  maxBulkLength: number;
  maxAggregateLength: number;
  maxDepth: number;
  poolSize: number;
  pingInterval: number;
  socketTimeout: number;
  reconnectOnError: ((error: ReplyError) => boolean | 1 | 2) | undefined;
  clientInfo: boolean;
  /** undefined when no prefix is set (absent or empty). */
  keyPrefix: KeyPrefix | undefined;
  /** undefined when caching is off. */
  clientSideCache: ResolvedCacheOptions | undefined;
}

/** Parses `redis://[user[:password]@]host[:port][/db]`, `rediss://…` (TLS) and `unix:///path?db=N`. */
export function parseRedisUrl(url: string): RedisOptions {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ArgumentError(`Invalid Redis URL (expected redis://host:port/db)`);
  }
  const out: RedisOptions = {};
  const protocol = parsed.protocol;
  if (protocol === 'unix:') {
    out.path = decodeUrlPart(parsed.pathname);
  } else if (protocol === 'redis:' || protocol === 'rediss:') {
    if (parsed.hostname) out.host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
    if (parsed.port) out.port = Number(parsed.port);
    const dbText = parsed.pathname.replace(/^\//, '');
    if (dbText) out.db = parseDb(dbText);
    if (protocol === 'rediss:') out.tls = true;
  } else {
    throw new ArgumentError(`Unsupported Redis URL scheme '${protocol}' (use redis://, rediss:// or unix://)`);
  }
  if (parsed.username) out.username = decodeUrlPart(parsed.username);
  if (parsed.password) out.password = decodeUrlPart(parsed.password);
  const dbParam = parsed.searchParams.get('db');
  if (dbParam !== null) out.db = parseDb(dbParam);
  return out;
}

function decodeUrlPart(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    // Never echo the part: it may be a password.
    throw new ArgumentError('Invalid percent-encoding in Redis URL (encode a literal % as %25)');
  }
}

function parseDb(text: string): number {
  const db = Number(text);
  if (!Number.isInteger(db) || db < 0) throw new ArgumentError(`Invalid database index in Redis URL: must be a non-negative integer`);
  return db;
}

function nonNegative(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new ArgumentError(`Option ${name} must be a non-negative finite number`);
  }
  return value;
}

function positiveInteger(name: string, value: number | undefined, fallback: number): number {
  const n = nonNegative(name, value, fallback);
  if (!Number.isInteger(n) || n < 1) throw new ArgumentError(`Option ${name} must be a positive integer`);
  return n;
}

/** Merges a URL (if given) with explicit options (which win), validates, and fills defaults. */
export function resolveOptions(urlOrOptions?: string | RedisOptions, maybeOptions?: RedisOptions): ResolvedOptions {
  const fromUrl = typeof urlOrOptions === 'string' ? parseRedisUrl(urlOrOptions) : {};
  const explicit = typeof urlOrOptions === 'string' ? (maybeOptions ?? {}) : (urlOrOptions ?? {});
  if (typeof explicit !== 'object' || explicit === null) throw new ArgumentError('Redis: options must be an object (or a URL string first, then an object)');
  checkOptionKeys('Redis', explicit, REDIS_OPTION_KEYS, FOREIGN_CLIENT_OPTIONS);
  const o: RedisOptions = { ...fromUrl, ...stripUndefined(explicit) };
  checkValueTypes(o);
  const protocol = o.protocol ?? 3;
  if (protocol !== 2 && protocol !== 3) throw new ArgumentError('Option protocol must be 2 or 3');
  const handshake = o.handshake ?? 'hello';
  if (handshake !== 'hello' && handshake !== 'auth') throw new ArgumentError("Option handshake must be 'hello' or 'auth'");
  // Without HELLO a connection speaks RESP2.
  if (handshake === 'auth' && o.protocol === 3) throw new ArgumentError("Option handshake 'auth' needs protocol 2 (RESP3 is chosen with HELLO)");
  const db = nonNegative('db', o.db, 0);
  if (!Number.isInteger(db) || db > MAX_DB_INDEX) throw new ArgumentError(`Option db must be an integer between 0 and ${MAX_DB_INDEX} (the server's 'databases' setting bounds it further)`);
  const port = nonNegative('port', o.port, 6379);
  if (!Number.isInteger(port) || port > 65535) throw new ArgumentError('Option port must be an integer between 0 and 65535');
  if (o.keepAlive !== undefined && o.keepAlive !== false) nonNegative('keepAlive', o.keepAlive, 0);
  const clientSideCache = resolveCacheOptions(o.clientSideCache);
  // Invalidations are RESP3 pushes on the client's own connection (RESP2 would need a second, redirect connection).
  if (clientSideCache !== undefined && (protocol === 2 || handshake === 'auth')) throw new ArgumentError('Option clientSideCache needs protocol 3 (RESP3): invalidations arrive as pushes on the same connection');
  return {
    host: o.host ?? '127.0.0.1',
    port,
    path: o.path,
    db,
    username: o.username,
    password: o.password,
    tls: o.tls === true ? {} : o.tls,
    name: o.name,
    protocol: handshake === 'auth' ? 2 : protocol,
    handshake,
    acceptAuthError: o.acceptAuthError,
    readyCheck: o.readyCheck ?? false,
    readOnly: o.readOnly ?? false,
    connectTimeout: nonNegative('connectTimeout', o.connectTimeout, 10_000),
    commandTimeout: nonNegative('commandTimeout', o.commandTimeout, 0),
    keepAlive: o.keepAlive ?? 5_000,
    reconnectStrategy: o.reconnectStrategy,
    maxOfflineQueue: nonNegative('maxOfflineQueue', o.maxOfflineQueue, 100_000),
    lazyConnect: o.lazyConnect ?? false,
    maxReadRetries: nonNegative('maxReadRetries', o.maxReadRetries, 3),
    offlineQueueAttempts: Math.max(1, nonNegative('offlineQueueAttempts', o.offlineQueueAttempts, 20)),
    maxBulkLength: nonNegative('maxBulkLength', o.maxBulkLength, 512 * 1024 * 1024),
    maxAggregateLength: nonNegative('maxAggregateLength', o.maxAggregateLength, DEFAULT_MAX_AGGREGATE_LENGTH),
    maxDepth: nonNegative('maxDepth', o.maxDepth, 1024),
    poolSize: positiveInteger('poolSize', o.poolSize, 8),
    pingInterval: nonNegative('pingInterval', o.pingInterval, 0),
    socketTimeout: nonNegative('socketTimeout', o.socketTimeout, 0),
    reconnectOnError: o.reconnectOnError,
    clientInfo: o.clientInfo ?? true,
    keyPrefix: resolveKeyPrefix('Redis', o.keyPrefix),
    clientSideCache,
  };
}

/** The options whose type a plain-JavaScript caller can get wrong in ways the server would only report later. */
function checkValueTypes(o: RedisOptions): void {
  for (const key of ['host', 'path', 'username', 'password'] as const) {
    if (o[key] !== undefined && typeof o[key] !== 'string') throw new ArgumentError(`Option ${key} must be a string`);
  }
  if (o.host !== undefined && o.host.length === 0) throw new ArgumentError('Option host must not be empty');
  // The server refuses such names in HELLO … SETNAME, which would fail every connection attempt.
  if (o.name !== undefined && (typeof o.name !== 'string' || !/^[!-~]+$/.test(o.name))) {
    throw new ArgumentError('Option name must be a non-empty string of printable ASCII characters without spaces or newlines');
  }
  if (o.tls !== undefined && o.tls !== true && (typeof o.tls !== 'object' || o.tls === null)) throw new ArgumentError('Option tls must be true or an object of tls.connect options');
  if (o.lazyConnect !== undefined && typeof o.lazyConnect !== 'boolean') throw new ArgumentError('Option lazyConnect must be a boolean');
  for (const key of ['clientInfo', 'readyCheck', 'readOnly'] as const) {
    if (o[key] !== undefined && typeof o[key] !== 'boolean') throw new ArgumentError(`Option ${key} must be a boolean`);
  }
  if (o.acceptAuthError !== undefined && typeof o.acceptAuthError !== 'function') throw new ArgumentError('Option acceptAuthError must be a function (error) => boolean');
  if (o.reconnectOnError !== undefined && typeof o.reconnectOnError !== 'function') throw new ArgumentError('Option reconnectOnError must be a function (error) => boolean | 1 | 2');
  const strategy: unknown = o.reconnectStrategy;
  const strategyOk = strategy === undefined || strategy === false || typeof strategy === 'function' || (typeof strategy === 'number' && Number.isFinite(strategy) && strategy >= 0);
  if (!strategyOk) throw new ArgumentError('Option reconnectStrategy must be false, a delay in ms, or a function (attempt, cause) => delay | false');
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(o) as (keyof T)[]) if (o[key] !== undefined) out[key] = o[key];
  return out;
}
