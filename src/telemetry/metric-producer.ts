// The fast metrics path's public line: `metricProducers: [ocredisMetricProducer()]` on the application's own
// metric reader (PeriodicExportingMetricReader, PrometheusExporter: their documented option). OcRedis then
// aggregates its metrics itself, at a fraction of the SDK's cost per call, and the reader collects them
// through this producer.
import { metrics, type MeterProvider } from '@opentelemetry/api';
import type { Resource } from '@opentelemetry/resources';
import type { CollectionResult, MetricProducer } from '@opentelemetry/sdk-metrics';
import { localMetricsOf, markCollected, metricsPathOf, serveGlobalLocally, serveLocally } from '../otel/local-path.js';
import { scopeMetricsOf } from './local-producer.js';

/**
 * MetricReader reports the resource of its MeterProvider and ignores the one of an extra producer (so
 * documented on its `metricProducers` option in sdk-metrics 2.x and 3.x): nothing to fill in here.
 */
const IGNORED_RESOURCE = { attributes: {} } as unknown as Resource;

export interface OcredisMetricProducerOptions {
  /**
   * Serve the global MeterProvider (default true): the one OcRedis records into unless given
   * `telemetry.meterProvider`. With `false`, call `serve(provider)` once the provider exists.
   */
  global?: boolean;
}

export interface OcredisMetricProducer extends MetricProducer {
  /** Serve `provider` (one you hand to OcRedis as `telemetry.meterProvider`) instead of the global one. */
  serve(provider: MeterProvider, cardinalityLimit?: number): this;
}

/**
 * A MetricProducer for your metric reader's `metricProducers` option: OcRedis aggregates its metrics for
 * the served MeterProvider locally and this producer reports them, with the same names, buckets, labels and
 * values as the SDK path (`ocredisViews()`), always CUMULATIVE, under the `ocredis` scope. Create it
 * before the first Redis call, and give it to every reader of that provider.
 */
export function ocredisMetricProducer(options: OcredisMetricProducerOptions = {}): OcredisMetricProducer {
  return new LocalMetricsProducer(options.global !== false);
}

class LocalMetricsProducer implements OcredisMetricProducer {
  private provider: MeterProvider | undefined;

  constructor(private readonly servesGlobal: boolean) {
    if (servesGlobal) serveGlobalLocally(metrics.getMeterProvider());
  }

  serve(provider: MeterProvider, cardinalityLimit?: number): this {
    this.provider = provider;
    serveLocally(provider, cardinalityLimit);
    return this;
  }

  collect(): Promise<CollectionResult> {
    const provider = this.provider ?? (this.servesGlobal ? metrics.getMeterProvider() : undefined);
    const local = provider === undefined ? undefined : localMetricsOf(provider);
    if (provider !== undefined) markCollected(provider);
    return Promise.resolve({ resourceMetrics: { resource: IGNORED_RESOURCE, scopeMetrics: local === undefined ? [] : scopeMetricsOf(local) }, errors: [] });
  }
}

/**
 * Which path OcRedis records `meterProvider`'s metrics on (default: the global provider): `local` (the fast
 * path, reported by ocredisMetricProducer()), `sdk` (the SDK's instruments), `none` (no call recorded yet).
 */
export function ocredisMetricsPath(meterProvider: MeterProvider = metrics.getMeterProvider()): 'local' | 'sdk' | 'none' {
  return metricsPathOf(meterProvider);
}
