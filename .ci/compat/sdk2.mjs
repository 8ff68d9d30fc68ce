// SDK 2.x application: its own NodeTracerProvider and MeterProvider (the NodeSDK-style set-up), with the
// documented fast-path line on its readers, an in-memory exporter and a Prometheus exporter.
import { metrics } from '@opentelemetry/api';
import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import { AggregationTemporality, InMemoryMetricExporter, MeterProvider, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import { InMemorySpanExporter, NodeTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-node';
import { ocredisMetricProducer, ocredisViews } from 'ocredis/telemetry';
import { checkAppPipelines, freePort } from './common.mjs';

const spans = new InMemorySpanExporter();
const spanProcessor = new SimpleSpanProcessor(spans);
new NodeTracerProvider({ spanProcessors: [spanProcessor] }).register();

const memory = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
const periodic = new PeriodicExportingMetricReader({ exporter: memory, exportIntervalMillis: 3_600_000, metricProducers: [ocredisMetricProducer()] });
const prometheusPort = await freePort();
const prometheus = new PrometheusExporter({ host: '127.0.0.1', port: prometheusPort, metricProducers: [ocredisMetricProducer()] });
const meterProvider = new MeterProvider({ readers: [periodic, prometheus], views: ocredisViews() });
metrics.setGlobalMeterProvider(meterProvider);

await checkAppPipelines({ key: 'compat:sdk2', spans, spanProcessor, periodic, memory, prometheusPort });

await meterProvider.shutdown();
console.log('sdk2 app: all checks passed');
