// ioredis's Sentinel options (`new Redis({ sentinels, name, role … })`) mapped onto the core SentinelRedis's.
import type { NodeAddressMap } from '../address-map.js';
import type { RedisOptions } from '../connection/options.js';
import { ArgumentError } from '../errors.js';
import type { SentinelOptions } from '../sentinel/sentinel-redis.js';

/** The Sentinel options of ioredis this entry takes. */
export interface IoSentinelOptions {
  /** The sentinels: `{ host, port }` (ioredis also takes `{ host, port }` only, so the same). */
  sentinels?: ReadonlyArray<{ host?: string; port?: number }>;
  /** The master group name (ioredis's `name`). */
  name?: string;
  /** 'master' (default) or 'slave': a replica of it. */
  role?: 'master' | 'slave';
  sentinelUsername?: string;
  sentinelPassword?: string;
  /** TLS for the sentinel connections. */
  sentinelTLS?: RedisOptions['tls'];
  /** Timeout (ms) of each sentinel query. */
  sentinelCommandTimeout?: number;
  /** Follow `+switch-master` (ocredis does so by default; false turns it off). */
  failoverDetector?: boolean;
  natMap?: NodeAddressMap;
  /** Accepted and ignored: the sentinels a sentinel names are always added. */
  updateSentinels?: boolean;
  /** Accepted and ignored: the sentinels are asked again before every connection attempt. */
  sentinelRetryStrategy?: (times: number) => number | null | void;
  /** Accepted and ignored (see sentinelRetryStrategy). */
  sentinelReconnectStrategy?: (times: number) => number | null | void;
  /** Accepted and ignored: give `tls` for the data nodes and `sentinelTLS` for the sentinels. */
  enableTLSForSentinelMode?: boolean;
}

export const IO_SENTINEL_KEYS: Readonly<Record<keyof IoSentinelOptions, true>> = {
  sentinels: true,
  name: true,
  role: true,
  sentinelUsername: true,
  sentinelPassword: true,
  sentinelTLS: true,
  sentinelCommandTimeout: true,
  failoverDetector: true,
  natMap: true,
  updateSentinels: true,
  sentinelRetryStrategy: true,
  sentinelReconnectStrategy: true,
  enableTLSForSentinelMode: true,
};

/**
 * The core SentinelRedis options when `sentinels` is given (undefined otherwise): the node options are the
 * client's (`core`, without an address), the rest comes from ioredis's sentinel names.
 */
export function toSentinelOptions(io: IoSentinelOptions, core: RedisOptions): SentinelOptions | undefined {
  if (io.sentinels === undefined) return undefined;
  if (!Array.isArray(io.sentinels) || io.sentinels.length === 0) throw new ArgumentError('Redis: sentinels must list at least one { host, port }');
  if (typeof io.name !== 'string' || io.name.length === 0) throw new ArgumentError("Redis: with sentinels, 'name' is the master group name and is required");
  if (io.role !== undefined && io.role !== 'master' && io.role !== 'slave') throw new ArgumentError("Redis: role must be 'master' or 'slave'");
  const { host: _host, port: _port, path: _path, ...nodeOptions } = core;
  const sentinelOptions: RedisOptions = {};
  if (io.sentinelUsername !== undefined) sentinelOptions.username = io.sentinelUsername;
  if (io.sentinelPassword !== undefined) sentinelOptions.password = io.sentinelPassword;
  if (io.sentinelTLS !== undefined) sentinelOptions.tls = io.sentinelTLS;
  const out: SentinelOptions = {
    ...nodeOptions,
    sentinels: io.sentinels.map((s) => ({ host: s.host ?? '127.0.0.1', port: s.port ?? 26379 })),
    name: io.name,
    role: io.role === 'slave' ? 'replica' : 'master',
    sentinelOptions,
  };
  if (io.sentinelCommandTimeout !== undefined) out.sentinelTimeout = io.sentinelCommandTimeout;
  if (io.failoverDetector === false) out.watchSwitchMaster = false;
  if (io.natMap !== undefined) out.nodeAddressMap = io.natMap;
  return out;
}
