// telemetry.propagateContext on a real redis-server, with the SDK registered globally (W3C propagator
// included): PUBLISH / SPUBLISH carry the trace context in the envelope, XADD in entry fields; an OcRedis
// subscriber unwraps and processes in a CONSUMER span child of (and linked to) the PUBLISH span; XREADGROUP
// makes one receive span linked to each entry that carries context. Off by default; messages without
// context (or with a malformed one) pass through without span or error.
import { createTraceState, diag, DiagLogLevel, propagation, ROOT_CONTEXT, SpanKind, trace, TraceFlags, type DiagLogger, type Span } from '@opentelemetry/api';
import { core } from '@opentelemetry/sdk-node';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArgumentError } from '../../src/errors.js';
import { OcRedis, Redis, type PubSubMessage, type Subscriber } from '../../src/index.js';
import { useOtelServer } from '../helpers/otel-server.js';
import { waitFor } from '../helpers/wait-for.js';

const env = useOtelServer();
const closers: (() => Promise<unknown>)[] = [];

beforeEach(() => env.otel.reset());
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

function ocredis(propagateContext?: boolean): OcRedis {
  const o = new OcRedis({ port: env.server.port, telemetry: propagateContext === undefined ? {} : { propagateContext } });
  closers.push(() => o.quit());
  return o;
}

function plain(): Redis {
  const r = new Redis({ port: env.server.port });
  closers.push(() => r.quit());
  return r;
}

function track<S extends Subscriber<string> | Subscriber<Buffer>>(sub: S): S {
  closers.push(() => sub.quit());
  return sub;
}

/** Resolves with the next message the subscriber's `for await` loop sees. */
async function nextMessage<T extends string | Buffer>(sub: Subscriber<T>): Promise<PubSubMessage<T>> {
  for await (const message of sub.messages()) return message;
  throw new Error('subscriber ended');
}

const spansOfKind = (kind: SpanKind): ReadableSpan[] => env.otel.spans().filter((span) => span.kind === kind);
const spanNamed = (name: string): ReadableSpan => {
  const found = env.otel.spans().filter((span) => span.name === name);
  expect(found).toHaveLength(1);
  return found[0]!;
};

const tracer = () => trace.getTracer('test');
const silentLogger: DiagLogger = { error: () => undefined, warn: () => undefined, info: () => undefined, debug: () => undefined, verbose: () => undefined };
const traceparentOf = (span: ReadableSpan): string => `00-${span.spanContext().traceId}-${span.spanContext().spanId}-01`;

