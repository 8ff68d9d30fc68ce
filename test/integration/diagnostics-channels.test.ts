// The client core publishes node:diagnostics_channel TracingChannel events: ocredis:command, ocredis:batch and
// ocredis:connect, with sanitized arguments only, the endpoint, the batch size and the error.
import { tracingChannel, type TracingChannelSubscribers } from 'node:diagnostics_channel';
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest';
import { Redis, ReplyError, type BatchMessage, type CommandMessage, type ConnectMessage } from '../../src/index.js';
import { startRedisServer, type RedisServerHandle } from '../helpers/redis-server.js';

const PASSWORD = 'Pw-diag-1a2b3c-SECRET';

type Seen = [event: string, message: object];

function listen(name: string): { seen: Seen[]; stop(): void } {
  const channel = tracingChannel<object>(name);
  const seen: Seen[] = [];
  const handlers: TracingChannelSubscribers<object> = {
    start: (m) => seen.push(['start', { ...m }]),
    end: (m) => seen.push(['end', { ...m }]),
    asyncStart: (m) => seen.push(['asyncStart', { ...m }]),
    asyncEnd: (m) => seen.push(['asyncEnd', { ...m }]),
    error: (m) => seen.push(['error', { ...m }]),
  };
  channel.subscribe(handlers);
  return { seen, stop: () => channel.unsubscribe(handlers) };
}

let server: RedisServerHandle;
const stops: (() => void)[] = [];

beforeAll(async () => {
  server = await startRedisServer({ password: PASSWORD });
});

afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

afterAll(async () => {
  await server?.stop();
});

function subscribe(name: string): Seen[] {
  const { seen, stop } = listen(name);
  stops.push(stop);
  return seen;
}

it('ocredis:command: start / end / asyncStart / asyncEnd with sanitized args and the endpoint; error on failure', async () => {
  const seen = subscribe('ocredis:command');
  const r = new Redis({ port: server.port, password: PASSWORD, db: 2 });
  await r.set('user:1', 'value-SECRET');
  await r.hset('h', 'f', 'v');
  await r.incr('h').catch(() => undefined);
  await r.call('CONFIG', 'SET', 'requirepass', PASSWORD);
  await r.quit();
  const events = seen.filter(([, m]) => (m as CommandMessage).command === 'SET');
  expect(events.map(([event]) => event)).toEqual(['start', 'end', 'asyncStart', 'asyncEnd']);
  expect(events[0]?.[1]).toEqual({ command: 'SET', args: ['user:1', '?'], database: 2, serverAddress: '127.0.0.1', serverPort: server.port });
  expect((events[3]?.[1] as CommandMessage).result).toBe('OK');
  const failed = seen.filter(([, m]) => (m as CommandMessage).command === 'INCR');
  expect(failed.map(([event]) => event)).toEqual(['start', 'end', 'error', 'asyncStart', 'asyncEnd']);
  expect((failed[2]?.[1] as CommandMessage).error).toBeInstanceOf(ReplyError);
  const config = seen.find(([, m]) => (m as CommandMessage).command === 'CONFIG')?.[1] as CommandMessage;
  expect(config.args).toEqual(['SET', '?', '?']);
  expect(JSON.stringify(seen.map(([, m]) => ({ ...m, result: undefined })))).not.toContain('SECRET');
});

it('ocredis:batch: one exec with its mode, size and sanitized commands', async () => {
  const seen = subscribe('ocredis:batch');
  const r = new Redis({ port: server.port, password: PASSWORD });
  const p = r.pipeline();
  p.set('a', 'value-SECRET');
  p.get('a');
  await p.exec();
  const m = r.multi();
  m.incr('n');
  await m.exec();
  await r.pipeline().exec(); // sends nothing, publishes nothing
  await r.quit();
  expect(seen.map(([event]) => event)).toEqual(['start', 'end', 'asyncStart', 'asyncEnd', 'start', 'end', 'asyncStart', 'asyncEnd']);
  expect(seen[0]?.[1]).toMatchObject({
    batchMode: 'PIPELINE',
    batchSize: 2,
    commands: [
      { command: 'SET', args: ['a', '?'] },
      { command: 'GET', args: ['a'] },
    ],
    serverPort: server.port,
  });
  expect(seen[4]?.[1]).toMatchObject({ batchMode: 'MULTI', batchSize: 1 });
  expect((seen[7]?.[1] as BatchMessage).result).toEqual([1]);
});

it('ocredis:connect: each attempt, its outcome, never the password', async () => {
  const seen = subscribe('ocredis:connect');
  const r = new Redis({ port: server.port, password: PASSWORD });
  await r.ping();
  const reconnected = new Promise((resolve) => r.once('ready', resolve));
  await r.call('CLIENT', 'KILL', 'SKIPME', 'no', 'TYPE', 'normal');
  await reconnected;
  await r.quit();
  const bad = new Redis({ port: server.port, password: 'Pw-wrong-SECRET', lazyConnect: true });
  await bad.connect().catch(() => undefined);
  // The refused handshake closes the socket; the attempt settles when it has closed.
  await vi.waitFor(() => expect(seen[12]?.[0]).toBe('asyncEnd'));
  bad.disconnect();
  // (The refused client may have started further attempts by now: only the first three are compared.)
  expect(seen.slice(0, 13).map(([event, m]) => [event, (m as ConnectMessage).reconnect])).toEqual([
    ['start', false], ['end', false], ['asyncStart', false], ['asyncEnd', false],
    ['start', true], ['end', true], ['asyncStart', true], ['asyncEnd', true],
    ['start', false], ['end', false], ['error', false], ['asyncStart', false], ['asyncEnd', false],
  ]);
  expect(seen[3]?.[1]).toMatchObject({ serverAddress: '127.0.0.1', serverPort: server.port, database: 0, protocol: 3, result: 'ready' });
  expect((seen[10]?.[1] as ConnectMessage).error).toBeInstanceOf(ReplyError);
  expect(JSON.stringify(seen)).not.toContain('SECRET');
});
