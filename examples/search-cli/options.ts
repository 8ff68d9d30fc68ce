// Command-line flags and environment variables of the search demo. Flags win over the environment,
// the environment over the defaults; the defaults match docker-compose.yml and prom.yaml.
import { parseArgs } from 'node:util';

export const DEFAULT_REDIS_URL = 'redis://localhost:6379/10';
export const DEFAULT_ZIPKIN_URL = 'http://localhost:9411/api/v2/spans';
/** 0.0.0.0 so Prometheus in Docker can reach the exporter through host.docker.internal. */
export const DEFAULT_METRICS_HOST = '0.0.0.0';
/** The OpenTelemetry Prometheus exporter's customary port; prom.yaml scrapes it. */
export const DEFAULT_METRICS_PORT = 9464;
export const DEFAULT_SERVICE_NAME = 'ocredis-search';
/** Metric name prefix: `redis/calls` becomes `ocredis_redis_calls_total`. */
export const METRICS_PREFIX = 'ocredis';

export interface DemoOptions {
  redisUrl: string;
  /** undefined: traces are not exported. */
  zipkinUrl: string | undefined;
  /** undefined: no Prometheus endpoint. */
  metrics: { host: string; port: number } | undefined;
  serviceName: string;
}

export type ParsedCommandLine = { kind: 'run'; options: DemoOptions } | { kind: 'help' } | { kind: 'error'; message: string };

export const USAGE = `Usage: npm run demo -- [options]
       node --import tsx examples/search-cli.ts [options]

Type a search query after the "$ " prompt (or pipe queries in, one per line). Each query is a "Search"
trace in Zipkin with the Redis calls as child spans, and updates the ocredis_* metrics on the
Prometheus endpoint. End with Ctrl-D or Ctrl-C.

Options (flag, environment variable, default):
  --redis-url <url>       REDIS_URL                        ${DEFAULT_REDIS_URL}
                          (redis://[user:password@]host:port/db, rediss:// for TLS)
  --zipkin-url <url>      OTEL_EXPORTER_ZIPKIN_ENDPOINT    ${DEFAULT_ZIPKIN_URL}
  --no-zipkin             don't export traces
  --metrics-host <addr>   OTEL_EXPORTER_PROMETHEUS_HOST    ${DEFAULT_METRICS_HOST}
                          (address the Prometheus exporter listens on; 127.0.0.1 keeps it local,
                          but then Prometheus in Docker cannot scrape it)
  --metrics-port <port>   OTEL_EXPORTER_PROMETHEUS_PORT    ${DEFAULT_METRICS_PORT}
  --no-metrics            don't serve Prometheus metrics
  --service-name <name>   OTEL_SERVICE_NAME                ${DEFAULT_SERVICE_NAME}
  -h, --help              show this help

Metrics are served at http://<metrics-host>:<metrics-port>/metrics with the prefix "${METRICS_PREFIX}".
`;

export function parseCommandLine(argv: readonly string[], env: NodeJS.ProcessEnv): ParsedCommandLine {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        'redis-url': { type: 'string' },
        'zipkin-url': { type: 'string' },
        'no-zipkin': { type: 'boolean' },
        'metrics-host': { type: 'string' },
        'metrics-port': { type: 'string' },
        'no-metrics': { type: 'boolean' },
        'service-name': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    return { kind: 'error', message: (err as Error).message };
  }
  if (values.help) return { kind: 'help' };

  const redisUrl = values['redis-url'] ?? nonEmpty(env.REDIS_URL) ?? DEFAULT_REDIS_URL;
  if (!/^(rediss?|unix):\/\//.test(redisUrl)) return { kind: 'error', message: `--redis-url must be a redis://, rediss:// or unix:// URL, got ${JSON.stringify(redisUrl)}` };

  const zipkinUrl = values['zipkin-url'] ?? nonEmpty(env.OTEL_EXPORTER_ZIPKIN_ENDPOINT) ?? DEFAULT_ZIPKIN_URL;
  if (!isHttpUrl(zipkinUrl)) return { kind: 'error', message: `--zipkin-url must be an http(s) URL, got ${JSON.stringify(zipkinUrl)}` };

  const portText = values['metrics-port'] ?? nonEmpty(env.OTEL_EXPORTER_PROMETHEUS_PORT) ?? String(DEFAULT_METRICS_PORT);
  const port = Number(portText);
  // Port 0 is refused: the Prometheus exporter would silently replace it with its default.
  if (!/^\d+$/.test(portText) || port < 1 || port > 65_535) return { kind: 'error', message: `--metrics-port must be 1-65535, got ${JSON.stringify(portText)}` };

  return {
    kind: 'run',
    options: {
      redisUrl,
      zipkinUrl: values['no-zipkin'] ? undefined : zipkinUrl,
      metrics: values['no-metrics'] ? undefined : { host: values['metrics-host'] ?? nonEmpty(env.OTEL_EXPORTER_PROMETHEUS_HOST) ?? DEFAULT_METRICS_HOST, port },
      serviceName: values['service-name'] ?? nonEmpty(env.OTEL_SERVICE_NAME) ?? DEFAULT_SERVICE_NAME,
    },
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
