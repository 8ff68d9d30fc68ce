// dnsLookup on a TLS cluster whose nodes announce a host name: the hook resolves it, the certificate is
// checked against the host name.
import { checkServerIdentity, type PeerCertificate } from 'node:tls';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { RedisCluster } from '../../src/cluster/cluster.js';
import { ArgumentError } from '../../src/errors.js';
import { startCluster, type ClusterHandle } from '../helpers/cluster.js';
import { tlsCert } from '../helpers/tls-cert.js';

let cluster: ClusterHandle;
beforeAll(async () => {
  cluster = await startCluster({ primaries: 3, replicasPerPrimary: 0, tls: true });
  await Promise.all(cluster.nodes.map((node) => node.cli('CONFIG', 'SET', 'cluster-announce-hostname', 'localhost', 'cluster-preferred-endpoint-type', 'hostname')));
  const deadline = Date.now() + 20_000;
  for (;;) {
    const views = await Promise.all(cluster.nodes.map((node) => node.cli('--json', 'CLUSTER', 'SLOTS')));
    const hosts = views.flatMap((view) => (JSON.parse(view) as [number, number, [string, number]][]).map((range) => range[2][0]));
    if (hosts.length > 0 && hosts.every((host) => host === 'localhost')) break;
    if (Date.now() > deadline) throw new Error('the nodes did not announce their host name');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}, 60_000);
afterAll(async () => {
  await cluster?.stop();
});

it('resolves announced host names through dnsLookup; TLS checks the certificate against the host name', async () => {
  const { ca } = await tlsCert();
  const looked: string[] = [];
  const servernames: string[] = [];
  const c = new RedisCluster({
    rootNodes: [cluster.addresses[0]!],
    dnsLookup: (hostname, callback) => {
      looked.push(hostname);
      callback(null, '127.0.0.1');
    },
    nodeOptions: {
      tls: {
        ca,
        checkServerIdentity: (host: string, cert: PeerCertificate) => {
          servernames.push(host);
          return checkServerIdentity(host, cert);
        },
      },
    },
  });
  const keys = Array.from({ length: 30 }, (_, i) => `dns:${i}`);
  await Promise.all(keys.map((key) => c.set(key, key)));
  expect(await Promise.all(keys.map((key) => c.get(key)))).toEqual(keys);
  for (const node of c.nodes('primary')) expect(node.address.host).toBe('localhost');
  expect(looked.length).toBeGreaterThanOrEqual(3);
  expect(new Set(looked)).toEqual(new Set(['localhost']));
  expect(servernames).toContain('localhost');
  c.disconnect();
});

it('refuses a dnsLookup that is not a function', () => {
  expect(() => new RedisCluster({ rootNodes: cluster.addresses, dnsLookup: 'x' as never, lazyConnect: true })).toThrow(ArgumentError);
});
