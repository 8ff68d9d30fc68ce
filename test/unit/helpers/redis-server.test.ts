import { existsSync } from 'node:fs';
import { connect } from 'node:tls';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../../helpers/free-port.js';
import { startRedisServer, type RedisServerHandle } from '../../helpers/redis-server.js';

const started: RedisServerHandle[] = [];
async function start(...args: Parameters<typeof startRedisServer>): Promise<RedisServerHandle> {
  const server = await startRedisServer(...args);
  started.push(server);
  return server;
}
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.stop()));
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('startRedisServer', () => {
  it('starts a plain server on a free port and stops it idempotently', async () => {
    const s = await start();
    expect(s.url).toBe(`redis://127.0.0.1:${s.port}`);
    expect(await s.cli('PING')).toBe('PONG');
    expect(await s.cli('CONFIG', 'GET', 'save')).toBe('save');
    await s.stop();
    expect(alive(s.pid)).toBe(false);
    await s.stop();
    await expect(s.cli('PING')).rejects.toThrow();
  });

  it('applies config directives and raw args', async () => {
    const s = await start({ config: { 'maxmemory-policy': 'allkeys-lru' }, args: ['--rename-command', 'HELLO', ''] });
    expect(await s.cli('CONFIG', 'GET', 'maxmemory-policy')).toBe('maxmemory-policy\nallkeys-lru');
    expect(await s.cli('HELLO', '3')).toMatch(/unknown command/);
  });

  it('serves an ACL user and disables the default user', async () => {
    const s = await start({ acl: { username: 'alice', password: 'secret pw' } });
    expect(await s.cli('ACL', 'WHOAMI')).toBe('alice');
    const anonymous = await startRedisServerCliAsDefault(s);
    expect(anonymous).toMatch(/NOAUTH|WRONGPASS|disabled/i);
  });

  it('protects the default user with requirepass', async () => {
    const s = await start({ password: 'hunter2' });
    expect(await s.cli('PING')).toBe('PONG');
    expect(await startRedisServerCliAsDefault(s)).toMatch(/NOAUTH/);
  });

  it('serves TLS only, with a certificate valid for 127.0.0.1', async () => {
    const s = await start({ tls: true });
    expect(s.url).toBe(`rediss://127.0.0.1:${s.port}`);
    expect(await s.cli('PING')).toBe('PONG');
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = connect({ host: '127.0.0.1', port: s.port, ca: s.tls?.ca }, () => socket.write('PING\r\n'));
      socket.once('data', (d) => {
        socket.destroy();
        resolve(d.toString());
      });
      socket.once('error', reject);
    });
    expect(reply).toBe('+PONG\r\n');
  });

  it('listens on a unix socket too', async () => {
    const s = await start({ unixSocket: true });
    expect(s.socketPath && existsSync(s.socketPath)).toBe(true);
    expect(await s.cli('-s', s.socketPath as string, 'PING')).toBe('PONG');
  });

  it('restarts on the same port and keeps AOF data across stop and kill', async () => {
    const s = await start({ config: { appendonly: 'yes', appendfsync: 'always' } });
    const { port, dir } = s;
    await s.cli('SET', 'k', 'v1');
    await s.stop();
    await s.restart();
    expect(s.port).toBe(port);
    expect(s.dir).toBe(dir);
    expect(await s.cli('GET', 'k')).toBe('v1');
    await s.cli('SET', 'k', 'v2');
    const oldPid = s.pid;
    await s.kill();
    expect(alive(oldPid)).toBe(false);
    await s.restart();
    expect(s.pid).not.toBe(oldPid);
    expect(await s.cli('GET', 'k')).toBe('v2');
  });

  it('starts on a requested port and reuses a given dir', async () => {
    const first = await start();
    const port = await freePort();
    const s = await start({ port, dir: first.dir, config: { dbfilename: 'other.rdb' } });
    expect(s.port).toBe(port);
    expect(await s.cli('CONFIG', 'GET', 'dir')).toContain(first.dir);
  });

  it('fails fast with the log when the config is invalid', async () => {
    await expect(startRedisServer({ config: { 'no-such-directive': 'x' } })).rejects.toThrow(/no-such-directive|Bad directive/i);
  });

  it('fails when the requested port is taken', async () => {
    const s = await start();
    await expect(startRedisServer({ port: s.port })).rejects.toThrow(/in use/);
  });

  it('stops a SIGSTOPped server', async () => {
    const s = await start();
    process.kill(s.pid, 'SIGSTOP');
    await s.stop();
    expect(alive(s.pid)).toBe(false);
  });
});

/** redis-cli as the default user with no credentials. */
async function startRedisServerCliAsDefault(s: RedisServerHandle): Promise<string> {
  const { execFile } = await import('node:child_process');
  return new Promise((resolve) => {
    execFile('redis-cli', ['-h', '127.0.0.1', '-p', String(s.port), 'PING'], (_err, stdout) => resolve(stdout.trim()));
  });
}

describe('cleanup', () => {
  it('kills a forgotten server and removes its dir when the test process is SIGTERMed', async () => {
    const { spawn } = await import('node:child_process');
    const helper = new URL('../../helpers/redis-server.ts', import.meta.url).pathname;
    const code = `const { startRedisServer } = await import(${JSON.stringify(helper)});
      const s = await startRedisServer(); console.log(JSON.stringify({ pid: s.pid, dir: s.dir })); setInterval(() => {}, 1000);`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
    const line = await new Promise<string>((resolve) => child.stdout.once('data', (d: Buffer) => resolve(d.toString())));
    const { pid, dir } = JSON.parse(line) as { pid: number; dir: string };
    expect(alive(pid)).toBe(true);
    child.kill('SIGTERM');
    const deadline = Date.now() + 5000;
    while ((alive(pid) || existsSync(dir)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(existsSync(dir)).toBe(false);
    // The orphan may linger as a zombie until reaped; it must not be serving any more.
    expect(alive(pid) ? (await import('node:fs')).readFileSync(`/proc/${pid}/stat`, 'utf8').split(' ')[2] : 'gone').toMatch(/Z|gone/);
  });
});
