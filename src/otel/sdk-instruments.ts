// The standard path: the ocredis metrics as OpenTelemetry SDK instruments on a meter. Used for every
// MeterProvider that registerViews() did not build (e.g. your own provider with `views: ocredisViews()`).
import type { Attributes, Counter, Histogram, Meter } from '@opentelemetry/api';
import { operationAttributes, withErrorAttributes, type Endpoint } from './attributes.js';
import { errorType } from './error-info.js';
import {
  CALLS,
  CONNECTION_CREATE_TIME,
  CONNECTION_WAIT_TIME,
  KEY_LENGTHS,
  LATENCY,
  OPERATION_DURATION,
  POOL_NAME_KEY,
  REDIRECTS,
  VALUE_LENGTHS,
  type CallSeries,
  type ConnectionTimeMetric,
  type Instruments,
  type MetricDefinition,
  type RedirectKind,
} from './instruments.js';

const REDIRECT_LABELS: Record<RedirectKind, Attributes> = { MOVED: Object.freeze({ kind: 'MOVED' }), ASK: Object.freeze({ kind: 'ASK' }) };

/** Success series are kept per method (no allocation per call); the cache is bounded. */
const MAX_CACHED_SERIES = 2048;

class SdkCallSeries implements CallSeries {
  constructor(
    private readonly instruments: SdkInstruments,
    private readonly labels: Attributes,
  ) {}

  recordCall(ms: number): void {
    this.instruments.latency.record(ms, this.labels);
    this.instruments.calls.add(1, this.labels);
  }

  recordKeyLength(bytes: number): void {
    this.instruments.keyLengths.record(bytes, this.labels);
  }

  recordValueLength(bytes: number): void {
    this.instruments.valueLengths.record(bytes, this.labels);
  }
}

export class SdkInstruments implements Instruments {
  readonly latency: Histogram;
  readonly calls: Counter;
  readonly keyLengths: Histogram;
  readonly valueLengths: Histogram;
  readonly operationDuration: Histogram;
  readonly redirects: Counter;
  readonly connectionTimes: Record<ConnectionTimeMetric, Histogram>;
  private readonly okSeries = new Map<string, SdkCallSeries>();

  /** Creates the instruments on `meter`. Bucket advice makes them right even without the views. */
  constructor(meter: Meter) {
    this.latency = meter.createHistogram(LATENCY.name, histogramOptions(LATENCY));
    this.calls = meter.createCounter(CALLS.name, { description: CALLS.description, unit: CALLS.unit, valueType: CALLS.valueType });
    this.keyLengths = meter.createHistogram(KEY_LENGTHS.name, histogramOptions(KEY_LENGTHS));
    this.valueLengths = meter.createHistogram(VALUE_LENGTHS.name, histogramOptions(VALUE_LENGTHS));
    this.operationDuration = meter.createHistogram(OPERATION_DURATION.name, histogramOptions(OPERATION_DURATION));
    this.redirects = meter.createCounter(REDIRECTS.name, { description: REDIRECTS.description, unit: REDIRECTS.unit, valueType: REDIRECTS.valueType });
    this.connectionTimes = {
      create: meter.createHistogram(CONNECTION_CREATE_TIME.name, histogramOptions(CONNECTION_CREATE_TIME)),
      wait: meter.createHistogram(CONNECTION_WAIT_TIME.name, histogramOptions(CONNECTION_WAIT_TIME)),
    };
  }

  seriesFor(method: string, error: unknown, failed: boolean): CallSeries {
    if (failed) return new SdkCallSeries(this, { method, status: 'ERROR', error: errorType(error) });
    let series = this.okSeries.get(method);
    if (series === undefined) {
      series = new SdkCallSeries(this, Object.freeze({ method, status: 'OK' }));
      if (this.okSeries.size < MAX_CACHED_SERIES) this.okSeries.set(method, series);
    }
    return series;
  }

  recordOperationDuration(seconds: number, operation: string, endpoint: Endpoint, error: unknown, failed: boolean): void {
    const attributes = operationAttributes(operation, endpoint);
    this.operationDuration.record(seconds, failed ? withErrorAttributes(attributes, error) : attributes);
  }

  recordRedirect(kind: RedirectKind): void {
    this.redirects.add(1, REDIRECT_LABELS[kind]);
  }

  recordConnectionTime(metric: ConnectionTimeMetric, seconds: number, pool: string): void {
    this.connectionTimes[metric].record(seconds, { [POOL_NAME_KEY]: pool });
  }
}

function histogramOptions(definition: MetricDefinition) {
  return {
    description: definition.description,
    unit: definition.unit,
    valueType: definition.valueType,
    advice: { explicitBucketBoundaries: [...(definition.boundaries ?? [])] },
  };
}
