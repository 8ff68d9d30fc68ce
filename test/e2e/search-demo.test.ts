// The README walkthrough, run for real: redis-server, a real Prometheus scraping the demo with prom.yaml's
// job, a local Zipkin v2 receiver validating every payload against the Zipkin API schema, and the demo
// (`node --import tsx examples/search-cli.ts`) driven through stdin with the guide's three queries.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CACHE_HIT_MESSAGE, CACHE_MISS_MESSAGE } from '../../examples/search-cli/search.js';
import { Demo } from '../helpers/demo-process.js';
import { freePort } from '../helpers/free-port.js';
import { prometheusBinary, promqlQueriesInMarkdown, startPrometheus, type PromSample } from '../helpers/prometheus.js';
import { startRedisServer, type RedisServerHandle } from '../helpers/redis-server.js';
import { startZipkinReceiver, type ZipkinReceiver } from '../helpers/zipkin-receiver.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const SERVICE_NAME = 'ocredis-search';
const QUERIES = ['what is this', 'what is that', 'what is this'] as const;
/** Scrapes run every second here; a query with no data after this long has none coming. */
const SCRAPE_DEADLINE_MS = 20_000;

// Skip only where prometheus is truly absent; CI (.ci/run) installs it, and a CI run must never skip.
const prometheus = prometheusBinary();
if (prometheus === undefined) {
  const message = 'e2e demo test: no prometheus binary (/usr/bin/prometheus or on PATH); install the Debian package `prometheus` (.ci/run does)';
  if (process.env.CI) throw new Error(message);
  console.warn(`SKIPPED ${message}`);
}

