// topologyRefreshInterval: the client learns a manual failover without running a command into it.
import { expect, it } from 'vitest';
import { RedisCluster } from '../../src/cluster/cluster.js';
import { ArgumentError } from '../../src/errors.js';
import { useCluster } from '../helpers/cluster-clients.js';

const under = useCluster();

it('re-reads the topology periodically: a manual failover is learned with no command sent', async () => {
  const cluster = under.cluster;
  const c = under.client({ rootNodes: cluster.addresses, topologyRefreshInterval: 200 });
  const quiet = under.client({ rootNodes: cluster.addresses, topologyRefreshInterval: 0 });
  await Promise.all([c.connect(), quiet.connect()]);
  const shard = c.topology!.shards.find((s) => s.replicas.length > 0)!;
  const [oldPrimary, replica] = [shard.primary, shard.replicas[0]!];
  const slot = c.topology!.slotShard.indexOf(c.topology!.shards.indexOf(shard));
  expect(slot).toBeGreaterThanOrEqual(0);
  await cluster.node(replica.port).cli('CLUSTER', 'FAILOVER');
  await cluster.waitStable();
  expect(await cluster.primaryOf(slot)).toBe(replica.port);
  for (let i = 0; i < 100 && c.topology!.shards[c.topology!.slotShard[slot]!]!.primary.port !== replica.port; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(c.topology!.shards[c.topology!.slotShard[slot]!]!.primary.port).toBe(replica.port);
  // With the periodic refresh off, the map still names the old primary (nothing ran into a MOVED).
  expect(quiet.topology!.shards[quiet.topology!.slotShard[slot]!]!.primary.port).toBe(oldPrimary.port);
});

it('validates the option and points ioredis users to it', () => {
  const cluster = under.cluster;
  expect(() => new RedisCluster({ rootNodes: cluster.addresses, topologyRefreshInterval: -1, lazyConnect: true })).toThrow(ArgumentError);
  expect(() => new RedisCluster({ rootNodes: cluster.addresses, slotsRefreshInterval: 1000 } as never)).toThrow(/topologyRefreshInterval/);
});
