// Shared by the compatibility checks: exercise OcRedis, read what the application's own exporters got.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { trace } from '@opentelemetry/api';
import { OcRedis } from 'ocredis';

export const redisPort = Number(process.env.REDIS_PORT);

export function check(condition, what, detail = '') {
  if (!condition) {
    console.error(`FAIL: ${what}${detail === '' ? '' : `\n${detail}`}`);
    process.exit(1);
  }
  console.log(`ok: ${what}`);
}

/** The installed version of an @opentelemetry package (the application's copy: there is exactly one). */
export function versionOf(name) {
  // Read from disk: 3.x packages do not export ./package.json.
  return JSON.parse(readFileSync(new URL(`./node_modules/${name}/package.json`, import.meta.url), 'utf8')).version;
}

/** SET and GET as children of an active span, then quit. */
export async function exercise(key) {
  const o = new OcRedis({ port: redisPort });
  await trace.getTracer('compat-app').startActiveSpan('request', async (span) => {
    await o.set(key, 'v');
    await o.get(key);
    span.end();
  });
  await o.quit();
}

/** The ocredis children of the app's 'request' span, by name. */
export function childSpanNames(spans) {
  const parent = spans.find((s) => s.name === 'request');
  const parentId = parent?.spanContext().spanId;
  return spans.filter((s) => (s.parentSpanContext?.spanId ?? s.parentSpanId) === parentId && s.instrumentationScope.name === 'ocredis').map((s) => s.name);
}

export async function scrape(port) {
  const response = await fetch(`http://127.0.0.1:${port}/metrics`);
  return response.text();
}

/** A local HTTP receiver that keeps the bodies POSTed to it. */
export async function startReceiver() {
  const bodies = [];
  const server = http.createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      bodies.push({ path: request.url, type: request.headers['content-type'], body: Buffer.concat(chunks) });
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, bodies, close: () => new Promise((resolve) => server.close(resolve)) };
}

export async function freePort() {
  const server = http.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * What both applications check after OcRedis ran under their own providers: spans through their span
 * processor, metrics on the fast path through their in-memory reader, and a Prometheus scrape.
 */
export async function checkAppPipelines({ key, spans, spanProcessor, periodic, memory, prometheusPort }) {
  await exercise(key);
  await spanProcessor.forceFlush();
  check(JSON.stringify(childSpanNames(spans.getFinishedSpans())) === '["SET","GET"]', "spans reach the app's in-memory exporter as children of its span");
  const { ocredisMetricsPath } = await import('ocredis/telemetry');
  check(ocredisMetricsPath() === 'local', 'the fast path records (ocredisMetricsPath() === "local")');

  await periodic.forceFlush();
  const exported = memory.getMetrics().at(-1);
  // The call metrics (and db.client.connection.create_time) come from the producer, once; the SDK's own ocredis
  // instruments hold only the connection metrics (observable instruments, read at collection).
  const CONNECTION_METRICS = ['db.client.connection.count', 'db.client.connection.pending_requests', 'redis/offline_queue', 'redis/reconnects'];
  const ocredisMetrics = exported.scopeMetrics.filter((s) => s.scope.name === 'ocredis').flatMap((s) => s.metrics);
  const callMetricNames = ocredisMetrics.map((m) => m.descriptor.name).filter((name) => !CONNECTION_METRICS.includes(name)).sort();
  check(
    JSON.stringify(callMetricNames) ===
      JSON.stringify(['db.client.connection.create_time', 'db.client.operation.duration', 'redis/calls', 'redis/key_lengths', 'redis/latency', 'redis/value_lengths']),
    'each call metric exported once, from the producer (the SDK instruments recorded no call)',
    JSON.stringify(callMetricNames),
  );
  const calls = ocredisMetrics.find((m) => m.descriptor.name === 'redis/calls');
  check(calls?.dataPoints.some((p) => p.attributes.method === 'get' && p.value === 1), 'redis/calls{method=get} = 1 in the in-memory export');

  const text = await scrape(prometheusPort);
  check(/^redis_calls_total\{method="get",status="OK"[^}]*\} 1$/m.test(text), 'a real Prometheus scrape (GET /metrics) of the app\'s exporter has redis_calls_total{method="get"} 1', text);
  const sdkVersion = versionOf('@opentelemetry/core');
  check(new RegExp(`^target_info\\{[^}]*telemetry_sdk_version="${sdkVersion.replaceAll('.', '\\.')}"`, 'm').test(text), `target_info reports the running SDK (${sdkVersion})`, text);
}
