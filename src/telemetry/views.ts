// The ocredis views, and registerViews(): a MeterProvider with them whose readers get the fast path.
import { metrics } from '@opentelemetry/api';
import type { Resource } from '@opentelemetry/resources';
import {
  AggregationTemporality,
  AggregationType,
  createAllowListAttributesProcessor,
  InstrumentType,
  MeterProvider,
  type IMetricReader,
  type ViewOptions,
} from '@opentelemetry/sdk-metrics';
import {
  DURATION_BUCKETS_S,
  LABEL_KEYS,
  LATENCY_BUCKETS_MS,
  LENGTH_BUCKETS_BYTES,
  METRIC_CALLS,
  METRIC_CONNECTION_CREATE_TIME,
  METRIC_CONNECTION_WAIT_TIME,
  METRIC_KEY_LENGTHS,
  METRIC_LATENCY,
  METRIC_OPERATION_DURATION,
  METRIC_REDIRECTS,
  METRIC_VALUE_LENGTHS,
  POOL_NAME_KEY,
  REDIRECT_LABEL_KEYS,
} from '../otel/instruments.js';
import { DEFAULT_CARDINALITY_LIMIT } from '../otel/local-metrics.js';
import { warnLoudly } from '../otel/local-path.js';
import { SCOPE_NAME } from '../otel/scope.js';
import { assertNoGlobalProvider } from './conflicts.js';
import { ocredisMetricProducer } from './metric-producer.js';
import { withProducer } from './reader-with-producer.js';

const OUR_INSTRUMENTS = new Set(
  [METRIC_LATENCY, METRIC_CALLS, METRIC_KEY_LENGTHS, METRIC_VALUE_LENGTHS, METRIC_OPERATION_DURATION, METRIC_REDIRECTS, METRIC_CONNECTION_CREATE_TIME, METRIC_CONNECTION_WAIT_TIME].map((n) =>
    n.toLowerCase(),
  ),
);
const INSTRUMENT_TYPES = [InstrumentType.COUNTER, InstrumentType.HISTOGRAM];

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
 * up to 16 MiB) and the label keys `method`, `status`, `error`; `redis/redirects` (cluster MOVED / ASK) by `kind`;
 * db.client.connection.create_time / wait_time (seconds) by `db.client.connection.pool.name`. For users who build their own MeterProvider:
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
    ...[METRIC_CONNECTION_CREATE_TIME, METRIC_CONNECTION_WAIT_TIME].map(
      (instrumentName): ViewOptions => ({
        instrumentName,
        meterName: SCOPE_NAME,
        aggregation: { type: AggregationType.EXPLICIT_BUCKET_HISTOGRAM, options: { boundaries: [...DURATION_BUCKETS_S] } },
        attributesProcessors: [createAllowListAttributesProcessor([POOL_NAME_KEY])],
      }),
    ),
  ];
}

/**
 * Builds a MeterProvider with the ocredis views and your readers, registers it as the global MeterProvider
 * (OpenTelemetry JS only accepts views when a provider is constructed) and returns it — shut it down on exit.
 * Call it once at start-up, before the first Redis call you want counted. With `global` (the default) it
 * throws a TelemetryConflictError when a global MeterProvider is already registered (a NodeSDK, an earlier
 * registerViews()): OcRedis would record into that one and your readers would stay empty.
 *
 * Each reader also gets ocredisMetricProducer() (the fast path): the readers receive the same series as
 * through the SDK at a fraction of the cost per call — unless a reader wants DELTA data or one of your
 * views could change an ocredis metric; then the SDK path is used, with a warning.
 */
export function registerViews(options: RegisterViewsOptions): MeterProvider {
  if (options.global !== false) assertNoGlobalProvider('metrics', 'registerViews()');
  const views = [...ocredisViews(), ...(options.views ?? [])];
  const resource = options.resource !== undefined ? { resource: options.resource } : {};
  const refusal = fastPathRefusal(options);
  if (refusal !== undefined) {
    warnLoudly(`registerViews:${refusal}`, `registerViews() uses the SDK path for ocredis metrics (slower): ${refusal}.`);
    const provider = new MeterProvider({ readers: options.readers, views, ...resource });
    if (options.global !== false) metrics.setGlobalMeterProvider(provider);
    return provider;
  }
  const producer = ocredisMetricProducer({ global: false });
  const provider = new MeterProvider({ readers: options.readers.map((reader) => withProducer(reader, producer)), views, ...resource });
  producer.serve(provider, cardinalityLimitOf(options.readers));
  if (options.global !== false) metrics.setGlobalMeterProvider(provider);
  return provider;
}

/** Why the local aggregator cannot stand in for the SDK with these readers and views, if it cannot. */
function fastPathRefusal(options: RegisterViewsOptions): string | undefined {
  if ((options.views ?? []).some(mayApplyToOcredis)) return 'one of your views may select an ocredis instrument';
  const wantsDelta = options.readers.some((reader) => INSTRUMENT_TYPES.some((type) => reader.selectAggregationTemporality(type) !== AggregationTemporality.CUMULATIVE));
  return wantsDelta ? 'a reader wants DELTA temporality (the local aggregator is cumulative)' : undefined;
}

/** The smallest cardinality limit the readers ask for (the SDK's default when none does). */
function cardinalityLimitOf(readers: readonly IMetricReader[]): number {
  let limit = DEFAULT_CARDINALITY_LIMIT;
  for (const reader of readers) {
    for (const type of INSTRUMENT_TYPES) {
      const asked = typeof reader.selectCardinalityLimit === 'function' ? reader.selectCardinalityLimit(type) : DEFAULT_CARDINALITY_LIMIT;
      if (asked > 0) limit = Math.min(limit, asked);
    }
  }
  return limit;
}

/** Whether a user view could select an ocredis instrument (then the SDK must see our records). */
function mayApplyToOcredis(view: ViewOptions): boolean {
  if (view.meterName !== undefined && view.meterName !== SCOPE_NAME) return false;
  const name = view.instrumentName;
  if (name !== undefined && !/[*?]/.test(name) && !OUR_INSTRUMENTS.has(name.toLowerCase())) return false;
  return true;
}
