// The client-side cache of one client: replies of cacheable reads kept by command and arguments, indexed by
// the key they read so an invalidation push removes them all, bounded by maxEntries (least recently used goes
// first, approximated CLOCK-style: a hit only sets a flag, so serving one costs a Map lookup and a write).
// A read in flight when its key is invalidated, or when the cache is cleared (a connection lost), is not
// kept: a read takes a ticket (the invalidation sequence number when it was sent) and may store only if
// neither its key nor everything was invalidated after that number.
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

/** How many recently invalidated keys are remembered for reads in flight; past that, in-flight reads do not store. */
const RECENT_INVALIDATIONS = 1024;

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
  /** Its place in the CLOCK ring. */
  slot: number;
  /** The other entries of the same key (a list, so indexing an entry allocates nothing). */
  previousOfKey: CacheEntry | undefined;
  nextOfKey: CacheEntry | undefined;
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
  /**
   * The CLOCK ring the eviction hand walks (an array, not an insertion-ordered Set: V8 leaves a deleted Set
   * entry as a hole until the next rehash, so taking the oldest one over and over walks ever more holes).
   * Grows up to maxEntries; slots of removed entries are reused.
   */
  private readonly ring: (CacheEntry | undefined)[] = [];
  private readonly freeSlots: number[] = [];
  private hand = 0;
  private size = 0;
  /** The first entry of each (prefixed) key; the others follow through nextOfKey. */
  private readonly byKey = new Map<string, CacheEntry>();
  /** Bumped by every invalidation and every clear: what a read's ticket is compared with. */
  private sequence = 0;
  /** Tickets below this may not store (everything was invalidated since they were taken). */
  private floor = 0;
  /** Keys invalidated since the floor, with the sequence number of their last invalidation. */
  private readonly recent = new Map<string, number>();
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
    return { ...this.counts, size: this.size };
  }

  /**
   * Drops every cached reply (reads in flight are not kept either). Also what a connection losing its
   * tracking does (socket closed, tracking or RESP3 switched off): invalidations may be missed from then on.
   */
  clear(): void {
    this.raiseFloor();
    for (const tables of this.tables) tables.clear();
    this.ring.length = 0;
    this.freeSlots.length = 0;
    this.hand = 0;
    this.size = 0;
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

  /** A read is about to be sent: its ticket, for endRead. */
  beginRead(): number {
    return this.sequence;
  }

  /**
   * A read's reply arrived. `store`: it succeeded on a connection whose tracking is live (so the server tracks
   * the key for it); then `value` is kept under `id` in `table`, unless `key` (or everything) was invalidated
   * after the read's ticket was taken.
   */
  endRead(ticket: number, table: CacheTable, id: string, key: string, store: boolean, value: unknown): void {
    if (!store) return;
    // Nothing at all invalidated since the read was sent (the common case): no look-up needed.
    if (ticket !== this.sequence && (ticket < this.floor || (this.recent.get(key) ?? 0) > ticket)) return;
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
      if (this.recent.size >= RECENT_INVALIDATIONS) this.raiseFloor();
      this.recent.set(key, ++this.sequence);
      let entry = this.byKey.get(key);
      if (entry === undefined) continue;
      this.byKey.delete(key);
      while (entry !== undefined) {
        entry.table.delete(entry.id);
        this.vacate(entry);
        entry = entry.nextOfKey;
      }
    }
  }

  /** From now on, no read sent before may store; the recent keys are no longer needed to tell. */
  private raiseFloor(): void {
    this.floor = ++this.sequence;
    this.recent.clear();
  }

  private store(table: CacheTable, id: string, key: string, value: unknown): void {
    const existing = table.get(id);
    if (existing !== undefined) this.remove(existing);
    const slot = this.size < this.maxEntries ? this.freeSlot() : this.evictOne();
    const next = this.byKey.get(key);
    const entry: CacheEntry = {
      value,
      key,
      table,
      id,
      expiresAt: this.ttl === 0 ? 0 : performance.now() + this.ttl,
      referenced: false,
      slot,
      previousOfKey: undefined,
      nextOfKey: next,
    };
    if (next !== undefined) next.previousOfKey = entry;
    this.byKey.set(key, entry);
    this.ring[slot] = entry;
    this.size++;
    table.set(id, entry);
  }

  private freeSlot(): number {
    return this.freeSlots.pop() ?? this.ring.length;
  }

  /** Moves the hand to the first entry not read since it last passed (unflagging those read), evicts it, returns its slot. */
  private evictOne(): number {
    const ring = this.ring;
    for (;;) {
      const slot = this.hand;
      this.hand = slot + 1 < ring.length ? slot + 1 : 0;
      const entry = ring[slot];
      if (entry === undefined) continue; // only when slots are free, and then the caller does not evict
      if (entry.referenced) {
        entry.referenced = false;
        continue;
      }
      entry.table.delete(entry.id);
      this.unindex(entry);
      ring[slot] = undefined;
      this.size--;
      this.counts.evictions++;
      return slot;
    }
  }

  private remove(entry: CacheEntry): void {
    entry.table.delete(entry.id);
    this.vacate(entry);
    this.unindex(entry);
  }

  /** Frees the entry's ring slot. */
  private vacate(entry: CacheEntry): void {
    if (this.ring[entry.slot] !== entry) return;
    this.ring[entry.slot] = undefined;
    this.freeSlots.push(entry.slot);
    this.size--;
  }

  /** Takes the entry out of its key's list. */
  private unindex(entry: CacheEntry): void {
    const { previousOfKey: previous, nextOfKey: next } = entry;
    if (next !== undefined) next.previousOfKey = previous;
    if (previous !== undefined) previous.nextOfKey = next;
    else if (this.byKey.get(entry.key) === entry) {
      if (next === undefined) this.byKey.delete(entry.key);
      else this.byKey.set(entry.key, next);
    }
  }
}

/** For OcRedis: whether the call `client` just made was a cache hit (undefined: not a cacheable call, or no cache). */
export function lastCacheHit(client: object): boolean | undefined {
  const cache = (client as { cache?: unknown }).cache;
  return cache instanceof ClientCache ? cache.lastHit : undefined;
}
