// The cache's own rules, without a server: what it keeps, what evicts what, and which in-flight reads may store.
import { describe, expect, it } from 'vitest';
import { resolveCacheOptions } from '../../../src/cache/cache-options.js';
import { CACHEABLE_COMMANDS } from '../../../src/cache/cacheable-commands.js';
import { ClientCache, MISS, type CacheTable } from '../../../src/cache/client-cache.js';
import { cloneReply } from '../../../src/cache/clone-reply.js';
import { ArgumentError } from '../../../src/errors.js';

function liveCache(maxEntries = 100, ttl = 0): ClientCache {
  return new ClientCache({ maxEntries, ttl });
}

/** Ids here are `NAME\0argument`: the table of NAME for string replies and one argument, then the argument. */
function at(cache: ClientCache, id: string): [CacheTable, string] {
  const [name = '', argument = ''] = id.split('\0');
  return [cache.table(name, false, true), argument];
}

/** The cached reply as { value }, or undefined for a miss. */
function lookup(cache: ClientCache, id: string): { value: unknown } | undefined {
  const value = cache.lookup(...at(cache, id));
  return value === MISS ? undefined : { value };
}

/** The read of `id` ends; its key is the id's argument unless given. */
function endRead(cache: ClientCache, ticket: number, id: string, store: boolean, value: unknown, key?: string): void {
  const [table, argument] = at(cache, id);
  cache.endRead(ticket, table, argument, key ?? argument, store, value);
}

/** A read of `key` that misses, is sent, and gets `value` back. */
function read(cache: ClientCache, id: string, key: string, value: unknown): void {
  expect(lookup(cache, id)).toBeUndefined();
  endRead(cache, cache.beginRead(), id, true, value, key);
}

describe('which commands are cached', () => {
  it('read-only single-key commands whose reply depends on the value only', () => {
    for (const name of ['GET', 'HGET', 'HGETALL', 'STRLEN', 'SMEMBERS', 'LRANGE', 'ZRANGE', 'ZSCORE', 'GETRANGE', 'HMGET', 'XRANGE', 'TYPE']) {
      expect(CACHEABLE_COMMANDS.has(name), name).toBe(true);
    }
  });

  it('not writes, multi-key reads, time- or chance-dependent replies, cursors', () => {
    for (const name of ['SET', 'GETEX', 'GETDEL', 'MGET', 'EXISTS', 'SUNION', 'TTL', 'PTTL', 'HTTL', 'SRANDMEMBER', 'HRANDFIELD', 'ZRANDMEMBER', 'SCAN', 'SSCAN', 'XPENDING', 'BLPOP', 'KEYS', 'EVAL']) {
      expect(CACHEABLE_COMMANDS.has(name), name).toBe(false);
    }
  });
});

