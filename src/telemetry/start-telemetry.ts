// The bundled set-up of the Python guide: traces to Zipkin, metrics to Prometheus, in one call; or, through
// the OpenTelemetry environment (OTEL_TRACES_EXPORTER, OTEL_METRICS_EXPORTER, OTEL_EXPORTER_OTLP_* …) or
// options, OTLP over HTTP or the console. Exporter failures (Zipkin down, port taken) are logged through the
// OpenTelemetry diag logger, never thrown into the application, and the span queue is bounded, so memory
// stays flat while the backend is unreachable.
import { context, diag, metrics, propagation, ProxyTracerProvider, trace } from '@opentelemetry/api';
import type { MeterProvider } from '@opentelemetry/sdk-metrics';
import { assertNoGlobalProvider } from './conflicts.js';
import {
  checkProtocol,
  metricsExporterFromEnv,
  nonEmpty,
  otlpProtocolFromEnv,
  positiveIntFromEnv,
  resourceAttributesFromEnv,
  sdkDisabled,
  tracesExporterFromEnv,
  type MetricsExporterKind,
  type OtlpProtocol,
  type Signal,
  type TracesExporterKind,
} from './env.js';
import { metricReaderFor, resourceFor, spanExporterFor, type OtlpOptions } from './exporters.js';
import { registerTracerProvider, type SdkTracerProvider } from './trace-sdk.js';
import { registerViews } from './views.js';

export const DEFAULT_ZIPKIN_URL = 'http://localhost:9411/api/v2/spans';
export const DEFAULT_PROMETHEUS_PORT = 9464;
export const DEFAULT_PROMETHEUS_PREFIX = 'ocredis';
/** Spans waiting for export at most; more are dropped (counted by the SDK) while the backend is down. */
export const MAX_QUEUED_SPANS = 2048;
/** OTEL_METRIC_EXPORT_INTERVAL's default (ms), for the OTLP and console metric exporters. */
export const DEFAULT_METRIC_EXPORT_INTERVAL_MS = 60_000;

export interface StartTelemetryOptions {
  /** `service.name` of spans and metrics. Default: `OTEL_SERVICE_NAME`, else `unknown_service:node`. */
  serviceName?: string;
  /** Where spans go. Default: `OTEL_TRACES_EXPORTER`, else `zipkin`. (`zipkin: false` means `none`.) */
  traces?: TracesExporterKind;
  /** Where metrics go. Default: `OTEL_METRICS_EXPORTER`, else `prometheus`. (`prometheus: false` means `none`.) */
  metrics?: MetricsExporterKind;
  /** Zipkin v2 endpoint. Default url: `OTEL_EXPORTER_ZIPKIN_ENDPOINT`, else localhost:9411. `false`: no tracing. */
  zipkin?: { url?: string } | false;
  /**
   * Prometheus scrape endpoint (`/metrics`). Default host and port: `OTEL_EXPORTER_PROMETHEUS_HOST` / `_PORT`,
   * else 0.0.0.0:9464; prefix `ocredis`. `false`: no metrics.
   */
  prometheus?: { port?: number; host?: string; prefix?: string } | false;
  /**
   * OTLP over HTTP. Default protocol: `OTEL_EXPORTER_OTLP_{TRACES,METRICS}_PROTOCOL`, else
   * `OTEL_EXPORTER_OTLP_PROTOCOL`, else `http/protobuf`. Endpoint and headers not given here are read by the
   * exporters from `OTEL_EXPORTER_OTLP_[TRACES_|METRICS_]ENDPOINT` / `_HEADERS` (default localhost:4318).
   */
  otlp?: OtlpOptions & { protocol?: OtlpProtocol };
}

export interface Telemetry {
  /** Undefined when traces are off (`none`, `zipkin: false`, OTEL_SDK_DISABLED). */
  readonly tracerProvider: SdkTracerProvider | undefined;
  /** Undefined when metrics are off (`none`, `prometheus: false`, OTEL_SDK_DISABLED). */
  readonly meterProvider: MeterProvider | undefined;
  /**
   * Flushes pending spans and metrics, stops the exporters and removes the providers from the globals.
   * Never rejects; safe to call twice.
   */
  shutdown(): Promise<void>;
}

