import { ValueType, type Counter, type Histogram, type Meter } from '@opentelemetry/api';

/** Instrument names (with the Prometheus prefix `ocredis`: `ocredis_redis_latency` …). */
export const METRIC_LATENCY = 'redis/latency';
export const METRIC_CALLS = 'redis/calls';
export const METRIC_KEY_LENGTHS = 'redis/key_lengths';
export const METRIC_VALUE_LENGTHS = 'redis/value_lengths';
/** The OpenTelemetry semantic-convention duration metric (seconds). */
export const METRIC_OPERATION_DURATION = 'db.client.operation.duration';

/** Label keys of the ocredis metrics; `error` only on failures. */
export const LABEL_KEYS = ['method', 'status', 'error'] as const;

/** ms: resolves a ~0.1 ms loopback call, reaches 10 s. */
export const LATENCY_BUCKETS_MS = [
  0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1, 1.5, 2, 3, 5, 7.5, 10, 15, 25, 50, 75, 100, 250, 500, 1000, 2500, 5000, 10000,
];
/** bytes: powers of 4 from 4 B to 16 MiB, plus 0 for empty values. */
export const LENGTH_BUCKETS_BYTES = [0, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216];
/** seconds: the semantic-convention advice for db.client.operation.duration. */
export const DURATION_BUCKETS_S = [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10];

export interface Instruments {
  readonly latency: Histogram;
  readonly calls: Counter;
  readonly keyLengths: Histogram;
  readonly valueLengths: Histogram;
  readonly operationDuration: Histogram;
}

/** Creates the instruments on a meter. Bucket advice makes them right even without registerViews(). */
export function createInstruments(meter: Meter): Instruments {
  return {
    latency: meter.createHistogram(METRIC_LATENCY, {
      description: 'Latency of Redis calls (one per network call: a command, or a whole pipeline / MULTI)',
      unit: 'ms',
      advice: { explicitBucketBoundaries: LATENCY_BUCKETS_MS },
    }),
    calls: meter.createCounter(METRIC_CALLS, { description: 'Redis calls (one per network call)', unit: '1', valueType: ValueType.INT }),
    keyLengths: meter.createHistogram(METRIC_KEY_LENGTHS, {
      description: 'Length of each key argument sent',
      unit: 'By',
      valueType: ValueType.INT,
      advice: { explicitBucketBoundaries: LENGTH_BUCKETS_BYTES },
    }),
    valueLengths: meter.createHistogram(METRIC_VALUE_LENGTHS, {
      description: 'Length of each value (non-key argument) sent and of each string value received',
      unit: 'By',
      valueType: ValueType.INT,
      advice: { explicitBucketBoundaries: LENGTH_BUCKETS_BYTES },
    }),
    operationDuration: meter.createHistogram(METRIC_OPERATION_DURATION, {
      description: 'Duration of database client operations',
      unit: 's',
      advice: { explicitBucketBoundaries: DURATION_BUCKETS_S },
    }),
  };
}
