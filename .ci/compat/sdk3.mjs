// SDK 3.x application: a NodeSDK (the README recipe) with the documented fast-path line on each reader:
// in-memory exporters, a Prometheus exporter and the OTLP/HTTP metric exporter against a local receiver.
import { OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-http';
import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import { AggregationTemporality, InMemoryMetricExporter, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace';
import { ocredisMetricProducer, ocredisMetricsPath, ocredisViews } from 'ocredis/telemetry';
import { check, childSpanNames, exercise, freePort, scrape, startReceiver, versionOf } from './common.mjs';

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

await exercise('compat:sdk3');
await spanProcessor.forceFlush();
check(JSON.stringify(childSpanNames(spans.getFinishedSpans())) === '["SET","GET"]', 'spans reach the NodeSDK\'s in-memory exporter as children of the app\'s span');
check(ocredisMetricsPath() === 'local', 'the fast path records (ocredisMetricsPath() === "local")');

await periodic.forceFlush();
const exported = memory.getMetrics().at(-1);
const ocredisScopes = exported.scopeMetrics.filter((s) => s.scope.name === 'ocredis');
check(ocredisScopes.length === 1, 'one ocredis scope in the in-memory export (the producer\'s; the SDK instruments recorded nothing)');
const calls = ocredisScopes[0].metrics.find((m) => m.descriptor.name === 'redis/calls');
check(calls?.dataPoints.some((p) => p.attributes.method === 'get' && p.value === 1), 'redis/calls{method=get} = 1 in the in-memory export');

const text = await scrape(prometheusPort);
check(/^redis_calls_total\{method="get",status="OK"[^}]*\} 1$/m.test(text), 'a real Prometheus scrape (GET /metrics) of the app\'s exporter has redis_calls_total{method="get"} 1', text);
const sdkVersion = versionOf('@opentelemetry/core');
check(new RegExp(`^target_info\\{[^}]*telemetry_sdk_version="${sdkVersion.replaceAll('.', '\\.')}"`, 'm').test(text), `target_info reports the running SDK (${sdkVersion})`, text);

await otlp.forceFlush();
const posted = receiver.bodies.filter((b) => b.path === '/v1/metrics');
check(posted.length > 0 && posted.every((b) => b.body.includes('redis/calls')), 'the OTLP/HTTP metric exporter sent the ocredis metrics');

await sdk.shutdown();
await receiver.close();
console.log('sdk3 app: all checks passed');
