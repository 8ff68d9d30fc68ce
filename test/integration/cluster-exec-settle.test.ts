// A cluster MULTI settles its handles from EXEC's reply exactly as a single-server MULTI does (one settler,
// src/client/exec-reply.ts): same shapes over RESP3, same errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from '../../src/client/redis.js';
import { RedisCluster } from '../../src/cluster/cluster.js';
import { BatchError, ReplyError } from '../../src/errors.js';
import { startCluster, type ClusterHandle } from '../helpers/cluster.js';

let cluster: ClusterHandle;
let c: RedisCluster;
let single: Redis;

beforeAll(async () => {
  cluster = await startCluster({ primaries: 3, replicasPerPrimary: 0 });
  c = new RedisCluster({ rootNodes: [cluster.addresses[0]!], nodeOptions: { protocol: 3 } });
  // A cluster node answers a plain client too: the single-server MULTI is the reference.
  single = new Redis({ port: cluster.addresses[0]!.port, protocol: 3 });
  await c.connect();
});
afterAll(async () => {
  c?.disconnect();
  single?.disconnect();
  await cluster?.stop();
});

describe('cluster MULTI over RESP3, settled like a single-server MULTI', () => {
  it('gives a map reply as an object of strings when another command of the block asked for Buffers', async () => {
    await c.hset('{exec}h', { field: 'value', n: '1' });
    await c.set('{exec}b', 'bytes');
    const m = c.multi();
    const hash = m.hgetall('{exec}h');
    const buffer = m.getBuffer('{exec}b');
    await m.exec();
    expect(await hash.promise).toEqual({ field: 'value', n: '1' });
    expect(await buffer.promise).toEqual(Buffer.from('bytes'));
  });

  it('sets .command on a command error inside EXEC, as the single-server MULTI does', async () => {
    await c.set('{exec}s', 'x');
    const m = c.multi();
    m.set('{exec}s', 'y');
    const failed = m.lpush('{exec}s', 'z');
    await expect(m.exec()).rejects.toBeInstanceOf(BatchError);
    const error = await failed.promise.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReplyError);
    expect(error).toMatchObject({ code: 'WRONGTYPE', command: 'LPUSH' });
  });

  it('returns the same replies as a single-server MULTI for the same block', async () => {
    const slotKey = ownedKey();
    await single.call('HSET', slotKey, 'a', '1', '__proto__', '2');
    const run = async (batch: { hgetall(k: string): unknown; getBuffer(k: string): unknown; exec(): Promise<unknown[]> }): Promise<unknown[]> => {
      batch.hgetall(slotKey);
      batch.getBuffer(slotKey + 'missing');
      return batch.exec();
    };
    const fromSingle = await run(single.multi() as never);
    const fromCluster = await run(c.multi() as never);
    expect(fromCluster).toEqual(fromSingle);
    expect(Object.keys(fromCluster[0] as object).sort()).toEqual(['__proto__', 'a']);
  });
});

/** A key (with a hash tag) served by the node the single-server client is connected to. */
function ownedKey(): string {
  const port = cluster.addresses[0]!.port;
  for (let i = 0; ; i++) {
    const key = `{own${i}}h`;
    const owner = c.nodeForKey(key);
    if (owner.address.port === port) return key;
  }
}
