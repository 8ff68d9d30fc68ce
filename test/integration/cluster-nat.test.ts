// nodeAddressMap on a real cluster whose nodes announce client ports nobody listens on: the client reaches
// them only through local TCP forwarders named by the map (NAT / container port mapping).
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { RedisCluster, type RedirectEvent } from '../../src/cluster/cluster.js';
import type { ClusterOptions } from '../../src/cluster/options.js';
import { keySlot } from '../../src/cluster/slot.js';
import { ArgumentError } from '../../src/errors.js';
import { startCluster, type ClusterHandle } from '../helpers/cluster.js';
import { freePort } from '../helpers/free-port.js';
import { startForwarder, type TcpForwarder } from '../helpers/tcp-forwarder.js';

let cluster: ClusterHandle;
/** real port → announced (unreachable) port, and announced → forwarder. */
const announced = new Map<number, number>();
const forwarders = new Map<number, TcpForwarder>();
const clients: RedisCluster[] = [];

beforeAll(async () => {
  cluster = await startCluster({ primaries: 3, replicasPerPrimary: 0 });
  for (const node of cluster.nodes) announced.set(node.port, await freePort());
  await cluster.announcePorts(announced);
  for (const [real, fake] of announced) forwarders.set(fake, await startForwarder(real));
});
afterAll(async () => {
  await Promise.all([...forwarders.values()].map((f) => f.close()));
  await cluster?.stop();
});
afterEach(() => {
  for (const c of clients.splice(0)) c.disconnect();
});

function objectMap(): Record<string, { host: string; port: number }> {
  return Object.fromEntries([...forwarders].map(([fake, f]) => [`127.0.0.1:${fake}`, { host: '127.0.0.1', port: f.port }]));
}

function client(options: Partial<ClusterOptions>): RedisCluster {
  const first = forwarders.values().next().value as TcpForwarder;
  const c = new RedisCluster({ rootNodes: [{ host: '127.0.0.1', port: first.port }], ...options });
  clients.push(c);
  return c;
}

it('without the map, the announced addresses are unreachable', async () => {
  const c = client({ maxRetryTime: 300, nodeOptions: { connectTimeout: 200 } });
  await c.connect().catch(() => undefined);
  for (const node of c.nodes('primary')) expect([...forwarders.keys()]).toContain(node.address.port);
  await expect(c.set('nat:x', '1')).rejects.toThrow();
});

it('routes every slot through the map (object form); the topology keeps the announced addresses', async () => {
  const before = new Map([...forwarders].map(([fake, f]) => [fake, f.connections]));
  const c = client({ nodeAddressMap: objectMap() });
  const keys = Array.from({ length: 60 }, (_, i) => `nat:${i}`);
  await Promise.all(keys.map((key, i) => c.set(key, String(i))));
  expect(await Promise.all(keys.map((key) => c.get(key)))).toEqual(keys.map((_, i) => String(i)));
  for (const node of c.nodes('primary')) {
    expect(forwarders.has(node.address.port)).toBe(true); // announced
    expect(node.connection.options.port).toBe(forwarders.get(node.address.port)!.port); // reached through the map
    expect(forwarders.get(node.address.port)!.connections).toBeGreaterThan(before.get(node.address.port)!);
  }
  expect(await c.dbsize()).toBeGreaterThanOrEqual(60);
});

it('follows a MOVED through the map (function form), and WATCH transactions and sharded pub/sub use it too', async () => {
  const seen = new Set<string>();
  const c = client({
    nodeAddressMap: (address, { port }) => {
      seen.add(address);
      const f = forwarders.get(port);
      return f === undefined ? undefined : { host: '127.0.0.1', port: f.port };
    },
  });
  const key = '{natmove}:k';
  const slot = keySlot(key);
  await c.set(key, 'v1');
  const fromFake = c.nodeForKey(key).address.port;
  const realOf = (fake: number) => [...announced].find(([, f]) => f === fake)![0];
  const toFake = c.nodes('primary').map((n) => n.address.port).find((port) => port !== fromFake)!;
  await cluster.moveSlot(slot, realOf(fromFake), realOf(toFake));
  const redirects: RedirectEvent[] = [];
  c.on('redirect', (event: RedirectEvent) => redirects.push(event));
  expect(await c.get(key)).toBe('v1');
  expect(redirects[0]).toMatchObject({ kind: 'MOVED', to: { port: toFake } });
  expect(c.nodeForKey(key).connection.options.port).toBe(forwarders.get(toFake)!.port);
  expect(seen.has(`127.0.0.1:${toFake}`)).toBe(true);

  await c.transaction((tx) => {
    tx.multi().set(key, 'v2'); // executed by transaction() after fn returns
  }, key);
  expect(await c.get(key)).toBe('v2');

  const sub = c.pubsub();
  const got: string[] = [];
  await sub.ssubscribe('{natmove}:ch', (m) => got.push(String(m.message)));
  await c.spublish('{natmove}:ch', 'hello');
  for (let i = 0; i < 100 && got.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(got).toEqual(['hello']);
  await sub.quit();
});

it('refuses a malformed map, and tells ioredis users what natMap is called here', () => {
  expect(() => client({ nodeAddressMap: { '127.0.0.1:1': { host: '127.0.0.1', port: 70000 } } })).toThrow(ArgumentError);
  expect(() => client({ nodeAddressMap: 'x' as never })).toThrow(ArgumentError);
  expect(() => client({ natMap: {} } as never)).toThrow(/nodeAddressMap/);
});
