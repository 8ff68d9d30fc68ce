// The client-side cache of one client: replies of cacheable reads kept by command and arguments, found again
// by the key they read so an invalidation push removes them all, bounded by maxEntries (least recently used
// goes first, approximated CLOCK-style: a hit only sets a flag, so serving one costs a Map lookup and a write).
// A one-argument read (GET k) is kept under its key as given, which an invalidation finds by taking the key
// prefix off and looking in each one-argument table: such an entry costs one Map insertion, not two.
// Entries are slots in parallel arrays (the tables map an id to its slot number), not objects: a miss that
// stores allocates nothing of its own, so a cache churning through new keys keeps far less for the garbage
// collector to copy and mark.
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

/** What lookup() returns when nothing usable is cached (a reply may itself be null or undefined). */
export const MISS: unique symbol = Symbol('ocredis.cacheMiss');

/** No slot (end of a key's list). */
const NONE = -1;

/**
 * The replies of one command in one reply form (strings or Buffers) and one arity class (one argument, or
 * several): id → slot. The id is the argument itself, or the arguments joined. Split so that a hit on GET key
 * looks up the key string as given (its hash cached by V8) instead of building and hashing a new string per call.
 */
export type CacheTable = Map<string, number>;

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
  /** The one-argument tables (strings and Buffers): where an invalidated key's direct entries are. */
  private oneArgumentTables: CacheTable[] = [];
  // One entry per slot, in parallel arrays that grow up to maxEntries (slots of removed entries are reused).
  // The CLOCK hand walks the slots in order (an array, not an insertion-ordered Set: V8 leaves a deleted Set
  // entry as a hole until the next rehash, so taking the oldest one over and over walks ever more holes).
  /** The table holding the slot's entry; undefined for a free slot. */
  private tableOf: (CacheTable | undefined)[] = [];
  private idOf: string[] = [];
  /** The raw decoded reply (callers get copies of aggregates). */
  private valueOf: unknown[] = [];
  /** The key it read, as invalidations name it, for an entry indexed in byKey; undefined for a direct one. */
  private keyOf: (string | undefined)[] = [];
  /** 1: read since the hand last passed, so it gets a second chance instead of being evicted. */
  private referenced: number[] = [];
  /** performance.now() past which it is not served (ttl); 0 without a ttl. */
  private expiresAt: number[] = [];
  /** The other slots of the same key (byKey's lists), NONE at the ends. */
  private previousOfKey: number[] = [];
  private nextOfKey: number[] = [];
  private freeSlots: number[] = [];
  private hand = 0;
  private size = 0;
  /** The first slot of each indexed (prefixed) key; the others follow through nextOfKey. */
  private readonly byKey = new Map<string, number>();
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

  /**
   * `keyPrefix`: the client's string key prefix ('' for none): a direct entry's key is keyPrefix + id. Undefined
   * (a Buffer prefix) when no entry may be direct.
   */
  constructor(
    options: ResolvedCacheOptions,
    private readonly keyPrefix: string | undefined = '',
  ) {
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
    this.oneArgumentTables = [];
    this.tableOf = [];
    this.idOf = [];
    this.valueOf = [];
    this.keyOf = [];
    this.referenced = [];
    this.expiresAt = [];
    this.previousOfKey = [];
    this.nextOfKey = [];
    this.freeSlots = [];
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
      if (oneArgument) this.oneArgumentTables.push(table);
    }
    return table;
  }

  /** The cached reply under `id` in `table`, or MISS; counts the hit or the miss. */
  lookup(table: CacheTable, id: string): unknown {
    const slot = table.get(id);
    if (slot !== undefined) {
      if (this.ttl === 0 || (this.expiresAt[slot] as number) > performance.now()) {
        this.referenced[slot] = 1;
        this.counts.hits++;
        this.lastHit = true;
        return this.valueOf[slot];
      }
      this.remove(slot);
      this.counts.evictions++;
    }
    this.counts.misses++;
    this.lastHit = false;
    return MISS;
  }

  /** A read is about to be sent: its ticket, for endRead. */
  beginRead(): number {
    return this.sequence;
  }

  /**
   * A read's reply arrived. `store`: it succeeded on a connection whose tracking is live (so the server tracks
   * the key for it); then `value` is kept under `id` in `table`, unless its key (or everything) was invalidated
   * after the read's ticket was taken. `key`: the key as invalidations name it, or undefined for a direct
   * entry (`table` a one-argument table, the key keyPrefix + id; the caller checked that it may be).
   */
  endRead(ticket: number, table: CacheTable, id: string, key: string | undefined, store: boolean, value: unknown): void {
    if (!store) return;
    // Nothing at all invalidated since the read was sent (the common case): no look-up needed.
    if (ticket !== this.sequence && (ticket < this.floor || (this.recent.get(key ?? this.keyPrefix + id) ?? 0) > ticket)) return;
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
      this.dropDirect(key);
      let slot = this.byKey.get(key);
      if (slot === undefined) continue;
      this.byKey.delete(key);
      while (slot !== NONE) {
        const next = this.nextOfKey[slot] as number;
        (this.tableOf[slot] as CacheTable).delete(this.idOf[slot] as string);
        this.vacate(slot);
        slot = next;
      }
    }
  }

  /** Removes the direct entries of `key` (the one-argument reads of it). */
  private dropDirect(key: string): void {
    const prefix = this.keyPrefix;
    if (prefix === undefined || !key.startsWith(prefix)) return;
    const id = prefix === '' ? key : key.slice(prefix.length);
    for (const table of this.oneArgumentTables) {
      const slot = table.get(id);
      if (slot === undefined || this.keyOf[slot] !== undefined) continue; // an indexed one is found through byKey
      table.delete(id);
      this.vacate(slot);
    }
  }

  /** From now on, no read sent before may store; the recent keys are no longer needed to tell. */
  private raiseFloor(): void {
    this.floor = ++this.sequence;
    this.recent.clear();
  }

  private store(table: CacheTable, id: string, key: string | undefined, value: unknown): void {
    const existing = table.get(id);
    if (existing !== undefined) this.remove(existing);
    const slot = this.size < this.maxEntries ? this.freeSlot() : this.evictOne();
    this.tableOf[slot] = table;
    this.idOf[slot] = id;
    this.valueOf[slot] = value;
    this.keyOf[slot] = key;
    this.referenced[slot] = 0;
    // Each array is written only where it is read: expiry with a ttl, key lists for indexed entries.
    if (this.ttl !== 0) this.expiresAt[slot] = performance.now() + this.ttl;
    if (key !== undefined) {
      const next = this.byKey.get(key) ?? NONE;
      this.previousOfKey[slot] = NONE;
      this.nextOfKey[slot] = next;
      if (next !== NONE) this.previousOfKey[next] = slot;
      this.byKey.set(key, slot);
    }
    this.size++;
    table.set(id, slot);
  }

  /** A free slot: one vacated, or a new one at the end (the arrays grow by one, staying packed). */
  private freeSlot(): number {
    const reused = this.freeSlots.pop();
    if (reused !== undefined) return reused;
    const slot = this.tableOf.length;
    this.tableOf.push(undefined);
    this.idOf.push('');
    this.valueOf.push(undefined);
    this.keyOf.push(undefined);
    this.referenced.push(0);
    this.expiresAt.push(0);
    this.previousOfKey.push(NONE);
    this.nextOfKey.push(NONE);
    return slot;
  }

  /** Moves the hand to the first entry not read since it last passed (unflagging those read), evicts it, returns its slot. */
  private evictOne(): number {
    const slots = this.tableOf.length;
    for (;;) {
      const slot = this.hand;
      this.hand = slot + 1 < slots ? slot + 1 : 0;
      const table = this.tableOf[slot];
      if (table === undefined) continue; // only when slots are free, and then the caller does not evict
      if (this.referenced[slot] === 1) {
        this.referenced[slot] = 0;
        continue;
      }
      table.delete(this.idOf[slot] as string);
      this.unindex(slot);
      // Taken over at once by the caller (store), which overwrites what the slot holds.
      this.size--;
      this.counts.evictions++;
      return slot;
    }
  }

  private remove(slot: number): void {
    (this.tableOf[slot] as CacheTable).delete(this.idOf[slot] as string);
    this.unindex(slot);
    this.vacate(slot);
  }

  /**
   * Empties the slot (its table entry and key list already dealt with), dropping what it held so the reply
   * and strings can be collected, and puts it on the free list.
   */
  private vacate(slot: number): void {
    this.tableOf[slot] = undefined;
    this.valueOf[slot] = undefined;
    this.idOf[slot] = '';
    this.keyOf[slot] = undefined;
    this.size--;
    this.freeSlots.push(slot);
  }

  /** Takes the slot out of its key's list. */
  private unindex(slot: number): void {
    const key = this.keyOf[slot];
    if (key === undefined) return; // direct: in no list
    const previous = this.previousOfKey[slot] as number;
    const next = this.nextOfKey[slot] as number;
    if (next !== NONE) this.previousOfKey[next] = previous;
    if (previous !== NONE) this.nextOfKey[previous] = next;
    else if (this.byKey.get(key) === slot) {
      if (next === NONE) this.byKey.delete(key);
      else this.byKey.set(key, next);
    }
  }
}

/** For OcRedis: whether the call `client` just made was a cache hit (undefined: not a cacheable call, or no cache). */
export function lastCacheHit(client: object): boolean | undefined {
  const cache = (client as { cache?: unknown }).cache;
  return cache instanceof ClientCache ? cache.lastHit : undefined;
}
