// A second global provider is refused by @opentelemetry/api with only a diag message, after which OcRedis
// records into the first one and the second's exporters stay empty. ocredis checks first and says what to do.
import { createNoopMeter, metrics, ProxyTracerProvider, trace } from '@opentelemetry/api';

const NOOP_TRACER_PROVIDER = new ProxyTracerProvider().getDelegate();
const NOOP_METER = createNoopMeter();

/** A global provider was already registered (a NodeSDK, an earlier registerViews() / startTelemetry()). */
export class TelemetryConflictError extends Error {
  readonly code = 'ETELEMETRYCONFLICT';
  constructor(message: string) {
    super(message);
    this.name = 'TelemetryConflictError';
  }
}

export function hasGlobalTracerProvider(): boolean {
  const provider = trace.getTracerProvider();
  return (provider instanceof ProxyTracerProvider ? provider.getDelegate() : provider) !== NOOP_TRACER_PROVIDER;
}

export function hasGlobalMeterProvider(): boolean {
  return metrics.getMeterProvider().getMeter('ocredis') !== NOOP_METER;
}

/** Throws a TelemetryConflictError when the global `signal` provider is taken. */
export function assertNoGlobalProvider(signal: 'traces' | 'metrics', caller: string): void {
  const taken = signal === 'traces' ? hasGlobalTracerProvider() : hasGlobalMeterProvider();
  if (!taken) return;
  const kind = signal === 'traces' ? 'TracerProvider' : 'MeterProvider';
  throw new TelemetryConflictError(
    `${caller}: a global ${kind} is already registered (a NodeSDK, or an earlier registerViews() / startTelemetry()), ` +
      `so OcRedis would report to it and the new one would stay empty. Either use that one — add ocredisViews() to its views ` +
      `and ocredisMetricProducer() to its metric readers' metricProducers (README: "Already using OpenTelemetry (NodeSDK)") — ` +
      `or shut the other down first${signal === 'metrics' && caller === 'registerViews()' ? ', or pass { global: false } and give the provider to OcRedis as telemetry.meterProvider' : ''}.`,
  );
}
