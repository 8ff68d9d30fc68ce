// When the topology replies can't teach the client where a slot went (here: an ACL hides CLUSTER SHARDS and
// CLUSTER SLOTS after the first map was read), a live primary's MOVED must: a command for a slot without
// owner in the map, or whose owner died, is sent to a live primary instead of being retried only locally.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { RedisCluster } from '../../src/index.js';
import { keySlot } from '../../src/cluster/slot.js';
import { startCluster, type ClusterHandle } from '../helpers/cluster.js';

let cluster: ClusterHandle;
const user = { username: 'stale-map', password: 'stale-map-pw' };

beforeAll(async () => {
  cluster = await startCluster({ primaries: 3, replicasPerPrimary: 1, nodeTimeout: 1000 });
  await everyNode('ACL', 'SETUSER', user.username, 'on', `>${user.password}`, '~*', '&*', '+@all');
}, 60_000);
afterAll(async () => {
  await cluster?.stop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function everyNode(...args: string[]): Promise<void> {
  await Promise.all(cluster.nodes.map((node) => node.cli(...args).catch(() => '')));
}

/** From now on the client's topology refreshes fail (NOPERM): only MOVED replies can change its map. */
const hideTopology = () => everyNode('ACL', 'SETUSER', user.username, '-cluster|shards', '-cluster|slots');
const showTopology = () => everyNode('ACL', 'SETUSER', user.username, '+cluster|shards', '+cluster|slots');

function client(): RedisCluster {
  return new RedisCluster({ rootNodes: cluster.addresses, nodeOptions: { ...user }, maxRetryTime: 10_000 });
}

it('sends a command for a slot the map has no owner for to a live primary, and follows its MOVED', async () => {
  const slot = keySlot('orphan');
  const owner = await cluster.primaryOf(slot);
  let heir = owner;
  for (let i = 0; heir === owner; i++) heir = await cluster.primaryOf(keySlot(`heir:${i}`));
  await everyNode('CLUSTER', 'DELSLOTS', String(slot));
  const c = client();
  const sub = c.pubsub();
  try {
    await c.connect();
    expect(c.topology?.slotShard[slot]).toBe(-1);
    await hideTopology();
    await cluster.node(heir).cli('CLUSTER', 'ADDSLOTS', String(slot));
    // Every node learns the new owner by gossip; until then a node may answer CLUSTERDOWN, and gossip that was
    // in flight around the DELSLOTS can leave a node on the old owner for longer than the client retries. The
    // client's map stays ownerless either way (the topology is hidden): what is tested is its way to the heir.
    await cluster.waitStable();
    await c.set('{orphan}:k', 'v');
    expect(await cluster.node(heir).cli('GET', '{orphan}:k')).toBe('v');
    // The sharded subscriber reads the same map: it lands on the slot's owner too.
    await sub.ssubscribe('{orphan}:channel');
    expect(sub.nodeOf('{orphan}:channel')?.port).toBe(heir);
  } finally {
    await showTopology();
    sub.disconnect();
    c.disconnect();
  }
}, 30_000);

it('after its owner died, asks a live primary where the slot went and resumes writes on the promoted replica', async () => {
  const slot = keySlot('victim');
  const victim = await cluster.primaryOf(slot);
  const c = client();
  try {
    await c.connect();
    await c.set('{victim}:before', '1');
    await hideTopology();
    const victimNode = c.nodes('primary').find((node) => node.address.port === victim)!;
    await cluster.node(victim).kill();
    // Only a write sent after the client saw the connection drop is sure not to be in flight on it.
    while (victimNode.connection.status === 'ready') await sleep(10);
    // Failover takes ~2–3 s (node timeout 1 s); this write waits for it through retries.
    await c.set('{victim}:after', '2');
    const promoted = await cluster.primaryOf(slot, cluster.nodes.find((node) => node.port !== victim));
    expect(promoted).not.toBe(victim);
    expect(await cluster.node(promoted).cli('GET', '{victim}:after')).toBe('2');
    expect(c.topology?.shards[c.topology.slotShard[slot] as number]?.primary.port).toBe(promoted);
  } finally {
    await showTopology();
    c.disconnect();
  }
}, 30_000);
