// Cluster of the 'ocredis/ioredis' entry on a real cluster: ioredis's constructor and options over the core
// RedisCluster, commands routed by slot with ioredis's reply shapes, pipelines and MULTI, and OcCluster.
import { describe, expect, it } from 'vitest';
import Redis, { Cluster, OcCluster } from '../../src/ioredis/index.js';
import { RedisCluster } from '../../src/cluster/cluster.js';
import { useCluster } from '../helpers/cluster-clients.js';

const env = useCluster({ primaries: 3, replicasPerPrimary: 0 });

function open(options: ConstructorParameters<typeof Cluster>[1] = {}): Cluster {
  const [first] = env.cluster.addresses;
  const c = new Redis.Cluster([{ host: first!.host, port: first!.port }], options);
  return c;
}

describe('new Redis.Cluster(startupNodes, options)', () => {
  it("emits 'ready' once it knows the slots; routes commands by key with ioredis's reply shapes", async () => {
    const c = open({ redisOptions: { connectionName: 'io-cluster' } });
    try {
      expect(c.core).toBeInstanceOf(RedisCluster);
      await new Promise((resolve) => c.once('ready', resolve));
      expect(c.status).toBe('ready');
      const keys = Array.from({ length: 30 }, (_, i) => `io:c:${i}`);
      await Promise.all(keys.map((key, i) => c.set(key, String(i))));
      expect(await Promise.all(keys.map((key) => c.get(key)))).toEqual(keys.map((_, i) => String(i)));
      expect(await c.expire('io:c:0', 100)).toBe(1);
      await c.hset('io:c:h', { a: '1' });
      expect(await c.hgetall('io:c:h')).toEqual({ a: '1' });
      expect(await c.zadd('io:c:z', 1, 'm')).toBe(1);
      expect(await c.zrange('io:c:z', 0, -1, 'WITHSCORES')).toEqual(['m', '1']);
    } finally {
      await c.quit();
    }
  });

  it('pipelines across slots resolve [[err, result], …]; multi() runs on one slot; keyPrefix applies', async () => {
    const c = open({ keyPrefix: '{p}' });
    try {
      expect(await c.pipeline().set('a', '1').set('b', '2').get('a').lpush('a', 'x').exec()).toEqual([
        [null, 'OK'],
        [null, 'OK'],
        [null, '1'],
        [expect.objectContaining({ name: 'ReplyError' })],
      ]);
      expect(await c.multi().incr('n').incr('n').exec()).toEqual([
        [null, 1],
        [null, 2],
      ]);
      const plain = open();
      try {
        expect(await plain.get('{p}a')).toBe('1');
      } finally {
        plain.disconnect();
      }
    } finally {
      await c.quit();
    }
  });

  it('WATCH conflict: multi().exec() resolves null', async () => {
    const c = open();
    const other = open();
    try {
      await c.set('{w}k', '1');
      await c.watch('{w}k');
      await other.set('{w}k', '2');
      expect(await c.multi().set('{w}k', '3').exec()).toBeNull();
      expect(await other.get('{w}k')).toBe('2');
    } finally {
      c.disconnect();
      other.disconnect();
    }
  });

  it('sscanStream / hscanStream run on the node of their key', async () => {
    const c = open();
    try {
      await c.sadd('io:c:set', 'a', 'b', 'c');
      const members: string[] = [];
      for await (const page of c.sscanStream('io:c:set', { count: 1 })) members.push(...(page as string[]));
      expect(members.sort()).toEqual(['a', 'b', 'c']);
    } finally {
      c.disconnect();
    }
  });

  it('nodes(role) gives a client per node: node-local commands, and a scanStream per primary finds every key', async () => {
    const c = open();
    try {
      await new Promise((resolve) => c.once('ready', resolve));
      const masters = c.nodes('master');
      expect(masters).toHaveLength(3);
      expect(c.nodes('slave')).toEqual([]);
      expect(c.nodes()).toHaveLength(3);
      await Promise.all(masters.map((node) => node.flushdb()));
      const keys = Array.from({ length: 40 }, (_, i) => `io:n:${i}`);
      await Promise.all(keys.map((key) => c.set(key, 'v')));
      const sizes = await Promise.all(masters.map((node) => node.dbsize()));
      expect(sizes.reduce((a, b) => a + b, 0)).toBe(40);
      expect(sizes.every((size) => size > 0)).toBe(true);
      const found: string[] = [];
      for (const node of masters) for await (const page of node.scanStream({ match: 'io:n:*' })) found.push(...(page as string[]));
      expect(found.sort()).toEqual([...keys].sort());
      expect(masters[0]!.options.port).toBeGreaterThan(0);
      expect(() => masters[0]!.disconnect()).toThrow(/close the Cluster/);
    } finally {
      await c.quit();
    }
  });

  it('defineCommand: one script on every node; after SCRIPT FLUSH on every master, single calls and pipelines still succeed (NOSCRIPT → EVAL)', async () => {
    const c = open();
    try {
      await new Promise((resolve) => c.once('ready', resolve));
      c.defineCommand('myget', { numberOfKeys: 1, lua: "return redis.call('GET', KEYS[1])" });
      const mine = c as unknown as Record<string, (...params: unknown[]) => Promise<unknown>> & { pipeline(): any };
      // Keys on every primary: the script's first call (EVAL) reached one node only; on the others the
      // client's EVALSHA gets NOSCRIPT and is re-sent as EVAL.
      const keys = Array.from({ length: 20 }, (_, i) => `io:script:${i}`);
      await Promise.all(keys.map((key) => c.set(key, key)));
      for (const key of keys) expect(await mine.myget!(key)).toBe(key);
      for (const node of c.nodes('master')) await node.script('FLUSH');
      for (const key of keys) expect(await mine.myget!(key)).toBe(key);

      for (const node of c.nodes('master')) await node.script('FLUSH');
      const called: unknown[] = [];
      const results = await mine
        .pipeline()
        .myget('io:script:p', (error: Error | null, result: unknown) => called.push(error ?? result))
        .set('io:script:p', 'setAfterMyGET')
        .myget('io:script:p')
        .exec();
      expect(results).toEqual([[null, 'setAfterMyGET'], [null, 'OK'], [null, 'setAfterMyGET']]);
      expect(called).toEqual(['setAfterMyGET']);
    } finally {
      await c.quit();
    }
  });

  it('refuses unknown options, with the ioredis option names it takes', () => {
    expect(() => open({ clusterRetryStrategyy: 1 } as never)).toThrow(/clusterRetryStrategy/);
  });

  it('OcCluster is the same API over the observed core', async () => {
    const c = new OcCluster([env.cluster.addresses[0]!.port]);
    try {
      expect(c).toBeInstanceOf(Cluster);
      expect(await c.set('oc:c', 'v')).toBe('OK');
    } finally {
      await c.quit();
    }
  });
});
