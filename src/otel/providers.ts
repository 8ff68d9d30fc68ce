// Finds the tracer and the instruments for a call, cheaply: providers are looked up on every call (so an SDK
// registered after the client was created is picked up), but tracers and instruments are created once per
// provider, and a no-op provider (no SDK registered) is recognised so the call skips telemetry entirely.
import { createNoopMeter, metrics, ProxyTracerProvider, trace, type MeterProvider, type Tracer, type TracerProvider } from '@opentelemetry/api';
import { createInstruments, type Instruments } from './instruments.js';
import type { ResolvedTelemetryOptions } from './options.js';
import { SCOPE_NAME, SCOPE_VERSION } from './scope.js';

const NOOP_TRACER_PROVIDER = new ProxyTracerProvider().getDelegate();
const NOOP_METER = createNoopMeter();

const tracers = new WeakMap<TracerProvider, Tracer | null>();
const instrumentSets = new WeakMap<MeterProvider, Instruments | null>();

/** The tracer to use now, or undefined when tracing is off (no SDK). */
export function currentTracer(options: ResolvedTelemetryOptions): Tracer | undefined {
  let provider = options.tracerProvider ?? trace.getTracerProvider();
  if (provider instanceof ProxyTracerProvider) provider = provider.getDelegate();
  if (provider === NOOP_TRACER_PROVIDER) return undefined;
  let tracer = tracers.get(provider);
  if (tracer === undefined) {
    tracer = provider.getTracer(SCOPE_NAME, SCOPE_VERSION);
    tracers.set(provider, tracer);
  }
  return tracer ?? undefined;
}

/** The instruments to record into now, or undefined when metrics are off (no SDK). */
export function currentInstruments(options: ResolvedTelemetryOptions): Instruments | undefined {
  const provider = options.meterProvider ?? metrics.getMeterProvider();
  let instruments = instrumentSets.get(provider);
  if (instruments === undefined) {
    const meter = provider.getMeter(SCOPE_NAME, SCOPE_VERSION);
    instruments = meter === NOOP_METER ? null : createInstruments(meter);
    instrumentSets.set(provider, instruments);
  }
  return instruments ?? undefined;
}
