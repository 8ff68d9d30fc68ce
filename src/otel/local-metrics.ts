// The local aggregator: the ocredis metrics of a MeterProvider built by registerViews(), aggregated here
// (cumulative) instead of through the SDK's per-record attribute hashing, and handed to the provider's
// readers by LocalMetricProducer. A call that succeeds finds its series with one Map lookup by method and
// its db.client.operation.duration series with one by operation plus a short scan by endpoint: no string is
// built and nothing is allocated. Failures build a key (they are rare and carry an error type).
import type { Attributes } from '@opentelemetry/api';
import { operationAttributes, withErrorAttributes, type Endpoint } from './attributes.js';
import { errorType, responseStatusCode } from './error-info.js';
import { DURATION_BUCKETS_S, LATENCY_BUCKETS_MS, LENGTH_BUCKETS_BYTES, POOL_NAME_KEY, type CallSeries, type ConnectionTimeMetric, type Instruments, type RedirectKind } from './instruments.js';
import { CounterCell, HistogramCell } from './local-series.js';

/** The SDK's default cardinality limit per metric stream (the last series is the overflow one). */
export const DEFAULT_CARDINALITY_LIMIT = 2000;
/** Where the SDK puts what exceeds the cardinality limit. */
const OVERFLOW_ATTRIBUTES: Attributes = Object.freeze({ 'otel.metric.overflow': true });
/** The overflow series' key among pool names (no pool name holds a newline). */
const OVERFLOW_KEY = '\noverflow';

/** The four ocredis metrics of one `method` / `status` / `error` series. */
export class LocalCallSeries implements CallSeries {
  readonly latency: HistogramCell;
  readonly calls: CounterCell;
  readonly keyLengths: HistogramCell;
  readonly valueLengths: HistogramCell;

  constructor(readonly attributes: Attributes) {
    this.latency = new HistogramCell(LATENCY_BUCKETS_MS, attributes);
    this.calls = new CounterCell(attributes);
    this.keyLengths = new HistogramCell(LENGTH_BUCKETS_BYTES, attributes);
    this.valueLengths = new HistogramCell(LENGTH_BUCKETS_BYTES, attributes);
  }

  recordCall(ms: number): void {
    this.latency.record(ms);
    this.calls.value++;
  }

  recordKeyLength(bytes: number): void {
    this.keyLengths.record(bytes);
  }

  recordValueLength(bytes: number): void {
    this.valueLengths.record(bytes);
  }
}

/** A success duration series, told apart from the operation's others by its endpoint. */
interface DurationEntry {
  readonly db: number;
  readonly host: string;
  readonly port: number | undefined;
  readonly cell: HistogramCell;
}

export class LocalMetrics implements Instruments {
  /** Every call series in creation order (what the producer reports). */
  readonly callSeries: LocalCallSeries[] = [];
  /** Every db.client.operation.duration series in creation order. */
  readonly durationSeries: HistogramCell[] = [];
  /** redis/redirects, one counter per kind (two series at most: no cardinality limit needed). */
  readonly redirectSeries: CounterCell[] = [];
  private readonly redirectsByKind = new Map<RedirectKind, CounterCell>();
  /** db.client.connection.create_time and wait_time, one series per pool name (per connection, not per call). */
  readonly connectionTimeSeries: Record<ConnectionTimeMetric, HistogramCell[]> = { create: [], wait: [] };
  private readonly connectionTimesByPool: Record<ConnectionTimeMetric, Map<string, HistogramCell>> = { create: new Map(), wait: new Map() };
  private readonly okCalls = new Map<string, LocalCallSeries>();
  private readonly failedCalls = new Map<string, LocalCallSeries>();
  private overflowCalls: LocalCallSeries | undefined;
  private readonly okDurations = new Map<string, DurationEntry[]>();
  private readonly failedDurations = new Map<string, HistogramCell>();
  private overflowDuration: HistogramCell | undefined;

  /** `cardinalityLimit`: series per metric, the overflow series included (as the SDK counts it). */
  constructor(private readonly cardinalityLimit = DEFAULT_CARDINALITY_LIMIT) {}

