// SDK 2.x application: its own NodeTracerProvider and MeterProvider (the NodeSDK-style set-up), with the
// documented fast-path line on its readers, an in-memory exporter and a Prometheus exporter.
import { metrics } from '@opentelemetry/api';
import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import { AggregationTemporality, InMemoryMetricExporter, MeterProvider, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import { InMemorySpanExporter, NodeTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-node';
import { ocredisMetricProducer, ocredisMetricsPath, ocredisViews } from 'ocredis/telemetry';
import { check, childSpanNames, exercise, freePort, scrape, versionOf } from './common.mjs';

const spans = new InMemorySpanExporter();
const spanProcessor = new SimpleSpanProcessor(spans);
new NodeTracerProvider({ spanProcessors: [spanProcessor] }).register();

const memory = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
const periodic = new PeriodicExportingMetricReader({ exporter: memory, exportIntervalMillis: 3_600_000, metricProducers: [ocredisMetricProducer()] });
const prometheusPort = await freePort();
const prometheus = new PrometheusExporter({ host: '127.0.0.1', port: prometheusPort, metricProducers: [ocredisMetricProducer()] });
const meterProvider = new MeterProvider({ readers: [periodic, prometheus], views: ocredisViews() });
metrics.setGlobalMeterProvider(meterProvider);

await exercise('compat:sdk2');
await spanProcessor.forceFlush();
check(JSON.stringify(childSpanNames(spans.getFinishedSpans())) === '["SET","GET"]', 'spans reach the app\'s in-memory exporter as children of its span');
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

await Promise.all([meterProvider.shutdown()]);
console.log('sdk2 app: all checks passed');
