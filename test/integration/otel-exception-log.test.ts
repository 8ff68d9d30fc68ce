// The db.client.operation.exception log record: one per failed call, severity WARN, the error's type (message and
// stack only with redact 'none', never for secret-bearing commands), the call's bounded attributes, in the
// call span's context. Through telemetry.loggerProvider or the global LoggerProvider of @opentelemetry/api-logs;
// the span's exception event stays.
import { SpanStatusCode } from '@opentelemetry/api';
import { logs } from '@opentelemetry/api-logs';
import { InMemoryLogRecordExporter, LoggerProvider, SimpleLogRecordProcessor } from '@opentelemetry/sdk-logs';
import { afterAll, beforeEach, expect, it } from 'vitest';
import { OcRedis } from '../../src/index.js';
import { useOtelServer } from '../helpers/otel-server.js';

const env = useOtelServer();
const exporter = new InMemoryLogRecordExporter();
const loggerProvider = new LoggerProvider({ processors: [new SimpleLogRecordProcessor({ exporter })] });

beforeEach(async () => {
  exporter.reset();
  await env.otel.reset();
});

afterAll(async () => {
  await loggerProvider.shutdown();
});

it('a failed call emits one WARN record with the error type and the call attributes, in its span context', async () => {
  const o = new OcRedis({ port: env.server.port, db: 4, telemetry: { loggerProvider } });
  await o.hset('exc:h', 'f', 'v');
  await expect(o.incr('exc:h')).rejects.toThrow(/WRONGTYPE/);
  const records = exporter.getFinishedLogRecords();
  expect(records).toHaveLength(1);
  const [record] = records;
  expect(record!.eventName).toBe('db.client.operation.exception');
  expect([record!.severityNumber, record!.severityText]).toEqual([13, 'WARN']);
  expect(record!.instrumentationScope.name).toBe('ocredis');
  expect(record!.attributes).toEqual({
    'exception.type': 'ReplyError',
    'error.type': 'WRONGTYPE',
    'db.response.status_code': 'WRONGTYPE',
    'db.system.name': 'redis',
    'db.operation.name': 'INCR',
    'db.namespace': '4',
    'server.address': '127.0.0.1',
    'server.port': env.server.port,
  });
  const [span] = env.otel.spans().filter((s) => s.name === 'INCR');
  expect(record!.spanContext?.spanId).toBe(span!.spanContext().spanId);
  expect(record!.spanContext?.traceId).toBe(span!.spanContext().traceId);
  // The span keeps its own exception event (trace backends such as Zipkin show it).
  expect(span!.status.code).toBe(SpanStatusCode.ERROR);
  expect(span!.events.map((event) => event.name)).toEqual(['exception']);
  await o.quit();
});

it("the message and stack with redact 'none', never for a secret-bearing command", async () => {
  const secret = 'Pw-exception-log-5d6e-SECRET';
  const o = new OcRedis({ port: env.server.port, telemetry: { loggerProvider, redact: 'none' } });
  await expect(o.call('NOSUCHCOMMAND', 'x')).rejects.toThrow();
  await expect(o.call('AUTH', 'nobody', secret)).rejects.toThrow();
  const [unknown, auth] = exporter.getFinishedLogRecords();
  expect(unknown!.attributes['exception.message']).toMatch(/unknown command/);
  expect(unknown!.attributes['exception.stacktrace']).toEqual(expect.any(String));
  expect(auth!.attributes['error.type']).toBe('WRONGPASS');
  expect(auth!.attributes['exception.message']).toBeUndefined();
  expect(JSON.stringify(exporter.getFinishedLogRecords().map((r) => r.attributes))).not.toContain(secret);
  await o.quit();
});

it('through the global LoggerProvider of @opentelemetry/api-logs, when one is registered', async () => {
  const o = new OcRedis({ port: env.server.port });
  await o.set('exc:s', 'x');
  await o.hget('exc:s', 'f').catch(() => undefined); // no provider registered yet: nothing
  expect(exporter.getFinishedLogRecords()).toEqual([]);
  logs.setGlobalLoggerProvider(loggerProvider);
  try {
    await o.hget('exc:s', 'f').catch(() => undefined);
  } finally {
    logs.disable();
  }
  expect(exporter.getFinishedLogRecords().map((r) => r.attributes['db.operation.name'])).toEqual(['HGET']);
  await o.quit();
});
