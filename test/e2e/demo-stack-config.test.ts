// The demo stack's configuration files parse and agree with each other and with the demo's defaults:
// docker-compose.yml, prom.yaml, the Grafana provisioning and dashboard. No Docker engine is needed;
// promtool and prometheus validate what they can when installed.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  DEFAULT_METRICS_HOST,
  DEFAULT_METRICS_PORT,
  DEFAULT_REDIS_URL,
  DEFAULT_ZIPKIN_URL,
  METRICS_PREFIX,
} from '../../examples/search-cli/options.js';
import { findExecutable, prometheusBinary, promqlQueriesInMarkdown, startPrometheus, type PrometheusHandle } from '../helpers/prometheus.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (path: string): string => readFileSync(join(root, path), 'utf8');

interface ComposeService {
  image: string;
  ports?: string[];
  volumes?: string[];
  extra_hosts?: string[];
  environment?: Record<string, string>;
  healthcheck?: { test: string[] | string };
}
const compose = parse(read('docker-compose.yml')) as { services: Record<string, ComposeService> };
const service = (name: string): ComposeService => {
  const found = compose.services[name];
  if (!found) throw new Error(`docker-compose.yml has no service ${name}`);
  return found;
};
/** Maps "127.0.0.1:9411:9411" / "9411:9411" to [hostPort, containerPort]. */
const publishedPorts = (s: ComposeService): Array<[number, number]> =>
  (s.ports ?? []).map((spec) => {
    const parts = spec.split(':');
    return [Number(parts.at(-2)), Number(parts.at(-1))];
  });
/** Maps "./a:/b:ro" to { host: './a', container: '/b' }. */
const mounts = (s: ComposeService): Array<{ host: string; container: string }> =>
  (s.volumes ?? []).map((spec) => {
    const [host = '', container = ''] = spec.split(':');
    return { host, container };
  });

const SERIES = [
  'ocredis_redis_latency_bucket',
  'ocredis_redis_calls_total',
  'ocredis_redis_key_lengths_bucket',
  'ocredis_redis_value_lengths_bucket',
  'ocredis_db_client_connection_count',
  'ocredis_db_client_connection_pending_requests',
  'ocredis_redis_offline_queue',
  'ocredis_redis_reconnects_total',
  'ocredis_db_client_connection_create_time_bucket',
  'ocredis_db_client_connection_wait_time_bucket',
];

describe('docker-compose.yml', () => {
  it('runs redis, zipkin, prometheus and grafana from pinned images, each with a healthcheck', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['grafana', 'prometheus', 'redis', 'zipkin']);
    for (const [name, s] of Object.entries(compose.services)) {
      // A tag with a version number: never untagged, never :latest.
      expect(s.image, name).toMatch(/^[a-z0-9./-]+:v?\d+(\.\d+)+[\w.-]*$/);
      const test = s.healthcheck?.test;
      expect(Array.isArray(test) ? test.length : (test ?? '').length, `${name} healthcheck`).toBeGreaterThan(0);
    }
    expect(service('zipkin').image).toMatch(/^openzipkin\/zipkin:/);
    expect(service('prometheus').image).toMatch(/^prom\/prometheus:/);
    expect(service('grafana').image).toMatch(/^grafana\/grafana:/);
  });

  it('publishes the ports the demo uses by default', () => {
    const redis = new URL(DEFAULT_REDIS_URL);
    const zipkin = new URL(DEFAULT_ZIPKIN_URL);
    expect(publishedPorts(service('redis'))).toContainEqual([Number(redis.port), 6379]);
    expect(publishedPorts(service('zipkin'))).toContainEqual([Number(zipkin.port), 9411]);
    expect(publishedPorts(service('prometheus'))).toContainEqual([9090, 9090]);
    expect(publishedPorts(service('grafana'))).toContainEqual([3000, 3000]);
  });

  it('mounts prom.yaml as the Prometheus config and lets Prometheus reach the host', () => {
    const prometheus = service('prometheus');
    expect(mounts(prometheus)).toContainEqual({ host: './prom.yaml', container: '/etc/prometheus/prometheus.yml' });
    expect(prometheus.extra_hosts).toContain('host.docker.internal:host-gateway');
  });

  it('mounts only files that exist in the repository', () => {
    for (const [name, s] of Object.entries(compose.services)) {
      for (const { host } of mounts(s)) expect(existsSync(join(root, host)), `${name}: ${host}`).toBe(true);
    }
  });

  it("makes the provisioned dashboard Grafana's home page", () => {
    const grafana = service('grafana');
    const home = grafana.environment?.GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH ?? '';
    const mount = mounts(grafana).find(({ container }) => home.startsWith(`${container}/`));
    expect(mount, home).toBeDefined();
    expect(existsSync(join(root, mount?.host ?? '', posix.relative(mount?.container ?? '', home)))).toBe(true);
  });
});

