import { afterAll, beforeAll, expect, it } from 'vitest';
import { RedisCluster, type RetryEvent } from '../../src/cluster/cluster.js';
import { keySlot } from '../../src/cluster/slot.js';
import { CommandOutcomeUnknownError } from '../../src/errors.js';
import { startCluster, type ClusterHandle } from '../helpers/cluster.js';

let cluster: ClusterHandle;
beforeAll(async () => {
  cluster = await startCluster({ primaries: 3, replicasPerPrimary: 1, nodeTimeout: 1000 });
});
afterAll(async () => {
  await cluster?.stop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it('resumes after a primary is SIGKILLed and its replica promoted, losing no acknowledged write', async () => {
  const c = new RedisCluster({ rootNodes: cluster.addresses });
  await c.connect();
  const retries: RetryEvent[] = [];
  c.on('retry', (e: RetryEvent) => retries.push(e));
  const victimSlot = keySlot('victim');
  const victimPort = await cluster.primaryOf(victimSlot);

  // "Acknowledged" = SET answered OK and WAIT 1 confirmed a replica has it: the promise a failover can keep.
  // Writes that got OK but no replica confirmation are counted separately (the promoted replica may lack them).
  const acknowledged = new Map<string, string>();
  const unconfirmed = new Map<string, string>();
  const unexpected: unknown[] = [];
  let outcomeUnknown = 0;
  let stop = false;
  let killedAt = 0;
  let deadAt = 0;
  let firstVictimWriteAfterKill = 0;
  const writer = async (id: number): Promise<void> => {
    for (let n = 0; !stop; n++) {
      const key = `{${id % 4 === 0 ? 'victim' : `w${id}`}}:${id}:${n}`;
      const value = `${id}:${n}`;
      const issuedAt = Date.now();
      try {
        await c.set(key, value);
        // Only a write issued after the process was gone proves recovery.
        if (deadAt > 0 && issuedAt > deadAt && firstVictimWriteAfterKill === 0 && keySlot(key) === victimSlot) firstVictimWriteAfterKill = Date.now();
        const replicas = await c.nodeForKey(key).call('WAIT', '1', '500').catch(() => 0);
        (Number(replicas) >= 1 ? acknowledged : unconfirmed).set(key, value);
        // Reads of this worker's own writes keep flowing too.
        expect(await c.get(key)).toBe(value);
      } catch (error) {
        if (error instanceof CommandOutcomeUnknownError) outcomeUnknown++; // in flight when the node died: may or may not have run
        else unexpected.push(error);
      }
    }
  };
  // Times recovery on a client of its own: on `c`, the writers' WAIT 1 holds the new primary's connection for
  // its full 500 ms (no replica yet), and every command pipelined behind it waits too. SETs back to back, plain.
  const probe = new RedisCluster({ rootNodes: cluster.addresses });
  await probe.connect();
  const prober = async (): Promise<void> => {
    for (let n = 0; !stop; n++) {
      const issuedAt = Date.now();
      try {
        await probe.set(`{victim}:probe:${n}`, 'x');
        if (deadAt > 0 && issuedAt > deadAt && firstVictimWriteAfterKill === 0) firstVictimWriteAfterKill = Date.now();
      } catch (error) {
        if (error instanceof CommandOutcomeUnknownError) outcomeUnknown++;
        else unexpected.push(error);
      }
    }
  };
  const writers = Promise.all([...Array.from({ length: 16 }, (_, id) => writer(id)), prober()]);
  await sleep(500);
  killedAt = Date.now();
  await cluster.node(victimPort).kill();
  deadAt = Date.now();
  // The server's own promotion time, as another node sees it, to compare the client's recovery with.
  const witness = cluster.nodes.find((node) => node.port !== victimPort)!;
  let promotedAt = 0;
  const watcher = (async () => {
    while (promotedAt === 0 && Date.now() - killedAt < 20_000) {
      if ((await cluster.primaryOf(victimSlot, witness).catch(() => victimPort)) !== victimPort) promotedAt = Date.now();
      else await sleep(25);
    }
  })();
  const deadline = Date.now() + 20_000;
  while (firstVictimWriteAfterKill === 0 && Date.now() < deadline) await sleep(50);
  await sleep(300);
  stop = true;
  await Promise.all([writers, watcher]);

  expect(firstVictimWriteAfterKill).toBeGreaterThan(0);
  const newPrimary = await cluster.primaryOf(victimSlot);
  expect(newPrimary).not.toBe(victimPort);
  expect(unexpected).toEqual([]);
  expect(acknowledged.size).toBeGreaterThan(100);
  const ackedKeys = [...acknowledged.keys()];
  const readBack = await Promise.all(ackedKeys.map((key) => c.get(key)));
  expect(ackedKeys.filter((key, i) => readBack[i] !== acknowledged.get(key))).toEqual([]);
  const unconfirmedKeys = [...unconfirmed.keys()];
  const unconfirmedBack = await Promise.all(unconfirmedKeys.map((key) => c.get(key)));
  const unconfirmedLost = unconfirmedKeys.filter((key, i) => unconfirmedBack[i] !== unconfirmed.get(key)).length;
  console.log(
    `cluster failover: replica promoted ${promotedAt - killedAt} ms after SIGKILL (node timeout 1000 ms, seen by polling CLUSTER SLOTS), ` +
      `client writes resumed after ${firstVictimWriteAfterKill - killedAt} ms (${firstVictimWriteAfterKill - promotedAt} ms after promotion); ` +
      `${acknowledged.size} acknowledged writes all present; ${unconfirmed.size} OK-but-unreplicated writes, ${unconfirmedLost} of them lost; ` +
      `${outcomeUnknown} writes failed with CommandOutcomeUnknownError; ${retries.length} retries`,
  );
  c.disconnect();
  probe.disconnect();
}, 60_000);
