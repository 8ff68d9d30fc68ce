// Which MeterProviders get the local aggregator (the fast path): those registerViews() built, when every
// reader can take an extra MetricProducer, wants CUMULATIVE data (the aggregator keeps no per-reader delta
// state), and no view of the user's could change an ocredis metric. Any other provider, or one of these
// when a condition fails, uses the SDK's instruments as before.
import type { Resource } from '@opentelemetry/resources';
import { defaultResource } from '@opentelemetry/resources';
import { AggregationTemporality, InstrumentType, type IMetricReader, type MeterProvider, type MetricProducer, type ViewOptions } from '@opentelemetry/sdk-metrics';
import { CALLS, KEY_LENGTHS, LATENCY, OPERATION_DURATION, REDIRECTS, VALUE_LENGTHS } from './instruments.js';
import { DEFAULT_CARDINALITY_LIMIT, LocalMetrics } from './local-metrics.js';
import { LocalMetricProducer } from './metric-producer.js';
import { SCOPE_NAME } from './scope.js';

const localByProvider = new WeakMap<object, LocalMetrics>();
const OUR_INSTRUMENTS = new Set([LATENCY, CALLS, KEY_LENGTHS, VALUE_LENGTHS, OPERATION_DURATION, REDIRECTS].map((d) => d.name.toLowerCase()));
const INSTRUMENT_TYPES = [InstrumentType.COUNTER, InstrumentType.HISTOGRAM];

export interface LocalPathOptions {
  readonly readers: readonly IMetricReader[];
  readonly views?: readonly ViewOptions[];
  readonly resource?: Resource;
}

/** The local aggregator of a provider registerViews() built, if it has one. */
export function localMetricsOf(provider: object): LocalMetrics | undefined {
  return localByProvider.get(provider);
}

/**
 * Gives `provider` a local aggregator and adds its producer to every reader, or returns undefined (and
 * changes nothing) when the provider must keep the SDK path.
 */
export function attachLocalMetrics(provider: MeterProvider, options: LocalPathOptions): LocalMetrics | undefined {
  if ((options.views ?? []).some(mayApplyToOcredis)) return undefined;
  const producerLists: MetricProducer[][] = [];
  let cardinalityLimit = DEFAULT_CARDINALITY_LIMIT;
  for (const reader of options.readers) {
    // MetricReader merges `_metricProducers` into collect(); another IMetricReader may not have it.
    const producers = (reader as { _metricProducers?: unknown })._metricProducers;
    if (!Array.isArray(producers)) return undefined;
    for (const type of INSTRUMENT_TYPES) {
      if (reader.selectAggregationTemporality(type) !== AggregationTemporality.CUMULATIVE) return undefined;
      const limit = typeof reader.selectCardinalityLimit === 'function' ? reader.selectCardinalityLimit(type) : DEFAULT_CARDINALITY_LIMIT;
      if (limit > 0) cardinalityLimit = Math.min(cardinalityLimit, limit);
    }
    producerLists.push(producers as MetricProducer[]);
  }
  const local = new LocalMetrics(cardinalityLimit);
  const producer = new LocalMetricProducer(local, options.resource ?? defaultResource());
  for (const producers of producerLists) producers.push(producer);
  localByProvider.set(provider, local);
  return local;
}

/** Whether a user view could select an ocredis instrument (then the SDK must see our records). */
function mayApplyToOcredis(view: ViewOptions): boolean {
  if (view.meterName !== undefined && view.meterName !== SCOPE_NAME) return false;
  const name = view.instrumentName;
  if (name !== undefined && !/[*?]/.test(name) && !OUR_INSTRUMENTS.has(name.toLowerCase())) return false;
  return true;
}
