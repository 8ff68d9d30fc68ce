import { afterAll, beforeAll, expect, it } from 'vitest';
import { CommandOutcomeUnknownError } from '../../src/errors.js';
import { MasterUnknownError, NoSentinelReachableError } from '../../src/sentinel/errors.js';
import { SentinelRedis } from '../../src/sentinel/sentinel-redis.js';
import { freePort } from '../helpers/free-port.js';
import { startSentinelSetup, type SentinelSetup } from '../helpers/sentinel.js';

let setup: SentinelSetup;
beforeAll(async () => {
  setup = await startSentinelSetup('mymaster');
});
afterAll(async () => {
  await setup?.stop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it('fails with distinct errors when no sentinel is reachable, and when none knows the master', async () => {
  const dead = [{ host: '127.0.0.1', port: await freePort() }];
  const unreachable = new SentinelRedis({ sentinels: dead, name: 'mymaster', watchSwitchMaster: false });
  await expect(unreachable.connect()).rejects.toBeInstanceOf(NoSentinelReachableError);
  unreachable.disconnect();
  const unknown = new SentinelRedis({ sentinels: [...dead, ...setup.sentinels], name: 'no-such-master', watchSwitchMaster: false });
  await expect(unknown.get('x')).rejects.toBeInstanceOf(MasterUnknownError);
  unknown.disconnect();
});

it('monitor() watches the master the client found (not the default host of its options)', async () => {
  const client = new SentinelRedis({ sentinels: setup.sentinels, name: 'mymaster', watchSwitchMaster: false });
  try {
    await client.connect();
    const monitor = await client.monitor();
    await client.set('monitored', '1');
    for await (const event of monitor) {
      if (event.args[0]?.toUpperCase() === 'SET' && event.args[1] === 'monitored') break; // seen on the master's feed
    }
  } finally {
    client.disconnect();
  }
});

it('finds the master (skipping a dead sentinel), connects to a replica on request, and fails over', async () => {
  const sentinels = [{ host: '127.0.0.1', port: await freePort() }, ...setup.sentinels];
  const master = new SentinelRedis({ sentinels, name: 'mymaster' });
  const replica = new SentinelRedis({ sentinels, name: 'mymaster', role: 'replica', watchSwitchMaster: false });
  expect(await master.set('before', '1')).toBe('OK');
  expect(master.masterAddress.port).toBe(setup.primary.port);
  await replica.connect();
  expect(replica.masterAddress.port).toBe(setup.replica.port);
  expect(await master.call('WAIT', '1', '1000')).toBe(1);
  expect(await replica.get('before')).toBe('1');
  replica.disconnect();

  const switches: number[] = [];
  master.on('switch-master', () => switches.push(Date.now()));
  // Writes keep flowing (each confirmed by WAIT so a promoted replica must have it) while the primary dies.
  const acknowledged: string[] = [];
  const unexpected: unknown[] = [];
  let stop = false;
  let killedAt = 0;
  let resumedAt = 0;
  const writer = (async () => {
    for (let n = 0; !stop; n++) {
      const issuedAt = Date.now();
      try {
        await master.set(`k:${n}`, String(n));
        if (killedAt > 0 && issuedAt > killedAt && resumedAt === 0) resumedAt = Date.now();
        if (Number(await master.call('WAIT', '1', '200')) >= 1) acknowledged.push(`k:${n}`);
      } catch (error) {
        if (!(error instanceof CommandOutcomeUnknownError)) unexpected.push(error);
        await sleep(10);
      }
    }
  })();
  await sleep(200);
  await setup.primary.kill();
  killedAt = Date.now();
  const deadline = Date.now() + 20_000;
  while (resumedAt === 0 && Date.now() < deadline) await sleep(50);
  stop = true;
  await writer;
  expect(resumedAt).toBeGreaterThan(0);
  expect(master.masterAddress.port).toBe(setup.replica.port);
  expect(unexpected).toEqual([]);
  const values = await Promise.all(acknowledged.map((key) => master.get(key)));
  expect(values).toEqual(acknowledged.map((key) => key.slice(2)));
  console.log(
    `sentinel failover: writes resumed on the promoted replica ${resumedAt - killedAt} ms after SIGKILL ` +
      `(down-after-milliseconds 1000; +switch-master announced at ${switches.length > 0 ? `${(switches[0] as number) - killedAt} ms` : 'never'}); ` +
      `${acknowledged.length} acknowledged writes all present`,
  );
  await master.quit();
}, 60_000);
