// startTelemetry() in the installed package: it finds the application's trace SDK at run time (2.x or 3.x)
// and exports spans to Zipkin (a local receiver) and metrics to its own Prometheus endpoint.
import { startTelemetry } from 'ocredis/telemetry';
import { check, exercise, freePort, scrape, startReceiver } from './common.mjs';

const zipkin = await startReceiver();
const prometheusPort = await freePort();
const telemetry = startTelemetry({ serviceName: 'compat', zipkin: { url: `${zipkin.url}/api/v2/spans` }, prometheus: { host: '127.0.0.1', port: prometheusPort } });
await exercise('compat:telemetry');
const text = await scrape(prometheusPort);
check(/^ocredis_redis_calls_total\{method="get",status="OK"[^}]*\} 1$/m.test(text), 'startTelemetry(): /metrics has ocredis_redis_calls_total{method="get"} 1', text);
await telemetry.shutdown();
const spans = zipkin.bodies.flatMap((b) => JSON.parse(b.body.toString()));
check(['request', 'SET', 'GET'].every((name) => spans.some((s) => s.name.toUpperCase() === name.toUpperCase())), 'startTelemetry(): Zipkin got the app span and the ocredis spans');
await zipkin.close();
console.log('startTelemetry: all checks passed');
