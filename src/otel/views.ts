import { metrics } from '@opentelemetry/api';
import type { Resource } from '@opentelemetry/resources';
import { AggregationType, createAllowListAttributesProcessor, MeterProvider, type IMetricReader, type ViewOptions } from '@opentelemetry/sdk-metrics';
import {
  DURATION_BUCKETS_S,
  LABEL_KEYS,
  LATENCY_BUCKETS_MS,
  LENGTH_BUCKETS_BYTES,
  METRIC_CALLS,
  METRIC_KEY_LENGTHS,
  METRIC_LATENCY,
  METRIC_OPERATION_DURATION,
  METRIC_REDIRECTS,
  METRIC_VALUE_LENGTHS,
  REDIRECT_LABEL_KEYS,
} from './instruments.js';
import { attachLocalMetrics } from './local-path.js';
import { SCOPE_NAME } from './scope.js';

export interface RegisterViewsOptions {
  /** Where metrics go: e.g. a PrometheusExporter, or a PeriodicExportingMetricReader. */
  readers: IMetricReader[];
  resource?: Resource;
  /** Your own views, added after ours. */
  views?: ViewOptions[];
  /** Register the provider as the global MeterProvider (default true). */
  global?: boolean;
}

/**
 * The views of the ocredis metrics: bucket boundaries (latency in ms from 0.05 ms to 10 s, lengths in bytes
 * up to 16 MiB) and the label keys `method`, `status`, `error`; `redis/redirects` (cluster MOVED / ASK) by `kind`. For users who build their own MeterProvider:
 * `new MeterProvider({ views: [...ocredisViews(), ...yours], readers })`.
 */
export function ocredisViews(): ViewOptions[] {
  const labels = createAllowListAttributesProcessor([...LABEL_KEYS]);
  const histogram = (instrumentName: string, boundaries: number[]): ViewOptions => ({
    instrumentName,
    meterName: SCOPE_NAME,
    aggregation: { type: AggregationType.EXPLICIT_BUCKET_HISTOGRAM, options: { boundaries: [...boundaries] } },
    attributesProcessors: [labels],
  });
  return [
    histogram(METRIC_LATENCY, LATENCY_BUCKETS_MS),
    { instrumentName: METRIC_CALLS, meterName: SCOPE_NAME, aggregation: { type: AggregationType.SUM }, attributesProcessors: [labels] },
    histogram(METRIC_KEY_LENGTHS, LENGTH_BUCKETS_BYTES),
    histogram(METRIC_VALUE_LENGTHS, LENGTH_BUCKETS_BYTES),
    {
      instrumentName: METRIC_OPERATION_DURATION,
      meterName: SCOPE_NAME,
      aggregation: { type: AggregationType.EXPLICIT_BUCKET_HISTOGRAM, options: { boundaries: [...DURATION_BUCKETS_S] } },
    },
    {
      instrumentName: METRIC_REDIRECTS,
      meterName: SCOPE_NAME,
      aggregation: { type: AggregationType.SUM },
      attributesProcessors: [createAllowListAttributesProcessor([...REDIRECT_LABEL_KEYS])],
    },
  ];
}

/**
 * Builds a MeterProvider with the ocredis views and your readers, registers it as the global MeterProvider
 * (OpenTelemetry JS only accepts views when a provider is constructed) and returns it — shut it down on exit.
 * Call it once at start-up, before the first Redis call you want counted.
 *
 * OcRedis aggregates its own metrics for a provider built here (the fast path, see local-path.ts): the
 * readers receive the same series as through the SDK, at a fraction of the cost per call.
 */
export function registerViews(options: RegisterViewsOptions): MeterProvider {
  const provider = new MeterProvider({
    readers: options.readers,
    views: [...ocredisViews(), ...(options.views ?? [])],
    ...(options.resource !== undefined ? { resource: options.resource } : {}),
  });
  attachLocalMetrics(provider, options);
  // A second global registration is refused (the api logs it); the provider still works as an option.
  if (options.global !== false) metrics.setGlobalMeterProvider(provider);
  return provider;
}
