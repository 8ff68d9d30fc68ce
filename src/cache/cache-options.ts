// The `clientSideCache` option: checked (and defaults filled) before anything connects.
import { ArgumentError } from '../errors.js';
import { checkOptionKeys } from '../option-check.js';

export interface ClientSideCacheOptions {
  /** Most replies kept; the least recently used one makes room for a new one. Default 10,000. */
  maxEntries?: number;
  /**
   * ms a reply may be served for at most, even without an invalidation (bounds how long a key whose time to
   * live ran out may still be served before the server deletes it and says so). 0 (default) = no limit.
   */
  ttl?: number;
}

export interface ResolvedCacheOptions {
  readonly maxEntries: number;
  readonly ttl: number;
}

const CACHE_OPTION_KEYS: Readonly<Record<keyof ClientSideCacheOptions, true>> = { maxEntries: true, ttl: true };

/** The option as given (`true` for the defaults) → resolved; undefined / false when caching is off. */
export function resolveCacheOptions(value: unknown): ResolvedCacheOptions | undefined {
  if (value === undefined || value === false) return undefined;
  const given: ClientSideCacheOptions = value === true ? {} : (value as ClientSideCacheOptions);
  if (typeof given !== 'object' || given === null) throw new ArgumentError('Option clientSideCache must be true or an object { maxEntries?, ttl? }');
  checkOptionKeys('clientSideCache', given, CACHE_OPTION_KEYS);
  const maxEntries = given.maxEntries ?? 10_000;
  if (typeof maxEntries !== 'number' || !Number.isInteger(maxEntries) || maxEntries < 1) throw new ArgumentError('Option clientSideCache.maxEntries must be a positive integer');
  const ttl = given.ttl ?? 0;
  if (typeof ttl !== 'number' || !Number.isFinite(ttl) || ttl < 0) throw new ArgumentError('Option clientSideCache.ttl must be a non-negative number of ms (0 = no limit)');
  return { maxEntries, ttl };
}
