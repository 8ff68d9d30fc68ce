// The exporters startTelemetry() can use, each loaded from the application's packages when chosen (all are
// optional peer dependencies): a missing one is a clear error naming the package to install.
import type { Resource } from '@opentelemetry/resources';
import { ConsoleMetricExporter, PeriodicExportingMetricReader, type IMetricReader, type PushMetricExporter } from '@opentelemetry/sdk-metrics';
import type { SpanExporter } from '@opentelemetry/sdk-trace';
import type { MetricsExporterKind, OtlpProtocol, Signal, TracesExporterKind } from './env.js';
import { requireOptional } from './require-here.js';

export interface OtlpOptions {
  /** Base URL (`/v1/traces`, `/v1/metrics` are appended). Default: the exporters read OTEL_EXPORTER_OTLP_*. */
  endpoint?: string;
  headers?: Record<string, string>;
}

/** What the OTLP/HTTP exporter packages take (both lines, both encodings). */
interface OtlpExporterConfig {
  url?: string;
  headers?: Record<string, string>;
}

const OTLP_PACKAGES: Record<Signal, Record<OtlpProtocol, string>> = {
  traces: { 'http/protobuf': '@opentelemetry/exporter-trace-otlp-proto', 'http/json': '@opentelemetry/exporter-trace-otlp-http' },
  metrics: { 'http/protobuf': '@opentelemetry/exporter-metrics-otlp-proto', 'http/json': '@opentelemetry/exporter-metrics-otlp-http' },
};

/** A package of the application, or an error that says what to install. */
export function load<T>(name: string, why: string): T {
  const module = requireOptional<T>(name);
  if (module === undefined) throw new Error(`startTelemetry(): ${why} needs ${name}: install it (npm install ${name}).`);
  return module;
}

export function resourceFor(attributes: Record<string, string | number | boolean>): Resource {
  const { defaultResource, resourceFromAttributes } = load<typeof import('@opentelemetry/resources')>('@opentelemetry/resources', 'the resource');
  return defaultResource().merge(resourceFromAttributes(attributes));
}

export function spanExporterFor(
  kind: Exclude<TracesExporterKind, 'none'>,
  settings: { zipkinUrl: string; serviceName: string; protocol: OtlpProtocol; otlp: OtlpOptions },
): SpanExporter {
  switch (kind) {
    case 'zipkin': {
      const { ZipkinExporter } = load<{ ZipkinExporter: new (config: { url: string; serviceName: string }) => SpanExporter }>('@opentelemetry/exporter-zipkin', 'Zipkin');
      return new ZipkinExporter({ url: settings.zipkinUrl, serviceName: settings.serviceName });
    }
    case 'otlp': {
      const name = OTLP_PACKAGES.traces[settings.protocol];
      const { OTLPTraceExporter } = load<{ OTLPTraceExporter: new (config: OtlpExporterConfig) => SpanExporter }>(name, `OTLP traces over ${settings.protocol}`);
      return new OTLPTraceExporter(otlpConfig(settings.otlp, 'traces'));
    }
    case 'console': {
      const { ConsoleSpanExporter } = load<{ ConsoleSpanExporter: new () => SpanExporter }>('@opentelemetry/sdk-trace', 'console traces');
      return new ConsoleSpanExporter();
    }
  }
}

export function metricReaderFor(
  kind: Exclude<MetricsExporterKind, 'none'>,
  settings: { prometheus: { port: number; host: string | undefined; prefix: string }; protocol: OtlpProtocol; otlp: OtlpOptions; intervalMs: number },
): IMetricReader {
  const periodic = (exporter: PushMetricExporter): IMetricReader => new PeriodicExportingMetricReader({ exporter, exportIntervalMillis: settings.intervalMs });
  switch (kind) {
    case 'prometheus': {
      const { PrometheusExporter } = load<{ PrometheusExporter: new (config: object) => IMetricReader }>('@opentelemetry/exporter-prometheus', 'Prometheus');
      const { port, host, prefix } = settings.prometheus;
      return new PrometheusExporter({ port, prefix, ...(host !== undefined ? { host } : {}) });
    }
    case 'otlp': {
      const name = OTLP_PACKAGES.metrics[settings.protocol];
      const { OTLPMetricExporter } = load<{ OTLPMetricExporter: new (config: OtlpExporterConfig) => PushMetricExporter }>(name, `OTLP metrics over ${settings.protocol}`);
      return periodic(new OTLPMetricExporter(otlpConfig(settings.otlp, 'metrics')));
    }
    case 'console':
      return periodic(new ConsoleMetricExporter());
  }
}

/** Explicit options only: what is not given, the exporter reads from OTEL_EXPORTER_OTLP_* itself. */
function otlpConfig(otlp: OtlpOptions, signal: Signal): OtlpExporterConfig {
  return {
    ...(otlp.endpoint !== undefined ? { url: `${otlp.endpoint.replace(/\/+$/, '')}/v1/${signal}` } : {}),
    ...(otlp.headers !== undefined ? { headers: otlp.headers } : {}),
  };
}
