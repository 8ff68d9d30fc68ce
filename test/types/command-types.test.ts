// Type tests: checked by `npm run typecheck` (tsc --noEmit, strict, includes test/). The calls sit in functions
// that never run, so nothing is sent; the one runtime test below only keeps vitest from reporting an empty file.
import { describe, expectTypeOf, it } from 'vitest';
import type { Deferred } from '../../src/client/batch-deferred.js';
import type { Pipeline } from '../../src/client/pipeline.js';
import type { ReconnectingEvent } from '../../src/client/typed-events.js';
import type { RedirectEvent, Redis, RedisCluster, Subscriber, Transaction } from '../../src/index.js';

declare const r: Redis;
declare const p: Pipeline;
declare const t: Transaction;
declare const c: RedisCluster;

export function setOverloads(): void {
  expectTypeOf(r.set('k', 'v')).toEqualTypeOf<Promise<'OK'>>();
  expectTypeOf(r.set('k', 'v', { EX: 1 })).toEqualTypeOf<Promise<'OK'>>();
  expectTypeOf(r.set('k', 'v', { EX: 1, NX: true })).toEqualTypeOf<Promise<'OK' | null>>();
  expectTypeOf(r.set('k', 'v', { XX: true, KEEPTTL: true })).toEqualTypeOf<Promise<'OK' | null>>();
  expectTypeOf(r.set('k', 'v', { GET: true })).toEqualTypeOf<Promise<string | null>>();
  expectTypeOf(r.setBuffer('k', 'v', { GET: true, PX: 5 })).toEqualTypeOf<Promise<Buffer | null>>();
  // The raw form the hand-declared spec always took.
  expectTypeOf(r.set('k', 'v', 'EX', 10, 'NX')).toEqualTypeOf<Promise<string | null>>();
  // @ts-expect-error a misspelt option does not compile
  void r.set('k', 'v', { EX: 1, NXX: true });
  // @ts-expect-error an option's value has its type
  void r.set('k', 'v', { EX: '1' });
}

export function generatedCommands(): void {
  expectTypeOf(r.hexpire('h', 10, ['f1', 'f2'], { NX: true })).toEqualTypeOf<Promise<(-2 | 0 | 1 | 2)[]>>();
  expectTypeOf(r.geoadd('geo', [{ longitude: 13.36, latitude: 38.11, member: 'Palermo' }], { CH: true })).toEqualTypeOf<Promise<number>>();
  expectTypeOf(r.geosearch('geo', { FROMLONLAT: { longitude: 15, latitude: 37 } }, { BYRADIUS: 200, unit: 'km' }, { ASC: true, WITHDIST: true }))
    .resolves.toMatchTypeOf<unknown[]>();
  expectTypeOf(r.setbit('b', 7, 1)).toEqualTypeOf<Promise<0 | 1>>();
  expectTypeOf(r.bitcount('b', { start: 0, end: -1, BIT: true })).toEqualTypeOf<Promise<number>>();
  expectTypeOf(r.bitfield('b', { SET: { encoding: 'u8', offset: 0, value: 200 } }, { GET: { encoding: 'u8', offset: 0 } })).toEqualTypeOf<Promise<(number | null)[]>>();
  expectTypeOf(r.pfadd('hll', 'a', 'b')).toEqualTypeOf<Promise<0 | 1>>();
  expectTypeOf(r.pfcount('hll')).toEqualTypeOf<Promise<number>>();
  expectTypeOf(r.lcs('a', 'b')).resolves.toMatchTypeOf<unknown>();
  expectTypeOf(r.lmpop(['l1', 'l2'], 'LEFT', { COUNT: 2 })).toEqualTypeOf<Promise<null | [string, string[]]>>();
  expectTypeOf(r.zunion(['z1', 'z2'], { WITHSCORES: true })).toEqualTypeOf<Promise<string[] | [string, number][]>>();
  expectTypeOf(r.fcallRo('fn', ['k'], 'arg')).toEqualTypeOf<Promise<unknown>>();
  expectTypeOf(r.functionLoad('#!lua name=lib\n…', { REPLACE: true })).toEqualTypeOf<Promise<string>>();
  // XINFO STREAM keeps its hand-declared shape; the other XINFO forms come from the definitions.
  expectTypeOf(r.xinfoStream('s')).toEqualTypeOf<Promise<Record<string, unknown>>>();
  expectTypeOf(r.xinfoConsumers('s', 'g')).resolves.items.toHaveProperty('pending').toEqualTypeOf<number>();
  expectTypeOf(r.dumpBuffer('k')).toEqualTypeOf<Promise<Buffer | null>>();
  // @ts-expect-error LMPOP's direction is LEFT or RIGHT
  void r.lmpop(['l'], 'UP');
  // @ts-expect-error connection-mode commands have no method (SUBSCRIBE lives on pubsub())
  void r.subscribe('ch');
  // Hand-declared reply shaping wins over the generated type.
  expectTypeOf(r.hgetall('h')).toEqualTypeOf<Promise<Record<string, string>>>();
  expectTypeOf(r.setnx('k', 'v')).toEqualTypeOf<Promise<boolean>>();
}

