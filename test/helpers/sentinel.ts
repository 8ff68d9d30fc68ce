// A Sentinel set-up for integration tests: a primary, a replica and three sentinels (redis-server
// --sentinel) with short timeouts, so a failover takes a couple of seconds. Stopped by pid.
import { spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeTempDir, trackPid, trackTempDir, untrackPid } from './cleanup.js';
import { freePort } from './free-port.js';
import { startRedisServer, type RedisServerHandle } from './redis-server.js';
import { probe } from './server-probe.js';

export interface SentinelSetup {
  readonly name: string;
  readonly primary: RedisServerHandle;
  readonly replica: RedisServerHandle;
  /** Every replica (`replica` is the first). */
  readonly replicas: RedisServerHandle[];
  readonly sentinels: { host: string; port: number; pid: number }[];
  /** Starts one more sentinel monitoring the primary (it joins the others through the primary's hello channel). */
  addSentinel(): Promise<{ host: string; port: number; pid: number; stop(): Promise<void>; cli(...args: string[]): Promise<string> }>;
  /** Kills one of the sentinels (by pid). */
  stopSentinel(port: number): Promise<void>;
  stop(): Promise<void>;
}

export async function startSentinelSetup(name = 'mymaster', options: { replicas?: number } = {}): Promise<SentinelSetup> {
  const config = { 'repl-diskless-sync-delay': '0' };
  const primary = await startRedisServer({ config });
  const replicas = await Promise.all(
    Array.from({ length: options.replicas ?? 1 }, () => startRedisServer({ config: { ...config, replicaof: `127.0.0.1 ${primary.port}` } })),
  );
  const replica = replicas[0] as RedisServerHandle;
  const sentinels = await Promise.all([0, 1, 2].map(() => startSentinel(name, primary.port)));
  const setup: SentinelSetup = {
    name,
    primary,
    replica,
    replicas,
    sentinels: sentinels.map((s) => ({ host: '127.0.0.1', port: s.port, pid: s.pid })),
    async addSentinel() {
      const added = await startSentinel(name, primary.port);
      sentinels.push(added);
      return { host: '127.0.0.1', port: added.port, pid: added.pid, stop: () => added.stop(), cli: (...args: string[]) => added.cli(...args) };
    },
    async stopSentinel(port: number) {
      await sentinels.find((s) => s.port === port)?.stop();
    },
    async stop() {
      await Promise.all([primary.kill(), ...replicas.map((r) => r.kill()), ...sentinels.map((s) => s.stop())]);
    },
  };
  // Wait until the replica is in sync and every sentinel has found the replica and the other sentinels.
  const deadline = Date.now() + 20_000;
  for (;;) {
    const links = await Promise.all(replicas.map((r) => r.cli('INFO', 'replication')));
    const synced = links.every((info) => /master_link_status:up/.test(info));
    const views = await Promise.all(sentinels.map((s) => s.cli('SENTINEL', 'MASTER', name).catch(() => '')));
    const peers = await Promise.all(sentinels.map((s) => s.cli('SENTINEL', 'SENTINELS', name).catch(() => '')));
    const ready = views.every((view) => new RegExp(`num-slaves\\n${replicas.length}`).test(view)) && peers.every((view) => linkedPeers(view) === 2);
    if (synced && ready) return setup;
    if (Date.now() > deadline) {
      await setup.stop();
      throw new Error('sentinel set-up not ready after 20 s');
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * How many other sentinels a `SENTINEL SENTINELS` reply (redis-cli's flat text) lists as linked. A sentinel
 * counts a peer as soon as it hears of it, but flags it `disconnected` until their link is up, and clients
 * (ocredis's discovery included) skip peers so flagged: tests that expect discovery wait for this count.
 */
export function linkedPeers(view: string): number {
  const lines = view.split('\n');
  let count = 0;
  for (let i = 0; i + 1 < lines.length; i++) if (lines[i] === 'flags' && !/s_down|o_down|disconnected/.test(lines[i + 1]!)) count++;
  return count;
}

async function startSentinel(name: string, primaryPort: number): Promise<{ port: number; pid: number; stop(): Promise<void>; cli(...args: string[]): Promise<string> }> {
  const dir = await mkdtemp(join(tmpdir(), 'ocredis-sentinel-'));
  trackTempDir(dir);
  const port = await freePort();
  const conf = join(dir, 'sentinel.conf');
  await writeFile(
    conf,
    [
      `port ${port}`,
      'bind 127.0.0.1',
      `dir ${dir}`,
      `logfile ${join(dir, 'sentinel.log')}`,
      `sentinel monitor ${name} 127.0.0.1 ${primaryPort} 2`,
      `sentinel down-after-milliseconds ${name} 1000`,
      `sentinel failover-timeout ${name} 5000`,
      `sentinel parallel-syncs ${name} 1`,
      '',
    ].join('\n'),
  );
  const child = spawn('redis-server', [conf, '--sentinel'], { stdio: 'ignore' });
  await new Promise<void>((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', reject);
  });
  const pid = child.pid as number;
  trackPid(pid);
  child.unref();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 10_000;
  while ((await probe({ port })) !== 'ready') {
    if (Date.now() > deadline) throw new Error(`sentinel on port ${port} did not start`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const { execFile } = await import('node:child_process');
  return {
    port,
    pid,
    cli: (...args: string[]) =>
      new Promise((resolve, reject) =>
        execFile('redis-cli', ['-p', String(port), ...args], { timeout: 5000 }, (error, stdout) => (error ? reject(error) : resolve(stdout.trim()))),
      ),
    async stop() {
      child.ref();
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
      await exited;
      untrackPid(pid);
      removeTempDir(dir);
    },
  };
}
