// The end-to-end demo from the Python ocredis guide, in TypeScript: read queries at a `$ ` prompt, answer
// them from a Redis cache through OcRedis, export the traces to Zipkin and the metrics to Prometheus.
//
//   npm run demo                       (Redis, Zipkin, Prometheus: `docker compose up -d --wait`)
//   npm run demo -- --help             (every address and port can be changed)
//   printf 'what is this\n' | npm run demo
import { trace } from '@opentelemetry/api';
import { OcRedis } from '../src/index.js';
import { startTelemetry } from '../src/telemetry/index.js';
import { METRICS_PREFIX, USAGE, parseCommandLine, type DemoOptions } from './search-cli/options.js';
import {
  listenProblem,
  metricsPortMessage,
  redactPassword,
  redisProblem,
  redisUnreachableMessage,
  zipkinProblem,
  zipkinUnreachableWarning,
} from './search-cli/preflight.js';
import { warnOnceOnTelemetryProblems } from './search-cli/diag.js';
import { runPromptLoop } from './search-cli/repl.js';
import { search } from './search-cli/search.js';

/** Flushing telemetry must not keep a finished demo waiting on an unresponsive collector. */
const SHUTDOWN_TIMEOUT_MS = 5_000;
const COMMAND_TIMEOUT_MS = 5_000;

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseCommandLine(argv, process.env);
  if (parsed.kind === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  if (parsed.kind === 'error') {
    process.stderr.write(`${parsed.message}\nRun with --help to see the options.\n`);
    return 2;
  }
  const options = parsed.options;

  const redisError = await redisProblem(options.redisUrl);
  if (redisError) {
    process.stderr.write(`${redisUnreachableMessage(options.redisUrl, redisError)}\n`);
    return 1;
  }
  if (options.metrics) {
    const portError = await listenProblem(options.metrics.host, options.metrics.port);
    if (portError) {
      process.stderr.write(`${metricsPortMessage(options.metrics.host, options.metrics.port, portError)}\n`);
      return 1;
    }
  }
  let zipkinUrl = options.zipkinUrl;
  if (zipkinUrl !== undefined) {
    const zipkinError = await zipkinProblem(zipkinUrl);
    if (zipkinError) {
      process.stderr.write(`${zipkinUnreachableWarning(zipkinUrl, zipkinError)}\n`);
      zipkinUrl = undefined;
    }
  }

  warnOnceOnTelemetryProblems((line) => void process.stderr.write(`${line}\n`));
  const telemetry = startTelemetry({
    serviceName: options.serviceName,
    zipkin: zipkinUrl === undefined ? false : { url: zipkinUrl },
    prometheus: options.metrics === undefined ? false : { ...options.metrics, prefix: METRICS_PREFIX },
  });
  const tracer = trace.getTracer('ocredis-search-cli');
  // If Redis goes away mid-session, a query fails after a few seconds instead of waiting out the reconnects.
  const cache = new OcRedis(options.redisUrl, { commandTimeout: COMMAND_TIMEOUT_MS });
  cache.on('error', () => undefined); // a failing query reports its own error below
  process.stderr.write(banner(options, zipkinUrl));

  const print = (line: string): void => void process.stdout.write(`${line}\n`);
  await runPromptLoop(process.stdin, process.stdout, async (query) => {
    try {
      const response = await search(tracer, cache, query, print);
      print(`> ${response}\n`);
    } catch (err) {
      // Like the Python original: report and keep going (the client reconnects on its own).
      process.stderr.write(`error: ${describe(err)}\n`);
    }
  });

  process.stdout.write('\nBye\n');
  await cache.quit().catch(() => cache.disconnect());
  await withTimeout(telemetry.shutdown(), SHUTDOWN_TIMEOUT_MS).catch((err: unknown) => {
    process.stderr.write(`warning: telemetry did not flush: ${describe(err)}\n`);
  });
  return 0;
}

function banner(options: DemoOptions, zipkinUrl: string | undefined): string {
  const lines = [`ocredis search demo: caching in ${redactPassword(options.redisUrl)}`];
  lines.push(zipkinUrl === undefined ? '  traces:  off' : `  traces:  ${zipkinUrl} (UI: ${new URL('/zipkin/', zipkinUrl).href})`);
  lines.push(
    options.metrics === undefined
      ? '  metrics: off'
      : `  metrics: http://${options.metrics.host}:${options.metrics.port}/metrics (prefix ${METRICS_PREFIX})`,
  );
  lines.push('Type a query and press Enter; Ctrl-D or Ctrl-C to quit.');
  return `${lines.join('\n')}\n`;
}

function describe(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    // Whatever a library left running (a socket, a timer) must not keep a finished demo alive.
    setTimeout(() => process.exit(code), 1_000).unref();
  },
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
