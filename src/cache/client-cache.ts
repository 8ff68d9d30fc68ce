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

/**
 * The replies of one command in one reply form (strings or Buffers) and one arity class (one argument, or
 * several), by id: the argument itself, or the arguments joined. Split so that a hit on GET key looks up the
 * key string as given (its hash cached by V8) instead of building and hashing a new string per call.
 */
export type CacheTable = Map<string, CacheEntry>;

/** A cached reply (the raw decoded reply: callers get copies of aggregates). */
export interface CacheEntry {
  readonly value: unknown;
  /** The key it read, as invalidations name it. */
  readonly key: string;
  readonly table: CacheTable;
  readonly id: string;
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
  /** Tables by command name: [strings, one argument], [strings, several], [Buffers, one], [Buffers, several]. */
  private readonly tables: Map<string, CacheTable>[] = [new Map(), new Map(), new Map(), new Map()];
  /** Every entry, oldest first: the CLOCK ring the eviction hand walks. */
  private readonly ring = new Set<CacheEntry>();
  /** Entries by the (prefixed) key they read. */
  private readonly byKey = new Map<string, Set<CacheEntry>>();
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
    return { ...this.counts, size: this.ring.size };
  }

  /**
   * Drops every cached reply (reads in flight are not kept either). Also what a connection losing its
   * tracking does (socket closed, tracking or RESP3 switched off): invalidations may be missed from then on.
   */
  clear(): void {
    this.flushes++;
    for (const tables of this.tables) tables.clear();
    this.ring.clear();
    this.byKey.clear();
  }

  /** The table of `name` for that reply form and arity class (see CacheTable). */
  table(name: string, returnBuffers: boolean, oneArgument: boolean): CacheTable {
    const tables = this.tables[(returnBuffers ? 2 : 0) + (oneArgument ? 0 : 1)] as Map<string, CacheTable>;
    let table = tables.get(name);
    if (table === undefined) {
      table = new Map();
      tables.set(name, table);
    }
    return table;
  }

  /** The cached reply under `id` in `table`, or undefined; counts the hit or the miss. */
  lookup(table: CacheTable, id: string): CacheEntry | undefined {
    const entry = table.get(id);
    if (entry !== undefined) {
      if (this.ttl === 0 || entry.expiresAt > performance.now()) {
        entry.referenced = true;
        this.counts.hits++;
        this.lastHit = true;
        return entry;
      }
      this.remove(entry);
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
   * tracks the key for it); then `value` is kept under `id` in `table`, unless the key was invalidated or the
   * cache cleared since the read began.
   */
  endRead(ticket: ReadTicket, table: CacheTable, id: string, store: boolean, value: unknown): void {
    const { key, reads } = ticket;
    if (--reads.readers === 0 && this.inflight.get(key) === reads) this.inflight.delete(key);
    if (!store || ticket.flushes !== this.flushes || ticket.generation !== reads.generation) return;
    this.store(table, id, key, value);
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
      const entries = this.byKey.get(key);
      if (entries === undefined) continue;
      this.byKey.delete(key);
      for (const entry of entries) {
        entry.table.delete(entry.id);
        this.ring.delete(entry);
      }
    }
  }

  private store(table: CacheTable, id: string, key: string, value: unknown): void {
    const existing = table.get(id);
    if (existing !== undefined) this.remove(existing);
    while (this.ring.size >= this.maxEntries) this.evictOne();
    const entry: CacheEntry = { value, key, table, id, expiresAt: this.ttl === 0 ? 0 : performance.now() + this.ttl, referenced: false };
    table.set(id, entry);
    this.ring.add(entry);
    let entries = this.byKey.get(key);
    if (entries === undefined) {
      entries = new Set();
      this.byKey.set(key, entries);
    }
    entries.add(entry);
  }

  /** The oldest entry not read since the hand last passed it; read ones go to the back, unflagged. */
  private evictOne(): void {
    for (const entry of this.ring) {
      this.ring.delete(entry);
      if (entry.referenced) {
        entry.referenced = false;
        this.ring.add(entry);
        continue;
      }
      entry.table.delete(entry.id);
      this.unindex(entry);
      this.counts.evictions++;
      return;
    }
  }

  private remove(entry: CacheEntry): void {
    entry.table.delete(entry.id);
    this.ring.delete(entry);
    this.unindex(entry);
  }

  private unindex(entry: CacheEntry): void {
    const entries = this.byKey.get(entry.key);
    if (entries === undefined) return;
    entries.delete(entry);
    if (entries.size === 0) this.byKey.delete(entry.key);
  }
}

/** For OcRedis: whether the call `client` just made was a cache hit (undefined: not a cacheable call, or no cache). */
export function lastCacheHit(client: object): boolean | undefined {
  const cache = (client as { cache?: unknown }).cache;
  return cache instanceof ClientCache ? cache.lastHit : undefined;
}
