// WATCH transactions on a real 3+3 cluster: one slot, a connection leased on that slot's primary, WatchError
// re-runs, CrossSlotError before anything is sent, and MOVED re-running the whole transaction on the new owner.
import { expect, it } from 'vitest';
import { RedisCluster } from '../../src/cluster/cluster.js';
import { keySlot } from '../../src/cluster/slot.js';
import { ArgumentError, CrossSlotError, WatchError } from '../../src/errors.js';
import { useCluster } from '../helpers/cluster-clients.js';

const under = useCluster();
const client = (): RedisCluster => under.client();

it('runs concurrent read-modify-write transactions on the keys primary without losing an update', async () => {
  const c = client();
  const key = '{tx}:counter';
  await c.set(key, '0');
  const runs = await Promise.all(
    Array.from({ length: 20 }, () =>
      c.transaction(async (tx) => {
        const value = Number(await tx.get(key));
        const m = tx.multi();
        m.set(key, String(value + 1));
        return m.exec();
      }, key),
    ),
  );
  expect(runs).toHaveLength(20);
  expect(await c.get(key)).toBe('20');
  // Leased on the slot's primary: its pool has the connections, the other primaries' pools none.
  const owner = c.nodeForKey(key);
  expect(owner.pool.total).toBeGreaterThan(0);
  for (const node of c.nodes('primary')) if (node !== owner) expect(node.pool.total).toBe(0);
});

it('watch() gives WatchError when a watched key changes, and the transaction is usable for reads', async () => {
  const c = client();
  const other = client();
  await c.set('{w}:a', '1');
  const tx = await c.watch('{w}:a', '{w}:b');
  expect(await tx.get('{w}:a')).toBe('1');
  await other.set('{w}:a', '2');
  const m = tx.multi();
  m.set('{w}:b', 'x');
  await expect(m.exec()).rejects.toBeInstanceOf(WatchError);
  expect(await c.get('{w}:b')).toBeNull();
});

it('refuses other slots with CrossSlotError before anything is sent, and a transaction without keys', async () => {
  const c = client();
  let ran = 0;
  await expect(c.transaction(() => ran++, 'a', 'b')).rejects.toBeInstanceOf(CrossSlotError);
  await expect(c.watch('a', 'b')).rejects.toBeInstanceOf(CrossSlotError);
  expect(ran).toBe(0);
  await expect(c.transaction(() => ran++)).rejects.toBeInstanceOf(ArgumentError);
  expect(ran).toBe(0);
  const other = keySlot('a') === keySlot('{x}:k') ? 'b' : 'a';
  await expect(c.transaction((tx) => tx.get(other), '{x}:k')).rejects.toBeInstanceOf(CrossSlotError);
  await expect(
    c.transaction((tx) => {
      const m = tx.multi();
      m.set('{x}:k', '1');
      m.set(other, '1');
      return m.exec();
    }, '{x}:k'),
  ).rejects.toBeInstanceOf(CrossSlotError);
  expect(await c.get('{x}:k')).toBeNull();
  expect(await c.dbsize()).toBeGreaterThanOrEqual(0);
});

it('follows MOVED by running the whole transaction again on the slot\'s new owner', async () => {
  const c = client();
  const key = '{moving}:v';
  const slot = keySlot(key);
  await c.set(key, '10'); // the client now maps the slot to its current owner
  const from = await under.cluster.primaryOf(slot);
  const primaries = await Promise.all(under.cluster.nodes.map(async (n) => ((await n.cli('ROLE')).startsWith('master') ? n.port : -1)));
  const target = primaries.find((port) => port > 0 && port !== from)!;
  await under.cluster.moveSlot(slot, from, target);
  let runs = 0;
  const result = await c.transaction(async (tx) => {
    runs++;
    const value = Number(await tx.get(key));
    const m = tx.multi();
    m.set(key, String(value * 2));
    return m.exec();
  }, key);
  expect(result).toEqual(['OK']);
  expect(runs).toBe(1); // WATCH got the MOVED, before fn ran
  expect(await under.cluster.node(target).cli('GET', key)).toBe('20');
  expect(c.nodeForKey(key).address.port).toBe(target);
});

it('re-runs the transaction on the new owner when its slot moves between WATCH and EXEC (EXECABORT after MOVED)', async () => {
  const c = client();
  const key = '{midmove}:v';
  const slot = keySlot(key);
  await c.set(key, '5');
  const from = await under.cluster.primaryOf(slot);
  const primaries = await Promise.all(under.cluster.nodes.map(async (n) => ((await n.cli('ROLE')).startsWith('master') ? n.port : -1)));
  const target = primaries.find((port) => port > 0 && port !== from)!;
  let runs = 0;
  const result = await c.transaction(async (tx) => {
    runs++;
    const value = Number(await tx.get(key));
    if (runs === 1) await under.cluster.moveSlot(slot, from, target); // after WATCH and the read, before EXEC
    const m = tx.multi();
    m.set(key, String(value + 1));
    return m.exec();
  }, key);
  expect(result).toEqual(['OK']);
  expect(runs).toBe(2);
  expect(await under.cluster.node(target).cli('GET', key)).toBe('6');
});
