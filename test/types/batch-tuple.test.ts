// Type tests for `exec(...handles)`: checked by `npm run typecheck` (tsc --noEmit, strict, includes test/). The
// calls sit in functions that never run; the one runtime test below only keeps vitest from an empty file.
import { describe, expectTypeOf, it } from 'vitest';
import type { ClusterMulti, ClusterPipeline, Deferred, HandleValues, Multi, OcRedis, Pipeline, PooledClient, Redis, RedisCluster, Transaction } from '../../src/index.js';

declare const r: Redis;
declare const o: OcRedis;
declare const t: Transaction;
declare const lent: PooledClient;
declare const c: RedisCluster;

export async function pipelineTuple(): Promise<void> {
  const p: Pipeline = r.pipeline();
  const replies = await p.exec(p.get('k'), p.incr('n'), p.hgetall('h'), p.set('k', 'v', { NX: true }), p.zscore('z', 'm'));
  expectTypeOf(replies).toEqualTypeOf<[string | null, number, Record<string, string>, 'OK' | null, number | null]>();
  const [value, count] = await p.exec(p.get('k'), p.incr('n'));
  expectTypeOf(value).toEqualTypeOf<string | null>();
  expectTypeOf(count).toEqualTypeOf<number>();
  // @ts-expect-error the tuple has two elements: there is no third
  const [, , missing] = await p.exec(p.get('k'), p.incr('n'));
  void missing;
  // @ts-expect-error the element types follow the commands: INCR is a number
  const wrong: [string | null, string] = await p.exec(p.get('k'), p.incr('n'));
  void wrong;
  // Buffer variants and generated commands keep their reply types.
  expectTypeOf(await p.exec(p.getBuffer('k'), p.pfcount('hll'))).toEqualTypeOf<[Buffer | null, number]>();
  // Without handles exec() resolves to every reply, untyped.
  expectTypeOf(p.exec()).toEqualTypeOf<Promise<unknown[]>>();
  // @ts-expect-error only handles (Deferred) are accepted
  void p.exec('k');
}

export async function everyBatch(m: Multi, cp: ClusterPipeline, cm: ClusterMulti): Promise<void> {
  expectTypeOf(await m.exec(m.incr('n'), m.get('k'))).toEqualTypeOf<[number, string | null]>();
  expectTypeOf(await r.multi().exec()).toEqualTypeOf<unknown[]>();
  const nested = r.pipeline(m);
  expectTypeOf(await nested.exec(nested.exists('k'))).toEqualTypeOf<[number]>();
  const txm = t.multi();
  expectTypeOf(await txm.exec(txm.decr('n'))).toEqualTypeOf<[number]>();
  const lp = lent.pipeline();
  expectTypeOf(await lp.exec(lp.llen('l'))).toEqualTypeOf<[number]>();
  const op = o.multi();
  expectTypeOf(await op.exec(op.get('k'))).toEqualTypeOf<[string | null]>();
  expectTypeOf(await cp.exec(cp.get('k'), cp.ttl('k'))).toEqualTypeOf<[string | null, number]>();
  expectTypeOf(await cm.exec(cm.incr('{t}n'))).toEqualTypeOf<[number]>();
  expectTypeOf(c.pipeline()).toEqualTypeOf<ClusterPipeline>();
  // transaction() resolves to what its function returns: here the tuple.
  const counted = r.transaction((tx) => {
    const batch = tx.multi();
    return batch.exec(batch.incr('n'), batch.get('k'));
  }, 'n');
  expectTypeOf(counted).toEqualTypeOf<Promise<[number, string | null]>>();
  const ctx = await c.watch('{t}n');
  const cbatch = ctx.multi();
  expectTypeOf(await cbatch.exec(cbatch.incr('{t}n'))).toEqualTypeOf<[number]>();
}

export function handleValues(): void {
  expectTypeOf<HandleValues<[Deferred<string>, Deferred<number[]>]>>().toEqualTypeOf<[string, number[]]>();
  expectTypeOf<HandleValues<readonly [Deferred<'OK'>]>>().toEqualTypeOf<['OK']>();
  expectTypeOf<HandleValues<Deferred<number>[]>>().toEqualTypeOf<number[]>();
}

describe('batch tuple types', () => {
  it('are checked by tsc (npm run typecheck); this file holds no runtime assertions', () => {
    expectTypeOf(pipelineTuple).toBeFunction();
  });
});
