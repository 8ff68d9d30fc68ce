// monitor(): MONITOR on its own connection, read as an async iterator of parsed events.
import { describe, expect, it } from 'vitest';
import { Monitor, Redis, type MonitorEvent } from '../../src/index.js';
import { parseMonitorLine } from '../../src/client/monitor.js';
import { useSharedServer } from '../helpers/shared-server.js';

const shared = useSharedServer();

async function take(monitor: Monitor, count: number): Promise<MonitorEvent[]> {
  const events: MonitorEvent[] = [];
  for await (const event of monitor) {
    events.push(event);
    if (events.length === count) break;
  }
  return events;
}

async function clientCount(): Promise<number> {
  const list = (await shared.r.call('CLIENT', 'LIST')) as string;
  return list.trim().split('\n').length;
}

describe('monitor()', () => {
  it('reports every command with time, db, source and arguments, on a connection of its own', async () => {
    const { r } = shared;
    const before = await clientCount();
    const monitor = await r.monitor();
    expect(monitor).toBeInstanceOf(Monitor);
    expect(await clientCount()).toBe(before + 1);
    await r.set('mon:k', 'a "quoted" value\nwith €');
    await r.get('mon:k');
    const started = Date.now() / 1000;
    const events = await take(monitor, 2);
    // Command names go out in lower case, as ioredis writes them.
    expect(events.map((e) => e.args)).toEqual([
      ['set', 'mon:k', 'a "quoted" value\nwith €'],
      ['get', 'mon:k'],
    ]);
    for (const event of events) {
      expect(event.db).toBe(0);
      expect(event.source).toMatch(/^127\.0\.0\.1:\d+$/);
      expect(Math.abs(event.time - started)).toBeLessThan(60);
    }
    // Leaving the loop closed the connection.
    await expect.poll(clientCount).toBe(before);
    // The shared connection still works (MONITOR never touched it).
    expect(await r.get('mon:k')).toBe('a "quoted" value\nwith €');
  });

  it('close() ends a loop that is waiting, and closes the connection', async () => {
    const before = await clientCount();
    const monitor = await shared.r.monitor();
    const loop = take(monitor, 100);
    await monitor.close();
    expect(await loop).toEqual([]);
    await expect.poll(clientCount).toBe(before);
  });

  it('reports commands of Lua scripts with source "lua"', async () => {
    const monitor = await shared.r.monitor();
    await shared.r.call('EVAL', "return redis.call('PING')", 0);
    const [evalEvent, ping] = await take(monitor, 2);
    expect(evalEvent!.args[0]!.toLowerCase()).toBe('eval');
    expect(ping).toMatchObject({ source: 'lua', args: [expect.stringMatching(/^ping$/i)] });
  });

  it('works on RESP2 too, and MONITORs again after its connection was killed', async () => {
    const r2 = shared.r.duplicate({ protocol: 2 });
    const monitor = await r2.monitor();
    try {
      const monitorId = async (): Promise<string | undefined> =>
        /(?:^|\n)id=(\d+) [^\n]*cmd=monitor/.exec((await shared.r.call('CLIENT', 'LIST')) as string)?.[1];
      const first = await monitorId();
      expect(first).toBeDefined();
      await shared.r.call('CLIENT', 'KILL', 'ID', first as string);
      // Back on a new connection, with MONITOR sent again (CLIENT LIST shows it as the last command).
      await expect.poll(async () => { const id = await monitorId(); return id !== undefined && id !== first; }).toBe(true);
      await shared.r.set('mon:after', '1');
      const [event] = await take(monitor, 1);
      expect(event!.args).toEqual([expect.stringMatching(/^set$/i), 'mon:after', '1']);
    } finally {
      await monitor.close();
      r2.disconnect();
    }
  });

  it('rejects with the server refusal when the user may not MONITOR (NOPERM), instead of waiting', async () => {
    await shared.r.call('ACL', 'SETUSER', 'nomonitor', 'reset', '+ping', '>secret', 'on');
    const limited = new Redis({ port: shared.server.port, username: 'nomonitor', password: 'secret' });
    try {
      await expect(limited.monitor()).rejects.toMatchObject({ code: 'NOPERM' });
    } finally {
      limited.disconnect();
      await shared.r.call('ACL', 'DELUSER', 'nomonitor');
    }
  });

  it('call("MONITOR") stays refused on the shared connection', async () => {
    await expect(shared.r.call('MONITOR')).rejects.toThrow(/monitor/i);
  });
});

describe('parseMonitorLine', () => {
  it('reads the server quoting: escapes, \\xHH bytes (UTF-8), unix sockets, other databases', () => {
    expect(parseMonitorLine('1700000000.123456 [3 unix:/tmp/r.sock] "SET" "a\\\\b" "\\xe2\\x82\\xac\\t\\"x\\""')).toEqual({
      time: 1700000000.123456,
      db: 3,
      source: 'unix:/tmp/r.sock',
      args: ['SET', 'a\\b', '€\t"x"'],
    });
  });

  it('refuses other shapes', () => {
    for (const line of ['OK', '1700000000.1 [0 lua] "unterminated', '1700000000.1 [0 lua] "bad \\q escape"', '1700000000.1 [0 lua]"no space"']) {
      expect(parseMonitorLine(line), line).toBeUndefined();
    }
  });
});
