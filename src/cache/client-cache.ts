// The client-side cache of one client: replies of cacheable reads kept by command and arguments, indexed by
// the key they read so an invalidation push removes them all, bounded by maxEntries (least recently used goes
// first, approximated CLOCK-style: a hit only sets a flag, so serving one costs a Map lookup and a write).
// A read in flight when its key is invalidated, or when the connection's session is lost, is not kept: each
// read takes a ticket holding its key's generation and the flush count, and keeps its reply only if both
// are unchanged when the reply arrives.
import type { ResolvedCacheOptions } from './cache-options.js';

/** What `client.cache.stats()` reports. Counts are since the client was created. */
export interface CacheStats {
  /** Calls answered from the cache. */
  readonly hits: number;
  /** Cacheable calls sent to the server (nothing cached, or the cache not usable at that moment). */
  readonly misses: number;
  /** Replies dropped to make room (maxEntries) or because their ttl ran out. */
  readonly evictions: number;
  /** Invalidations received from the server: one per key named, one per "everything" (FLUSHDB / FLUSHALL). */
  readonly invalidations: number;
  /** Replies held now. */
  readonly size: number;
}

/** A cached reply (the raw decoded reply: callers get copies of aggregates). */
export interface CacheEntry {
  readonly value: unknown;
  readonly key: string;
  readonly expiresAt: number;
  /** Read since the eviction hand last passed: gets a second chance instead of being evicted. */
  referenced: boolean;
}

/** The reads in flight for one key: their count, and how often the key was invalidated meanwhile. */
interface KeyReads {
  generation: number;
  readers: number;
}

/** A read on its way to the server (see beginRead). */
export interface ReadTicket {
  readonly key: string;
  readonly reads: KeyReads;
  readonly generation: number;
  readonly flushes: number;
}

/** What `client.cache` offers: the counts, and a way to drop everything. */
export interface ClientSideCache {
  stats(): CacheStats;
  clear(): void;
}

export class ClientCache implements ClientSideCache {
  readonly maxEntries: number;
  readonly ttl: number;
  private readonly entries = new Map<string, CacheEntry>();
  /** Entry ids by the (prefixed) key they read. */
  private readonly byKey = new Map<string, Set<string>>();
  private readonly inflight = new Map<string, KeyReads>();
  /** Bumped by every flush: a ticket taken before it must not store. */
  private flushes = 0;
  private counts = { hits: 0, misses: 0, evictions: 0, invalidations: 0 };
  /**
   * Whether the last call made through the client was served from the cache: true or false for a cacheable
   * call, undefined for any other. Read by OcRedis right after the call returns (span attribute).
   */
  lastHit: boolean | undefined = undefined;

  constructor(options: ResolvedCacheOptions) {
    this.maxEntries = options.maxEntries;
    this.ttl = options.ttl;
  }

  /** Hit / miss / eviction / invalidation counts and the current size. */
  stats(): CacheStats {
    return { ...this.counts, size: this.entries.size };
  }

  /**
   * Drops every cached reply (reads in flight are not kept either). Also what a connection losing its
   * tracking does (socket closed, tracking or RESP3 switched off): invalidations may be missed from then on.
   */
  clear(): void {
    this.flushes++;
    this.entries.clear();
    this.byKey.clear();
  }

  /** The cached reply under `id`, or undefined; counts the hit or the miss. */
  lookup(id: string): CacheEntry | undefined {
    const entry = this.entries.get(id);
    if (entry !== undefined) {
      if (this.ttl === 0 || entry.expiresAt > performance.now()) {
        entry.referenced = true;
        this.counts.hits++;
        this.lastHit = true;
        return entry;
      }
      this.remove(id, entry);
      this.counts.evictions++;
    }
    this.counts.misses++;
    this.lastHit = false;
    return undefined;
  }

  /** A read of `key` is about to be sent; pass the ticket to endRead with its reply. */
  beginRead(key: string): ReadTicket {
    let reads = this.inflight.get(key);
    if (reads === undefined) {
      reads = { generation: 0, readers: 0 };
      this.inflight.set(key, reads);
    }
    reads.readers++;
    return { key, reads, generation: reads.generation, flushes: this.flushes };
  }

  /**
   * The read's reply arrived. `store`: it succeeded on a connection whose tracking is live (so the server
   * tracks the key for it); then `value` is kept under `id`, unless the key was invalidated or the cache
   * cleared since the read began.
   */
  endRead(ticket: ReadTicket, id: string, store: boolean, value: unknown): void {
    const { key, reads } = ticket;
    if (--reads.readers === 0 && this.inflight.get(key) === reads) this.inflight.delete(key);
    if (!store || ticket.flushes !== this.flushes || ticket.generation !== reads.generation) return;
    this.store(id, key, value);
  }

  /** An `invalidate` push: the keys named (strings or Buffers), or null for every key (FLUSHDB / FLUSHALL). */
  invalidate(keys: unknown): void {
    if (keys === null) {
      this.counts.invalidations++;
      this.clear();
      return;
    }
    if (!Array.isArray(keys)) return;
    for (const raw of keys) {
      const key = typeof raw === 'string' ? raw : Buffer.isBuffer(raw) ? raw.toString() : String(raw);
      this.counts.invalidations++;
      const reads = this.inflight.get(key);
      if (reads !== undefined) reads.generation++;
      const ids = this.byKey.get(key);
      if (ids === undefined) continue;
      this.byKey.delete(key);
      for (const id of ids) this.entries.delete(id);
    }
  }

  private store(id: string, key: string, value: unknown): void {
    const existing = this.entries.get(id);
    if (existing !== undefined) this.remove(id, existing);
    while (this.entries.size >= this.maxEntries) this.evictOne();
    this.entries.set(id, { value, key, expiresAt: this.ttl === 0 ? 0 : performance.now() + this.ttl, referenced: false });
    let ids = this.byKey.get(key);
    if (ids === undefined) {
      ids = new Set();
      this.byKey.set(key, ids);
    }
    ids.add(id);
  }

  /** The oldest entry not read since the hand last passed it; read ones go to the back, unflagged. */
  private evictOne(): void {
    for (;;) {
      const first = this.entries.entries().next();
      if (first.done === true) return;
      const [id, entry] = first.value;
      this.entries.delete(id);
      if (entry.referenced) {
        entry.referenced = false;
        this.entries.set(id, entry);
        continue;
      }
      this.unindex(id, entry.key);
      this.counts.evictions++;
      return;
    }
  }

  private remove(id: string, entry: CacheEntry): void {
    this.entries.delete(id);
    this.unindex(id, entry.key);
  }

  private unindex(id: string, key: string): void {
    const ids = this.byKey.get(key);
    if (ids === undefined) return;
    ids.delete(id);
    if (ids.size === 0) this.byKey.delete(key);
  }
}

/** For OcRedis: whether the call `client` just made was a cache hit (undefined: not a cacheable call, or no cache). */
export function lastCacheHit(client: object): boolean | undefined {
  const cache = (client as { cache?: unknown }).cache;
  return cache instanceof ClientCache ? cache.lastHit : undefined;
}
