// Waits and re-sends the client handles itself are span events on the caller's span, not failures: a command
// answered -LOADING by a real server loading its dataset (DEBUG RELOAD, slowed down with key-load-delay), and
// a read re-sent after its connection was lost while it waited for the reply. (Cluster MOVED / ASK / TRYAGAIN
// are in otel-cluster.test.ts.)
import { SpanStatusCode, type Span } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-node';
import { beforeEach, expect, it, vi } from 'vitest';
import { OcRedis } from '../../src/index.js';
import { counterTotal } from '../helpers/otel.js';
import { useOtelServer } from '../helpers/otel-server.js';
import { probe } from '../helpers/server-probe.js';
import { startForwarder } from '../helpers/tcp-forwarder.js';

// Loading yields to clients every 1 KiB read, so it answers -LOADING while it runs.
const env = useOtelServer({ config: { 'loading-process-events-interval-bytes': '1024' } });

beforeEach(() => env.otel.reset());

const eventsOf = (span: ReadableSpan, name: string) => span.events.filter((event) => event.name === name).map((event) => event.attributes);

it('a command answered -LOADING waits and is sent again: retry events (reason LOADING), status not ERROR', async () => {
  const { server } = env;
  await server.cli('DEBUG', 'POPULATE', '20000', 'loading');
  await server.cli('RPUSH', 'loading:list', 'job'); // BLPOP answers at once when loading ends
  // 10 ms per key: loading lasts until the test lowers the delay, so the commands cannot miss it.
  await server.cli('CONFIG', 'SET', 'key-load-delay', '10000');
  const started = new Map<string, Span>();
  const o = new OcRedis({ port: server.port, telemetry: { requestHook: (span, info) => void started.set(info.command, span) } });
  await o.ping();
  const reloaded = server.cli('DEBUG', 'RELOAD');
  try {
    await vi.waitFor(async () => expect(await probe({ port: server.port }, 5_000)).toBe('loading'), { timeout: 10_000, interval: 20 });
    // A command on the client's connection, and a blocking one on a connection of its pool.
    const replies = Promise.all([o.get('loading:1'), o.blpop('loading:list', 30)]);
    // Once the server has refused each at least once, let loading finish.
    const refused = (command: string) => ((started.get(command) as unknown as ReadableSpan | undefined)?.events.length ?? 0) > 0;
    await vi.waitFor(() => expect(refused('GET') && refused('BLPOP')).toBe(true), { timeout: 10_000, interval: 20 });
    await server.cli('CONFIG', 'SET', 'key-load-delay', '0');
    expect(await replies).toEqual(['value:1', { key: 'loading:list', element: 'job' }]);
  } finally {
    await server.cli('CONFIG', 'SET', 'key-load-delay', '0');
    await reloaded;
  }
  for (const name of ['GET', 'BLPOP']) {
    const [span] = env.otel.spans().filter((s) => s.name === name);
    expect(span, name).toBeDefined();
    expect(span!.status.code).toBe(SpanStatusCode.UNSET);
    expect(span!.attributes['error.type']).toBeUndefined();
    expect(eventsOf(span!, 'exception')).toEqual([]);
    const retries = eventsOf(span!, 'retry');
    expect(retries.length).toBeGreaterThanOrEqual(1);
    expect(retries[0]).toEqual({ reason: 'LOADING', attempt: 1, delay: 100 });
  }
  const data = await env.otel.collect();
  expect(counterTotal(data, 'redis/calls', { method: 'get', status: 'OK' })).toBe(1);
  expect(counterTotal(data, 'redis/calls', { method: 'blpop', status: 'OK' })).toBe(1);
  expect(counterTotal(data, 'redis/calls', { status: 'ERROR' })).toBe(0);
  await o.quit();
});

it('a read whose connection is lost before its reply is re-sent after the reconnect: a retry event, status not ERROR', async () => {
  const forwarder = await startForwarder(env.server.port);
  try {
    const o = new OcRedis({ port: forwarder.port });
    await o.set('resent', 'v');
    forwarder.holdReplies();
    const reply = o.get('resent');
    await vi.waitFor(() => expect(o.connection.inflightCount).toBe(1)); // written; its reply is held
    forwarder.dropConnections();
    expect(await reply).toBe('v');
    const [span] = env.otel.spans().filter((s) => s.attributes['db.query.text'] === 'GET resent');
    expect(span!.status.code).toBe(SpanStatusCode.UNSET);
    expect(eventsOf(span!, 'retry')).toEqual([{ reason: 'ECONNCLOSED', attempt: 1, delay: 0 }]);
    expect(eventsOf(span!, 'exception')).toEqual([]);
    await o.quit();
  } finally {
    await forwarder.close();
  }
});
