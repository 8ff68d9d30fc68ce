// SDK 3.x application: a NodeSDK (the README recipe) with the documented fast-path line on each reader:
// in-memory exporters, a Prometheus exporter and the OTLP/HTTP metric exporter against a local receiver.
import { OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-http';
import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import { AggregationTemporality, InMemoryMetricExporter, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace';
import { ocredisMetricProducer, ocredisViews } from 'ocredis/telemetry';
import { check, checkAppPipelines, freePort, startReceiver } from './common.mjs';

const spans = new InMemorySpanExporter();
const spanProcessor = new SimpleSpanProcessor({ exporter: spans }); // sdk-trace (3.x): one options object
const memory = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
const periodic = new PeriodicExportingMetricReader({ exporter: memory, exportIntervalMillis: 3_600_000, metricProducers: [ocredisMetricProducer()] });
const prometheusPort = await freePort();
const prometheus = new PrometheusExporter({ host: '127.0.0.1', port: prometheusPort, metricProducers: [ocredisMetricProducer()] });
const receiver = await startReceiver();
const otlp = new PeriodicExportingMetricReader({
  exporter: new OTLPMetricExporter({ url: `${receiver.url}/v1/metrics` }),
  exportIntervalMillis: 3_600_000,
  metricProducers: [ocredisMetricProducer()],
});

const sdk = new NodeSDK({ spanProcessors: [spanProcessor], metricReaders: [periodic, prometheus, otlp], views: ocredisViews() });
sdk.start();

await checkAppPipelines({ key: 'compat:sdk3', spans, spanProcessor, periodic, memory, prometheusPort });

await otlp.forceFlush();
const posted = receiver.bodies.filter((b) => b.path === '/v1/metrics');
check(posted.length > 0 && posted.every((b) => b.body.includes('redis/calls')), 'the OTLP/HTTP metric exporter sent the ocredis metrics');

await sdk.shutdown();
await receiver.close();
console.log('sdk3 app: all checks passed');
