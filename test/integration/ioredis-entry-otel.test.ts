// OcRedis of the 'ocredis/ioredis' entry: an ioredis user changes one import line and every call becomes a
// span and a metrics record, through the core's OcRedis (the same instrumentation, not a second one).
import { SpanKind } from '@opentelemetry/api';
import { beforeEach, describe, expect, it } from 'vitest';
import { OcRedis as Redis, Redis as PlainRedis } from '../../src/ioredis/index.js';
import { counterTotal } from '../helpers/otel.js';
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
