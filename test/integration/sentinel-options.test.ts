// SentinelRedis: its options stay as configured, sentinels named by a sentinel join the list, an address map
// reaches servers through other addresses, and preferred replicas are honoured.
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { ArgumentError } from '../../src/errors.js';
import { SentinelRedis, type SentinelOptions } from '../../src/sentinel/sentinel-redis.js';
import { linkedPeers, startSentinelSetup, type SentinelSetup } from '../helpers/sentinel.js';
import { startForwarder, type TcpForwarder } from '../helpers/tcp-forwarder.js';
import { waitFor } from '../helpers/wait-for.js';

let setup: SentinelSetup;
const clients: SentinelRedis[] = [];
const forwarders: TcpForwarder[] = [];
beforeAll(async () => {
  setup = await startSentinelSetup('optmaster', { replicas: 2 });
});
afterAll(async () => {
  await setup?.stop();
});
afterEach(async () => {
  for (const client of clients.splice(0)) client.disconnect();
  await Promise.all(forwarders.splice(0).map((forwarder) => forwarder.close()));
});

function client(options: Partial<SentinelOptions> = {}): SentinelRedis {
  const c = new SentinelRedis({ sentinels: setup.sentinels.map(({ host, port }) => ({ host, port })), name: 'optmaster', watchSwitchMaster: false, ...options });
  clients.push(c);
  return c;
}

async function forwarder(target: number): Promise<TcpForwarder> {
  const f = await startForwarder(target);
  forwarders.push(f);
  return f;
}

it('leaves its options as configured: the resolved address lives on the connection, which its pool follows', async () => {
  const given = Object.freeze({ sentinels: Object.freeze(setup.sentinels.map(({ host, port }) => Object.freeze({ host, port }))), name: 'optmaster', watchSwitchMaster: false });
  const r = new SentinelRedis(given);
  clients.push(r);
  const configured = JSON.stringify(r.options);
  expect(await r.set('opt:k', 'v')).toBe('OK');
  expect(JSON.stringify(r.options)).toBe(configured);
  expect(r.masterAddress).toEqual({ host: '127.0.0.1', port: setup.primary.port });
  expect(r.serverAddress).toEqual({ host: '127.0.0.1', port: setup.primary.port });
  // BLPOP runs on a pooled connection: it must reach the master too (the key is there, so it returns at once).
  await r.rpush('opt:list', 'x');
  expect(await r.blpop('opt:list', 1)).toEqual({ key: 'opt:list', element: 'x' });
  expect(JSON.stringify(r.options)).toBe(configured);
});

it('reaches the master and replicas only through nodeAddressMap (object and function)', async () => {
  const toPrimary = await forwarder(setup.primary.port);
  const master = client({ nodeAddressMap: { [`127.0.0.1:${setup.primary.port}`]: { host: '127.0.0.1', port: toPrimary.port } } });
  expect(await master.set('opt:mapped', '1')).toBe('OK');
  expect(master.masterAddress).toEqual({ host: '127.0.0.1', port: toPrimary.port });
  expect(toPrimary.connections).toBeGreaterThanOrEqual(2); // the ROLE check and the client's connection

  const toReplicas = new Map<number, TcpForwarder>();
  for (const replica of setup.replicas) toReplicas.set(replica.port, await forwarder(replica.port));
  const seen: string[] = [];
  const replica = client({
    role: 'replica',
    nodeAddressMap: (address, parts) => {
      seen.push(address);
      const via = toReplicas.get(parts.port);
      return via === undefined ? undefined : { host: '127.0.0.1', port: via.port };
    },
  });
  await replica.connect();
  const used = [...toReplicas.values()].find((f) => f.port === replica.masterAddress.port);
  expect(used).toBeDefined();
  expect(used!.connections).toBeGreaterThanOrEqual(1);
  expect(seen).toContain(`127.0.0.1:${setup.replicas[0]!.port}`);
});

it('refuses a malformed nodeAddressMap and preferredReplicas, and points ioredis names to ours', () => {
  expect(() => client({ nodeAddressMap: { 'a:1': { host: 'x', port: 0 } } })).toThrow(ArgumentError);
  expect(() => client({ preferredReplicas: [{ host: 'x' }] as never })).toThrow(ArgumentError);
  expect(() => client({ natMap: {} } as never)).toThrow(/nodeAddressMap/);
  expect(() => client({ preferredSlaves: [] } as never)).toThrow(/preferredReplicas/);
});

it('connects to the preferred replica (a list, best first, or a function)', async () => {
  for (const wanted of setup.replicas) {
    const listed = client({ role: 'replica', preferredReplicas: [{ host: '127.0.0.1', port: 1 }, { host: '127.0.0.1', port: wanted.port }] });
    await listed.connect();
    expect(listed.masterAddress.port).toBe(wanted.port);
    const offered: number[][] = [];
    const chosen = client({
      role: 'replica',
      preferredReplicas: (replicas) => {
        offered.push(replicas.map((r) => r.port).sort());
        return replicas.find((r) => r.port === wanted.port);
      },
    });
    await chosen.connect();
    expect(chosen.masterAddress.port).toBe(wanted.port);
    expect(offered[0]).toEqual(setup.replicas.map((r) => r.port).sort());
  }
});

it('learns sentinels added later (SENTINEL SENTINELS) and uses them when the ones given are gone', async () => {
  const first = setup.sentinels[0]!;
  const r = client({ sentinels: [{ host: first.host, port: first.port }] });
  await r.connect();
  expect(r.sentinels.map((s) => s.port).sort()).toEqual(setup.sentinels.map((s) => s.port).sort());

  const added = await setup.addSentinel();
  // Sentinels find each other through the master's hello channel (every 2 s), then link up.
  await othersKnownTo(first.port, setup.sentinels.length);
  await killClientConnection(r); // the reconnect asks the sentinels again
  expect(await r.ping()).toBe('PONG');
  expect(r.sentinels.map((s) => s.port)).toContain(added.port);

  for (const sentinel of setup.sentinels) await setup.stopSentinel(sentinel.port);
  await killClientConnection(r);
  expect(await r.set('opt:after', '1')).toBe('OK'); // only the added sentinel could say where the master is
  expect(r.sentinels[0]!.port).toBe(added.port);
});

/** Waits until the sentinel on `port` lists `count` other sentinels as linked (SENTINEL SENTINELS). */
async function othersKnownTo(port: number, count: number): Promise<void> {
  await waitFor(async () => linkedPeers(await cliSentinel(port)) === count, 20_000);
}

async function cliSentinel(port: number): Promise<string> {
  const { execFile } = await import('node:child_process');
  return new Promise((resolve) => execFile('redis-cli', ['-p', String(port), 'SENTINEL', 'SENTINELS', 'optmaster'], { timeout: 5000 }, (_error, stdout) => resolve(String(stdout))));
}

async function killClientConnection(r: SentinelRedis): Promise<void> {
  const id = r.serverInfo.id;
  expect(id).toBeDefined();
  await setup.primary.cli('CLIENT', 'KILL', 'ID', String(id));
}
