// The +switch-master watcher moves to another sentinel when the one it watches goes away.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SentinelRedis } from '../../src/sentinel/sentinel-redis.js';
import type { NodeAddress } from '../../src/cluster/topology.js';
import { startSentinelSetup, type SentinelSetup } from '../helpers/sentinel.js';

let setup: SentinelSetup;
beforeAll(async () => {
  setup = await startSentinelSetup('watchmaster');
});
afterAll(async () => {
  await setup?.stop();
});

it('hears +switch-master after the watched sentinel died (it watches the next one)', async () => {
  const r = new SentinelRedis({ sentinels: setup.sentinels.map(({ host, port }) => ({ host, port })), name: 'watchmaster' });
  const switched: { from: NodeAddress; to: NodeAddress }[] = [];
  r.on('switch-master', (event: { from: NodeAddress; to: NodeAddress }) => switched.push(event));
  expect(await r.set('w', '1')).toBe('OK');
  const watched = r.sentinels[0]!; // the one that answered first, and the one the watcher subscribes on
  await setup.stopSentinel(watched.port);
  const live = setup.sentinels.find((s) => s.port !== watched.port)!;
  // Manual failover: the old master stays up, so only the watcher can tell the client to move now.
  const { execFile } = await import('node:child_process');
  const failover = () =>
    new Promise<string>((resolve) => execFile('redis-cli', ['-p', String(live.port), 'SENTINEL', 'FAILOVER', 'watchmaster'], (_e, out) => resolve(String(out))));
  // The watcher may need a moment to move on; retry the request until a sentinel accepts it.
  for (let i = 0; i < 50 && !/OK/.test(await failover()); i++) await new Promise((resolve) => setTimeout(resolve, 200));
  for (let i = 0; i < 150 && switched.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 100));
  expect(switched).toHaveLength(1);
  expect(switched[0]!.to.port).toBe(setup.replica.port);
  expect(r.masterAddress.port).toBe(setup.replica.port);
  expect(await r.set('w', '2')).toBe('OK');
  r.disconnect();
}, 60_000);
