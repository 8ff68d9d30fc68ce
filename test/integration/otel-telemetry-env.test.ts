// startTelemetry() speaks the OpenTelemetry environment: OTLP over HTTP (protobuf and JSON) for traces and
// metrics, checked against a local receiver that decodes the payloads; OTEL_SDK_DISABLED,
// OTEL_RESOURCE_ATTRIBUTES, the Prometheus host/port variables; explicit options win over the environment.
import { trace } from '@opentelemetry/api';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ArgumentError, OcRedis } from '../../src/index.js';
import { startTelemetry } from '../../src/telemetry/index.js';
import { freePort } from '../helpers/free-port.js';
import { startOtlpReceiver, type OtlpReceiver } from '../helpers/otlp-receiver.js';
import { startRedisServer, type RedisServerHandle } from '../helpers/redis-server.js';

let server: RedisServerHandle;
let receiver: OtlpReceiver;
const saved = { ...process.env };

beforeAll(async () => {
  [server, receiver] = await Promise.all([startRedisServer(), startOtlpReceiver()]);
});

afterEach(() => {
  for (const key of Object.keys(process.env)) if (key.startsWith('OTEL_') && saved[key] === undefined) delete process.env[key];
  receiver.requests.length = receiver.spans.length = receiver.metrics.length = receiver.resourceAttributes.length = 0;
});

afterAll(async () => {
  await Promise.all([server?.stop(), receiver?.stop()]);
});

/** A parent span with SET and GET under it, through OcRedis. */
async function exercise(): Promise<void> {
  const o = new OcRedis({ port: server.port, db: 5 });
  await trace.getTracer('app').startActiveSpan('request', async (parent) => {
    await o.set('env:k', 'v');
    await o.get('env:k');
    parent.end();
  });
  await o.quit();
}

describe.each([
  ['http/protobuf', 'application/x-protobuf'],
  ['http/json', 'application/json'],
] as const)('OTLP over %s, configured by the environment', (protocol, contentType) => {
  it('sends the spans and the metric points OcRedis recorded, with the resource of the environment', async () => {
    Object.assign(process.env, {
      OTEL_TRACES_EXPORTER: 'otlp',
      OTEL_METRICS_EXPORTER: 'otlp',
      OTEL_EXPORTER_OTLP_PROTOCOL: protocol,
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      OTEL_EXPORTER_OTLP_HEADERS: 'x-api-key=secret%20key',
      OTEL_SERVICE_NAME: 'env-service',
      OTEL_RESOURCE_ATTRIBUTES: 'deployment.environment.name=test,team=cache%20team',
    });
    const telemetry = startTelemetry();
    await exercise();
    await telemetry.shutdown(); // flushes both pipelines

    expect(receiver.requests.map((r) => r.path).sort()).toEqual(['/v1/metrics', '/v1/traces']);
    expect(receiver.requests.every((r) => r.contentType.startsWith(contentType))).toBe(true);
    expect(receiver.requests.every((r) => r.headers['x-api-key'] === 'secret key')).toBe(true);

    const parent = receiver.spans.find((s) => s.name === 'request');
    const children = receiver.spans.filter((s) => s.parentSpanId === parent?.spanId);
    expect(children.map((s) => [s.name, s.scope])).toEqual([
      ['SET', 'ocredis'],
      ['GET', 'ocredis'],
    ]);

    const calls = receiver.metrics.find((m) => m.name === 'redis/calls');
    expect(calls?.scope).toBe('ocredis');
    expect(calls?.sums.find((p) => p.attributes.method === 'get')).toEqual({ attributes: { method: 'get', status: 'OK' }, value: 1 });
    expect(receiver.metrics.map((m) => m.name)).toEqual(expect.arrayContaining(['redis/latency', 'redis/key_lengths', 'db.client.operation.duration']));

    for (const attributes of receiver.resourceAttributes) {
      expect(attributes).toMatchObject({ 'service.name': 'env-service', 'deployment.environment.name': 'test', team: 'cache team' });
    }
  });
});

describe('explicit options win over the environment', () => {
  it('otlp.endpoint and otlp.protocol over OTEL_EXPORTER_OTLP_*; traces: "none" over OTEL_TRACES_EXPORTER', async () => {
    Object.assign(process.env, { OTEL_TRACES_EXPORTER: 'otlp', OTEL_METRICS_EXPORTER: 'prometheus', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9', OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf' });
    const telemetry = startTelemetry({ traces: 'none', metrics: 'otlp', otlp: { endpoint: receiver.url, protocol: 'http/json' } });
    expect(telemetry.tracerProvider).toBeUndefined();
    await exercise();
    await telemetry.shutdown();
    expect(receiver.requests.map((r) => [r.path, r.contentType])).toEqual([['/v1/metrics', 'application/json']]);
  });

  it('OTEL_EXPORTER_PROMETHEUS_HOST / _PORT when no prometheus options are given', async () => {
    const port = await freePort();
    Object.assign(process.env, { OTEL_EXPORTER_PROMETHEUS_HOST: '127.0.0.1', OTEL_EXPORTER_PROMETHEUS_PORT: String(port) });
    const telemetry = startTelemetry({ traces: 'none' });
    await exercise();
    const scrape = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    await telemetry.shutdown();
    expect(scrape).toMatch(/^ocredis_redis_calls_total\{method="get",status="OK"[^}]*\} 1$/m);
  });
});

describe('the environment switches things off, or is refused clearly', () => {
  it('OTEL_SDK_DISABLED=true: nothing registered, nothing sent', async () => {
    Object.assign(process.env, { OTEL_SDK_DISABLED: 'true', OTEL_TRACES_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url });
    const telemetry = startTelemetry();
    expect([telemetry.tracerProvider, telemetry.meterProvider]).toEqual([undefined, undefined]);
    await exercise();
    await telemetry.shutdown();
    expect(receiver.requests).toEqual([]);
  });

  it('an unsupported exporter or protocol is an ArgumentError before anything starts', () => {
    process.env.OTEL_TRACES_EXPORTER = 'jaeger';
    expect(() => startTelemetry({ metrics: 'none' })).toThrow(ArgumentError);
    process.env.OTEL_TRACES_EXPORTER = 'otlp';
    process.env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL = 'grpc';
    expect(() => startTelemetry({ metrics: 'none' })).toThrow(/OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: "grpc" is not supported/);
    expect(trace.getTracerProvider().getTracer('x').startSpan('y').isRecording()).toBe(false); // nothing registered
  });
});
