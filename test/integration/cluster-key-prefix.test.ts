// keyPrefix on a cluster: slots are computed on the prefixed keys, so commands go straight to the node that
// stores them (no MOVED), and MULTI's one-slot rule applies to the prefixed keys.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisCluster, keySlot, CrossSlotError, type RedirectEvent } from '../../src/index.js';
import { startCluster, type ClusterHandle } from '../helpers/cluster.js';

let cluster: ClusterHandle;

beforeAll(async () => {
  cluster = await startCluster({ primaries: 3, replicasPerPrimary: 0 });
}, 120_000);
afterAll(async () => {
  await cluster?.stop();
});

describe('keyPrefix on RedisCluster', () => {
  it('routes by the prefixed key: stored on the node serving its slot, without a redirection', async () => {
    const c = new RedisCluster({ rootNodes: [cluster.addresses[0]!], keyPrefix: 'app:' });
    const redirects: RedirectEvent[] = [];
    c.on('redirect', (event: RedirectEvent) => redirects.push(event));
    try {
      await c.connect();
      // Keys whose slot changes with the prefix, spread over every primary.
      const keys = Array.from({ length: 30 }, (_, i) => `k${i}`).filter((key) => keySlot(key) !== keySlot(`app:${key}`));
      await Promise.all(keys.map((key) => c.set(key, key)));
      const pipeline = c.pipeline();
      for (const key of keys) pipeline.get(key);
      expect(await pipeline.exec()).toEqual(keys);
      expect(redirects).toEqual([]);
      for (const key of keys.slice(0, 5)) {
        const owner = cluster.node(await cluster.primaryOf(keySlot(`app:${key}`)));
        expect(await owner.cli('GET', `app:${key}`)).toBe(key);
      }
      // A replies' key names are not stripped: SCAN on the owner sees the stored name.
      expect(await c.call('EXISTS', keys[0]!)).toBe(1);
    } finally {
      c.disconnect();
    }
  });

  it('MULTI: keys that share a slot through a hash-tag prefix run together; others are refused before sending', async () => {
    const tagged = new RedisCluster({ rootNodes: [cluster.addresses[0]!], keyPrefix: '{tenant1}:' });
    const plain = new RedisCluster({ rootNodes: [cluster.addresses[0]!], keyPrefix: 'app:' });
    try {
      const multi = tagged.multi();
      multi.set('a', '1');
      multi.set('b', '2');
      multi.mget('a', 'b');
      expect(await multi.exec()).toEqual(['OK', 'OK', ['1', '2']]);
      const owner = cluster.node(await cluster.primaryOf(keySlot('{tenant1}:a')));
      expect(await owner.cli('GET', '{tenant1}:b')).toBe('2');
      const spread = plain.multi();
      spread.set('k1', '1'); // app:k1 and app:k2 hash to different slots
      spread.set('k2', '2');
      expect(keySlot('app:k1')).not.toBe(keySlot('app:k2'));
      await expect(spread.exec()).rejects.toBeInstanceOf(CrossSlotError);
    } finally {
      tagged.disconnect();
      plain.disconnect();
    }
  });
});