export function everyHost(): void {
  expectTypeOf(p.geoadd('g', [{ longitude: 1, latitude: 2, member: 'm' }])).toEqualTypeOf<Deferred<number>>();
  expectTypeOf(p.set('k', 'v', { NX: true })).toEqualTypeOf<Deferred<'OK' | null>>();
  expectTypeOf(t.pfcount('h')).toEqualTypeOf<Promise<number>>();
  expectTypeOf(c.lcs('a', 'b')).resolves.toMatchTypeOf<unknown>();
}

describe('command types', () => {
  it('are checked by tsc (npm run typecheck); this file holds no runtime assertions', () => {
    expectTypeOf(setOverloads).toBeFunction();
  });
});

export function typedEvents(sub: Subscriber, cluster: RedisCluster): void {
  r.on('reconnecting', (event) => expectTypeOf(event).toEqualTypeOf<ReconnectingEvent>());
  r.once('error', (error) => expectTypeOf(error).toEqualTypeOf<Error>());
  r.on('ready', () => undefined);
  // @ts-expect-error the listener's arguments follow the event
  r.on('reconnecting', (attempt: string) => attempt);
  sub.on('message', (channel, message) => expectTypeOf(message).toEqualTypeOf(channel));
  sub.on('pmessage', (pattern, channel, message) => expectTypeOf([pattern, channel, message]).toEqualTypeOf<string[]>());
  sub.on('unsubscribe', (channel, count) => expectTypeOf(channel).toEqualTypeOf<string | null>() && expectTypeOf(count).toEqualTypeOf<number>());
  cluster.on('redirect', (event) => expectTypeOf(event.kind).toEqualTypeOf<RedirectEvent['kind']>());
  cluster.on('refresh', ({ shards }) => expectTypeOf(shards).toEqualTypeOf<number>());
}

export async function pipelineResults(): Promise<void> {
  // Handles are PromiseLike: awaiting them together with exec() gives a typed tuple.
  const [value, count, added] = await Promise.all([p.get('k'), p.incr('n'), p.geoadd('g', [{ longitude: 1, latitude: 2, member: 'm' }]), p.exec()]);
  expectTypeOf(value).toEqualTypeOf<string | null>();
  expectTypeOf(count).toEqualTypeOf<number>();
  expectTypeOf(added).toEqualTypeOf<number>();
}

export function handSpecsWinWhole(): void {
  // HRANDFIELD is hand-declared without a Buffer variant: the generated one is not offered either.
  // @ts-expect-error no hrandfieldBuffer method exists at run time
  void r.hrandfieldBuffer('h');
}
