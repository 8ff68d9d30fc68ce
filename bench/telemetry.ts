// The OpenTelemetry SDK set-up every instrumented worker uses (same for OcRedis, ioredis and node-redis):
// AlwaysOn sampler, BatchSpanProcessor into an exporter that only counts, and a MeterProvider with a periodic
// reader into an exporter that only counts. The counts prove each instrumentation really produced spans.
// The MeterProvider is the application's own with the ocredis views (the NodeSDK-style set-up), with or
// without the documented fast-path line, or one registerViews() built.
import { metrics } from '@opentelemetry/api';
import { MeterProvider, PeriodicExportingMetricReader, type PushMetricExporter, type ResourceMetrics } from '@opentelemetry/sdk-metrics';
import { AlwaysOnSampler, BatchSpanProcessor, NodeTracerProvider, type ReadableSpan, type SpanExporter } from '@opentelemetry/sdk-trace-node';
import { ocredisMetricProducer, ocredisViews, registerViews } from '../src/telemetry/index.js';

/**
 * `own`: new MeterProvider({ readers, views: ocredisViews() }), registered globally (the SDK path);
 * `own-with-producer`: the same with `metricProducers: [ocredisMetricProducer()]` on the reader (the fast path);
 * `registerViews`: registerViews({ readers }) (the fast path).
 */
export type MetricsSetUp = 'own' | 'own-with-producer' | 'registerViews';

/** ExportResultCode.SUCCESS (an enum in @opentelemetry/core, which is not a direct dependency). */
const SUCCESS = 0;

export interface TelemetryCounts {
  spans: number;
  /** Span names seen (first few), to show what each instrumentation records. */
  spanNames: string[];
  metricPoints: number;
}

export interface BenchTelemetry {
  readonly tracerProvider: NodeTracerProvider;
  readonly meterProvider: MeterProvider;
  /** Counts since the last reset (call after the warm-up). */
  resetCounts(): void;
  /** Flushes both pipelines and returns what was exported since the last reset. */
  flush(): Promise<TelemetryCounts>;
  shutdown(): Promise<void>;
}

class CountingSpanExporter implements SpanExporter {
  spans = 0;
  readonly names = new Set<string>();

  export(spans: ReadableSpan[], resultCallback: (result: { code: number }) => void): void {
    this.spans += spans.length;
    if (this.names.size < 8) for (const span of spans) this.names.add(span.name);
    resultCallback({ code: SUCCESS });
  }

  async shutdown(): Promise<void> {}
  async forceFlush(): Promise<void> {}
}

class CountingMetricExporter implements PushMetricExporter {
  points = 0;

  export(batch: ResourceMetrics, resultCallback: (result: { code: number }) => void): void {
    for (const scope of batch.scopeMetrics) for (const metric of scope.metrics) this.points += metric.dataPoints.length;
    resultCallback({ code: SUCCESS });
  }

  async forceFlush(): Promise<void> {}
  async shutdown(): Promise<void> {}
}

/** Registers the SDK globally. */
export function startBenchTelemetry(setUp: MetricsSetUp): BenchTelemetry {
  const spanExporter = new CountingSpanExporter();
  const tracerProvider = new NodeTracerProvider({
    sampler: new AlwaysOnSampler(),
    // A queue big enough that a 1,000-command wave is exported, not dropped (dropping would flatter whoever
    // produces the most spans).
    spanProcessors: [new BatchSpanProcessor(spanExporter, { maxQueueSize: 16_384, maxExportBatchSize: 512, scheduledDelayMillis: 200 })],
  });
  tracerProvider.register();

  const metricExporter = new CountingMetricExporter();
  const metricProducers = setUp === 'own-with-producer' ? [ocredisMetricProducer()] : [];
  const reader = new PeriodicExportingMetricReader({ exporter: metricExporter, exportIntervalMillis: 1_000, metricProducers });
  let meterProvider: MeterProvider;
  if (setUp === 'registerViews') {
    meterProvider = registerViews({ readers: [reader] }); // also registers it globally
  } else {
    meterProvider = new MeterProvider({ readers: [reader], views: ocredisViews() });
    metrics.setGlobalMeterProvider(meterProvider);
  }

  return {
    tracerProvider,
    meterProvider,
    resetCounts() {
      spanExporter.spans = 0;
      spanExporter.names.clear();
      metricExporter.points = 0;
    },
    async flush() {
      await tracerProvider.forceFlush();
      await meterProvider.forceFlush();
      return { spans: spanExporter.spans, spanNames: [...spanExporter.names], metricPoints: metricExporter.points };
    },
    async shutdown() {
      await Promise.all([tracerProvider.shutdown(), meterProvider.shutdown()]);
    },
  };
}
