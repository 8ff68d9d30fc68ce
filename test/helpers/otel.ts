// OpenTelemetry fixtures for tests: a tracer provider exporting into memory, a meter provider with the ocredis
// views and a reader collected on demand (delta temporality: each collect() shows what happened since the
// last one), both registered globally (with the AsyncLocalStorage context manager) unless asked not to.
import { context, metrics, trace, type Attributes } from '@opentelemetry/api';
import {
  AggregationTemporality,
  DataPointType,
  MeterProvider,
  MetricReader,
  type DataPoint,
  type Histogram,
  type MetricData,
  type MetricProducer,
} from '@opentelemetry/sdk-metrics';
import { InMemorySpanExporter, NodeTracerProvider, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-node';
import { ocredisViews } from '../../src/telemetry/index.js';

/** A reader whose collect() the test calls (DELTA unless asked otherwise), with extra producers if given. */
export class TestMetricReader extends MetricReader {
  constructor(temporality = AggregationTemporality.DELTA, metricProducers: MetricProducer[] = []) {
    super({ aggregationTemporalitySelector: () => temporality, metricProducers });
  }
  protected onForceFlush(): Promise<void> {
    return Promise.resolve();
  }
  protected onShutdown(): Promise<void> {
    return Promise.resolve();
  }
}

export interface OtelFixture {
  readonly tracerProvider: NodeTracerProvider;
  readonly spanExporter: InMemorySpanExporter;
  readonly meterProvider: MeterProvider;
  readonly reader: TestMetricReader;
  /** Finished spans so far. */
  spans(): ReadableSpan[];
  /** Metrics recorded since the previous collect (or reset). */
  collect(): Promise<MetricData[]>;
  /** Forgets spans and metrics recorded so far. */
  reset(): Promise<void>;
  shutdown(): Promise<void>;
}

export function createOtel(options: { global?: boolean } = {}): OtelFixture {
  const spanExporter = new InMemorySpanExporter();
  const tracerProvider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(spanExporter)] });
  const reader = new TestMetricReader();
  const meterProvider = new MeterProvider({ readers: [reader], views: ocredisViews() });
  if (options.global !== false) {
    tracerProvider.register();
    metrics.setGlobalMeterProvider(meterProvider);
  }
  const collect = async (): Promise<MetricData[]> => {
    const { resourceMetrics, errors } = await reader.collect();
    if (errors.length > 0) throw new AggregateError(errors, 'metric collection failed');
    return resourceMetrics.scopeMetrics.flatMap((scope) => scope.metrics);
  };
  return {
    tracerProvider,
    spanExporter,
    meterProvider,
    reader,
    spans: () => spanExporter.getFinishedSpans(),
    collect,
    async reset() {
      spanExporter.reset();
      await collect();
    },
    async shutdown() {
      await Promise.all([tracerProvider.shutdown(), meterProvider.shutdown()]);
      if (options.global !== false) {
        trace.disable();
        metrics.disable();
        context.disable();
      }
    },
  };
}

/** The metric stream called `name`, or undefined. */
export function findMetric(data: readonly MetricData[], name: string): MetricData | undefined {
  return data.find((metric) => metric.descriptor.name === name);
}

/** Data points of `name` whose attributes include `labels`. */
export function pointsWith(data: readonly MetricData[], name: string, labels: Attributes = {}): DataPoint<unknown>[] {
  const metric = findMetric(data, name);
  if (metric === undefined) return [];
  const points = metric.dataPoints as DataPoint<unknown>[];
  return points.filter((point) => Object.entries(labels).every(([key, value]) => point.attributes[key] === value));
}

/** Sum of a counter's points matching `labels`. */
export function counterTotal(data: readonly MetricData[], name: string, labels: Attributes = {}): number {
  return pointsWith(data, name, labels).reduce((sum, point) => sum + (point.value as number), 0);
}

/** Histogram count over points matching `labels`. */
export function histogramCount(data: readonly MetricData[], name: string, labels: Attributes = {}): number {
  const metric = findMetric(data, name);
  if (metric !== undefined && metric.dataPointType !== DataPointType.HISTOGRAM) throw new Error(`${name} is not a histogram`);
  return pointsWith(data, name, labels).reduce((sum, point) => sum + (point.value as Histogram).count, 0);
}

/** Every string anywhere in the spans (names, attributes, events, status, links): for secret scans. */
export function spanStrings(spans: readonly ReadableSpan[]): string[] {
  const out: string[] = [];
  const add = (value: unknown): void => {
    if (typeof value === 'string') out.push(value);
    else if (Array.isArray(value)) value.forEach(add);
    else if (value !== null && typeof value === 'object') Object.entries(value).forEach(([key, item]) => (out.push(key), add(item)));
  };
  for (const span of spans) {
    add(span.name);
    add(span.attributes);
    add(span.status);
    for (const event of span.events) {
      add(event.name);
      add(event.attributes ?? {});
    }
  }
  return out;
}

/** Every attribute key and value of every data point: for secret scans. */
export function metricStrings(data: readonly MetricData[]): string[] {
  return data.flatMap((metric) => [metric.descriptor.name, ...metric.dataPoints.flatMap((point) => Object.entries(point.attributes).flat().map(String))]);
}
