import { SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ClientClosedError, OcRedis, Redis, ReplyError, type OcRedisTelemetryOptions } from '../../src/index.js';
import { createOtel, spanStrings, type OtelFixture } from '../helpers/otel.js';
import { startRedisServer, type RedisServerHandle } from '../helpers/redis-server.js';

let server: RedisServerHandle;
let otel: OtelFixture;
let o: OcRedis;
const clients: Redis[] = [];

function client(telemetry?: OcRedisTelemetryOptions, db = 0): OcRedis {
  const c = new OcRedis({ port: server.port, db, telemetry });
  clients.push(c);
  return c;
}

const byName = (name: string): ReadableSpan[] => otel.spans().filter((span) => span.name === name);
const tracer = () => trace.getTracer('test');

beforeAll(async () => {
  server = await startRedisServer();
  otel = createOtel();
  o = client();
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.quit().catch(() => undefined)));
  await otel?.shutdown();
  await server?.stop();
});

beforeEach(async () => {
  await o.flushdb();
  await otel.reset();
});

describe('OcRedis is a Redis', () => {
  it('keeps the constructor, instanceof, methods, events and replies', async () => {
    expect(o).toBeInstanceOf(Redis);
    expect(o).toBeInstanceOf(OcRedis);
    expect(await o.set('k', 'v')).toBe('OK');
    expect(await o.getBuffer('k')).toEqual(Buffer.from('v'));
    expect(await o.call('GET', 'k')).toBe('v');
    expect(o.status).toBe('ready');
    expect(o.get).toBe(o.get); // wrappers are built once per method name
    const url = new OcRedis(`redis://127.0.0.1:${server.port}/2`);
    clients.push(url);
    let ready = false;
    url.on('ready', () => (ready = true));
    await url.connect();
    expect(ready).toBe(true);
    expect(url.db).toBe(2);
    const copy = o.duplicate();
    clients.push(copy);
    expect(copy).toBeInstanceOf(OcRedis);
    await otel.reset();
    await copy.get('k');
    expect(byName('GET')).toHaveLength(1);
  });
});

