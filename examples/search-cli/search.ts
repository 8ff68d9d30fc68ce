// One search, as in the Python guide: a `Search` span around a cache lookup; a hit is deleted (so the
// next search misses), a miss is "processed" (upper-cased) and memoized (so the next search hits).
import { SpanStatusCode, type Tracer } from '@opentelemetry/api';

/** The three calls the demo makes; OcRedis and Redis both satisfy it. */
export interface SearchCache {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<unknown>;
  del(...keys: string[]): Promise<number>;
}

export const CACHE_HIT_MESSAGE = 'Cache hit! Now deleting it to make for a cache miss later';
export const CACHE_MISS_MESSAGE = 'Cache miss! Now processing and memoizing it to make for a cache hit later';

const CACHE_ATTRIBUTES = { store: 'redis', client: 'ocredis' } as const;

/** Runs one search under a root `Search` span; `print` gets the cache hit/miss line. Returns the response. */
export function search(tracer: Tracer, cache: SearchCache, query: string, print: (line: string) => void): Promise<string> {
  return tracer.startActiveSpan('Search', { root: true }, async (span) => {
    try {
      span.addEvent('Searching', { query });
      const cached = await cache.get(query);
      if (cached !== null) {
        span.addEvent('Cache hit', CACHE_ATTRIBUTES);
        print(CACHE_HIT_MESSAGE);
        // Forget it, so the next search for the same query is a miss.
        await cache.del(query);
        return cached;
      }
      span.addEvent('Cache miss', CACHE_ATTRIBUTES);
      print(CACHE_MISS_MESSAGE);
      const response = query.toUpperCase();
      await cache.set(query, response);
      return response;
    } catch (err) {
      span.recordException(err as Error);
      span.setStatus({ code: SpanStatusCode.ERROR, message: (err as Error).message });
      throw err;
    } finally {
      span.end();
    }
  });
}
