// OcRedis of the 'ocredis/ioredis' entry: an ioredis user changes one import line and every call becomes a
// span and a metrics record, through the core's OcRedis (the same instrumentation, not a second one).
import { SpanKind } from '@opentelemetry/api';
import { beforeEach, describe, expect, it } from 'vitest';
import { OcRedis as Redis, Redis as PlainRedis } from '../../src/ioredis/index.js';
import { counterTotal, pointsWith } from '../helpers/otel.js';
import { useOtelServer } from '../helpers/otel-server.js';

const env = useOtelServer();

beforeEach(() => env.otel.reset());

describe("import { OcRedis as Redis } from 'ocredis/ioredis'", () => {
  it('a command is one CLIENT span with the core attributes, values redacted, and its ioredis reply', async () => {
    const r = new Redis(env.server.port);
    try {
      expect(await r.set('otel:k', 'secret-value')).toBe('OK');
      expect(await r.expire('otel:k', 100)).toBe(1);
      const spans = env.otel.spans();
      const names = spans.map((span) => span.name);
      expect(names).toEqual(['SET', 'EXPIRE']);
      const [set] = spans;
      expect(set?.kind).toBe(SpanKind.CLIENT);
      expect(set?.attributes).toMatchObject({ 'db.system.name': 'redis', 'db.operation.name': 'SET', 'server.port': env.server.port });
      expect(JSON.stringify(set?.attributes)).not.toContain('secret-value');
    } finally {
      await r.quit();
    }
  });

  it('a pipeline exec() is one span; a failed command is an ERROR span and still rejects with ReplyError', async () => {
    const r = new Redis({ port: env.server.port });
    try {
      await r.pipeline().set('otel:p', '1').incr('otel:p').exec();
      const error = await r.lpush('otel:p', 'x').catch((e: Error) => e);
      expect((error as Error).name).toBe('ReplyError');
      const spans = env.otel.spans();
      expect(spans).toHaveLength(2);
      expect(spans[0]?.name).toMatch(/^PIPELINE/);
      expect(spans[1]?.attributes['error.type']).toBe('WRONGTYPE');
    } finally {
      await r.quit();
    }
  });

  it("a pipeline's script NOSCRIPT, re-sent as EVAL after it, is no failure: the PIPELINE span ends OK with a retry event", async () => {
    const r = new Redis({ port: env.server.port, keyPrefix: 'otel-script:' }); // the mark survives the key prefix
    try {
      r.defineCommand('echoKey', { numberOfKeys: 1, lua: 'return KEYS[1]' });
      expect(await (r as any).echoKey('k')).toBe('otel-script:k'); // EVAL: the pipeline below sends EVALSHA
      await r.script('FLUSH');
      await env.otel.reset();
      expect(await (r.pipeline() as any).echoKey('p').get('none').exec()).toEqual([[null, 'otel-script:p'], [null, null]]);
      const spans = env.otel.spans();
      const metrics = await env.otel.collect();
      expect(spans.map((span) => span.name)).toEqual([expect.stringMatching(/^PIPELINE/), 'EVAL']);
      expect(spans.filter((span) => span.status.code === 2)).toEqual([]);
      expect(spans[0]?.events.map((event) => [event.name, event.attributes?.['error.type']])).toEqual([
        ['EVALSHA', 'NOSCRIPT'],
        ['GET', undefined],
        ['retry', 'NOSCRIPT'],
      ]);
      expect(pointsWith(metrics, 'redis/calls', { status: 'ERROR' })).toEqual([]);
      // A pipeline whose NOSCRIPT nobody re-sends (an EVALSHA the caller queued) is still a failure.
      await (r.pipeline() as any).evalsha('ffffffffffffffffffffffffffffffffffffffff', 0).exec();
      expect(env.otel.spans().at(-1)?.status.code).toBe(2);
    } finally {
      await r.quit();
    }
  });

  it('records the ocredis metrics, labelled by the command', async () => {
    const r = new Redis({ port: env.server.port });
    try {
      await r.get('otel:none');
      const metrics = await env.otel.collect();
      expect(counterTotal(metrics, 'redis/calls', { method: 'get', status: 'OK' })).toBe(1);
    } finally {
      await r.quit();
    }
  });

  it('takes the telemetry option; duplicate() keeps it; the plain Redis records nothing', async () => {
    const r = new Redis({ port: env.server.port, telemetry: { redact: 'all' } });
    const copy = r.duplicate();
    const plain = new PlainRedis(env.server.port);
    try {
      await copy.ping();
      await plain.ping();
      expect(env.otel.spans()).toHaveLength(1);
    } finally {
      await Promise.all([r.quit(), copy.quit(), plain.quit()]);
    }
  });
});
