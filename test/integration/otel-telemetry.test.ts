// startTelemetry end to end: the real ZipkinExporter posts to a local receiver that validates each payload
// against the Zipkin v2 schema; the real PrometheusExporter is scraped over HTTP.
import { trace } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { OcRedis } from '../../src/index.js';
import { startTelemetry } from '../../src/telemetry/index.js';
import { freePort } from '../helpers/free-port.js';
import { validateZipkinPayload } from '../helpers/zipkin-receiver.js';
import { useZipkinServer } from '../helpers/zipkin-server.js';

const SECRET = 'value-zzz999-SECRET';
const env = useZipkinServer();

describe('startTelemetry', () => {
  it('exports valid Zipkin JSON and serves the ocredis series on /metrics; shutdown flushes', async () => {
    const metricsPort = await freePort();
    const telemetry = startTelemetry({
      serviceName: 'otel-telemetry-test',
      zipkin: { url: env.zipkin.url },
      prometheus: { port: metricsPort, host: '127.0.0.1' },
    });
    const o = new OcRedis({ port: env.server.port, db: 3 });
    await trace.getTracer('test').startActiveSpan('request', async (parent) => {
      await o.set('user:1', SECRET);
      await o.get('user:1');
      await o.incr('user:1').catch(() => undefined);
      const p = o.pipeline();
      p.get('user:1');
      p.del('user:1');
      await p.exec();
      parent.end();
    });
    await o.quit();

    const scrape = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
    expect(scrape).toMatch(/^ocredis_redis_latency_bucket\{method="get",status="OK",[^}]*le="0\.05"\} \d+$/m);
    expect(scrape).toMatch(/^ocredis_redis_calls_total\{method="incr",status="ERROR",error="ERR"[^}]*\} 1$/m);
    expect(scrape).toMatch(/^ocredis_redis_key_lengths_bucket\{method="set"/m);
    expect(scrape).toMatch(/^ocredis_redis_value_lengths_bucket\{method="set"/m);
    expect(scrape).toMatch(/^ocredis_redis_calls_total\{method="pipeline",status="OK"/m);
    expect(scrape).not.toContain(SECRET);

    await telemetry.shutdown(); // flushes the BatchSpanProcessor
    expect(env.zipkin.validationErrors).toEqual([]);
    expect(env.zipkin.payloads.length).toBeGreaterThan(0);
    expect(env.zipkin.payloads.every((p) => p.contentType?.startsWith('application/json'))).toBe(true);
    const spans = env.zipkin.spans.filter((s) => s.localEndpoint?.serviceName === 'otel-telemetry-test');
    const parent = spans.find((s) => s.name === 'request');
    const children = spans.filter((s) => s.parentId === parent?.id).sort((a, b) => (a.timestamp ?? 0) - (b.timestamp ?? 0));
    expect(children.map((s) => s.name)).toEqual(['SET', 'GET', 'INCR', 'PIPELINE']);
    const [set, , incr, pipeline] = children;
    expect(set?.kind).toBe('CLIENT');
    expect(set?.tags).toMatchObject({ 'db.system.name': 'redis', 'db.namespace': '3', 'db.query.text': 'SET user:1 ?', 'server.address': '127.0.0.1' });
    expect(incr?.tags).toMatchObject({ 'error.type': 'ERR', 'otel.status_code': 'ERROR' });
    expect(pipeline?.tags?.['db.operation.batch.size']).toBe('2');
    expect((pipeline?.annotations ?? []).map((a) => a.value)).toEqual(['GET', 'DEL']);
    expect(env.zipkin.payloads.some((p) => p.body.includes(SECRET))).toBe(false);
  });

  it('the receiver rejects what the schema forbids (the validation can fail)', () => {
    expect(validateZipkinPayload([{ traceId: 'XYZ', id: '0123456789abcdef' }])).not.toEqual([]);
    expect(validateZipkinPayload([{ traceId: '0123456789abcdef', id: '0123456789abcdef', duration: 0 }])).not.toEqual([]);
    expect(validateZipkinPayload([{ traceId: '0123456789abcdef', id: '0123456789abcdef', tags: { n: 1 } }])).not.toEqual([]);
    expect(validateZipkinPayload([{ traceId: '0123456789abcdef', id: '0123456789abcdef', kind: 'CLIENT' }])).toEqual([]);
  });

  it('Zipkin down: calls never fail, shutdown still resolves', async () => {
    const deadPort = await freePort();
    const telemetry = startTelemetry({ serviceName: 'zipkin-down', zipkin: { url: `http://127.0.0.1:${deadPort}/api/v2/spans` }, prometheus: false });
    const o = new OcRedis({ port: env.server.port });
    for (let round = 0; round < 5; round++) {
      await Promise.all(Array.from({ length: 200 }, (_, i) => o.set(`k${i}`, i)));
    }
    expect(await o.get('k1')).toBe('1');
    await o.quit();
    await telemetry.shutdown();
    await telemetry.shutdown(); // idempotent
  });

  it('honours OTEL_SERVICE_NAME and OTEL_EXPORTER_ZIPKIN_ENDPOINT', async () => {
    env.zipkin.clear();
    process.env.OTEL_SERVICE_NAME = 'from-env';
    process.env.OTEL_EXPORTER_ZIPKIN_ENDPOINT = env.zipkin.url;
    try {
      const telemetry = startTelemetry({ prometheus: false });
      const o = new OcRedis({ port: env.server.port });
      await o.ping();
      await o.quit();
      await telemetry.shutdown();
    } finally {
      delete process.env.OTEL_SERVICE_NAME;
      delete process.env.OTEL_EXPORTER_ZIPKIN_ENDPOINT;
    }
    expect(env.zipkin.spans.map((s) => [s.name, s.localEndpoint?.serviceName])).toContainEqual(['PING', 'from-env']);
  });
});
