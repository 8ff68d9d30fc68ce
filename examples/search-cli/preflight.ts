// Start-up checks, so a missing service gives one clear message instead of retries or silence.
import { connect, createServer } from 'node:net';
import { Redis } from '../../src/index.js';

const CHECK_TIMEOUT_MS = 3_000;

/** Connects once, without retrying; resolves with the error when Redis can't be reached. */
export async function redisProblem(url: string): Promise<Error | undefined> {
  const probe = new Redis(url, { lazyConnect: true, reconnectStrategy: false, connectTimeout: CHECK_TIMEOUT_MS });
  probe.on('error', () => undefined); // reported through connect()'s rejection
  try {
    await probe.connect();
    await probe.quit();
    return undefined;
  } catch (err) {
    probe.disconnect();
    return err instanceof Error ? err : new Error(String(err));
  }
}

export function redisUnreachableMessage(url: string, error: Error): string {
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return [
    `Cannot connect to Redis at ${redactPassword(url)}: ${error.message}${cause}`,
    'Start it with `docker compose up -d redis` (or run `redis-server`), or point the demo at another',
    'server with --redis-url / REDIS_URL.',
  ].join('\n');
}

/** A TCP connect to the Zipkin endpoint's host and port; resolves with the error when it fails. */
export function zipkinProblem(endpoint: string): Promise<Error | undefined> {
  const url = new URL(endpoint);
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.setTimeout(CHECK_TIMEOUT_MS, () => socket.destroy(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)));
    socket.once('connect', () => {
      socket.destroy();
      resolve(undefined);
    });
    socket.once('error', (err) => resolve(err));
  });
}

export function zipkinUnreachableWarning(endpoint: string, error: Error): string {
  return (
    `warning: Zipkin is not reachable at ${endpoint} (${error.message}); traces are off for this run. ` +
    'Start it with `docker compose up -d zipkin` and restart the demo, or pass --no-zipkin.'
  );
}

/** Binds and releases host:port, so a port already in use is reported before the exporter fails quietly. */
export function listenProblem(host: string, port: number): Promise<Error | undefined> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', (err) => resolve(err));
    server.listen({ host, port, exclusive: true }, () => server.close(() => resolve(undefined)));
  });
}

export function metricsPortMessage(host: string, port: number, error: Error): string {
  return `Cannot serve Prometheus metrics on ${host}:${port}: ${error.message}\nPick another port with --metrics-port / OTEL_EXPORTER_PROMETHEUS_PORT (and update prom.yaml), or pass --no-metrics.`;
}

/** The URL with its password (if any) replaced by ***, for messages. */
export function redactPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url;
  }
}
