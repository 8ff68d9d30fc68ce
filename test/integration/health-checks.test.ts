// Health checks and error-driven reconnects: pingInterval, socketTimeout, reconnectOnError (across a real
// failover behind a TCP forwarder), ref()/unref(), and CLIENT SETINFO in the handshake.
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArgumentError, Redis, ReplyError } from '../../src/index.js';
import { PACKAGE_VERSION } from '../../src/version.js';
import { startRedisServer, type RedisServerHandle } from '../helpers/redis-server.js';
import { startForwarder } from '../helpers/tcp-forwarder.js';
import { waitFor } from '../helpers/wait-for.js';

let server: RedisServerHandle;

beforeAll(async () => {
  server = await startRedisServer();
});

afterAll(async () => {
  await server?.stop();
});


async function pingCalls(on: RedisServerHandle): Promise<number> {
  const stats = await on.cli('INFO', 'commandstats');
  return Number(/cmdstat_ping:calls=(\d+)/.exec(stats)?.[1] ?? 0);
}

/** Server version as [major, minor]. */
function versionOf(r: Redis): [number, number] {
  const [major = 0, minor = 0] = (r.serverInfo.version ?? '0.0').split('.').map(Number);
  return [major, minor];
}

describe('options', () => {
  it('validates the new options', () => {
    expect(() => new Redis({ pingInterval: -1, lazyConnect: true })).toThrow(ArgumentError);
    expect(() => new Redis({ socketTimeout: Number.NaN, lazyConnect: true })).toThrow(ArgumentError);
    expect(() => new Redis({ reconnectOnError: 2 as never, lazyConnect: true })).toThrow(ArgumentError);
    expect(() => new Redis({ clientInfo: 'no' as never, lazyConnect: true })).toThrow(ArgumentError);
    expect(() => new Redis({ disableClientInfo: true, lazyConnect: true } as never)).toThrow(/clientInfo: false/);
  });
});

describe('CLIENT SETINFO in the handshake', () => {
  it('announces lib-name and lib-ver where the server has SETINFO (7.2+), and connects all the same where it has not', async () => {
    const r = new Redis({ port: server.port });
    try {
      await r.connect();
      const info = String(await r.call('CLIENT', 'INFO'));
      const [major, minor] = versionOf(r);
      if (major > 7 || (major === 7 && minor >= 2)) {
        expect(info).toContain('lib-name=ocredis');
        expect(info).toContain(`lib-ver=${PACKAGE_VERSION}`);
      } else {
        expect(info).not.toContain('lib-name=ocredis'); // 7.0: no SETINFO, refused quietly
      }
      expect(await r.ping()).toBe('PONG');
    } finally {
      r.disconnect();
    }
  });

  it('clientInfo: false sends no SETINFO', async () => {
    const r = new Redis({ port: server.port, clientInfo: false });
    try {
      await r.connect();
      expect(String(await r.call('CLIENT', 'INFO'))).not.toContain('lib-name=ocredis');
    } finally {
      r.disconnect();
    }
  });
});

describe('pingInterval', () => {
  it('an idle connection sends PINGs', async () => {
    const own = await startRedisServer();
    const r = new Redis({ port: own.port, pingInterval: 30 });
    try {
      await r.connect();
      await waitFor(async () => (await pingCalls(own)) >= 3);
    } finally {
      r.disconnect();
      await own.stop();
    }
  });

  it('a PING the server does not answer resets the connection; it reconnects and works once the server answers again', async () => {
    const r = new Redis({ port: server.port, pingInterval: 50 });
    const errors: Error[] = [];
    r.on('error', (error: Error) => errors.push(error));
    let reconnects = 0;
    r.on('reconnecting', () => reconnects++);
    try {
      await r.connect();
      // The server stops answering every client (PING included) for a while.
      await server.cli('CLIENT', 'PAUSE', '3000', 'ALL'); // longer than PING_REPLY_FLOOR_MS
      await waitFor(() => reconnects > 0);
      expect(errors.some((error) => /PING got no reply/.test(error.message))).toBe(true);
      expect(await r.ping()).toBe('PONG'); // once the pause is over
    } finally {
      await server.cli('CLIENT', 'UNPAUSE');
      r.disconnect();
    }
  });
});

describe('socketTimeout', () => {
  it('a socket silent for socketTimeout is reset, and the client reconnects', async () => {
    const r = new Redis({ port: server.port, socketTimeout: 100 });
    const errors: Error[] = [];
    r.on('error', (error: Error) => errors.push(error));
    try {
      await r.connect();
      await new Promise<void>((resolve) => r.once('reconnecting', () => resolve()));
      expect(errors.some((error) => /socketTimeout/.test(error.message))).toBe(true);
      expect(await r.ping()).toBe('PONG');
    } finally {
      r.disconnect();
    }
  });

  it('pings shorter than socketTimeout keep an idle connection open', async () => {
    const own = await startRedisServer();
    // A ping goes out every one or two pingIntervals; socketTimeout leaves a wide margin for a loaded machine.
    const r = new Redis({ port: own.port, socketTimeout: 2_000, pingInterval: 10 });
    let reconnects = 0;
    r.on('reconnecting', () => reconnects++);
    try {
      await r.connect();
      const start = Date.now();
      await waitFor(async () => Date.now() - start > 2_500); // past socketTimeout
      expect(await pingCalls(own)).toBeGreaterThan(0);
      expect(reconnects).toBe(0);
    } finally {
      r.disconnect();
      await own.stop();
    }
  });

  it('does not cut a blocking command that waits longer than socketTimeout', async () => {
    const r = new Redis({ port: server.port, socketTimeout: 100 });
    r.on('error', () => undefined);
    try {
      await r.connect();
      expect(await r.blpop('socket-timeout:empty', 0.5)).toBeNull(); // the server's own timeout, not a reset
    } finally {
      r.disconnect();
    }
  });
});

