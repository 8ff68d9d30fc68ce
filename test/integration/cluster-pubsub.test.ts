import { afterAll, beforeAll, expect, it } from 'vitest';
import { RedisCluster, type ClusterSubscriber, type PubSubMessage, type ShardChannelsMovedEvent } from '../../src/index.js';
import { keySlot } from '../../src/cluster/slot.js';
import { startCluster, type ClusterHandle } from '../helpers/cluster.js';
import { waitFor } from '../helpers/wait-for.js';

let cluster: ClusterHandle;
let c: RedisCluster;

beforeAll(async () => {
  cluster = await startCluster({ primaries: 3, replicasPerPrimary: 1, nodeTimeout: 1000 });
  c = new RedisCluster({ rootNodes: cluster.addresses });
  await c.connect();
}, 60_000);

afterAll(async () => {
  await c?.quit();
  await cluster?.stop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One channel name per primary, in the order `c.nodes()` lists them. */
function channelPerPrimary(prefix: string): string[] {
  const map = c.topology!;
  const byShard = new Map<number, string>();
  for (let i = 0; byShard.size < map.shards.length; i++) {
    const name = `${prefix}:${i}`;
    const shard = map.slotShard[keySlot(name)] as number;
    if (!byShard.has(shard)) byShard.set(shard, name);
  }
  return [...byShard.values()];
}

/** Publishes until the subscriber has `count` messages on `channel` (a publish can race a re-subscription). */
async function publishUntilReceived(received: PubSubMessage[], channel: string, message: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!received.some((m) => m.channel === channel && m.message === message)) {
    if (Date.now() > deadline) throw new Error(`${message} never reached ${channel}`);
    await c.spublish(channel, message).catch(() => 0);
    await sleep(100);
  }
}

function nextMoved(sub: ClusterSubscriber, channel: string, timeoutMs: number): Promise<ShardChannelsMovedEvent> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${channel} did not move within ${timeoutMs} ms`)), timeoutMs);
    const listener = (event: ShardChannelsMovedEvent): void => {
      if (!event.channels.includes(channel)) return;
      clearTimeout(timer);
      sub.off('moved', listener);
      resolve(event);
    };
    sub.on('moved', listener);
  });
}

it('subscribes each shard channel on its slot owner and delivers to handlers, events and for-await', async () => {
  const sub = c.pubsub();
  try {
    const channels = channelPerPrimary('news');
    expect(channels).toHaveLength(3);
    const handled: PubSubMessage[] = [];
    const emitted: [string, string][] = [];
    sub.on('smessage', (channel: string, message: string) => emitted.push([channel, message]));
    const iterator = sub[Symbol.asyncIterator]();
    expect(await sub.ssubscribe(...channels, (m) => handled.push(m))).toBe(3);

    // Each on its own primary, confirmed by that node's PUBSUB SHARDNUMSUB.
    const ports = new Set<number>();
    for (const channel of channels) {
      const owner = await cluster.primaryOf(keySlot(channel));
      expect(sub.nodeOf(channel)?.port).toBe(owner);
      ports.add(owner);
      const node = c.nodes().find((n) => n.address.port === owner)!;
      expect(await node.call('PUBSUB', 'SHARDNUMSUB', channel)).toEqual([channel, 1]);
    }
    expect(ports.size).toBe(3);

    for (const channel of channels) expect(await c.spublish(channel, `hello ${channel}`)).toBe(1);
    const expected: PubSubMessage[] = channels.map((channel) => ({ kind: 'smessage', channel, message: `hello ${channel}` }));
    const seen: PubSubMessage[] = [];
    for (let i = 0; i < 3; i++) seen.push((await iterator.next()).value as PubSubMessage);
    // Different nodes, different sockets: no order across channels.
    const byChannel = (a: PubSubMessage, b: PubSubMessage) => a.channel.localeCompare(b.channel);
    expect(seen.sort(byChannel)).toEqual([...expected].sort(byChannel));
    expect([...handled].sort(byChannel)).toEqual([...expected].sort(byChannel));
    expect(emitted.sort()).toEqual(channels.map((channel) => [channel, `hello ${channel}`]).sort());

    // Unsubscribing one leaves the others; the server forgets it.
    expect(await sub.sunsubscribe(channels[0]!)).toBe(2);
    expect(sub.nodeOf(channels[0]!)).toBeUndefined();
    expect(await c.spublish(channels[0]!, 'nobody listens')).toBe(0);
    expect(await c.spublish(channels[1]!, 'still here')).toBe(1);
    expect((await iterator.next()).value).toEqual({ kind: 'smessage', channel: channels[1], message: 'still here' });
    expect(await sub.sunsubscribe()).toBe(0);
    for (const channel of channels) expect(await c.spublish(channel, 'gone')).toBe(0);
  } finally {
    await sub.quit();
  }
  expect(sub.subscribed.shardChannels).toEqual([]);
});

it('delivers Buffers with { buffers: true } and rejects bad arguments before sending', async () => {
  const sub = c.pubsub({ buffers: true });
  try {
    await expect(sub.ssubscribe()).rejects.toThrow(/at least one/);
    await expect(sub.ssubscribe(42 as unknown as string)).rejects.toThrow(/strings or Buffers/);
    const received: PubSubMessage<Buffer>[] = [];
    await sub.ssubscribe(Buffer.from('bin'), (m) => received.push(m));
    expect(await c.spublish('bin', Buffer.from([0xff, 0x00, 0x01]))).toBe(1);
    await waitFor(() => received.length === 1);
    expect(Buffer.isBuffer(received[0]!.channel)).toBe(true);
    expect(received[0]!.message).toEqual(Buffer.from([0xff, 0x00, 0x01]));
  } finally {
    await sub.quit();
  }
});


it('follows a shard channel whose slot is migrated to another primary', async () => {
  const sub = c.pubsub();
  // Learns the topology before the move and is told nothing after it: its first SSUBSCRIBE gets MOVED.
  const stale = new RedisCluster({ rootNodes: cluster.addresses });
  await stale.connect();
  const late = stale.pubsub();
  try {
    const received: PubSubMessage[] = [];
    const channel = 'migrating-channel';
    const slot = keySlot(channel);
    await sub.ssubscribe(channel, (m) => received.push(m));
    const from = await cluster.primaryOf(slot);
    expect(sub.nodeOf(channel)?.port).toBe(from);
    await c.spublish(channel, 'before');
    const to = c.nodes().map((n) => n.address.port).find((port) => port !== from)!;

    const moved = nextMoved(sub, channel, 10_000);
    await cluster.moveSlot(slot, from, to);
    const event = await moved;
    // The old owner told us with a sunsubscribe we never sent (nothing else refreshes the topology here).
    expect(event.reason).toBe('sunsubscribe');
    expect(event.to.port).toBe(to);
    expect(sub.nodeOf(channel)?.port).toBe(to);

    expect(await c.spublish(channel, 'after')).toBe(1); // counted by the new owner: we are subscribed there
    await waitFor(() => received.length === 2);
    expect(received.map((m) => m.message)).toEqual(['before', 'after']);
    const node = c.nodes().find((n) => n.address.port === to)!;
    expect(await node.call('PUBSUB', 'SHARDNUMSUB', channel)).toEqual([channel, 1]);

    expect(stale.topology!.shards[stale.topology!.slotShard[slot]!]!.primary.port).toBe(from);
    await late.ssubscribe(channel);
    expect(late.nodeOf(channel)?.port).toBe(to);
    expect(await node.call('PUBSUB', 'SHARDNUMSUB', channel)).toEqual([channel, 2]);
  } finally {
    await sub.quit();
    await late.quit();
    await stale.quit();
  }
});

it('subscribes again when a node connection ends for good (no reconnects allowed)', async () => {
  const noReconnect = new RedisCluster({ rootNodes: cluster.addresses, nodeOptions: { reconnectStrategy: false } });
  const sub = noReconnect.pubsub();
  try {
    const received: PubSubMessage[] = [];
    const channel = 'killed-connection';
    await sub.ssubscribe(channel, (m) => received.push(m));
    const owner = await cluster.primaryOf(keySlot(channel));
    const moved = nextMoved(sub, channel, 5_000);
    const node = c.nodes().find((n) => n.address.port === owner)!;
    expect(await node.call('CLIENT', 'KILL', 'TYPE', 'pubsub')).toBeGreaterThanOrEqual(1);
    const event = await moved;
    expect(event).toMatchObject({ reason: 'node-lost', from: { port: owner }, to: { port: owner } });
    expect(await c.spublish(channel, 'on a new connection')).toBe(1);
    await waitFor(() => received.length === 1);
  } finally {
    await sub.quit();
    await noReconnect.quit();
  }
});

it('re-subscribes on the promoted replica after its primary is SIGKILLed', async () => {
  // A cluster client used for nothing else: no command connection of its own notices the dead node, so the
  // subscriber's own detection (its connection lost, topology polled) is what is tested.
  const subscriberCluster = new RedisCluster({ rootNodes: cluster.addresses });
  const sub = subscriberCluster.pubsub();
  try {
    const received: PubSubMessage[] = [];
    const channel = 'failover-channel';
    const slot = keySlot(channel);
    await sub.ssubscribe(channel, (m) => received.push(m));
    const victim = await cluster.primaryOf(slot);
    expect(sub.nodeOf(channel)?.port).toBe(victim);

    const moved = nextMoved(sub, channel, 20_000);
    await cluster.node(victim).kill();
    const event = await moved;
    expect(event.to.port).not.toBe(victim);
    // While the promotion is not known everywhere the subscriber may first land on a live stand-in, whose MOVED
    // then sends it on: what matters is that it ends on the slot's new owner and receives there.
    const survivor = cluster.nodes.find((node) => node.port !== victim)!;
    let promoted = await cluster.primaryOf(slot, survivor);
    for (const deadline = Date.now() + 20_000; promoted === victim && Date.now() < deadline; ) {
      await sleep(50);
      promoted = await cluster.primaryOf(slot, survivor);
    }
    expect(promoted).not.toBe(victim);
    await waitFor(() => sub.nodeOf(channel)?.port === promoted, 20_000);

    await publishUntilReceived(received, channel, 'after failover');
    expect(received.map((m) => m.message)).toContain('after failover');
    expect(sub.nodeOf(channel)?.port).toBe(promoted);
  } finally {
    await sub.quit();
    await subscriberCluster.quit();
  }
}, 30_000);
