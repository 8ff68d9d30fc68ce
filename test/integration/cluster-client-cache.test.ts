// clientSideCache on RedisCluster: one cache fed by every node connection's invalidations; a node connection
// lost clears it; a slot that moves takes its keys' invalidations with it (MIGRATE deletes them at the source).
import { describe, expect, it, vi } from 'vitest';
import { ArgumentError, RedisCluster, keySlot } from '../../src/index.js';
import { useCluster } from '../helpers/cluster-clients.js';

const env = useCluster({ primaries: 3, replicasPerPrimary: 0 });

/** Keys spread over every primary. */
const KEYS = Array.from({ length: 12 }, (_, i) => `ccc:{k${i}}`);

function stats(c: RedisCluster) {
  const cache = c.cache;
  if (cache === undefined) throw new Error('no cache');
  return cache.stats();
}

describe('RedisCluster with clientSideCache', () => {
  it('reads on every node are cached; a write by another client invalidates its key only', async () => {
    const c = env.client({ clientSideCache: true });
    const writer = env.client();
    await Promise.all(KEYS.map((key) => writer.set(key, 'v1')));
    for (const key of KEYS) expect(await c.get(key)).toBe('v1');
    for (const key of KEYS) expect(await c.get(key)).toBe('v1');
    expect(stats(c)).toMatchObject({ hits: KEYS.length, misses: KEYS.length, size: KEYS.length });
    for (const key of KEYS) {
      const before = stats(c).invalidations;
      await writer.set(key, 'v2');
      await vi.waitFor(() => expect(stats(c).invalidations).toBe(before + 1));
      expect(await c.get(key)).toBe('v2');
    }
    expect(stats(c)).toMatchObject({ hits: KEYS.length, misses: KEYS.length * 2 });
  });

  it('a slot moved to another node: the old owner invalidates, the new owner tracks the next read', async () => {
    const c = env.client({ clientSideCache: true });
    const writer = env.client();
    const key = 'ccc:moving';
    const slot = keySlot(key);
    await writer.set(key, 'before');
    expect(await c.get(key)).toBe('before');
    const from = await env.cluster.primaryOf(slot);
    const to = env.cluster.addresses.map((a) => a.port).find((port) => port !== from) as number;
    const invalidations = stats(c).invalidations;
    await env.cluster.moveSlot(slot, from, to);
    await vi.waitFor(() => expect(stats(c).invalidations).toBeGreaterThan(invalidations));
    expect(await c.get(key)).toBe('before'); // MOVED, then read on the new owner: tracked there
    expect(await c.get(key)).toBe('before');
    const now = stats(c).invalidations;
    await writer.set(key, 'after');
    await vi.waitFor(() => expect(stats(c).invalidations).toBe(now + 1));
    expect(await c.get(key)).toBe('after');
  });

  it('a node connection lost clears the cache; tracking is on again after it reconnects', async () => {
    const c = env.client({ clientSideCache: true, nodeOptions: { reconnectStrategy: 20 } });
    const writer = env.client();
    await Promise.all(KEYS.map((key) => writer.set(key, 'x')));
    for (const key of KEYS) await c.get(key);
    expect(stats(c).size).toBe(KEYS.length);
    const port = await env.cluster.primaryOf(keySlot(KEYS[0]!));
    const node = env.cluster.node(port);
    const killed = await node.cli('CLIENT', 'KILL', 'TYPE', 'normal', 'SKIPME', 'no');
    expect(Number(killed)).toBeGreaterThan(0);
    await vi.waitFor(() => expect(stats(c).size).toBe(0));
    expect(await c.get(KEYS[0]!)).toBe('x');
    await vi.waitFor(async () => expect(await node.cli('CLIENT', 'LIST')).toMatch(/flags=t/));
    expect(await c.get(KEYS[0]!)).toBe('x');
    expect(stats(c).hits).toBeGreaterThan(0);
  });

  it('option errors: on nodeOptions, or with RESP2 nodes', () => {
    const rootNodes = [env.cluster.addresses[0]!];
    expect(() => new RedisCluster({ rootNodes, lazyConnect: true, nodeOptions: { clientSideCache: true } as object })).toThrow(/set 'clientSideCache' on the cluster options/);
    expect(() => new RedisCluster({ rootNodes, lazyConnect: true, clientSideCache: true, nodeOptions: { protocol: 2 } })).toThrow(ArgumentError);
  });
});
