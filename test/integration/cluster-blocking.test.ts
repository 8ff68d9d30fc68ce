// Blocking commands on a real 3+3 cluster run on connections leased from the slot primary's pool: the shared
// per-node connection keeps serving other commands meanwhile.
import { expect, it } from 'vitest';
import { RedisCluster } from '../../src/cluster/cluster.js';
import { keySlot } from '../../src/cluster/slot.js';
import { CrossSlotError } from '../../src/errors.js';
import { useCluster } from '../helpers/cluster-clients.js';

const under = useCluster();
const client = (): RedisCluster => under.client();

it('a BLPOP waiting on a node does not hold up other commands to that node', async () => {
  const c = client();
  await c.connect();
  let popped = false;
  const pop = c.blpop('{b}:list', 3).then((reply) => {
    popped = true;
    return reply;
  });
  await new Promise((resolve) => setTimeout(resolve, 50)); // BLPOP is parked on the server
  expect(await c.set('{b}:other', '1')).toBe('OK'); // same slot, same node
  expect(await c.get('{b}:other')).toBe('1');
  expect(popped).toBe(false);
  expect(await c.rpush('{b}:list', 'x')).toBe(1);
  expect(await pop).toEqual({ key: '{b}:list', element: 'x' });
  expect(c.nodeForKey('{b}:list').pool.total).toBe(1);
});

it('blocks on several nodes at once (BLPOP, BZPOPMIN, XREAD BLOCK, BLMOVE) and each wakes up', async () => {
  const c = client();
  await c.connect();
  const keys = ['{n1}:l', '{n2}:l', '{n3}:l', '{n4}:l', '{n5}:l'];
  const nodes = new Set(keys.map((key) => c.nodeForKey(key).address.port));
  expect(nodes.size).toBeGreaterThan(1);
  const waits = [
    c.blpop(keys[0]!, 5),
    c.call('BZPOPMIN', '{n2}:z', '5'),
    c.call('XREAD', 'BLOCK', '5000', 'STREAMS', '{n3}:s', '$'),
    c.call('BLMOVE', '{n4}:src', '{n4}:dst', 'LEFT', 'RIGHT', '5'),
    c.brpop(keys[4]!, 5),
  ];
  await new Promise((resolve) => setTimeout(resolve, 50));
  await c.rpush(keys[0]!, 'a');
  await c.zadd('{n2}:z', 1, 'm');
  await c.call('XADD', '{n3}:s', '*', 'f', 'v');
  await c.rpush('{n4}:src', 'moved');
  await c.rpush(keys[4]!, 'e');
  const [a, z, s, m, e] = await Promise.all(waits);
  expect(a).toEqual({ key: keys[0], element: 'a' });
  expect(z).toEqual(['{n2}:z', 'm', 1]);
  expect(JSON.stringify(s)).toContain('"f","v"');
  expect(m).toBe('moved');
  expect(e).toEqual({ key: keys[4], element: 'e' });
});

it('refuses keys of different slots before sending, and follows a MOVED to the new owner', async () => {
  const c = client();
  await expect(c.call('BLPOP', 'a', 'b', '1')).rejects.toBeInstanceOf(CrossSlotError);
  const key = '{bmove}:list';
  await c.rpush(key, 'first');
  const slot = keySlot(key);
  const from = await under.cluster.primaryOf(slot);
  const primaries = await Promise.all(under.cluster.nodes.map(async (n) => ((await n.cli('ROLE')).startsWith('master') ? n.port : -1)));
  const to = primaries.find((port) => port > 0 && port !== from)!;
  await under.cluster.moveSlot(slot, from, to);
  expect(await c.blpop(key, 1)).toEqual({ key, element: 'first' }); // the stale map sent it to `from` first
  expect(c.nodeForKey(key).address.port).toBe(to);
});
