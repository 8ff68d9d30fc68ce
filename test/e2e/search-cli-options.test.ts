// The demo's flags and environment variables: flags win over the environment, the environment over the
// defaults (which match docker-compose.yml and prom.yaml), and bad values are refused with a message.
import { describe, expect, it } from 'vitest';
import { parseCommandLine, type DemoOptions } from '../../examples/search-cli/options.js';

function run(argv: string[], env: NodeJS.ProcessEnv = {}): DemoOptions {
  const parsed = parseCommandLine(argv, env);
  if (parsed.kind !== 'run') throw new Error(`expected options, got ${JSON.stringify(parsed)}`);
  return parsed.options;
}

describe('search demo options', () => {
  it('defaults to the docker-compose stack: Redis db 10, Zipkin on 9411, metrics on 0.0.0.0:9464', () => {
    expect(run([])).toEqual({
      redisUrl: 'redis://localhost:6379/10',
      zipkinUrl: 'http://localhost:9411/api/v2/spans',
      metrics: { host: '0.0.0.0', port: 9464 },
      serviceName: 'ocredis-search',
    });
  });

  it('takes every address and port from the environment', () => {
    const env = {
      REDIS_URL: 'redis://cache:6380/3',
      OTEL_EXPORTER_ZIPKIN_ENDPOINT: 'http://zipkin:9411/api/v2/spans',
      OTEL_EXPORTER_PROMETHEUS_HOST: '127.0.0.1',
      OTEL_EXPORTER_PROMETHEUS_PORT: '9999',
      OTEL_SERVICE_NAME: 'mine',
    };
    expect(run([], env)).toEqual({
      redisUrl: 'redis://cache:6380/3',
      zipkinUrl: 'http://zipkin:9411/api/v2/spans',
      metrics: { host: '127.0.0.1', port: 9999 },
      serviceName: 'mine',
    });
  });

  it('lets flags win over the environment', () => {
    const env = { REDIS_URL: 'redis://env:1/1', OTEL_EXPORTER_PROMETHEUS_PORT: '1111' };
    const options = run(['--redis-url', 'redis://flag:2/2', '--metrics-port=2222', '--metrics-host', '::'], env);
    expect(options.redisUrl).toBe('redis://flag:2/2');
    expect(options.metrics).toEqual({ host: '::', port: 2222 });
  });

  it('turns traces or metrics off', () => {
    const options = run(['--no-zipkin', '--no-metrics']);
    expect(options.zipkinUrl).toBeUndefined();
    expect(options.metrics).toBeUndefined();
  });

  it('asks for help', () => {
    expect(parseCommandLine(['-h'], {})).toEqual({ kind: 'help' });
    expect(parseCommandLine(['--help', '--bogus'], {}).kind).toBe('error');
  });

  it.each([
    [['--metrics-port', '0'], /metrics-port/],
    [['--metrics-port', '70000'], /metrics-port/],
    [['--metrics-port', 'http'], /metrics-port/],
    [['--redis-url', 'localhost:6379'], /redis-url/],
    [['--zipkin-url', 'localhost:9411'], /zipkin-url/],
    [['--bogus'], /bogus/],
    [['stray'], /stray/],
  ])('refuses %j', (argv, message) => {
    const parsed = parseCommandLine(argv, {});
    expect(parsed.kind).toBe('error');
    expect(parsed.kind === 'error' ? parsed.message : '').toMatch(message);
  });
});
