import { ValueType } from '@opentelemetry/api';
import type { Endpoint } from './attributes.js';

/** Instrument names (with the Prometheus prefix `ocredis`: `ocredis_redis_latency` …). */
export const METRIC_LATENCY = 'redis/latency';
export const METRIC_CALLS = 'redis/calls';
export const METRIC_KEY_LENGTHS = 'redis/key_lengths';
export const METRIC_VALUE_LENGTHS = 'redis/value_lengths';
/** MOVED / ASK redirections followed by a cluster client, by `kind`. */
export const METRIC_REDIRECTS = 'redis/redirects';
/** The OpenTelemetry semantic-convention duration metric (seconds). */
export const METRIC_OPERATION_DURATION = 'db.client.operation.duration';
/** Time to establish a connection, handshake included, per connect and reconnect (seconds). */
export const METRIC_CONNECTION_CREATE_TIME = 'db.client.connection.create_time';
/** Time a caller waited for a pool to lend it a connection (seconds). */
export const METRIC_CONNECTION_WAIT_TIME = 'db.client.connection.wait_time';
/** Label key of the two above (and of the observable connection metrics). */
export const POOL_NAME_KEY = 'db.client.connection.pool.name';

/** Label keys of the ocredis metrics; `error` only on failures. */
export const LABEL_KEYS = ['method', 'status', 'error'] as const;

/** Label key of redis/redirects: `MOVED` | `ASK`. */
export const REDIRECT_LABEL_KEYS = ['kind'] as const;
export type RedirectKind = 'MOVED' | 'ASK';

/** ms: resolves a ~0.1 ms loopback call, reaches 10 s. */
export const LATENCY_BUCKETS_MS = [
  0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1, 1.5, 2, 3, 5, 7.5, 10, 15, 25, 50, 75, 100, 250, 500, 1000, 2500, 5000, 10000,
];
/** bytes: powers of 4 from 4 B to 16 MiB, plus 0 for empty values. */
export const LENGTH_BUCKETS_BYTES = [0, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216];
/**
 * seconds, for db.client.operation.duration: from 0.1 ms (as redis-py 8 does) so loopback and same-zone calls
 * (~0.1–0.5 ms) spread over buckets instead of all landing in the conventions' first one (1 ms); up to 10 s.
 */
export const DURATION_BUCKETS_S = [0.0001, 0.00025, 0.0005, 0.00075, 0.001, 0.0025, 0.005, 0.0075, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

/** What both paths (the SDK's instruments, the local aggregator) need to know of a metric. */
export interface MetricDefinition {
  readonly name: string;
  readonly description: string;
  readonly unit: string;
  readonly valueType: ValueType;
  readonly kind: 'histogram' | 'counter';
  /** Histogram bucket upper bounds (a value equal to a bound goes in that bucket). */
  readonly boundaries?: readonly number[];
}

export const LATENCY: MetricDefinition = {
  name: METRIC_LATENCY,
  description: 'Latency of Redis calls (one per network call: a command, or a whole pipeline / MULTI)',
  unit: 'ms',
  valueType: ValueType.DOUBLE,
  kind: 'histogram',
  boundaries: LATENCY_BUCKETS_MS,
};
export const CALLS: MetricDefinition = {
  name: METRIC_CALLS,
  description: 'Redis calls (one per network call)',
  unit: '1',
  valueType: ValueType.INT,
  kind: 'counter',
};
export const KEY_LENGTHS: MetricDefinition = {
  name: METRIC_KEY_LENGTHS,
  description: 'Length of each key argument sent',
  unit: 'By',
  valueType: ValueType.INT,
  kind: 'histogram',
  boundaries: LENGTH_BUCKETS_BYTES,
};
export const VALUE_LENGTHS: MetricDefinition = {
  name: METRIC_VALUE_LENGTHS,
  description: 'Length of each value (non-key argument) sent and of each string value received',
  unit: 'By',
  valueType: ValueType.INT,
  kind: 'histogram',
  boundaries: LENGTH_BUCKETS_BYTES,
};
export const REDIRECTS: MetricDefinition = {
  name: METRIC_REDIRECTS,
  description: 'MOVED / ASK redirections followed by a cluster client (one per redirect, retries of a call included)',
  unit: '1',
  valueType: ValueType.INT,
  kind: 'counter',
};
export const OPERATION_DURATION: MetricDefinition = {
  name: METRIC_OPERATION_DURATION,
  description: 'Duration of database client operations',
  unit: 's',
  valueType: ValueType.DOUBLE,
  kind: 'histogram',
  boundaries: DURATION_BUCKETS_S,
};

export const CONNECTION_CREATE_TIME: MetricDefinition = {
  name: METRIC_CONNECTION_CREATE_TIME,
  description: 'The time it took to create a new connection (socket and handshake; each reconnect too)',
  unit: 's',
  valueType: ValueType.DOUBLE,
  kind: 'histogram',
  boundaries: DURATION_BUCKETS_S,
};
export const CONNECTION_WAIT_TIME: MetricDefinition = {
  name: METRIC_CONNECTION_WAIT_TIME,
  description: 'The time it took to obtain an open connection from the pool',
  unit: 's',
  valueType: ValueType.DOUBLE,
  kind: 'histogram',
  boundaries: DURATION_BUCKETS_S,
};

/** The series of one call outcome (a method with status OK, or ERROR and an error type). */
export interface CallSeries {
  /** One network call: one latency observation (ms) and one count. */
  recordCall(ms: number): void;
  recordKeyLength(bytes: number): void;
  recordValueLength(bytes: number): void;
}

/**
 * Where a call's metrics go: the SDK's instruments (sdk-instruments.ts) or, for a MeterProvider built by
 * registerViews(), the local aggregator (local-metrics.ts), which the provider's readers collect.
 */
export interface Instruments {
  /** The `method` / `status` / `error` series of a call that succeeded, or failed with `error`. */
  seriesFor(method: string, error: unknown, failed: boolean): CallSeries;
  /** One db.client.operation.duration observation (seconds). */
  recordOperationDuration(seconds: number, operation: string, endpoint: Endpoint, error: unknown, failed: boolean): void;
  /** One MOVED or ASK redirection followed (cluster clients). */
  recordRedirect(kind: RedirectKind): void;
  /** One db.client.connection.create_time or wait_time observation (seconds) for the pool named `pool`. */
  recordConnectionTime(metric: ConnectionTimeMetric, seconds: number, pool: string): void;
}

export type ConnectionTimeMetric = 'create' | 'wait';