describe('spans', () => {
  it('one CLIENT span per call with the semantic-convention attributes', async () => {
    await o.set('user:1', 'secret-value');
    await o.get('user:1');
    await o.call('OBJECT', 'ENCODING', 'user:1');
    const spans = otel.spans();
    expect(spans.map((s) => s.name)).toEqual(['SET', 'GET', 'OBJECT']);
    const [set, get, object] = spans as [ReadableSpan, ReadableSpan, ReadableSpan];
    expect(set.kind).toBe(SpanKind.CLIENT);
    expect(set.attributes).toEqual({
      'db.system.name': 'redis',
      'db.operation.name': 'SET',
      'db.namespace': '0',
      'server.address': '127.0.0.1',
      'server.port': server.port,
      'network.peer.address': '127.0.0.1',
      'network.peer.port': server.port,
      'db.query.text': 'SET user:1 ?',
    });
    expect(get.attributes['db.query.text']).toBe('GET user:1');
    expect(object.attributes['db.query.text']).toBe('OBJECT ENCODING user:1');
    expect(set.status.code).toBe(SpanStatusCode.UNSET);
    expect(set.instrumentationScope.name).toBe('ocredis');
  });

  it('db.namespace follows SELECT', async () => {
    const c = client(undefined, 4);
    await c.get('a');
    await c.select(5);
    await c.get('a');
    const gets = byName('GET');
    expect(gets.map((s) => s.attributes['db.namespace'])).toEqual(['4', '5']);
  });

  it('parents are the callers’ spans even when 100 callers share one socket write', async () => {
    const parents: Span[] = [];
    await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        tracer().startActiveSpan(`caller-${i}`, async (parent) => {
          parents.push(parent);
          if (i % 3 === 0) await Promise.resolve(); // interleave the callers
          await o.get(`key:${i}`);
          await o.set(`key:${i}`, i);
          parent.end();
        }),
      ),
    );
    const spans = otel.spans();
    for (let i = 0; i < 100; i++) {
      const parent = spans.find((s) => s.name === `caller-${i}`) as ReadableSpan;
      const children = spans.filter((s) => s.parentSpanContext?.spanId === parent.spanContext().spanId);
      expect(children.map((s) => s.attributes['db.query.text'])).toEqual([`GET key:${i}`, `SET key:${i} ?`]);
      expect(children.every((s) => s.spanContext().traceId === parent.spanContext().traceId)).toBe(true);
    }
  });

  it('a pipeline is one PIPELINE span with one event per command, and no command spans', async () => {
    const p = o.pipeline();
    p.set('a', 'x');
    p.get('a');
    p.incr('n');
    await tracer().startActiveSpan('parent', async (parent) => {
      await p.exec();
      parent.end();
    });
    const pipeline = byName('PIPELINE');
    expect(pipeline).toHaveLength(1);
    expect(otel.spans().map((s) => s.name)).toEqual(['PIPELINE', 'parent']);
    const span = pipeline[0] as ReadableSpan;
    expect(span.parentSpanContext?.spanId).toBe(byName('parent')[0]?.spanContext().spanId);
    expect(span.attributes['db.operation.batch.size']).toBe(3);
    expect(span.attributes['db.operation.name']).toBe('PIPELINE');
    expect(span.events.map((e) => [e.name, e.attributes?.['db.query.text']])).toEqual([
      ['SET', 'SET a ?'],
      ['GET', 'GET a'],
      ['INCR', 'INCR n'],
    ]);
  });

  it('exec(...handles) is the same one span for the whole batch; a foreign handle makes none', async () => {
    const seen: unknown[] = [];
    const hooked = client({ responseHook: (_span, _info, reply) => seen.push(reply) });
    const m = hooked.multi();
    m.set('a', '1');
    expect(await m.exec(m.incr('a'), m.get('a'))).toEqual([2, '2']);
    expect(otel.spans().map((s) => [s.name, s.attributes['db.operation.batch.size']])).toEqual([['MULTI', 3]]);
    expect(seen).toEqual([['OK', 2, '2']]); // the hook sees every reply, as with exec()
    const p = hooked.pipeline();
    await expect(p.exec(p.get('a'), o.pipeline().get('a'))).rejects.toThrow(/not queued on this batch/);
    expect(otel.spans()).toHaveLength(1);
  });

  it('MULTI is one span; a failing command marks its event and the span', async () => {
    await o.hset('h', 'f', 'v');
    await otel.reset();
    const m = o.multi();
    m.set('a', '1');
    m.incr('h'); // WRONGTYPE at run time
    await expect(m.exec()).rejects.toThrow();
    const span = byName('MULTI')[0] as ReadableSpan;
    expect(span.attributes['db.operation.batch.size']).toBe(2);
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(span.attributes['error.type']).toBe('BatchError');
    expect(span.events.filter((e) => e.name !== 'exception').map((e) => [e.name, e.attributes?.['error.type']])).toEqual([
      ['SET', undefined],
      ['INCR', 'WRONGTYPE'],
    ]);
    expect(otel.spans()).toHaveLength(1);
  });

  it('an empty or nested pipeline sends nothing and makes no span', async () => {
    await o.pipeline().exec();
    const parent = o.pipeline();
    const child = o.pipeline(parent);
    child.get('x');
    parent.get('y');
    await parent.exec();
    await child.exec();
    expect(otel.spans().map((s) => s.name)).toEqual(['PIPELINE GET']);
    expect(byName('PIPELINE GET')[0]?.attributes['db.operation.batch.size']).toBe(2);
  });

  it('WATCH transactions: commands and MULTI on the leased connection are observed', async () => {
    await o.set('balance', '10');
    await otel.reset();
    const result = await o.transaction(async (tx) => {
      const balance = Number(await tx.get('balance'));
      const m = tx.multi();
      m.set('balance', balance + 5);
      return m.exec();
    }, 'balance');
    expect(result).toEqual(['OK']);
    // A one-command MULTI is modelled as that single operation.
    expect(otel.spans().map((s) => s.name)).toEqual(['GET', 'SET']);
  });

  it('scan iterators (one span per page), scripts (EVALSHA) and blocking commands are observed', async () => {
    // SCAN COUNT 1 ends a page at the first non-empty bucket. Three keys (a 4-bucket table) all hashed into
    // the bucket scanned last with 1 server hash seed in 64: a single page. With 20 keys (32 buckets) that
    // takes odds of 32^-20. The spans are counted against the SCAN calls the server served.
    const stored = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`s:${i + 1}`, `v${i + 1}`]));
    await o.mset(stored);
    const scansServed = async (): Promise<number> => Number(/cmdstat_scan:calls=(\d+)/.exec(await server.cli('INFO', 'commandstats'))?.[1] ?? 0);
    const scansBefore = await scansServed();
    await otel.reset();
    const keys: string[] = [];
    for await (const key of o.scanIter({ match: 's:*', count: 1 })) keys.push(key);
    expect(keys.sort()).toEqual(Object.keys(stored).sort());
    const pages = (await scansServed()) - scansBefore;
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(byName('SCAN')).toHaveLength(pages);
    const script = o.registerScript('return redis.call("GET", KEYS[1])');
    expect(await script({ keys: ['s:1'] })).toBe('v1'); // EVAL the first time, EVALSHA after
    expect(await script({ keys: ['s:1'] })).toBe('v1');
    expect(otel.spans().map((s) => s.name)).toEqual(expect.arrayContaining(['EVAL', 'EVALSHA']));
    await o.rpush('q', 'job');
    await otel.reset();
    expect(await o.blpop('q', 1)).toBeTruthy();
    expect(otel.spans().map((s) => s.name)).toEqual(['BLPOP']);
  });

  it('server errors: status ERROR without a description, exception event with the class, error.type and db.response.status_code', async () => {
    await o.hset('h', 'f', 'v');
    await otel.reset();
    const error = await o.incr('h').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReplyError);
    const span = byName('INCR')[0] as ReadableSpan;
    // The code is error.type: not repeated in the description (and the message may echo arguments).
    expect(span.status).toEqual({ code: SpanStatusCode.ERROR });
    expect(span.attributes['error.type']).toBe('WRONGTYPE');
    expect(span.attributes['db.response.status_code']).toBe('WRONGTYPE');
    const exception = span.events.find((e) => e.name === 'exception');
    expect(exception?.attributes).toEqual({ 'exception.type': 'ReplyError' });
    expect(spanStrings([span]).join('\n')).not.toContain('Operation against a key');
  });

  it('client errors use the error class', async () => {
    const c = client();
    await c.ping();
    c.disconnect();
    await otel.reset();
    await expect(c.get('k')).rejects.toBeInstanceOf(ClientClosedError);
    const span = byName('GET')[0] as ReadableSpan;
    expect(span.attributes['error.type']).toBe('ClientClosedError');
    expect(span.attributes['db.response.status_code']).toBeUndefined();
    expect(span.status).toEqual({ code: SpanStatusCode.ERROR });
  });
});

