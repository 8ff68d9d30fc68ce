// The local aggregator's series as the SDK would have reported them: same names, descriptions, units,
// value types, buckets and attributes, CUMULATIVE, under the `ocredis` scope.
import type { HrTime } from '@opentelemetry/api';
import {
  AggregationTemporality,
  DataPointType,
  InstrumentType,
  type DataPoint,
  type Histogram,
  type HistogramMetricData,
  type MetricData,
  type MetricDescriptor,
  type ScopeMetrics,
  type SumMetricData,
} from '@opentelemetry/sdk-metrics';
import { CALLS, CONNECTION_CREATE_TIME, CONNECTION_WAIT_TIME, KEY_LENGTHS, LATENCY, OPERATION_DURATION, REDIRECTS, VALUE_LENGTHS, type MetricDefinition } from '../otel/instruments.js';
import type { LocalMetrics } from '../otel/local-metrics.js';
import { nowHrTime, type CounterCell, type HistogramCell } from '../otel/local-series.js';
import { SCOPE_NAME, SCOPE_VERSION } from '../otel/scope.js';

const LATENCY_DESCRIPTOR = descriptorOf(LATENCY);
const CALLS_DESCRIPTOR = descriptorOf(CALLS);
const KEY_LENGTHS_DESCRIPTOR = descriptorOf(KEY_LENGTHS);
const VALUE_LENGTHS_DESCRIPTOR = descriptorOf(VALUE_LENGTHS);
const DURATION_DESCRIPTOR = descriptorOf(OPERATION_DURATION);
const REDIRECTS_DESCRIPTOR = descriptorOf(REDIRECTS);
const CREATE_TIME_DESCRIPTOR = descriptorOf(CONNECTION_CREATE_TIME);
const WAIT_TIME_DESCRIPTOR = descriptorOf(CONNECTION_WAIT_TIME);

/** A snapshot of `local` (none before its first record, as the SDK reports no metric before one). */
export function scopeMetricsOf(local: LocalMetrics): ScopeMetrics[] {
  const endTime = nowHrTime();
  const series = local.callSeries;
  const metrics: MetricData[] = [
    histogramData(LATENCY_DESCRIPTOR, series.map((s) => s.latency), endTime),
    sumData(CALLS_DESCRIPTOR, series.map((s) => s.calls), endTime),
    histogramData(KEY_LENGTHS_DESCRIPTOR, series.map((s) => s.keyLengths), endTime),
    histogramData(VALUE_LENGTHS_DESCRIPTOR, series.map((s) => s.valueLengths), endTime),
    histogramData(DURATION_DESCRIPTOR, local.durationSeries, endTime),
    sumData(REDIRECTS_DESCRIPTOR, local.redirectSeries, endTime),
    histogramData(CREATE_TIME_DESCRIPTOR, local.connectionTimeSeries.create, endTime),
    histogramData(WAIT_TIME_DESCRIPTOR, local.connectionTimeSeries.wait, endTime),
  ].filter((metric) => metric.dataPoints.length > 0);
  return metrics.length === 0 ? [] : [{ scope: { name: SCOPE_NAME, version: SCOPE_VERSION }, metrics }];
}

function descriptorOf(definition: MetricDefinition): MetricDescriptor {
  // `type` is not in MetricDescriptor's type but the SDK's descriptors carry it, and exporters may read it.
  const descriptor = {
    name: definition.name,
    description: definition.description,
    unit: definition.unit,
    valueType: definition.valueType,
    type: definition.kind === 'counter' ? InstrumentType.COUNTER : InstrumentType.HISTOGRAM,
  };
  return descriptor;
}

function histogramData(descriptor: MetricDescriptor, cells: readonly HistogramCell[], endTime: HrTime): HistogramMetricData {
  const dataPoints: DataPoint<Histogram>[] = [];
  for (const cell of cells) {
    if (cell.count === 0) continue; // series of one call outcome with, say, no key: not reported, as by the SDK
    dataPoints.push({
      attributes: cell.attributes,
      startTime: cell.startTime,
      endTime,
      // Copies: the cell keeps counting while an exporter works on this snapshot.
      value: { buckets: { boundaries: [...cell.boundaries], counts: [...cell.counts] }, sum: cell.sum, count: cell.count, min: cell.min, max: cell.max },
    });
  }
  return { descriptor, aggregationTemporality: AggregationTemporality.CUMULATIVE, dataPointType: DataPointType.HISTOGRAM, dataPoints };
}

function sumData(descriptor: MetricDescriptor, cells: readonly CounterCell[], endTime: HrTime): SumMetricData {
  const dataPoints: DataPoint<number>[] = [];
  for (const cell of cells) {
    if (cell.value !== 0) dataPoints.push({ attributes: cell.attributes, startTime: cell.startTime, endTime, value: cell.value });
  }
  return { descriptor, aggregationTemporality: AggregationTemporality.CUMULATIVE, dataPointType: DataPointType.SUM, dataPoints, isMonotonic: true };
}
