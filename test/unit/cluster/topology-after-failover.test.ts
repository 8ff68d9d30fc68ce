// The topology reader on what real servers answered right after a primary was SIGKILLed and its replica
// promoted (captured by scripts/capture-cluster-failover.ts from 3+3 clusters, RESP2 and RESP3).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseClusterShards, parseClusterSlots, parseTopology, type SlotMap } from '../../../src/cluster/topology.js';

interface Replies {
  port: number;
  shardsResp2: unknown;
  shardsResp3: unknown;
  slotsResp2: unknown;
  slotsResp3: unknown;
}
interface Capture {
  server: string;
  slot: number;
  killedPort: number;
  promotedPort: number;
  fromWitness: Replies;
  fromPromoted: Replies;
}

const servers = ['redis-7.0.15', 'valkey-8.0.1', 'redis-7.4.1'];
const captures = servers.map((server) => JSON.parse(readFileSync(new URL(`../../fixtures/cluster/after-failover-${server}.json`, import.meta.url), 'utf8')) as Capture);
const cases = captures.flatMap((capture) =>
  (['fromWitness', 'fromPromoted'] as const).flatMap((vantage) =>
    ([2, 3] as const).map((resp) => ({
      name: `${capture.server}, asked ${vantage === 'fromWitness' ? 'another node' : 'the promoted node'}, RESP${resp}`,
      capture,
      shards: capture[vantage][`shardsResp${resp}`],
      slots: capture[vantage][`slotsResp${resp}`],
    })),
  ),
);

const ownerPort = (map: SlotMap, slot: number): number | undefined => map.shards[map.slotShard[slot] as number]?.primary.port;
const ports = (map: SlotMap): number[] => map.shards.flatMap((shard) => [shard.primary.port, ...shard.replicas.map((replica) => replica.port)]);

describe.each(cases)('after a failover: $name', ({ capture, shards, slots }) => {
  it('maps the failed-over slots to the promoted primary and every slot to an owner', () => {
    const map = parseTopology(shards, slots, '127.0.0.1');
    expect(ownerPort(map, capture.slot)).toBe(capture.promotedPort);
    expect(map.slotShard.every((index) => index >= 0)).toBe(true);
    expect(map.shards).toHaveLength(3);
    expect(ports(map)).not.toContain(capture.killedPort);
  });

  it('CLUSTER SHARDS alone never names the dead primary as an owner', () => {
    const map = parseClusterShards(shards, '127.0.0.1');
    expect(ports(map)).not.toContain(capture.killedPort);
    // Redis 7.2–7.4 report the promoted primary's shard without slots (redis/redis#13414): those stay ownerless.
    expect([capture.promotedPort, undefined]).toContain(ownerPort(map, capture.slot));
  });

  it('CLUSTER SLOTS alone maps the slot to the promoted primary', () => {
    expect(ownerPort(parseClusterSlots(slots, '127.0.0.1'), capture.slot)).toBe(capture.promotedPort);
  });
});

describe('server quirks the fixtures hold (so the tests above exercise them)', () => {
  const resp3Shards = (server: string) => (captures.find((capture) => capture.server === server) as Capture).fromWitness.shardsResp3 as { slots: number[]; nodes: { port: number; health: string }[] }[];

  it('Valkey 8.0.1 lists the dead primary, health "fail", first in the promoted one\'s shard', () => {
    const capture = captures.find((c) => c.server === 'valkey-8.0.1') as Capture;
    const shard = resp3Shards('valkey-8.0.1').find((entry) => entry.nodes.some((node) => node.port === capture.promotedPort));
    expect(shard?.nodes[0]).toMatchObject({ port: capture.killedPort, health: 'fail' });
    expect(shard?.slots.length).toBeGreaterThan(0);
  });

  it('Redis 7.4.1 reports the promoted primary\'s shard with an empty slots list', () => {
    const capture = captures.find((c) => c.server === 'redis-7.4.1') as Capture;
    const shard = resp3Shards('redis-7.4.1').find((entry) => entry.nodes.some((node) => node.port === capture.promotedPort));
    expect(shard?.slots).toEqual([]);
  });
});

describe('parseTopology cross-reading CLUSTER SLOTS and CLUSTER SHARDS', () => {
  const node = (id: string, port: number, role: string, health: string) => ({ id, port, ip: '127.0.0.1', endpoint: '127.0.0.1', role, health });

  it('takes owners from CLUSTER SLOTS and replicas (healthy ones, online first) from the matching CLUSTER SHARDS entry', () => {
    const shards = [
      { slots: [0, 16383], nodes: [node('a', 7000, 'master', 'online'), node('b', 7001, 'replica', 'loading'), node('c', 7002, 'replica', 'online'), node('d', 7003, 'replica', 'failed')] },
    ];
    // CLUSTER SLOTS names the owner by id even when its address is spelled differently (e.g. a hostname).
    const slots = [[0, 16383, ['127.0.0.1', 7000, 'a'], ['127.0.0.1', 7002, 'c'], ['127.0.0.1', 7001, 'b']]];
    const map = parseTopology(shards, slots, '127.0.0.1');
    expect(map.shards).toEqual([
      {
        primary: { host: '127.0.0.1', port: 7000 },
        replicas: [
          { host: '127.0.0.1', port: 7002 },
          { host: '127.0.0.1', port: 7001 },
        ],
      },
    ]);
  });

  it('fills slots CLUSTER SLOTS leaves unowned from CLUSTER SHARDS, and reads "fail" and "failed" alike', () => {
    const shards = [
      { slots: [0, 99], nodes: [node('a', 7000, 'master', 'online')] },
      { slots: [100, 16383], nodes: [node('x', 7009, 'master', 'fail'), node('y', 7008, 'master', 'failed'), node('b', 7001, 'master', 'online')] },
    ];
    const map = parseTopology(shards, [[0, 99, ['127.0.0.1', 7000, 'a']]], '127.0.0.1');
    expect(ownerPort(map, 50)).toBe(7000);
    expect(ownerPort(map, 16383)).toBe(7001);
  });

  it('reads the map from CLUSTER SLOTS when the CLUSTER SHARDS reply cannot be read (a proxy or mock answering OK); alone it is still an error', () => {
    const map = parseTopology('OK', [[0, 16383, ['127.0.0.1', 7000, 'a']]], '127.0.0.1');
    expect(ownerPort(map, 16383)).toBe(7000);
    expect(() => parseTopology('OK', undefined, '127.0.0.1')).toThrow(/CLUSTER SHARDS/);
  });
});
