// Finds the tracer and the instruments for a call, cheaply: providers are looked up on every call (so an SDK
// registered after the client was created is picked up), but tracers and instruments are created once per
// provider, and a no-op provider (no SDK registered) is recognised so the call skips telemetry entirely.
// A provider an ocredisMetricProducer() serves records into its local aggregator; any other, through the SDK.
import { createNoopMeter, metrics, ProxyTracerProvider, trace, type MeterProvider, type Tracer, type TracerProvider } from '@opentelemetry/api';
import { serveCacheMetrics } from './cache-metrics.js';
import { serveConnectionMetrics } from './connection-metrics.js';
import type { Instruments } from './instruments.js';
import { claimLocalMetrics } from './local-path.js';
import type { ResolvedTelemetryOptions } from './options.js';
import { SCOPE_NAME, SCOPE_VERSION } from './scope.js';
import { SdkInstruments } from './sdk-instruments.js';

const NOOP_TRACER_PROVIDER = new ProxyTracerProvider().getDelegate();
const NOOP_METER = createNoopMeter();

const tracers = new WeakMap<TracerProvider, Tracer | null>();
const instrumentSets = new WeakMap<MeterProvider, Instruments | null>();

// The last provider seen and what it resolved to: one identity check on the common path, not a WeakMap get.
let lastTracerProvider: TracerProvider | undefined;
let lastTracer: Tracer | undefined;
let lastMeterProvider: MeterProvider | undefined;
let lastInstruments: Instruments | undefined;

/** The tracer to use now, or undefined when tracing is off (no SDK). */
export function currentTracer(options: ResolvedTelemetryOptions): Tracer | undefined {
  let provider = options.tracerProvider ?? trace.getTracerProvider();
  if (provider instanceof ProxyTracerProvider) provider = provider.getDelegate();
  if (provider === lastTracerProvider) return lastTracer;
  let tracer = tracers.get(provider);
  if (tracer === undefined) {
    tracer = provider === NOOP_TRACER_PROVIDER ? null : provider.getTracer(SCOPE_NAME, SCOPE_VERSION);
    tracers.set(provider, tracer);
  }
  lastTracerProvider = provider;
  lastTracer = tracer ?? undefined;
  return lastTracer;
}

/** The instruments to record into now, or undefined when metrics are off (no SDK). */
export function currentInstruments(options: ResolvedTelemetryOptions): Instruments | undefined {
  const provider = options.meterProvider ?? metrics.getMeterProvider();
  if (provider === lastMeterProvider) return lastInstruments;
  let instruments = instrumentSets.get(provider);
  if (instruments === undefined) {
    instruments = resolveInstruments(provider, provider === metrics.getMeterProvider());
    instrumentSets.set(provider, instruments);
  }
  lastMeterProvider = provider;
  lastInstruments = instruments ?? undefined;
  return lastInstruments;
}

function resolveInstruments(provider: MeterProvider, isGlobal: boolean): Instruments | null {
  const meter = provider.getMeter(SCOPE_NAME, SCOPE_VERSION); // a meter with no instruments reports nothing
  if (meter === NOOP_METER) return null;
  serveConnectionMetrics(meter);
  serveCacheMetrics(meter);
  return claimLocalMetrics(provider, isGlobal) ?? new SdkInstruments(meter);
}
