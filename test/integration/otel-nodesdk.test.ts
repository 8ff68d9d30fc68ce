// The README recipe "Already using OpenTelemetry (NodeSDK)", as written there, with in-memory exporters in
// place of the OTLP ones: spans and metrics arrive through the application's own NodeSDK, on the fast path,
// and the ocredis set-ups that would register a second global provider refuse with what to do.
import { createRequire } from 'node:module';
import { SpanStatusCode, trace } from '@opentelemetry/api';
import { AggregationTemporality, InMemoryMetricExporter, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OcRedis } from '../../src/index.js';
import { ocredisMetricProducer, ocredisMetricsPath, ocredisViews, registerViews, startTelemetry, TelemetryConflictError } from '../../src/telemetry/index.js';
import { counterTotal } from '../helpers/otel.js';
import { startRedisServer, type RedisServerHandle } from '../helpers/redis-server.js';

const requireHere = createRequire(import.meta.url);
let server: RedisServerHandle;
const spanExporter = new InMemorySpanExporter();
const spanProcessor = new SimpleSpanProcessor(spanExporter);
const metricExporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
let reader: PeriodicExportingMetricReader;
let sdk: NodeSDK;

beforeAll(async () => {
  server = await startRedisServer();
  // --- the recipe (README), exporters swapped for in-memory ones ---
  reader = new PeriodicExportingMetricReader({
    exporter: metricExporter,
    metricProducers: [ocredisMetricProducer()], // the fast path: OcRedis aggregates, the reader collects
    exportIntervalMillis: 3_600_000, // the test flushes by hand
  });
  sdk = new NodeSDK({
    spanProcessors: [spanProcessor],
    metricReaders: [reader],
    views: ocredisViews(),
  });
  sdk.start();
  // ---
});

afterAll(async () => {
  await sdk?.shutdown();
  await server?.stop();
});

describe('OcRedis inside a NodeSDK (README recipe)', () => {
  it('spans go to the NodeSDK, as children of the active span', async () => {
    const o = new OcRedis({ port: server.port });
    await trace.getTracer('app').startActiveSpan('request', async (parent) => {
      await o.set('nodesdk:k', 'v');
      await o.get('nodesdk:k');
      parent.end();
    });
    await o.quit();
    await spanProcessor.forceFlush(); // SimpleSpanProcessor exports asynchronously
    const spans = spanExporter.getFinishedSpans();
    const parent = spans.find((s) => s.name === 'request');
    const children = spans.filter((s) => s.parentSpanContext?.spanId === parent?.spanContext().spanId);
    expect(children.map((s) => [s.name, s.instrumentationScope.name, s.status.code])).toEqual([
      ['SET', 'ocredis', SpanStatusCode.UNSET],
      ['GET', 'ocredis', SpanStatusCode.UNSET],
    ]);
  });

  it('metrics go to the NodeSDK reader, recorded on the fast path, under the application resource', async () => {
    const o = new OcRedis({ port: server.port });
    await o.exists('nodesdk:missing');
    await o.exists('nodesdk:missing');
    await o.quit();
    expect(ocredisMetricsPath()).toBe('local');
    await reader.forceFlush();
    const exported = metricExporter.getMetrics().at(-1);
    const scopes = exported?.scopeMetrics ?? [];
    // The call metrics come from the producer; the SDK's own ocredis instruments hold only the connection
    // metrics (observable instruments, read at collection).
    const CONNECTION_METRICS = ['db.client.connection.count', 'db.client.connection.pending_requests', 'redis/offline_queue', 'redis/reconnects'];
    const sdkRecorded = scopes.filter((s) => s.scope.name === 'ocredis').flatMap((s) => s.metrics.map((m) => m.descriptor.name));
    expect(sdkRecorded.filter((name) => name === 'redis/calls')).toHaveLength(1);
    expect(sdkRecorded.filter((name) => !CONNECTION_METRICS.includes(name)).sort()).toEqual([
      'db.client.connection.create_time',
      'db.client.operation.duration',
      'redis/calls',
      'redis/key_lengths',
      'redis/latency',
      'redis/value_lengths',
    ]);
    const data = scopes.flatMap((s) => s.metrics);
    expect(counterTotal(data, 'redis/calls', { method: 'exists', status: 'OK' })).toBe(2);
    // target_info: the SDK that runs (the application's copy; ocredis brings none of its own).
    expect(exported?.resource.attributes['telemetry.sdk.version']).toBe(requireHere('@opentelemetry/core/package.json').version);
  });

  it('registerViews() and startTelemetry() refuse to register a second global provider, saying what to do', () => {
    expect(() => registerViews({ readers: [] })).toThrow(TelemetryConflictError);
    expect(() => registerViews({ readers: [] })).toThrow(/already registered.*ocredisMetricProducer\(\).*global: false/s);
    expect(() => startTelemetry({ prometheus: false })).toThrow(/global TracerProvider is already registered/);
    expect(() => startTelemetry({ zipkin: false })).toThrow(/global MeterProvider is already registered/);
  });
});
