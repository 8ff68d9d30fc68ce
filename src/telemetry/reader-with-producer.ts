// registerViews() receives readers that are already built, so it cannot use their `metricProducers` option.
// It hands the MeterProvider a stand-in for each reader instead, through the public IMetricReader interface:
// when the provider binds the stand-in to its own producer (setMetricProducer), the real reader is bound to
// that producer merged with ocredis's, exactly as MetricReader merges its `metricProducers`.
import type { CollectionResult, IMetricReader, MetricProducer } from '@opentelemetry/sdk-metrics';

export function withProducer(reader: IMetricReader, extra: MetricProducer): IMetricReader {
  return {
    setMetricProducer: (sdkProducer) => reader.setMetricProducer(merged(sdkProducer, extra)),
    selectAggregation: (type) => reader.selectAggregation(type),
    selectAggregationTemporality: (type) => reader.selectAggregationTemporality(type),
    selectCardinalityLimit: (type) => reader.selectCardinalityLimit(type),
    collect: (options) => reader.collect(options),
    shutdown: (options) => reader.shutdown(options),
    forceFlush: (options) => reader.forceFlush(options),
  };
}

function merged(sdkProducer: MetricProducer, extra: MetricProducer): MetricProducer {
  return {
    async collect(options): Promise<CollectionResult> {
      const [sdk, ours] = await Promise.all([sdkProducer.collect(options), extra.collect(options)]);
      return {
        // The provider's resource; ocredis's scope after the SDK's, as MetricReader orders extra producers.
        resourceMetrics: { resource: sdk.resourceMetrics.resource, scopeMetrics: [...sdk.resourceMetrics.scopeMetrics, ...ours.resourceMetrics.scopeMetrics] },
        errors: [...sdk.errors, ...ours.errors],
      };
    },
  };
}