/**
 * Registers a TracerProvider of the application's trace SDK (BatchSpanProcessor → the traces exporter) and,
 * through registerViews(), a MeterProvider with the ocredis views and the metrics reader (on the fast path),
 * both as the global providers. OcRedis clients use them from their next call. With OTEL_SDK_DISABLED=true
 * it registers nothing. Throws a TelemetryConflictError, before starting anything, when a global provider
 * it would register is taken (a NodeSDK, or an earlier startTelemetry() not shut down).
 */
export function startTelemetry(options: StartTelemetryOptions = {}): Telemetry {
  const env = process.env;
  if (sdkDisabled(env)) return telemetryOf(undefined, undefined);
  const traces = tracesExporterOf(options);
  const metricsKind = metricsExporterOf(options);
  if (traces !== 'none') assertNoGlobalProvider('traces', 'startTelemetry()');
  if (metricsKind !== 'none') assertNoGlobalProvider('metrics', 'startTelemetry()');

  const serviceName = options.serviceName ?? nonEmpty(env.OTEL_SERVICE_NAME) ?? 'unknown_service:node';
  const attributes = { ...resourceAttributesFromEnv(env), 'service.name': serviceName } as Record<string, string>;
  const resource = resourceFor(attributes);
  const otlp = options.otlp ?? {};
  const protocol = (signal: Signal): OtlpProtocol => (otlp.protocol !== undefined ? checkProtocol('options.otlp.protocol', otlp.protocol) : otlpProtocolFromEnv(env, signal));

  // Both exporters are built before anything is registered: a missing package fails with nothing started.
  const spanExporter =
    traces === 'none'
      ? undefined
      : spanExporterFor(traces, {
          zipkinUrl: (options.zipkin || undefined)?.url ?? nonEmpty(env.OTEL_EXPORTER_ZIPKIN_ENDPOINT) ?? DEFAULT_ZIPKIN_URL,
          serviceName,
          protocol: traces === 'otlp' ? protocol('traces') : 'http/protobuf',
          otlp,
        });
  const prometheus = options.prometheus || {};
  const reader =
    metricsKind === 'none'
      ? undefined
      : metricReaderFor(metricsKind, {
          prometheus: {
            port: prometheus.port ?? positiveIntFromEnv(env, 'OTEL_EXPORTER_PROMETHEUS_PORT') ?? DEFAULT_PROMETHEUS_PORT,
            host: prometheus.host ?? nonEmpty(env.OTEL_EXPORTER_PROMETHEUS_HOST),
            prefix: prometheus.prefix ?? DEFAULT_PROMETHEUS_PREFIX,
          },
          protocol: metricsKind === 'otlp' ? protocol('metrics') : 'http/protobuf',
          otlp,
          intervalMs: positiveIntFromEnv(env, 'OTEL_METRIC_EXPORT_INTERVAL') ?? DEFAULT_METRIC_EXPORT_INTERVAL_MS,
        });

  let tracerProvider: SdkTracerProvider | undefined;
  try {
    tracerProvider = spanExporter && registerTracerProvider(resource, spanExporter, { maxQueueSize: MAX_QUEUED_SPANS, exportTimeoutMillis: 10_000 });
  } catch (error) {
    void reader?.shutdown(); // a PrometheusExporter listens from its construction
    throw error;
  }
  const meterProvider = reader && registerViews({ readers: [reader], resource });
  return telemetryOf(tracerProvider, meterProvider);
}

/** Explicit options first (`zipkin: false`, `zipkin: {…}` count as choices), then the environment. */
function tracesExporterOf(options: StartTelemetryOptions): TracesExporterKind {
  if (options.traces !== undefined) return options.traces;
  if (options.zipkin === false) return 'none';
  if (options.zipkin !== undefined) return 'zipkin';
  return tracesExporterFromEnv(process.env) ?? 'zipkin';
}

function metricsExporterOf(options: StartTelemetryOptions): MetricsExporterKind {
  if (options.metrics !== undefined) return options.metrics;
  if (options.prometheus === false) return 'none';
  if (options.prometheus !== undefined) return 'prometheus';
  return metricsExporterFromEnv(process.env) ?? 'prometheus';
}

function telemetryOf(tracerProvider: SdkTracerProvider | undefined, meterProvider: MeterProvider | undefined): Telemetry {
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
