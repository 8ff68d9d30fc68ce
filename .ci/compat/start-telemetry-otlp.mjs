// startTelemetry() configured by the OpenTelemetry environment: OTLP over HTTP/JSON to a local receiver,
// with the application's OTLP exporter packages (found at run time).
import { startTelemetry } from 'ocredis/telemetry';
import { check, exercise, startReceiver } from './common.mjs';

const receiver = await startReceiver();
Object.assign(process.env, {
  OTEL_TRACES_EXPORTER: 'otlp',
  OTEL_METRICS_EXPORTER: 'otlp',
  OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
  OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
});
const telemetry = startTelemetry();
await exercise('compat:otlp');
await telemetry.shutdown();
const json = (path) => receiver.bodies.filter((b) => b.path === path).map((b) => JSON.parse(b.body.toString()));
const spanNames = json('/v1/traces').flatMap((r) => r.resourceSpans.flatMap((rs) => rs.scopeSpans.flatMap((ss) => ss.spans.map((s) => s.name))));
check(['request', 'SET', 'GET'].every((name) => spanNames.includes(name)), 'startTelemetry() + OTEL_* env: OTLP/JSON spans reached the receiver', JSON.stringify(spanNames));
const metricNames = json('/v1/metrics').flatMap((r) => r.resourceMetrics.flatMap((rm) => rm.scopeMetrics.flatMap((sm) => sm.metrics.map((m) => m.name))));
check(metricNames.includes('redis/calls'), 'startTelemetry() + OTEL_* env: OTLP/JSON metrics reached the receiver', JSON.stringify(metricNames));
await receiver.close();
console.log('startTelemetry (OTLP from the environment): all checks passed');