describe.skipIf(prometheus === undefined)('search demo, end to end', () => {
  let redis: RedisServerHandle;
  let zipkin: ZipkinReceiver;
  const demos: Demo[] = [];
  const startDemo = (args: string[]): Demo => {
    const demo = new Demo(args);
    demos.push(demo);
    return demo;
  };

  beforeAll(async () => {
    [redis, zipkin] = await Promise.all([startRedisServer(), startZipkinReceiver()]);
  });
  afterEach(async () => {
    await Promise.all(demos.splice(0).map((demo) => demo.kill()));
  });
  afterAll(async () => {
    await Promise.all([redis?.stop(), zipkin?.stop()]);
  });

  it('answers the guide queries, traces each Search with its Redis calls, and every README PromQL query returns data', async () => {
    const metricsPort = await freePort();
    const prom = await startPrometheus(scrapeConfigFromPromYaml(`127.0.0.1:${metricsPort}`));
    try {
      const demo = startDemo([
        `--redis-url=redis://127.0.0.1:${redis.port}/10`,
        `--zipkin-url=${zipkin.url}`,
        '--metrics-host=127.0.0.1',
        `--metrics-port=${metricsPort}`,
      ]);
      // One query, then a scrape, then the other two: the rates in the README queries need the counters
      // to move between two scrapes.
      demo.type(`${QUERIES[0]}\n`);
      await demo.waitForStdout((out) => count(out, '\n> ') >= 1);
      await prom.waitFor('ocredis_redis_calls_total', { timeoutMs: SCRAPE_DEADLINE_MS });
      demo.type(`${QUERIES[1]}\n${QUERIES[2]}\n`);
      await demo.waitForStdout((out) => count(out, '\n> ') >= 3);

      const readmeQueries = promqlQueriesInMarkdown(readFileSync(join(root, 'README.md'), 'utf8'));
      expect(readmeQueries.length).toBeGreaterThanOrEqual(5);
      for (const query of readmeQueries) {
        const samples = await prom.waitFor(query, { accept: hasFiniteValue, timeoutMs: SCRAPE_DEADLINE_MS });
        expect(samples.length, query).toBeGreaterThan(0);
      }
      // The series the README and dashboard rely on carry the methods the demo called.
      const methods = (await prom.query('sum by (method) (ocredis_redis_calls_total)')).map((s) => s.metric.method).sort();
      expect(methods).toEqual(['del', 'get', 'set']);

      demo.endInput();
      expect(await demo.exitCode).toBe(0);
      expect(demo.stdout).toBe(
        [
          `$ ${CACHE_MISS_MESSAGE}`,
          '> WHAT IS THIS',
          '',
          `$ ${CACHE_MISS_MESSAGE}`,
          '> WHAT IS THAT',
          '',
          `$ ${CACHE_HIT_MESSAGE}`,
          '> WHAT IS THIS',
          '',
          '$ ',
          'Bye',
          '',
        ].join('\n'),
      );
      expect(demo.stderr).not.toMatch(/warning|error/i);
    } finally {
      await prom.stop();
    }

    // Spans were flushed before exit: three Search traces, each with its Redis calls as children.
    expect(zipkin.validationErrors).toEqual([]);
    const spans = zipkin.spans.filter((s) => s.localEndpoint?.serviceName === SERVICE_NAME);
    const searches = spans.filter((s) => s.name === 'Search').sort((a, b) => (a.timestamp ?? 0) - (b.timestamp ?? 0));
    expect(searches).toHaveLength(3);
    const expected = [
      { outcome: 'Cache miss', calls: ['GET', 'SET'] },
      { outcome: 'Cache miss', calls: ['GET', 'SET'] },
      { outcome: 'Cache hit', calls: ['GET', 'DEL'] },
    ];
    searches.forEach((search, i) => {
      const want = expected[i];
      expect(search.parentId, 'Search is a root span').toBeUndefined();
      // The Zipkin exporter turns span events into annotations by name (their attributes are not kept).
      expect((search.annotations ?? []).map((a) => a.value)).toEqual(['Searching', want?.outcome]);
      const children = spans
        .filter((s) => s.parentId === search.id)
        .sort((a, b) => (a.timestamp ?? 0) - (b.timestamp ?? 0));
      expect(children.map((c) => c.name)).toEqual(want?.calls);
      for (const child of children) {
        expect(child.traceId).toBe(search.traceId);
        expect(child.kind).toBe('CLIENT');
        expect(child.tags?.['db.system.name']).toBe('redis');
        expect(child.tags?.['db.namespace']).toBe('10');
        // The cached value (the upper-cased query) never appears in a span.
        expect(JSON.stringify(child.tags)).not.toContain(QUERIES[i]?.toUpperCase());
      }
    });
  }, 120_000);

  it('--help lists every address and port with its flag and environment variable', async () => {
    const demo = startDemo(['--help']);
    expect(await demo.exitCode).toBe(0);
    for (const text of [
      '--redis-url',
      'REDIS_URL',
      'redis://localhost:6379/10',
      '--zipkin-url',
      'OTEL_EXPORTER_ZIPKIN_ENDPOINT',
      '--metrics-host',
      'OTEL_EXPORTER_PROMETHEUS_HOST',
      '0.0.0.0',
      '--metrics-port',
      'OTEL_EXPORTER_PROMETHEUS_PORT',
      '9464',
    ]) {
      expect(demo.stdout).toContain(text);
    }
  });

  it('exits 1 with one message on how to start Redis when Redis is unreachable', async () => {
    const demo = startDemo([`--redis-url=redis://127.0.0.1:${await freePort()}/10`, '--no-zipkin', '--no-metrics']);
    expect(await demo.exitCode).toBe(1);
    expect(demo.stderr).toContain('Cannot connect to Redis');
    expect(demo.stderr).toContain('docker compose up -d redis');
    expect(demo.stderr).toContain('redis-server');
    expect(demo.stdout).toBe('');
  });

  it('warns once and keeps working when Zipkin is unreachable', async () => {
    const demo = startDemo([`--redis-url=redis://127.0.0.1:${redis.port}/11`, `--zipkin-url=http://127.0.0.1:${await freePort()}/api/v2/spans`, '--no-metrics']);
    demo.type('zipkin is down\nzipkin is down\n');
    demo.endInput();
    expect(await demo.exitCode).toBe(0);
    expect(demo.stdout).toContain(`${CACHE_MISS_MESSAGE}\n> ZIPKIN IS DOWN\n`);
    expect(demo.stdout).toContain(`${CACHE_HIT_MESSAGE}\n> ZIPKIN IS DOWN\n`);
    const warnings = demo.stderr.split('\n').filter((line) => /warning|error/i.test(line));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/Zipkin is not reachable/);
  });

  it('warns once and keeps working when Zipkin goes away during the session', async () => {
    const doomed = await startZipkinReceiver();
    const demo = startDemo([`--redis-url=redis://127.0.0.1:${redis.port}/13`, `--zipkin-url=${doomed.url}`, '--no-metrics']);
    demo.type('before\n');
    await demo.waitForStdout((out) => out.includes('> BEFORE'));
    await doomed.stop();
    demo.type('after\n');
    demo.endInput();
    expect(await demo.exitCode).toBe(0);
    expect(demo.stdout).toContain('> AFTER\n');
    const warnings = demo.stderr.split('\n').filter((line) => /warning|error/i.test(line));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^warning: telemetry: /);
  });

  it('on Ctrl-C (SIGINT) flushes the spans and exits 0', async () => {
    const demo = startDemo([
      `--redis-url=redis://127.0.0.1:${redis.port}/12`,
      `--zipkin-url=${zipkin.url}`,
      '--no-metrics',
      '--service-name=ocredis-sigint',
    ]);
    demo.type('interrupted search\n');
    await demo.waitForStdout((out) => out.includes('> INTERRUPTED SEARCH'));
    demo.signal('SIGINT');
    expect(await demo.exitCode).toBe(0);
    const names = zipkin.spans.filter((s) => s.localEndpoint?.serviceName === 'ocredis-sigint').map((s) => s.name);
    expect(names.sort()).toEqual(['GET', 'SET', 'Search']);
    expect(zipkin.validationErrors).toEqual([]);
  });
});

/** prom.yaml's scrape job, aimed at `target` and scraping every second to keep the test short. */
function scrapeConfigFromPromYaml(target: string): Record<string, unknown> {
  const config = parse(readFileSync(join(root, 'prom.yaml'), 'utf8')) as { scrape_configs: Array<Record<string, unknown>> };
  return {
    global: { scrape_interval: '1s', evaluation_interval: '1s' },
    scrape_configs: config.scrape_configs.map((job) => ({ ...job, scrape_interval: '1s', static_configs: [{ targets: [target] }] })),
  };
}

function hasFiniteValue(samples: PromSample[]): boolean {
  return samples.some((sample) => Number.isFinite(Number(sample.value[1])));
}

function count(text: string, needle: string): number {
  return text.split(needle).length - 1;
}
