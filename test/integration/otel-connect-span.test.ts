// telemetry.traceConnections: a root CONNECT span for each handshake (first connect, every reconnect), with its
// outcome, never the password.
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { beforeEach, expect, it, vi } from 'vitest';
import { OcRedis } from '../../src/index.js';
import { spanStrings } from '../helpers/otel.js';
import { useOtelServer } from '../helpers/otel-server.js';

const PASSWORD = 'Pw-connect-7e8f9a-SECRET';
const env = useOtelServer({ password: PASSWORD });

beforeEach(() => env.otel.reset());

const connects = () => env.otel.spans().filter((s) => s.name === 'CONNECT');

it('one CONNECT span per handshake, a reconnect included', async () => {
  const o = new OcRedis({ port: env.server.port, password: PASSWORD, db: 3, telemetry: { traceConnections: true } });
  await o.ping();
  const reconnected = new Promise((resolve) => o.once('ready', resolve));
  await o.call('CLIENT', 'KILL', 'SKIPME', 'no', 'ID', String(await o.call('CLIENT', 'ID')));
  await reconnected;
  await o.quit();
  const spans = connects();
  expect(spans).toHaveLength(2);
  for (const span of spans) {
    expect(span.kind).toBe(SpanKind.CLIENT);
    expect(span.parentSpanContext?.spanId).toBeUndefined();
    expect(span.status.code).toBe(SpanStatusCode.UNSET);
    expect(span.attributes).toMatchObject({ 'db.system.name': 'redis', 'db.operation.name': 'CONNECT', 'db.namespace': '3', 'server.port': env.server.port });
  }
  expect(spanStrings(env.otel.spans()).join('\n')).not.toContain(PASSWORD);
});

it('a refused handshake is an ERROR span with the error code only', async () => {
  const wrong = 'Pw-wrong-0b1c2d-SECRET';
  const o = new OcRedis({ port: env.server.port, password: wrong, lazyConnect: true, telemetry: { traceConnections: true } });
  await o.connect().catch(() => undefined);
  await vi.waitFor(() => expect(connects().length).toBeGreaterThanOrEqual(1));
  // A further attempt may be under way: its span ends with the connection, before the next test starts.
  const ended = new Promise((resolve) => o.once('end', resolve));
  o.disconnect();
  await ended;
  const span = connects()[0];
  expect(span?.status).toEqual({ code: SpanStatusCode.ERROR });
  expect(span?.attributes['error.type']).toBe('WRONGPASS');
  expect(spanStrings(env.otel.spans()).join('\n')).not.toContain(wrong);
});

it('off by default', async () => {
  const o = new OcRedis({ port: env.server.port, password: PASSWORD });
  await o.ping();
  await o.quit();
  expect(env.otel.spans().map((s) => s.name)).toEqual(['PING']);
});