describe('ClientCache', () => {
  it('serves what it stored, counting hits and misses', () => {
    const cache = liveCache();
    read(cache, 'GET\0k', 'k', 'v');
    expect(lookup(cache, 'GET\0k')?.value).toBe('v');
    expect(cache.stats()).toEqual({ hits: 1, misses: 1, evictions: 0, invalidations: 0, size: 1 });
  });

  it('evicts the least recently used entry first when full', () => {
    const cache = liveCache(3);
    read(cache, 'GET\0a', 'a', 1);
    read(cache, 'GET\0b', 'b', 2);
    read(cache, 'GET\0c', 'c', 3);
    expect(lookup(cache, 'GET\0a')?.value).toBe(1); // a is now more recent than b
    read(cache, 'GET\0d', 'd', 4);
    expect(cache.stats()).toMatchObject({ evictions: 1, size: 3 });
    expect(lookup(cache, 'GET\0b')).toBeUndefined();
    for (const id of ['GET\0a', 'GET\0c', 'GET\0d']) expect(lookup(cache, id), id).toBeDefined();
    // All of a, c, d were read since: one of them goes all the same (an approximation of LRU: CLOCK).
    read(cache, 'GET\0e', 'e', 5);
    expect(cache.stats()).toMatchObject({ evictions: 2, size: 3 });
    expect(['GET\0a', 'GET\0c', 'GET\0d'].filter((id) => lookup(cache, id) === undefined)).toHaveLength(1);
  });

  it('an invalidation removes every reply of the key; null removes everything', () => {
    const cache = liveCache();
    read(cache, 'HGET\0h f1', 'h', 'x');
    read(cache, 'HGET\0h f2', 'h', 'y');
    read(cache, 'GET\0k', 'k', 'v');
    cache.invalidate(['h']);
    expect(lookup(cache, 'HGET\0h f1')).toBeUndefined();
    expect(lookup(cache, 'HGET\0h f2')).toBeUndefined();
    expect(lookup(cache, 'GET\0k')?.value).toBe('v');
    cache.invalidate([Buffer.from('k')]); // keys may arrive as Buffers
    expect(lookup(cache, 'GET\0k')).toBeUndefined();
    read(cache, 'GET\0k', 'k', 'v');
    cache.invalidate(null);
    expect(cache.stats()).toMatchObject({ invalidations: 3, size: 0 });
  });

  it('a read in flight when its key is invalidated does not store its reply', () => {
    const cache = liveCache();
    const ticket = cache.beginRead();
    const other = cache.beginRead();
    cache.invalidate(['k']);
    endRead(cache, ticket, 'GET\0k', true, 'old');
    endRead(cache, other, 'GET\0other', true, 'fine');
    expect(lookup(cache, 'GET\0k')).toBeUndefined();
    expect(lookup(cache, 'GET\0other')?.value).toBe('fine');
    // Two reads in flight, the invalidation between them: neither stores (the second may have been read first).
    const first = cache.beginRead();
    cache.invalidate(['k']);
    const second = cache.beginRead();
    endRead(cache, first, 'GET\0k', true, 'old');
    expect(lookup(cache, 'GET\0k')).toBeUndefined();
    endRead(cache, second, 'GET\0k', true, 'new');
    expect(lookup(cache, 'GET\0k')?.value).toBe('new');
  });

  it('a read begun before clear() (a lost connection does that too) does not store', () => {
    const cache = liveCache();
    const before = cache.beginRead();
    read(cache, 'GET\0a', 'a', 1);
    cache.clear();
    endRead(cache, before, 'GET\0k', true, 'old');
    expect(cache.stats().size).toBe(0);
    read(cache, 'GET\0a', 'a', 1);
    expect(cache.stats().size).toBe(1);
  });

  it('a reply from a connection whose tracking is not live (store: false) is not kept', () => {
    const cache = liveCache();
    endRead(cache, cache.beginRead(), 'GET\0k', false, 'v');
    expect(cache.stats().size).toBe(0);
  });

  it('many invalidations of other keys while a read is in flight: it does not store (the recent keys are forgotten)', () => {
    const cache = liveCache();
    const ticket = cache.beginRead();
    cache.invalidate(['other']);
    const stillFine = cache.beginRead();
    endRead(cache, stillFine, 'GET\0k', true, 'v'); // other keys invalidated since: k was not
    expect(lookup(cache, 'GET\0k')?.value).toBe('v');
    const late = cache.beginRead();
    cache.invalidate(Array.from({ length: 2000 }, (_, i) => `other:${i}`));
    endRead(cache, late, 'GET\0k2', true, 'v');
    endRead(cache, ticket, 'GET\0k3', true, 'v');
    expect(lookup(cache, 'GET\0k2')).toBeUndefined();
    expect(lookup(cache, 'GET\0k3')).toBeUndefined();
    read(cache, 'GET\0k2', 'k2', 'v');
    expect(lookup(cache, 'GET\0k2')?.value).toBe('v');
  });

  it('a failed read stores nothing', () => {
    const cache = liveCache();
    endRead(cache, cache.beginRead(), 'GET\0k', false, undefined);
    expect(cache.stats().size).toBe(0);
  });

  it('ttl: an entry older than ttl is a miss and counts as an eviction', () => {
    const cache = liveCache(10, 1e-9);
    read(cache, 'GET\0k', 'k', 'v');
    expect(lookup(cache, 'GET\0k')).toBeUndefined();
    expect(cache.stats()).toMatchObject({ hits: 0, misses: 2, evictions: 1, size: 0 });
  });
});