describe('reconnectOnError across a failover behind a proxy', () => {
  let primary: RedisServerHandle;
  let replica: RedisServerHandle;

  beforeAll(async () => {
    primary = await startRedisServer();
    replica = await startRedisServer();
  });

  afterAll(async () => {
    await primary?.stop();
    await replica?.stop();
  });

  /** The replica takes over; the old primary follows it (and answers writes with READONLY). */
  async function failover(from: RedisServerHandle, to: RedisServerHandle): Promise<void> {
    await to.cli('REPLICAOF', 'NO', 'ONE');
    await from.cli('REPLICAOF', '127.0.0.1', String(to.port));
  }

  it('2: writes refused with READONLY reconnect (to the new primary) and are sent again; nothing is misrouted', async () => {
    const forwarder = await startForwarder(primary.port);
    const seen: string[] = [];
    const r = new Redis({
      port: forwarder.port,
      reconnectOnError: (error) => {
        seen.push(error.code);
        return error.code === 'READONLY' ? 2 : false;
      },
    });
    try {
      await r.connect();
      expect(await r.set('roe:before', '1')).toBe('OK');
      await failover(primary, replica);
      forwarder.target = replica.port;
      // A pipelined burst on the old connection: every write is refused, held, and sent again after reconnecting.
      const writes = await Promise.all([r.set('roe:a', 'A'), r.incr('roe:n'), r.get('roe:before'), r.set('roe:b', 'B')]);
      expect(writes).toEqual(['OK', 1, '1', 'OK']);
      expect(seen).toContain('READONLY');
      expect(await replica.cli('MGET', 'roe:a', 'roe:b', 'roe:n')).toBe('A\nB\n1');
    } finally {
      r.disconnect();
      await forwarder.close();
      await failover(replica, primary); // back to the first layout for the next test
      await waitFor(async () => /master_link_status:up/.test(await replica.cli('INFO', 'replication')));
    }
  });

  it('2: the reconnect also happens when the last reply owed belongs to a cancelled command', async () => {
    const forwarder = await startForwarder(primary.port);
    const r = new Redis({ port: forwarder.port, reconnectOnError: (error) => error.code === 'READONLY' && 2 });
    try {
      await r.connect();
      await failover(primary, replica);
      forwarder.target = replica.port;
      const controller = new AbortController();
      const write = r.set('roe:placeholder', 'P'); // READONLY first: the drain starts
      const slow = r.withOptions({ signal: controller.signal }).call('DEBUG', 'SLEEP', '0.2'); // its reply comes last
      await new Promise((resolve) => setImmediate(resolve));
      controller.abort();
      await expect(slow).rejects.toMatchObject({ name: 'AbortError', sent: true });
      expect(await write).toBe('OK');
      expect(await replica.cli('GET', 'roe:placeholder')).toBe('P');
    } finally {
      r.disconnect();
      await forwarder.close();
      await failover(replica, primary);
      await waitFor(async () => /master_link_status:up/.test(await replica.cli('INFO', 'replication')));
    }
  });

  it('true: the failed write rejects with READONLY, the client reconnects, and the next write goes to the new primary', async () => {
    const forwarder = await startForwarder(primary.port);
    const r = new Redis({ port: forwarder.port, reconnectOnError: (error) => error.code === 'READONLY' });
    try {
      await r.connect();
      await failover(primary, replica);
      forwarder.target = replica.port;
      const error = await r.set('roe:true', '1').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ReplyError);
      expect((error as ReplyError).code).toBe('READONLY');
      expect(await r.set('roe:true', '2')).toBe('OK');
      expect(await replica.cli('GET', 'roe:true')).toBe('2');
    } finally {
      r.disconnect();
      await forwarder.close();
      await failover(replica, primary);
    }
  });

  it('without reconnectOnError the client stays on the old primary and every write fails', async () => {
    const forwarder = await startForwarder(primary.port);
    const r = new Redis({ port: forwarder.port });
    try {
      await r.connect();
      await failover(primary, replica);
      forwarder.target = replica.port;
      await expect(r.set('roe:none', '1')).rejects.toMatchObject({ code: 'READONLY' });
      await expect(r.set('roe:none', '1')).rejects.toMatchObject({ code: 'READONLY' });
    } finally {
      r.disconnect();
      await forwarder.close();
      await failover(replica, primary);
    }
  });
});

describe('unref()', () => {
  it('a connected, unref()ed client does not keep the process alive', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ocredis-unref-'));
    const script = join(dir, 'unref.mts');
    const index = fileURLToPath(new URL('../../src/index.ts', import.meta.url));
    await writeFile(
      script,
      `import { Redis } from ${JSON.stringify(index)};
// The application's own work keeps the process alive while it uses the client (an unref()ed socket alone does not).
const work = setInterval(() => undefined, 1_000);
const r = new Redis({ port: ${server.port}, pingInterval: 50 });
r.unref();
await r.connect();
await r.blpop('unref:nothing', 0.05); // opens a pool connection too
console.log(await r.ping());
clearInterval(work); // the work is done; the client is still connected, and must not hold the process
`,
    );
    const output = await new Promise<string>((resolve, reject) => {
      execFile(process.execPath, ['--import', 'tsx', script], { cwd: fileURLToPath(new URL('../..', import.meta.url)), timeout: 20_000 }, (error, stdout) =>
        error ? reject(error) : resolve(stdout.trim()),
      );
    });
    expect(output).toBe('PONG');
  });
});