describe('options', () => {
  it('redact: values (default), all, none, function; secrets stay hidden in every mode', async () => {
    const modes: [OcRedisTelemetryOptions['redact'], string, string][] = [
      ['values', 'HSET h:1 ? ?', 'CONFIG SET ? ?'],
      ['all', 'HSET ? ? ?', 'CONFIG SET ? ?'],
      ['none', 'HSET h:1 f val', 'CONFIG SET ? ?'],
      [(command, args) => `${command}/${args.length}`, 'HSET/3', 'CONFIG SET ? ?'],
    ];
    for (const [redact, hset, config] of modes) {
      const c = client({ redact });
      await otel.reset();
      await c.hset('h:1', 'f', 'val');
      await c.call('CONFIG', 'SET', 'maxmemory-samples', '5');
      expect(otel.spans().map((s) => s.attributes['db.query.text'])).toEqual([hset, config]);
    }
  });

  it('long commands are cut short', async () => {
    const keys = Array.from({ length: 100 }, (_, i) => `k${i}`);
    await o.mget(...keys);
    const text = byName('MGET')[0]?.attributes['db.query.text'] as string;
    expect(text.startsWith('MGET k0 k1')).toBe(true);
    expect(text).toContain('(68 more)');
  });

  it('requireParentSpan: no span without a parent', async () => {
    const c = client({ requireParentSpan: true });
    await c.get('orphan');
    await tracer().startActiveSpan('parent', async (parent) => {
      await c.get('child');
      parent.end();
    });
    expect(byName('GET').map((s) => s.attributes['db.query.text'])).toEqual(['GET child']);
  });

  it('includeCommands / excludeCommands', async () => {
    const only = client({ includeCommands: ['get', 'pipeline'] });
    await only.set('a', '1');
    await only.get('a');
    const p = only.pipeline();
    p.get('a');
    await p.exec();
    const except = client({ excludeCommands: ['GET'] });
    await except.get('a');
    await except.set('a', '2');
    expect(otel.spans().map((s) => s.name)).toEqual(['GET', 'GET', 'SET']); // the one-command pipeline is named GET
  });

  it('hooks see the call; a throwing hook only logs', async () => {
    const seen: string[] = [];
    const c = client({
      requestHook: (span, info) => {
        span.setAttribute('test.method', info.method);
        seen.push(`request ${info.command} ${info.method}`);
      },
      responseHook: (span, info, response) => {
        span.setAttribute('test.response', String(response));
        seen.push(`response ${info.command}`);
        throw new Error('hook bug');
      },
    });
    await c.set('k', 'v');
    expect(await c.get('k')).toBe('v');
    expect(seen).toEqual(['request SET set', 'response SET', 'request GET get', 'response GET']);
    expect(byName('GET')[0]?.attributes).toMatchObject({ 'test.method': 'get', 'test.response': 'v' });
    const throwing = client({
      requestHook: () => {
        throw new Error('hook bug');
      },
      redact: () => {
        throw new Error('redact bug');
      },
    });
    expect(await throwing.get('k')).toBe('v');
  });

  it('tracer and meter providers can come from options instead of the globals', async () => {
    const own = createOtel({ global: false });
    const c = client({ tracerProvider: own.tracerProvider, meterProvider: own.meterProvider });
    await c.get('k');
    expect(own.spans().map((s) => s.name)).toEqual(['GET']);
    expect(otel.spans()).toHaveLength(0);
    await own.shutdown();
  });
});
