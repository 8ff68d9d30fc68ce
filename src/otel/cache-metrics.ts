// Client-side cache metrics of OcRedis clients (the `clientSideCache` option), read from the caches when a
// reader collects (observable instruments, like the connection metrics), so a call pays nothing for them.
// Per connection pool name (`host:port`, or the socket path):
// - redis/cache/hits, redis/cache/misses: cacheable calls answered locally / sent to the server
// - redis/cache/evictions: replies dropped for room (maxEntries) or because their ttl ran out
// - redis/cache/invalidations: invalidations received (one per key named, one per FLUSHDB / FLUSHALL)
// - redis/cache/size: replies held now
import type { Meter, ObservableResult } from '@opentelemetry/api';
import type { CacheStats, ClientSideCache } from '../cache/client-cache.js';

export const METRIC_CACHE_HITS = 'redis/cache/hits';
export const METRIC_CACHE_MISSES = 'redis/cache/misses';
export const METRIC_CACHE_EVICTIONS = 'redis/cache/evictions';
export const METRIC_CACHE_INVALIDATIONS = 'redis/cache/invalidations';
export const METRIC_CACHE_SIZE = 'redis/cache/size';

interface ObservedCache {
  readonly cache: WeakRef<ClientSideCache>;
  readonly pool: string;
}

const observed = new Set<ObservedCache>();
const metersServed = new WeakSet<Meter>();

/** Observes `cache` from now on (an OcRedis client's). Held weakly: a dropped client is forgotten. */
export function observeCache(cache: ClientSideCache, pool: string): void {
  observed.add({ cache: new WeakRef(cache), pool });
}

/** Creates the observable instruments on `meter` (once per meter). */
export function serveCacheMetrics(meter: Meter): void {
  if (metersServed.has(meter)) return;
  metersServed.add(meter);
  const counter = (name: string, description: string, stat: keyof CacheStats): void => {
    meter.createObservableCounter(name, { description, unit: '1' }).addCallback((result) => report(result, stat));
  };
  counter(METRIC_CACHE_HITS, 'Cacheable calls answered from the client-side cache', 'hits');
  counter(METRIC_CACHE_MISSES, 'Cacheable calls sent to the server', 'misses');
  counter(METRIC_CACHE_EVICTIONS, 'Cached replies dropped for room (maxEntries) or because their ttl ran out', 'evictions');
  counter(METRIC_CACHE_INVALIDATIONS, 'Invalidations received from the server (one per key, one per flush of everything)', 'invalidations');
  meter
    .createObservableUpDownCounter(METRIC_CACHE_SIZE, { description: 'Replies held in client-side caches', unit: '{entry}' })
    .addCallback((result) => report(result, 'size'));
}

/** Sums `stat` per pool over the live caches and reports each sum. */
function report(result: ObservableResult, stat: keyof CacheStats): void {
  const sums = new Map<string, number>();
  for (const entry of observed) {
    const cache = entry.cache.deref();
    if (cache === undefined) {
      observed.delete(entry);
      continue;
    }
    sums.set(entry.pool, (sums.get(entry.pool) ?? 0) + cache.stats()[stat]);
  }
  for (const [pool, total] of sums) result.observe(total, { 'db.client.connection.pool.name': pool });
}
