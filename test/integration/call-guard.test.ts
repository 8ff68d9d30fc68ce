// Every command host refuses, before sending, the commands that would break in-order reply matching on its
// connection (SUBSCRIBE, MONITOR, CLIENT REPLY OFF), and the host's next command still gets its own reply.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from '../../src/client/redis.js';
import { RedisCluster } from '../../src/cluster/cluster.js';
import { ArgumentError } from '../../src/errors.js';
import type { RedisArg } from '../../src/resp/types.js';
import { startCluster, type ClusterHandle } from '../helpers/cluster.js';
import { startRedisServer, type RedisServerHandle } from '../helpers/redis-server.js';

/** Each would desynchronise replies on a shared connection: [command, ...args] as given to call(). */
const REFUSED: [string, ...RedisArg[]][] = [['SUBSCRIBE', 'news'], ['subscribe', 'news'], ['MONITOR'], ['CLIENT', 'REPLY', 'OFF'], ['client reply', 'skip'], ['PSUBSCRIBE', 'n*']];

// Bounds a failure (a reply that never comes) to a quick, clear timeout instead of the test's.
const commandTimeout = 2_000;

let server: RedisServerHandle;
let cluster: ClusterHandle;
const closers: (() => void)[] = [];

beforeAll(async () => {
  [server, cluster] = await Promise.all([startRedisServer(), startCluster({ primaries: 3, replicasPerPrimary: 0 })]);
});
afterAll(async () => {
  for (const close of closers.splice(0)) close();
  await Promise.all([server?.stop(), cluster?.stop()]);
});

function redis(): Redis {
  const r = new Redis({ port: server.port, commandTimeout });
  closers.push(() => r.disconnect());
  return r;
}

function redisCluster(): RedisCluster {
  const c = new RedisCluster({ rootNodes: [cluster.addresses[0]!], nodeOptions: { commandTimeout } });
  closers.push(() => c.disconnect());
  return c;
}

describe.each(REFUSED)('call(%s …) is refused by every host, which keeps answering in order', (command, ...args) => {
  it('Redis', async () => {
    const r = redis();
    await expect(r.call(command, ...args)).rejects.toBeInstanceOf(ArgumentError);
    await expect(r.callBuffer(command, ...args)).rejects.toBeInstanceOf(ArgumentError);
    expect(await r.set('guard:redis', 'mine')).toBe('OK');
    expect(await r.get('guard:redis')).toBe('mine');
  });

  it('a lent Transaction (watch / transaction)', async () => {
    const r = redis();
    await r.set('guard:tx', 'before');
    const tx = await r.watch('guard:tx');
    await expect(tx.call(command, ...args)).rejects.toBeInstanceOf(ArgumentError);
    await expect(tx.callBuffer(command, ...args)).rejects.toBeInstanceOf(ArgumentError);
    expect(await tx.get('guard:tx')).toBe('before');
    const m = tx.multi();
    m.set('guard:tx', 'after');
    expect(await m.exec()).toEqual(['OK']);
    expect(await r.get('guard:tx')).toBe('after');
  });

  it('a pipeline and a MULTI batch', async () => {
    const r = redis();
    for (const batch of [r.pipeline(), r.multi()]) {
      await expect(batch.call(command, ...args).promise).rejects.toBeInstanceOf(ArgumentError);
      await expect(batch.exec()).rejects.toBeInstanceOf(ArgumentError);
    }
    const p = r.pipeline();
    p.set('guard:batch', 'piped');
    p.get('guard:batch');
    expect(await p.exec()).toEqual(['OK', 'piped']);
  });

  it('RedisCluster', async () => {
    const c = redisCluster();
    await expect(c.call(command, ...args)).rejects.toBeInstanceOf(ArgumentError);
    await expect(c.callBuffer(command, ...args)).rejects.toBeInstanceOf(ArgumentError);
    // Keyless commands go round robin: each primary's connection is still in step.
    for (let i = 0; i < 6; i++) expect(await c.call('ECHO', `e${i}`)).toBe(`e${i}`);
    expect(await c.set('guard:cluster', 'mine')).toBe('OK');
    expect(await c.get('guard:cluster')).toBe('mine');
  });

  it('a cluster node (node.call)', async () => {
    const c = redisCluster();
    await c.connect();
    const node = c.nodes('primary')[0]!;
    await expect(node.call(command, ...args)).rejects.toBeInstanceOf(ArgumentError);
    expect(await node.call('ECHO', 'still in step')).toBe('still in step');
  });

  it('a cluster pipeline and a cluster MULTI', async () => {
    const c = redisCluster();
    for (const batch of [c.pipeline(), c.multi()]) {
      await expect(batch.call(command, ...args).promise).rejects.toBeInstanceOf(ArgumentError);
      await expect(batch.exec()).rejects.toBeInstanceOf(ArgumentError);
    }
    for (let i = 0; i < 6; i++) expect(await c.call('ECHO', `e${i}`)).toBe(`e${i}`);
  });
});

describe('call() parsing, the same on every host', () => {
  it('splits a multi-word command name on a cluster node as on the client', async () => {
    const c = redisCluster();
    await c.connect();
    const node = c.nodes('primary')[0]!;
    const viaNode = (await node.call('config get', 'cluster-enabled')) as unknown;
    const viaClient = (await redis().call('config get', 'cluster-enabled')) as unknown;
    expect(JSON.stringify(viaNode)).toContain('yes');
    expect(JSON.stringify(viaClient)).toContain('no');
  });

  it('refuses an empty or non-string command name with ArgumentError on every host', async () => {
    const r = redis();
    const c = redisCluster();
    await c.connect();
    const tx = await r.watch('guard:empty');
    for (const bad of ['', '   ', 42 as unknown as string]) {
      await expect(r.call(bad)).rejects.toBeInstanceOf(ArgumentError);
      await expect(tx.call(bad)).rejects.toBeInstanceOf(ArgumentError);
      await expect(r.pipeline().call(bad).promise).rejects.toBeInstanceOf(ArgumentError);
      await expect(c.call(bad)).rejects.toBeInstanceOf(ArgumentError);
      await expect(c.nodes('primary')[0]!.call(bad)).rejects.toBeInstanceOf(ArgumentError);
      await expect(c.pipeline().call(bad).promise).rejects.toBeInstanceOf(ArgumentError);
    }
    await tx.unwatch();
  });
});
