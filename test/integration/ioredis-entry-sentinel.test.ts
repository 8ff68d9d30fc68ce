// ioredis's Sentinel options on the 'ocredis/ioredis' entry: `new Redis({ sentinels, name, role })` is the
// core's SentinelRedis underneath, with ioredis 5.9's behaviour as the oracle.
import { Redis as IORedis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Redis, { OcRedis } from '../../src/ioredis/index.js';
import { SentinelRedis } from '../../src/sentinel/sentinel-redis.js';
import { createOtel, type OtelFixture } from '../helpers/otel.js';
import { startSentinelSetup, type SentinelSetup } from '../helpers/sentinel.js';

let setup: SentinelSetup;
beforeAll(async () => {
  setup = await startSentinelSetup('iomaster');
});
afterAll(async () => {
  await setup?.stop();
});

const sentinels = () => setup.sentinels.map(({ host, port }) => ({ host, port }));

describe("new Redis({ sentinels, name, role }) from 'ocredis/ioredis'", () => {
  it('finds the master, or a replica with role: "slave", as ioredis does', async () => {
    const ours = new Redis({ sentinels: sentinels(), name: 'iomaster' });
    const oursReplica = new Redis({ sentinels: sentinels(), name: 'iomaster', role: 'slave' });
    const theirs = new IORedis({ sentinels: sentinels(), name: 'iomaster' });
    const theirsReplica = new IORedis({ sentinels: sentinels(), name: 'iomaster', role: 'slave' });
    try {
      expect(ours.core).toBeInstanceOf(SentinelRedis);
      const roles = async (master: any, replica: any): Promise<unknown[]> => [((await master.call('ROLE')) as unknown[])[0], ((await replica.call('ROLE')) as unknown[])[0]];
      expect(await roles(ours, oursReplica)).toEqual(await roles(theirs, theirsReplica));
      expect(await roles(ours, oursReplica)).toEqual(['master', 'slave']);
      expect(await ours.set('sentinel:k', 'v')).toBe('OK');
      expect(await theirs.get('sentinel:k')).toBe('v');
    } finally {
      for (const client of [ours, oursReplica, theirs, theirsReplica]) client.disconnect();
    }
  });

  it('refuses a sentinel set-up without the master name, and natMap without sentinels', () => {
    expect(() => new Redis({ sentinels: sentinels() })).toThrow(/name/);
    expect(() => new Redis({ natMap: {} })).toThrow(/sentinels/);
  });

  it('OcRedis with sentinels: calls are observed', async () => {
    let otel: OtelFixture | undefined;
    const o = new OcRedis({ sentinels: sentinels(), name: 'iomaster', telemetry: {} });
    try {
      otel = createOtel();
      await o.ping();
      expect(otel.spans().map((span) => span.name)).toContain('PING');
    } finally {
      o.disconnect();
      await otel?.shutdown();
    }
  });
});