describe('prom.yaml', () => {
  const config = parse(read('prom.yaml')) as {
    scrape_configs: Array<{ job_name: string; scrape_interval?: string; metrics_path?: string; static_configs: Array<{ targets: string[] }> }>;
  };

  it("scrapes the demo's exporter on the Docker host every 5 s", () => {
    expect(config.scrape_configs).toHaveLength(1);
    const [job] = config.scrape_configs;
    expect(job?.scrape_interval).toBe('5s');
    expect(job?.metrics_path ?? '/metrics').toBe('/metrics');
    expect(job?.static_configs.flatMap((c) => c.targets)).toEqual([`host.docker.internal:${DEFAULT_METRICS_PORT}`]);
    // Reachable from a container only if the exporter listens on every interface.
    expect(DEFAULT_METRICS_HOST).toBe('0.0.0.0');
    expect(METRICS_PREFIX).toBe('ocredis');
  });

  const promtool = findExecutable('promtool');
  it.skipIf(promtool === undefined)('passes promtool check config', async () => {
    const { stdout } = await promisify(execFile)(promtool ?? 'promtool', ['check', 'config', join(root, 'prom.yaml')]);
    expect(stdout).toContain('SUCCESS');
  });
});

describe('Grafana provisioning', () => {
  const datasources = parse(read('grafana/provisioning/datasources/datasources.yaml')) as {
    apiVersion: number;
    datasources: Array<{ name: string; uid: string; type: string; url: string }>;
  };
  const providers = parse(read('grafana/provisioning/dashboards/dashboards.yaml')) as {
    apiVersion: number;
    providers: Array<{ type: string; options: { path: string } }>;
  };
  const dashboard = JSON.parse(read('grafana/dashboards/ocredis.json')) as {
    uid: string;
    panels: Array<{ id: number; title: string; datasource?: { uid: string }; targets?: Array<{ expr: string; datasource?: { uid: string } }> }>;
  };
  const exprs = dashboard.panels.flatMap((p) => (p.targets ?? []).map((t) => t.expr));

  it('points the Prometheus and Zipkin datasources at the compose services', () => {
    expect(datasources.apiVersion).toBe(1);
    const byType = new Map(datasources.datasources.map((d) => [d.type, d]));
    expect(byType.get('prometheus')?.url).toBe('http://prometheus:9090');
    expect(byType.get('zipkin')?.url).toBe('http://zipkin:9411');
    expect(compose.services.prometheus).toBeDefined();
    expect(compose.services.zipkin).toBeDefined();
  });

  it('loads dashboards from where docker-compose.yml mounts grafana/dashboards', () => {
    expect(providers.apiVersion).toBe(1);
    const dashboardMount = mounts(service('grafana')).find(({ host }) => host === './grafana/dashboards');
    expect(providers.providers.map((p) => [p.type, p.options.path])).toEqual([['file', dashboardMount?.container]]);
  });

  it('has the dashboard panels the demo promises, on provisioned datasources and real series', () => {
    const titles = dashboard.panels.map((p) => p.title);
    expect(titles).toEqual([
      'Call rate by method',
      'Latency p50 / p95 / p99 by method',
      'Key length p95 by method',
      'Value length p95 by method',
      'Error rate by error',
      'Connections by state',
      'Pending requests and offline queue',
      'Reconnects',
      'Connection create and pool wait time p95',
    ]);
    expect(new Set(dashboard.panels.map((p) => p.id)).size).toBe(dashboard.panels.length);
    const uids = new Set(datasources.datasources.map((d) => d.uid));
    for (const panel of dashboard.panels) {
      expect(uids.has(panel.datasource?.uid ?? ''), panel.title).toBe(true);
      for (const target of panel.targets ?? []) expect(uids.has(target.datasource?.uid ?? ''), panel.title).toBe(true);
    }
    for (const expr of exprs) expect(SERIES.some((series) => expr.includes(series)), expr).toBe(true);
    const latency = dashboard.panels[1]?.targets?.map((t) => t.expr) ?? [];
    expect(latency.map((e) => /histogram_quantile\(([\d.]+),/.exec(e)?.[1])).toEqual(['0.5', '0.95', '0.99']);
    expect(dashboard.panels[4]?.targets?.[0]?.expr).toMatch(/status="ERROR".*by \(.*error|by \(.*error.*status="ERROR"/);
  });

  describe.skipIf(prometheusBinary() === undefined)('against a real Prometheus', () => {
    let prometheus: PrometheusHandle;
    beforeAll(async () => {
      prometheus = await startPrometheus({ global: { scrape_interval: '5s' }, scrape_configs: [] });
    });
    afterAll(() => prometheus?.stop());

    it('every dashboard query and every README query is valid PromQL', async () => {
      const readmeQueries = promqlQueriesInMarkdown(read('README.md'));
      expect(readmeQueries.length).toBeGreaterThanOrEqual(4);
      // Grafana substitutes $__rate_interval; any range does for a syntax check.
      for (const query of [...exprs.map((e) => e.replaceAll('$__rate_interval', '1m')), ...readmeQueries]) {
        await expect(prometheus.query(query), query).resolves.toBeInstanceOf(Array);
      }
    });
  });
});
