// Hands the local aggregator's series to a MetricReader as the SDK would have reported them: same names,
// descriptions, units, value types, buckets and attributes, CUMULATIVE, under the `ocredis` scope.
import type { HrTime } from '@opentelemetry/api';
import type { Resource } from '@opentelemetry/resources';
import {
  AggregationTemporality,
  DataPointType,
  InstrumentType,
  type CollectionResult,
  type DataPoint,
  type Histogram,
  type HistogramMetricData,
  type MetricData,
  type MetricDescriptor,
  type MetricProducer,
  type SumMetricData,
} from '@opentelemetry/sdk-metrics';
import { CALLS, KEY_LENGTHS, LATENCY, OPERATION_DURATION, REDIRECTS, VALUE_LENGTHS, type MetricDefinition } from './instruments.js';
import type { LocalMetrics } from './local-metrics.js';
import { nowHrTime, type CounterCell, type HistogramCell } from './local-series.js';
import { SCOPE_NAME, SCOPE_VERSION } from './scope.js';

export class LocalMetricProducer implements MetricProducer {
  private readonly latency = descriptorOf(LATENCY);
  private readonly calls = descriptorOf(CALLS);
  private readonly keyLengths = descriptorOf(KEY_LENGTHS);
  private readonly valueLengths = descriptorOf(VALUE_LENGTHS);
  private readonly duration = descriptorOf(OPERATION_DURATION);
  private readonly redirects = descriptorOf(REDIRECTS);

  constructor(
    private readonly local: LocalMetrics,
    private readonly resource: Resource,
  ) {}

  collect(): Promise<CollectionResult> {
    const endTime = nowHrTime();
    const series = this.local.callSeries;
    const metrics: MetricData[] = [
      histogramData(this.latency, series.map((s) => s.latency), endTime),
      sumData(this.calls, series.map((s) => s.calls), endTime),
      histogramData(this.keyLengths, series.map((s) => s.keyLengths), endTime),
      histogramData(this.valueLengths, series.map((s) => s.valueLengths), endTime),
      histogramData(this.duration, this.local.durationSeries, endTime),
      sumData(this.redirects, this.local.redirectSeries, endTime),
    ].filter((metric) => metric.dataPoints.length > 0); // the SDK reports no metric before its first record
    return Promise.resolve({
      resourceMetrics: {
        resource: this.resource,
        scopeMetrics: metrics.length === 0 ? [] : [{ scope: { name: SCOPE_NAME, version: SCOPE_VERSION }, metrics }],
      },
      errors: [],
    });
  }
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
