// The fast metrics path's failure modes are loud (a diag warning and a process warning, once), and the
// ocredis set-ups never register a second global provider that would quietly receive nothing.
import { once } from 'node:events';
import { diag, DiagLogLevel, metrics } from '@opentelemetry/api';
import { AggregationTemporality, MeterProvider } from '@opentelemetry/sdk-metrics';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { OcRedis } from '../../src/index.js';
import { resetFastPathWarningsForTests } from '../../src/otel/local-path.js';
import { ocredisMetricProducer, ocredisMetricsPath, ocredisViews, registerViews, startTelemetry, TelemetryConflictError } from '../../src/telemetry/index.js';
import { freePort } from '../helpers/free-port.js';
import { counterTotal, TestMetricReader } from '../helpers/otel.js';
import { startRedisServer, type RedisServerHandle } from '../helpers/redis-server.js';

/** The readers here want cumulative data, as the fast path serves. */
class Reader extends TestMetricReader {
  constructor() {
    super(AggregationTemporality.CUMULATIVE);
  }
}

let server: RedisServerHandle;
const diagWarnings: string[] = [];

beforeAll(async () => {
  server = await startRedisServer();
  const ignore = (): void => undefined;
  diag.setLogger({ error: ignore, info: ignore, debug: ignore, verbose: ignore, warn: (message: string) => diagWarnings.push(message) }, DiagLogLevel.WARN);
});

afterEach(() => {
  resetFastPathWarningsForTests();
  diagWarnings.length = 0;
  metrics.disable();
});

afterAll(async () => {
  diag.disable();
  await server?.stop();
});

async function callsOf(reader: Reader, method: string): Promise<number> {
  const { resourceMetrics } = await reader.collect();
  return counterTotal(resourceMetrics.scopeMetrics.flatMap((s) => s.metrics), 'redis/calls', { method });
}

describe('the fast path says so, once and loudly, when it cannot serve', () => {
  it('a producer for a provider OcRedis already records into through the SDK: warning, and the SDK path keeps counting', async () => {
    const reader = new Reader();
    const provider = new MeterProvider({ readers: [reader], views: ocredisViews() });
    const o = new OcRedis({ port: server.port, telemetry: { meterProvider: provider } });
    await o.get('fast-path:k');
    const warning = once(process, 'warning') as Promise<[Error & { code?: string }]>;
    ocredisMetricProducer({ global: false }).serve(provider);
    ocredisMetricProducer({ global: false }).serve(provider); // a second attempt: no second warning
    const [emitted] = await warning;
    expect([emitted.code, emitted.message]).toEqual(['OCREDIS_METRICS_FAST_PATH', expect.stringMatching(/already records into through the SDK/)]);
    expect(diagWarnings).toEqual([expect.stringMatching(/^ocredis: ocredisMetricProducer\(\) cannot take over/)]);
    expect(ocredisMetricsPath(provider)).toBe('sdk');
    await o.get('fast-path:k');
    expect(await callsOf(reader, 'get')).toBe(2);
    await o.quit();
    await provider.shutdown();
  });

  it('a producer no reader collects: warning', async () => {
    resetFastPathWarningsForTests(50);
    const provider = new MeterProvider({ readers: [new Reader()], views: ocredisViews() }); // the producer is in no reader
    ocredisMetricProducer({ global: false }).serve(provider);
    const o = new OcRedis({ port: server.port, telemetry: { meterProvider: provider } });
    const warning = once(process, 'warning') as Promise<[Error]>;
    await o.get('fast-path:k');
    expect(ocredisMetricsPath(provider)).toBe('local');
    const [emitted] = await warning;
    expect(emitted.message).toMatch(/no metric reader collected: hand ocredisMetricProducer\(\) to every reader/);
    await o.quit();
    await provider.shutdown();
  });
});

describe('no second global provider that would quietly stay empty', () => {
  it('registerViews() twice: the second throws a TelemetryConflictError that says what to do', async () => {
    const first = registerViews({ readers: [new Reader()] });
    expect(() => registerViews({ readers: [new Reader()] })).toThrow(TelemetryConflictError);
    const second = registerViews({ readers: [new Reader()], global: false }); // what the message suggests
    await Promise.all([first.shutdown(), second.shutdown()]);
  });

  it('startTelemetry() twice: the second throws; after shutdown() it starts again', async () => {
    const options = { zipkin: { url: 'http://127.0.0.1:9/api/v2/spans' }, prometheus: { host: '127.0.0.1', port: await freePort() } };
    const first = startTelemetry(options);
    expect(() => startTelemetry({ ...options, prometheus: false })).toThrow(TelemetryConflictError);
    await first.shutdown();
    const again = startTelemetry(options);
    await again.shutdown();
  });
});
