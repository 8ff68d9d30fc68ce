// cluster.scanIter() across a primary's SIGKILL mid-scan: the shard is scanned again on the promoted replica,
// every key present for the whole scan comes back, none twice.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { RedisCluster } from '../../src/cluster/cluster.js';
import { keySlot } from '../../src/cluster/slot.js';
import { startCluster, type ClusterHandle } from '../helpers/cluster.js';

let cluster: ClusterHandle;
beforeAll(async () => {
  cluster = await startCluster({ primaries: 3, replicasPerPrimary: 1, nodeTimeout: 1000 });
});
afterAll(async () => {
  await cluster?.stop();
});

it('returns every key exactly once although the primary being scanned is SIGKILLed mid-scan', async () => {
  const c = new RedisCluster({ rootNodes: cluster.addresses });
  const keys = Array.from({ length: 3000 }, (_, i) => `scan:${i}`);
  for (let i = 0; i < keys.length; i += 500) await Promise.all(keys.slice(i, i + 500).map((key) => c.set(key, '1')));
  // Every replica has every key before the kill (the promoted one must not lack any).
  for (const node of c.nodes('primary')) expect(Number(await node.call('WAIT', '1', '5000'))).toBe(1);

  const seen: string[] = [];
  let killed = false;
  for await (const key of c.scanIter({ match: 'scan:*', count: 20 })) {
    seen.push(key);
    if (!killed && seen.length === 100) {
      killed = true;
      // The node answering right now: the primary of the key just returned.
      await cluster.node(await cluster.primaryOf(keySlot(key))).kill();
    }
  }
  expect(killed).toBe(true);
  expect(new Set(seen).size).toBe(seen.length); // no duplicates
  expect([...seen].sort()).toEqual([...keys].sort());
  c.disconnect();
}, 60_000);