describe('pub/sub', () => {
  it('the subscriber gets the message as published, inside a CONSUMER span child of and linked to the PUBLISH span', async () => {
    const publisher = ocredis(true);
    const sub = track(ocredis(true).pubsub());
    let handlerSpanId: string | undefined;
    let handled: PubSubMessage | undefined;
    await sub.subscribe('news', (message) => {
      handled = message;
      handlerSpanId = trace.getActiveSpan()?.spanContext().spanId;
    });
    const looped = nextMessage(sub);
    await tracer().startActiveSpan('request', async (request: Span) => {
      await publisher.publish('news', 'hello\nworld');
      request.end();
    });
    expect((await looped).message).toBe('hello\nworld');
    expect(handled).toEqual({ kind: 'message', channel: 'news', message: 'hello\nworld' });

    const publish = spanNamed('PUBLISH');
    const process = spanNamed('process news');
    expect(process.kind).toBe(SpanKind.CONSUMER);
    expect(process.spanContext().traceId).toBe(publish.spanContext().traceId);
    expect(process.parentSpanContext?.spanId).toBe(publish.spanContext().spanId);
    expect(process.links.map((link) => link.context.spanId)).toEqual([publish.spanContext().spanId]);
    expect(process.attributes).toEqual({
      'messaging.system': 'redis',
      'messaging.operation.type': 'process',
      'messaging.operation.name': 'process',
      'messaging.destination.name': 'news',
      'messaging.message.body.size': 11,
      'server.address': '127.0.0.1',
      'server.port': env.server.port,
    });
    // The handler ran inside the process span: what it starts continues the producer's trace.
    expect(handlerSpanId).toBe(process.spanContext().spanId);
    // PUBLISH stays a CLIENT span whose metrics and text are about the message as given.
    expect(publish.kind).toBe(SpanKind.CLIENT);
  });

  it('a plain subscriber sees the documented envelope: RS, {"traceparent","tracestate"}, LF, payload', async () => {
    const publisher = ocredis(true);
    const sub = track(plain().pubsub());
    await sub.subscribe('news');
    const looped = nextMessage(sub);
    // A caller whose context carries a tracestate (from an incoming request): the PUBLISH span inherits it.
    const remote = trace.setSpanContext(ROOT_CONTEXT, {
      traceId: '0af7651916cd43dd8448eb211c80319c',
      spanId: 'b7ad6b7169203331',
      traceFlags: TraceFlags.SAMPLED,
      traceState: createTraceState('vendor=abc'),
      isRemote: true,
    });
    await tracer().startActiveSpan('request', {}, remote, async (request: Span) => {
      await publisher.publish('news', 'payload');
      request.end();
    });
    const publish = spanNamed('PUBLISH');
    expect((await looped).message).toBe(`\u001e{"traceparent":"${traceparentOf(publish)}","tracestate":"vendor=abc"}\npayload`);
  });

  it('off by default: the message is published as is and the subscriber makes no span', async () => {
    const publisher = ocredis();
    const raw = track(plain().pubsub());
    const observed = track(ocredis().pubsub());
    await raw.subscribe('news');
    await observed.subscribe('news');
    const [rawNext, observedNext] = [nextMessage(raw), nextMessage(observed)];
    await tracer().startActiveSpan('request', async (request: Span) => {
      await publisher.publish('news', 'payload');
      request.end();
    });
    expect((await rawNext).message).toBe('payload');
    expect((await observedNext).message).toBe('payload');
    expect(spansOfKind(SpanKind.CONSUMER)).toEqual([]);
  });

  it('a message without context, or with a malformed one, is delivered without span, link or error', async () => {
    const publisher = plain();
    const sub = track(ocredis(true).pubsub());
    const errors: Error[] = [];
    sub.on('error', (error) => errors.push(error));
    const received: string[] = [];
    await sub.subscribe('news', (message) => received.push(message.message));
    const bad = '00-0af7651916cd43dd8448eb211c80319c-0000000000000000-01'; // an all-zero span id is invalid
    const messages = ['plain', `\u001e{"traceparent":"${bad}"}\nmalformed`, '\u001e{"traceparent":"garbage"}\ngarbage', '\u001e{}\nempty header', '\u001enot an envelope'];
    const done = new Promise<void>((resolve) => sub.on('message', () => received.length === messages.length && resolve()));
    for (const message of messages) await publisher.publish('news', message);
    await done;
    expect(received).toEqual(['plain', 'malformed', 'garbage', 'empty header', '\u001enot an envelope']);
    expect(spansOfKind(SpanKind.CONSUMER)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('a publisher with no context to send leaves the message alone, unless it starts like an envelope', async () => {
    // PUBLISH not observed and no caller span: nothing to propagate.
    const publisher = new OcRedis({ port: env.server.port, telemetry: { propagateContext: true, excludeCommands: ['PUBLISH'] } });
    closers.push(() => publisher.quit());
    const raw = track(plain().pubsub());
    const observed = track(ocredis(true).pubsub());
    const rawSeen: string[] = [];
    const observedSeen: string[] = [];
    await raw.subscribe('news', (message) => rawSeen.push(message.message));
    await observed.subscribe('news', (message) => observedSeen.push(message.message));
    await publisher.publish('news', 'plain');
    await publisher.publish('news', '\u001e{"traceparent":"x"}\nlooks like one');
    // Each subscriber has its own connection: one may have both messages before the other has its second.
    await waitFor(() => rawSeen.length === 2 && observedSeen.length === 2);
    expect(rawSeen).toEqual(['plain', '\u001e{}\n\u001e{"traceparent":"x"}\nlooks like one']);
    expect(observedSeen).toEqual(['plain', '\u001e{"traceparent":"x"}\nlooks like one']);
    expect(env.otel.spans().map((span) => span.name)).toEqual(['SUBSCRIBE']); // the observed subscriber's own
  });

  it('Buffer subscribers, pattern subscriptions and SPUBLISH', async () => {
    const publisher = ocredis(true);
    const sub = track(ocredis(true).pubsub({ buffers: true }));
    const got: PubSubMessage<Buffer>[] = [];
    await sub.psubscribe('orders:*', (message) => got.push(message));
    await sub.ssubscribe('shard', (message) => got.push(message));
    const done = new Promise<void>((resolve) => {
      const check = (): void => void (got.length === 2 && resolve());
      sub.on('pmessage', check);
      sub.on('smessage', check);
    });
    const binary = Buffer.from([0x1e, 0x00, 0x0a, 0xff]);
    await tracer().startActiveSpan('request', async (request: Span) => {
      await publisher.publish('orders:7', binary);
      await publisher.spublish('shard', 'sharded');
      request.end();
    });
    await done;
    expect(got.map((message) => [message.kind, message.message])).toEqual([
      ['pmessage', binary],
      ['smessage', Buffer.from('sharded')],
    ]);
    const byPattern = spanNamed('process orders:*');
    expect(byPattern.attributes).toMatchObject({ 'messaging.destination.name': 'orders:7', 'messaging.destination.template': 'orders:*', 'messaging.message.body.size': 4 });
    expect(byPattern.parentSpanContext?.spanId).toBe(spanNamed('PUBLISH').spanContext().spanId);
    expect(spanNamed('process shard').parentSpanContext?.spanId).toBe(spanNamed('SPUBLISH').spanContext().spanId);
  });
});

describe('streams', () => {
  it('XADD adds traceparent fields; XREADGROUP makes one receive span linked to each entry that carries context', async () => {
    const o = ocredis(true);
    const r = plain();
    await o.xgroupCreate('orders', 'workers', '0', { mkstream: true });
    await tracer().startActiveSpan('producer', async (producer: Span) => {
      await o.xadd('orders', '*', { item: 'book' });
      producer.end();
    });
    await r.xadd('orders', '*', { item: 'pen' }); // no context
    const xadd = spanNamed('XADD');
    const stored = await r.xrange('orders');
    expect(stored.map((entry) => entry.fields)).toEqual([{ item: 'book', traceparent: traceparentOf(xadd) }, { item: 'pen' }]);
    await env.otel.reset();

    const read = await tracer().startActiveSpan('consumer', async (consumer: Span) => {
      const reply = await o.xreadgroup('workers', 'w1', { orders: '>' }, { count: 10 });
      consumer.end();
      return reply;
    });
    // The entries come back as stored, trace fields included.
    expect(read?.[0]?.entries.map((entry) => entry.fields)).toEqual(stored.map((entry) => entry.fields));
    const consumerSpan = spanNamed('consumer');
    const receive = spanNamed('receive orders');
    expect(receive.kind).toBe(SpanKind.CONSUMER);
    expect(receive.parentSpanContext?.spanId).toBe(consumerSpan.spanContext().spanId);
    expect(receive.links).toEqual([{ context: expect.objectContaining({ traceId: xadd.spanContext().traceId, spanId: xadd.spanContext().spanId }), attributes: { 'messaging.message.id': stored[0]!.id } }]);
    expect(receive.attributes).toMatchObject({
      'messaging.system': 'redis',
      'messaging.operation.type': 'receive',
      'messaging.destination.name': 'orders',
      'messaging.batch.message_count': 2,
    });
  });

  it('XADD through call(); xreadBuffer on RESP3; a stream whose entries carry no context makes no span', async () => {
    const o = new OcRedis({ port: env.server.port, protocol: 3, telemetry: { propagateContext: true } });
    closers.push(() => o.quit());
    await o.call('XADD', 'events', '*', 'kind', 'signup'); // a root XADD span: its context travels
    const xadd = spanNamed('XADD');
    await plain().xadd('quiet', '*', { kind: 'none' }, { maxlen: 10 });
    await env.otel.reset();
    const reply = await o.xreadBuffer({ events: '0', quiet: '0' });
    expect(reply?.[0]?.entries[0]?.fields['traceparent']).toEqual(Buffer.from(traceparentOf(xadd)));
    expect(env.otel.spans().map((span) => span.name).sort()).toEqual(['XREAD', 'receive events']);
    expect(spanNamed('receive events').links.map((link) => link.context.spanId)).toEqual([xadd.spanContext().spanId]);
  });

  it('off by default: XADD stores the fields as given and reads make no span', async () => {
    const o = ocredis();
    await tracer().startActiveSpan('producer', async (producer: Span) => {
      await o.xadd('plain-stream', '*', { item: 'book' });
      producer.end();
    });
    expect((await o.xrange('plain-stream')).map((entry) => entry.fields)).toEqual([{ item: 'book' }]);
    await o.xread({ 'plain-stream': '0' });
    expect(spansOfKind(SpanKind.CONSUMER)).toEqual([]);
  });
});

it('an excluded XREAD makes no receive span', async () => {
  const o = new OcRedis({ port: env.server.port, telemetry: { propagateContext: true, excludeCommands: ['XREAD'] } });
  closers.push(() => o.quit());
  await o.xadd('excluded-stream', '*', { item: 'book' });
  expect((await o.xread({ 'excluded-stream': '0' }))?.[0]?.entries[0]?.fields['traceparent']).toBe(traceparentOf(spanNamed('XADD')));
  expect(spansOfKind(SpanKind.CONSUMER)).toEqual([]);
});

it('with no W3C propagator registered nothing is added, and a diag warning says so once', async () => {
  const warnings: string[] = [];
  diag.setLogger({ ...silentLogger, warn: (message: string) => void warnings.push(message) }, DiagLogLevel.WARN);
  propagation.disable();
  try {
    const publisher = ocredis(true);
    const sub = track(plain().pubsub());
    await sub.subscribe('news');
    const looped = nextMessage(sub);
    await publisher.publish('news', 'payload');
    await publisher.xadd('no-propagator', '*', { item: 'book' });
    expect((await looped).message).toBe('payload');
    expect((await publisher.xrange('no-propagator')).map((entry) => entry.fields)).toEqual([{ item: 'book' }]);
    expect(warnings.filter((message) => message.includes('propagateContext'))).toHaveLength(1);
  } finally {
    propagation.setGlobalPropagator(new core.W3CTraceContextPropagator());
    diag.disable();
  }
});

it('telemetry.propagateContext must be a boolean', () => {
  expect(() => new OcRedis({ port: env.server.port, lazyConnect: true, telemetry: { propagateContext: 'yes' as unknown as boolean } })).toThrow(ArgumentError);
});
