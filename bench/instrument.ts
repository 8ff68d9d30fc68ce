// Enables the contrib instrumentation a worker's client needs. Must run before the client module is first
// required: the instrumentations patch ioredis / @redis/client on require.
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { RedisInstrumentation } from '@opentelemetry/instrumentation-redis';
import type { BenchTelemetry } from './telemetry.js';
import type { ClientName } from './workload-names.js';

export function instrumentFor(client: ClientName, telemetry: BenchTelemetry): void {
  // requireParentSpan defaults to true in instrumentation-ioredis: without a parent it records nothing,
  // which would fake a win. Every command gets a span, as OcRedis gives it one.
  if (client === 'ioredis-otel' || client === 'ioredis-auto-otel') {
    const instrumentation = new IORedisInstrumentation({ requireParentSpan: false });
    instrumentation.setTracerProvider(telemetry.tracerProvider);
    instrumentation.setMeterProvider(telemetry.meterProvider);
    instrumentation.enable();
  } else if (client === 'node-redis-otel') {
    const instrumentation = new RedisInstrumentation({ requireParentSpan: false });
    instrumentation.setTracerProvider(telemetry.tracerProvider);
    instrumentation.setMeterProvider(telemetry.meterProvider);
    instrumentation.enable();
  }
}