  seriesFor(method: string, error: unknown, failed: boolean): CallSeries {
    if (!failed) {
      const series = this.okCalls.get(method);
      if (series !== undefined) return series;
      if (this.callsFull()) return this.callsOverflow();
      return this.addCallSeries(this.okCalls, method, Object.freeze({ method, status: 'OK' }));
    }
    const type = errorType(error);
    const key = `${method}\n${type}`;
    const series = this.failedCalls.get(key);
    if (series !== undefined) return series;
    if (this.callsFull()) return this.callsOverflow();
    return this.addCallSeries(this.failedCalls, key, Object.freeze({ method, status: 'ERROR', error: type }));
  }

  recordOperationDuration(seconds: number, operation: string, endpoint: Endpoint, error: unknown, failed: boolean): void {
    (failed ? this.failedDuration(operation, endpoint, error) : this.okDuration(operation, endpoint)).record(seconds);
  }

  recordRedirect(kind: RedirectKind): void {
    let cell = this.redirectsByKind.get(kind);
    if (cell === undefined) {
      cell = new CounterCell(Object.freeze({ kind }));
      this.redirectsByKind.set(kind, cell);
      this.redirectSeries.push(cell);
    }
    cell.value++;
  }

  recordConnectionTime(metric: ConnectionTimeMetric, seconds: number, pool: string): void {
    const byPool = this.connectionTimesByPool[metric];
    let cell = byPool.get(pool);
    if (cell === undefined) {
      const series = this.connectionTimeSeries[metric];
      const full = series.length >= this.cardinalityLimit - 1;
      const key = full ? OVERFLOW_KEY : pool;
      cell = byPool.get(key);
      if (cell === undefined) {
        cell = new HistogramCell(DURATION_BUCKETS_S, full ? OVERFLOW_ATTRIBUTES : Object.freeze({ [POOL_NAME_KEY]: pool }));
        byPool.set(key, cell);
        series.push(cell);
      }
    }
    cell.record(seconds);
  }

  private okDuration(operation: string, endpoint: Endpoint): HistogramCell {
    const { db, host, port } = endpoint;
    let entries = this.okDurations.get(operation);
    if (entries !== undefined) {
      for (let i = 0; i < entries.length; i++) {
        const entry = entries[i] as DurationEntry;
        if (entry.db === db && entry.host === host && entry.port === port) return entry.cell;
      }
    }
    if (this.durationsFull()) return this.durationOverflow();
    if (entries === undefined) {
      entries = [];
      this.okDurations.set(operation, entries);
    }
    const cell = this.addDuration(operationAttributes(operation, endpoint));
    entries.push({ db, host, port, cell });
    return cell;
  }

  private failedDuration(operation: string, endpoint: Endpoint, error: unknown): HistogramCell {
    const key = `${operation}\n${endpoint.db}\n${endpoint.host}\n${endpoint.port}\n${errorType(error)}\n${responseStatusCode(error) ?? ''}`;
    let cell = this.failedDurations.get(key);
    if (cell === undefined) {
      if (this.durationsFull()) return this.durationOverflow();
      cell = this.addDuration(withErrorAttributes(operationAttributes(operation, endpoint), error));
      this.failedDurations.set(key, cell);
    }
    return cell;
  }

  private addCallSeries(index: Map<string, LocalCallSeries>, key: string, attributes: Attributes): LocalCallSeries {
    const series = new LocalCallSeries(attributes);
    index.set(key, series);
    this.callSeries.push(series);
    return series;
  }

  private addDuration(attributes: Attributes): HistogramCell {
    const cell = new HistogramCell(DURATION_BUCKETS_S, Object.freeze(attributes));
    this.durationSeries.push(cell);
    return cell;
  }

  private callsFull(): boolean {
    return this.callSeries.length >= this.cardinalityLimit - 1;
  }

  private durationsFull(): boolean {
    return this.durationSeries.length >= this.cardinalityLimit - 1;
  }

  private callsOverflow(): LocalCallSeries {
    if (this.overflowCalls === undefined) {
      this.overflowCalls = new LocalCallSeries(OVERFLOW_ATTRIBUTES);
      this.callSeries.push(this.overflowCalls);
    }
    return this.overflowCalls;
  }

  private durationOverflow(): HistogramCell {
    if (this.overflowDuration === undefined) {
      this.overflowDuration = new HistogramCell(DURATION_BUCKETS_S, OVERFLOW_ATTRIBUTES);
      this.durationSeries.push(this.overflowDuration);
    }
    return this.overflowDuration;
  }
}