describe('cloneReply', () => {
  it('copies aggregates and Buffers deeply, returns scalars as they are', () => {
    const reply = { a: ['x', Buffer.from('y')], m: new Map([['k', ['v']]]), s: new Set(['z']) };
    const copy = cloneReply(reply);
    expect(copy).toEqual(reply);
    copy.a.push('extra');
    (copy.a[1] as Buffer)[0] = 0;
    copy.m.get('k')?.push('w');
    expect(reply).toEqual({ a: ['x', Buffer.from('y')], m: new Map([['k', ['v']]]), s: new Set(['z']) });
    expect(cloneReply('s')).toBe('s');
    expect(cloneReply(null)).toBe(null);
  });
});

describe('options', () => {
  it('defaults, and clear errors for bad values or keys', () => {
    expect(resolveCacheOptions(undefined)).toBeUndefined();
    expect(resolveCacheOptions(false)).toBeUndefined();
    expect(resolveCacheOptions(true)).toEqual({ maxEntries: 10_000, ttl: 0 });
    expect(resolveCacheOptions({ maxEntries: 5, ttl: 100 })).toEqual({ maxEntries: 5, ttl: 100 });
    expect(() => resolveCacheOptions({ maxEntries: 0 })).toThrow(ArgumentError);
    expect(() => resolveCacheOptions({ maxEntries: 1.5 })).toThrow(/maxEntries must be a positive integer/);
    expect(() => resolveCacheOptions({ ttl: -1 })).toThrow(/ttl/);
    expect(() => resolveCacheOptions({ maxEntrys: 5 })).toThrow(/did you mean 'maxEntries'/);
    expect(() => resolveCacheOptions('yes')).toThrow(ArgumentError);
  });
});

describe('direct entries (a one-argument read kept under its argument, its key being keyPrefix + argument)', () => {
  const prefixed = () => new ClientCache({ maxEntries: 100, ttl: 0 }, 'app:');
  const gets = (cache: ClientCache) => cache.table('GET', false, true);

  it('an invalidation of the prefixed key removes them from the string and Buffer tables; other keys do not', () => {
    const cache = prefixed();
    expect(cache.lookup(gets(cache), 'k')).toBe(MISS);
    cache.endRead(cache.beginRead(), gets(cache), 'k', undefined, true, 'v');
    cache.endRead(cache.beginRead(), cache.table('GET', true, true), 'k', undefined, true, Buffer.from('v'));
    expect(cache.lookup(gets(cache), 'k')).toBe('v');
    cache.invalidate(['k', 'other:k']); // not what this client's GET k read
    expect(cache.stats().size).toBe(2);
    cache.invalidate([Buffer.from('app:k')]);
    expect(cache.stats().size).toBe(0);
    expect(cache.lookup(gets(cache), 'k')).toBe(MISS);
  });

  it('a read in flight when its prefixed key is invalidated does not store', () => {
    const cache = prefixed();
    const ticket = cache.beginRead();
    cache.invalidate(['app:k']);
    cache.endRead(ticket, gets(cache), 'k', undefined, true, 'old');
    expect(cache.lookup(gets(cache), 'k')).toBe(MISS);
  });

  it('an indexed entry in a one-argument table (a key the server names otherwise) is removed through its key', () => {
    const cache = prefixed();
    // A lone surrogate: the server names the key as its UTF-8 bytes decode, not as the argument reads.
    cache.endRead(cache.beginRead(), gets(cache), '\uD800', 'app:\uFFFD', true, 'v');
    cache.endRead(cache.beginRead(), gets(cache), 'x', undefined, true, 'w');
    cache.invalidate(['app:\uD800']);
    expect(cache.lookup(gets(cache), '\uD800')).toBe('v');
    cache.invalidate(['app:\uFFFD']);
    expect(cache.lookup(gets(cache), '\uD800')).toBe(MISS);
    expect(cache.lookup(gets(cache), 'x')).toBe('w');
  });
});
