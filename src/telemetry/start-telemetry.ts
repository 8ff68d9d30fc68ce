// The bundled set-up of the Python guide: traces to Zipkin, metrics to Prometheus, in one call. Exporter
// failures (Zipkin down, port taken) are logged through the OpenTelemetry diag logger, never thrown into the
// application, and the span queue is bounded, so memory stays flat while Zipkin is unreachable.
import { context, diag, metrics, propagation, ProxyTracerProvider, trace } from '@opentelemetry/api';
import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import { ZipkinExporter } from '@opentelemetry/exporter-zipkin';
import { defaultResource, resourceFromAttributes } from '@opentelemetry/resources';
import type { MeterProvider } from '@opentelemetry/sdk-metrics';
import { assertNoGlobalProvider } from './conflicts.js';
import { registerTracerProvider, type SdkTracerProvider } from './trace-sdk.js';
import { registerViews } from './views.js';

export const DEFAULT_ZIPKIN_URL = 'http://localhost:9411/api/v2/spans';
export const DEFAULT_PROMETHEUS_PORT = 9464;
export const DEFAULT_PROMETHEUS_PREFIX = 'ocredis';
/** Spans waiting for export at most; more are dropped (counted by the SDK) while Zipkin is down. */
export const MAX_QUEUED_SPANS = 2048;

export interface StartTelemetryOptions {
  /** `service.name` of spans and metrics. Default: `OTEL_SERVICE_NAME`, else `unknown_service:node`. */
  serviceName?: string;
  /** Zipkin v2 endpoint. Default url: `OTEL_EXPORTER_ZIPKIN_ENDPOINT`, else localhost:9411. `false`: no tracing. */
  zipkin?: { url?: string } | false;
  /** Prometheus scrape endpoint (`/metrics`). Default 0.0.0.0:9464, prefix `ocredis`. `false`: no metrics. */
  prometheus?: { port?: number; host?: string; prefix?: string } | false;
}

export interface Telemetry {
  /** Undefined with `zipkin: false`. */
  readonly tracerProvider: SdkTracerProvider | undefined;
  /** Undefined with `prometheus: false`. */
  readonly meterProvider: MeterProvider | undefined;
  /**
   * Flushes pending spans and metrics, stops the exporters and removes the providers from the globals.
   * Never rejects; safe to call twice.
   */
  shutdown(): Promise<void>;
}

/**
 * Registers a TracerProvider of the application's trace SDK (BatchSpanProcessor → ZipkinExporter) and,
 * through registerViews(), a MeterProvider with the ocredis views and a PrometheusExporter (on the fast
 * path), both as the global providers. OcRedis clients use them from their next call. Throws a
 * TelemetryConflictError, before starting anything, when a global provider it would register is taken
 * (a NodeSDK, or an earlier startTelemetry() not shut down).
 */
export function startTelemetry(options: StartTelemetryOptions = {}): Telemetry {
  if (options.zipkin !== false) assertNoGlobalProvider('traces', 'startTelemetry()');
  if (options.prometheus !== false) assertNoGlobalProvider('metrics', 'startTelemetry()');
  const env = process.env;
  const serviceName = options.serviceName ?? nonEmpty(env.OTEL_SERVICE_NAME) ?? 'unknown_service:node';
  const resource = defaultResource().merge(resourceFromAttributes({ 'service.name': serviceName }));

  let tracerProvider: SdkTracerProvider | undefined;
  if (options.zipkin !== false) {
    const url = options.zipkin?.url ?? nonEmpty(env.OTEL_EXPORTER_ZIPKIN_ENDPOINT) ?? DEFAULT_ZIPKIN_URL;
    const exporter = new ZipkinExporter({ url, serviceName });
    tracerProvider = registerTracerProvider(resource, exporter, { maxQueueSize: MAX_QUEUED_SPANS, exportTimeoutMillis: 10_000 });
  }

  let meterProvider: MeterProvider | undefined;
  if (options.prometheus !== false) {
    const { port = DEFAULT_PROMETHEUS_PORT, host, prefix = DEFAULT_PROMETHEUS_PREFIX } = options.prometheus ?? {};
    const reader = new PrometheusExporter({ port, prefix, ...(host !== undefined ? { host } : {}) });
    meterProvider = registerViews({ readers: [reader], resource });
  }

  let stopped: Promise<void> | undefined;
  return {
    tracerProvider,
    meterProvider,
    shutdown() {
      stopped ??= Promise.all([settle('tracing', tracerProvider?.shutdown()), settle('metrics', meterProvider?.shutdown())]).then(() =>
        unregister(tracerProvider, meterProvider),
      );
      return stopped;
    },
  };
}

/** Takes our (now shut down) providers out of the globals, so OcRedis is back to free and a restart works. */
function unregister(tracerProvider: SdkTracerProvider | undefined, meterProvider: MeterProvider | undefined): void {
  const globalTracer = trace.getTracerProvider();
  if (tracerProvider !== undefined && globalTracer instanceof ProxyTracerProvider && globalTracer.getDelegate() === tracerProvider) {
    trace.disable();
    context.disable();
    propagation.disable();
  }
  if (meterProvider !== undefined && metrics.getMeterProvider() === meterProvider) metrics.disable();
}

async function settle(what: string, promise: Promise<void> | undefined): Promise<void> {
  try {
    await promise;
  } catch (error) {
    diag.warn(`ocredis telemetry: shutting down ${what} failed`, error);
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
