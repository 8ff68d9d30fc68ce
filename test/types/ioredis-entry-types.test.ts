// Type tests of the 'ocredis/ioredis' entry: checked by `npm run typecheck`. The calls sit in functions that
// never run, so nothing is sent; the runtime test below only keeps vitest from reporting an empty file.
import { describe, expectTypeOf, it } from 'vitest';
import Redis, { Cluster, OcRedis, type ExecResult, type Pipeline } from '../../src/ioredis/index.js';

declare const r: Redis;
declare const p: Pipeline;
declare const c: Cluster;

export function replyShapes(): void {
  expectTypeOf(r.get('k')).toEqualTypeOf<Promise<string | null>>();
  expectTypeOf(r.getBuffer('k')).toEqualTypeOf<Promise<Buffer | null>>();
  expectTypeOf(r.expire('k', 10)).toEqualTypeOf<Promise<number>>();
  expectTypeOf(r.setnx('k', 'v')).toEqualTypeOf<Promise<number>>();
  expectTypeOf(r.scan(0, 'MATCH', 'a*')).toEqualTypeOf<Promise<[cursor: string, items: string[]]>>();
  expectTypeOf(r.hgetall('h')).toEqualTypeOf<Promise<Record<string, string>>>();
  expectTypeOf(r.hgetallBuffer('h')).toEqualTypeOf<Promise<Record<string, Buffer>>>();
  expectTypeOf(r.zrange('z', 0, -1, 'WITHSCORES')).toEqualTypeOf<Promise<string[]>>();
  expectTypeOf(r.zscore('z', 'm')).toEqualTypeOf<Promise<string | null>>();
  // Commands this entry does not type precisely still exist, resolving unknown.
  expectTypeOf(r.object('ENCODING', 'k')).toEqualTypeOf<Promise<unknown>>();
  expectTypeOf(c.get('k')).toEqualTypeOf<Promise<string | null>>();
}

export function argumentsAndCallbacks(): void {
  void r.hset('h', { a: 1, b: 'x' });
  void r.mset(new Map([['a', '1']]));
  void r.del(['a', 'b']);
  void r.get('k', (_error, value) => expectTypeOf(value).toEqualTypeOf<string | null | undefined>());
  // @ts-expect-error a function is only taken last, as the callback
  void r.get(() => undefined, 'k');
}

export function pipelines(): void {
  expectTypeOf(p.set('k', 'v').get('k')).toEqualTypeOf<Pipeline>();
  expectTypeOf(r.pipeline([['set', 'a', '1']]).exec()).toEqualTypeOf<Promise<ExecResult[] | null>>();
  expectTypeOf(r.multi().incr('n').exec()).toEqualTypeOf<Promise<ExecResult[] | null>>();
}

export function flavours(): void {
  expectTypeOf(new OcRedis(6379, { telemetry: { redact: 'all' } })).toMatchTypeOf<Redis>();
  // @ts-expect-error telemetry is an option of OcRedis only
  void new Redis({ telemetry: {} });
  // @ts-expect-error an unknown option does not compile
  void new Redis({ comandTimeout: 1 });
  expectTypeOf(new Redis.Cluster([7000])).toEqualTypeOf<Cluster>();
}

describe('ioredis entry types', () => {
  it('are checked by the compiler (npm run typecheck)', () => undefined);
});
