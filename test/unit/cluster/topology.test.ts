import { describe, expect, it } from 'vitest';
import { parseClusterShards, parseClusterSlots, TopologyError } from '../../../src/cluster/topology.js';

const node = (port: number, role: string, health = 'online', endpoint = '127.0.0.1') => ({ id: `id${port}`, port, ip: '127.0.0.1', endpoint, role, 'replication-offset': 1, health });

describe('parseClusterShards', () => {
  it('maps slot ranges to primaries and healthy replicas (RESP3 maps)', () => {
    const map = parseClusterShards(
      [
        { slots: [0, 5460, 16000, 16383], nodes: [node(7000, 'master'), node(7003, 'replica'), node(7006, 'replica', 'failed')] },
        { slots: [5461, 15999], nodes: [node(7004, 'replica', 'loading'), node(7001, 'master')] },
        { slots: [], nodes: [node(7009, 'master')] },
      ],
      '127.0.0.1',
    );
    expect(map.shards).toEqual([
      { primary: { host: '127.0.0.1', port: 7000 }, replicas: [{ host: '127.0.0.1', port: 7003 }] },
      { primary: { host: '127.0.0.1', port: 7001 }, replicas: [{ host: '127.0.0.1', port: 7004 }] },
    ]);
    expect(map.slotShard[0]).toBe(0);
    expect(map.slotShard[5460]).toBe(0);
    expect(map.slotShard[5461]).toBe(1);
    expect(map.slotShard[16000]).toBe(0);
  });

  it('reads RESP2 flat key/value arrays, an empty endpoint as the asked host, and prefers the healthy primary', () => {
    const flat = (o: Record<string, unknown>) => Object.entries(o).flat();
    const map = parseClusterShards(
      [flat({ slots: [0, 16383], nodes: [flat(node(7000, 'master', 'failed')), flat(node(7003, 'master', 'online', ''))] })],
      '10.0.0.9',
    );
    expect(map.shards[0]?.primary).toEqual({ host: '10.0.0.9', port: 7003 });
  });

  it.each([
    ['not an array', 'x'],
    ['odd slots', [{ slots: [0], nodes: [] }]],
    ['slot out of range', [{ slots: [0, 16384], nodes: [node(7000, 'master')] }]],
    ['reversed range', [{ slots: [10, 5], nodes: [node(7000, 'master')] }]],
    ['bad port', [{ slots: [0, 1], nodes: [node(0, 'master')] }]],
    ['no slots served', []],
  ])('rejects %s', (_name, reply) => {
    expect(() => parseClusterShards(reply, 'h')).toThrow(TopologyError);
  });
});

describe('parseClusterSlots', () => {
  it('maps ranges and groups them by primary', () => {
    const map = parseClusterSlots(
      [
        [0, 100, ['127.0.0.1', 7000, 'a'], ['127.0.0.1', 7003, 'd']],
        [101, 16383, ['127.0.0.1', 7001, 'b']],
        [200, 300, ['127.0.0.1', 7000, 'a']],
      ],
      'h',
    );
    expect(map.shards).toHaveLength(2);
    expect(map.shards[0]?.replicas).toEqual([{ host: '127.0.0.1', port: 7003 }]);
    expect(map.slotShard[250]).toBe(0);
    expect(map.slotShard[16383]).toBe(1);
  });

  it('rejects an invalid port', () => {
    expect(() => parseClusterSlots([[0, 1, ['127.0.0.1', 70000, 'a']]], 'h')).toThrow(TopologyError);
  });
});
