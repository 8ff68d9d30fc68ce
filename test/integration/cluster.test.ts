import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RedisCluster, type RedirectEvent } from '../../src/cluster/cluster.js';
import { keySlot } from '../../src/cluster/slot.js';
import { BatchError, CrossSlotError } from '../../src/errors.js';
import { startCluster, type ClusterHandle } from '../helpers/cluster.js';

let cluster: ClusterHandle;
const clients: RedisCluster[] = [];

beforeAll(async () => {
  cluster = await startCluster({ primaries: 3, replicasPerPrimary: 1 });
});
afterAll(async () => {
  await cluster?.stop();
});
afterEach(() => {
  for (const client of clients.splice(0)) client.disconnect();
});

function client(options: Partial<ConstructorParameters<typeof RedisCluster>[0]> = {}): RedisCluster {
  const c = new RedisCluster({ rootNodes: [cluster.addresses[0]!], ...options });
  clients.push(c);
  return c;
}

describe('RedisCluster on a 3-primary, 3-replica cluster', () => {
  it('computes the same slots as the server (CLUSTER KEYSLOT)', async () => {
    const keys = ['foo', 'bar', '123456789', '{user1000}.following', 'foo{}{bar}', 'foo{{bar}}zap', 'foo{bar}{zap}', 'clé', '{é}x'];
    for (const key of keys) expect(keySlot(key)).toBe(Number(await cluster.nodes[0]!.cli('CLUSTER', 'KEYSLOT', key)));
  });

  it('learns the topology from one root node and routes commands to every primary', async () => {
    const c = client();
    await c.connect();
    expect(c.nodes('primary')).toHaveLength(3);
    expect(c.nodes('replica')).toHaveLength(3);
    const keys = Array.from({ length: 60 }, (_, i) => `route:${i}`);
    await Promise.all(keys.map((key, i) => c.set(key, String(i))));
    expect(await Promise.all(keys.map((key) => c.get(key)))).toEqual(keys.map((_, i) => String(i)));
    // The keys really are spread: every primary holds some, and each holds exactly the keys of its slots.
    const counts = await Promise.all(c.nodes('primary').map((node) => node.call('DBSIZE')));
    expect(counts.every((n) => Number(n) > 0)).toBe(true);
    for (const key of keys.slice(0, 10)) {
      const owner = await cluster.primaryOf(keySlot(key));
      expect(await cluster.node(owner).cli('GET', key)).not.toBe('');
    }
  });

  it('fails multi-key commands across slots client-side with CROSSSLOT, and runs same-slot ones', async () => {
    const c = client();
    const sent: RedirectEvent[] = [];
    c.on('redirect', (e: RedirectEvent) => sent.push(e));
    await expect(c.mset({ 'a:1': 'x', 'b:2': 'y' })).rejects.toBeInstanceOf(CrossSlotError);
    await expect(c.call('DEL', 'a:1', 'b:2')).rejects.toMatchObject({ code: 'CROSSSLOT' });
    expect(await c.mset({ '{t}a': '1', '{t}b': '2' })).toBe('OK');
    expect(await c.mget('{t}a', '{t}b')).toEqual(['1', '2']);
    expect(await c.del('{t}a', '{t}b')).toBe(2);
    expect(sent).toEqual([]);
  });

  it('splits a pipeline across nodes and returns replies in the caller’s order', async () => {
    const c = client();
    const p = c.pipeline();
    const handles = [];
    for (let i = 0; i < 30; i++) handles.push(p.set(`pipe:${i}`, `v${i}`));
    for (let i = 0; i < 30; i++) handles.push(p.get(`pipe:${i}`));
    p.incr('pipe:0'); // fails: not an integer
    const error = await p.exec().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BatchError);
    const replies = (error as BatchError).replies;
    expect(replies.slice(0, 30)).toEqual(Array(30).fill('OK'));
    expect(replies.slice(30, 60)).toEqual(Array.from({ length: 30 }, (_, i) => `v${i}`));
    expect(replies[60]).toMatchObject({ code: 'ERR' });
    expect(await handles[45]).toBe('v15');
    const slots = new Set(Array.from({ length: 30 }, (_, i) => c.topology!.slotShard[keySlot(`pipe:${i}`)]));
    expect(slots.size).toBe(3);
  });

  it('runs MULTI on one slot and refuses it across slots', async () => {
    const c = client();
    const m = c.multi();
    m.set('{acct}:a', '10');
    m.incrby('{acct}:a', 5);
    m.get('{acct}:a');
    expect(await m.exec()).toEqual(['OK', 15, '15']);
    const cross = c.multi();
    cross.set('{x}', '1');
    cross.set('{y}', '1');
    await expect(cross.exec()).rejects.toBeInstanceOf(CrossSlotError);
    expect(await c.exists('{x}')).toBe(0);
  });

  it('exec(...handles) on cluster batches resolves to those handles\' values; a foreign handle is refused', async () => {
    const c = client();
    const p = c.pipeline();
    p.set('tuple:a', '1');
    expect(await p.exec(p.incr('tuple:a'), p.get('tuple:b'), p.set('tuple:c', 'x'))).toEqual([2, null, 'OK']);
    const m = c.multi();
    expect(await m.exec(m.incrby('{acct}:t', 5), m.get('{acct}:t'))).toEqual([5, '5']);
    const q = c.pipeline();
    q.get('tuple:a');
    await expect(q.exec(c.pipeline().get('tuple:a'))).rejects.toThrow(/argument 1 was not queued on this batch/);
    expect(q.isExecuted).toBe(false);
  });

  it('scanIter walks every primary', async () => {
    const c = client();
    const keys = Array.from({ length: 40 }, (_, i) => `scan:${i}`);
    await Promise.all(keys.map((key) => c.set(key, '1')));
    const seen: string[] = [];
    for await (const key of c.scanIter({ match: 'scan:*', count: 10 })) seen.push(key);
    expect(seen.sort()).toEqual([...keys].sort());
  });

  it('reads from replicas when asked to, and reports the node that answered', async () => {
    const c = client({ readFrom: 'replica' });
    await c.connect();
    await c.set('replica:key', 'v');
    await c.nodeForKey('replica:key').call('WAIT', '1', '1000');
    const replicaPorts = new Set(c.nodes('replica').map((n) => n.address.port));
    const answered: number[] = [];
    const value = await c.sendCommand('GET', ['replica:key'], false, undefined, { onNode: (node) => answered.push(node.port) });
    expect(value).toBe('v');
    expect(replicaPorts.has(answered.at(-1)!)).toBe(true);
    // Writes still go to the primary.
    const writeNode: number[] = [];
    await c.sendCommand('SET', ['replica:key', 'w'], false, undefined, { onNode: (node) => writeNode.push(node.port) });
    expect(replicaPorts.has(writeNode.at(-1)!)).toBe(false);
  });

  it('follows MOVED for a slot that moved, refreshing the map once for many concurrent commands', async () => {
    const c = client();
    await c.connect();
    const slot = keySlot('moved-slot-tag');
    const keys = Array.from({ length: 50 }, (_, i) => `{moved-slot-tag}:${i}`);
    await Promise.all(keys.map((key, i) => c.set(key, `m${i}`)));
    const from = await cluster.primaryOf(slot);
    const to = c.nodes('primary').map((n) => n.address.port).find((port) => port !== from)!;
    await cluster.moveSlot(slot, from, to);
    const redirects: RedirectEvent[] = [];
    let refreshes = 0;
    c.on('redirect', (e: RedirectEvent) => redirects.push(e));
    c.on('refresh', () => refreshes++);
    expect(await Promise.all(keys.map((key) => c.get(key)))).toEqual(keys.map((_, i) => `m${i}`));
    expect(redirects.length).toBe(keys.length);
    expect(redirects.every((e) => e.kind === 'MOVED' && e.slot === slot && e.to.port === to && e.from.port === from)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(refreshes).toBe(1);
    // The map now says so: the next commands go straight to the new owner.
    expect(await c.get(keys[0]!)).toBe('m0');
    expect(redirects.length).toBe(keys.length);
  });

  it('follows ASK during a migration with ASKING, without changing the map', async () => {
    const c = client();
    await c.connect();
    const slot = keySlot('ask-tag');
    const key = '{ask-tag}:k';
    await c.set(key, 'before');
    const fromPort = await cluster.primaryOf(slot);
    const toPort = c.nodes('primary').map((n) => n.address.port).find((port) => port !== fromPort)!;
    const from = cluster.node(fromPort);
    const to = cluster.node(toPort);
    const fromId = await from.cli('CLUSTER', 'MYID');
    const toId = await to.cli('CLUSTER', 'MYID');
    await to.cli('CLUSTER', 'SETSLOT', String(slot), 'IMPORTING', fromId);
    await from.cli('CLUSTER', 'SETSLOT', String(slot), 'MIGRATING', toId);
    await from.cli('MIGRATE', '127.0.0.1', String(toPort), key, '0', '5000');
    const redirects: RedirectEvent[] = [];
    let refreshes = 0;
    c.on('redirect', (e: RedirectEvent) => redirects.push(e));
    c.on('refresh', () => refreshes++);
    expect(await c.get(key)).toBe('before');
    expect(await c.set(key, 'after')).toBe('OK');
    expect(redirects.map((e) => [e.kind, e.to.port])).toEqual([
      ['ASK', toPort],
      ['ASK', toPort],
    ]);
    expect(refreshes).toBe(0);
    expect(c.topology!.shards[c.topology!.slotShard[slot]!]!.primary.port).toBe(fromPort);
    expect(await to.cli('GET', key)).toMatch(/^MOVED/); // without ASKING the importing node refuses: it was the ASK path
    // Finish the migration so the rest of the suite sees a stable cluster.
    await to.cli('CLUSTER', 'SETSLOT', String(slot), 'NODE', toId);
    await from.cli('CLUSTER', 'SETSLOT', String(slot), 'NODE', toId);
    await cluster.waitStable();
  });

  it('keeps 50,000 mixed reads and writes correct while slots move, with no failed command', async () => {
    const c = client();
    await c.connect();
    const keyCount = 2000;
    const keys = Array.from({ length: keyCount }, (_, i) => `load:${i % 40}:${i}`);
    const expected = new Map<string, number>();
    let failures = 0;
    let done = 0;
    const total = 50_000;
    const worker = async (id: number): Promise<void> => {
      for (let i = id; i < total; i += 50) {
        const key = keys[i % keyCount]!;
        try {
          if (i % 3 === 0) {
            expect(await c.incr(key)).toBe((expected.get(key) ?? 0) + 1);
            expected.set(key, (expected.get(key) ?? 0) + 1);
          } else {
            const value = await c.get(key);
            expect(value === null ? 0 : Number(value)).toBe(expected.get(key) ?? 0);
          }
        } catch (error) {
          failures++;
          if (failures < 5) console.error(error);
        }
        done++;
      }
    };
    // Keys are owned by one worker each (i % 50 fixes the key mod 50 → the same worker), so expectations are exact.
    const load = Promise.all(Array.from({ length: 50 }, (_, id) => worker(id)));
    const slotsToMove = [...new Set(keys.map((key) => keySlot(key)))].slice(0, 12);
    let moved = 0;
    const mover = (async () => {
      for (const slot of slotsToMove) {
        const from = await cluster.primaryOf(slot);
        const ports = c.nodes('primary').map((n) => n.address.port);
        const to = ports[(ports.indexOf(from) + 1) % ports.length]!;
        await cluster.moveSlot(slot, from, to);
        moved++;
      }
    })();
    await Promise.all([load, mover]);
    expect(moved).toBe(slotsToMove.length);
    expect(done).toBe(total);
    expect(failures).toBe(0);
    const values = await Promise.all(keys.map((key) => c.get(key)));
    keys.forEach((key, i) => expect(values[i] === null ? 0 : Number(values[i])).toBe(expected.get(key) ?? 0));
  }, 120_000);
});
