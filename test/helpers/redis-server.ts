// Starts real redis-server processes for integration tests: a generated config in a temp dir, free
// ports, readiness polling, and cleanup that survives forgetful tests.
import { execFile, type ChildProcess } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, open, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeTempDir, trackTempDir } from './cleanup.js';
import { spawnTracked, stopTracked, type TrackedProcess } from './tracked-process.js';
import { freePort } from './free-port.js';
import { probe, type ProbeTarget } from './server-probe.js';
import { tlsCert, type TlsCert } from './tls-cert.js';

export interface RedisServerOptions {
  /** Reuse a port (e.g. to start a second server where the first one was). */
  port?: number;
  /** Reuse a data dir (for AOF restarts); default a fresh mkdtemp dir, removed at process exit. */
  dir?: string;
  /** Extra directives, e.g. { appendonly: 'yes', appendfsync: 'always' }; they override the defaults. */
  config?: Record<string, string>;
  /** Extra raw CLI args, e.g. ['--rename-command', 'HELLO', '']. */
  args?: string[];
  /** Adds `user <name> on ><password> ~* &* +@all`; the default user is disabled unless `password` is set. */
  acl?: { username: string; password: string };
  /** requirepass for the default user. */
  password?: string;
  /** Serve TLS only: `port` becomes the tls-port, the plain port is 0. */
  tls?: boolean;
  /** Also listen on a unix socket in the data dir. */
  unixSocket?: boolean;
}

export interface RedisServerHandle {
  host: '127.0.0.1';
  port: number;
  dir: string;
  pid: number;
  socketPath?: string;
  tls?: { ca: Buffer; cert: Buffer; key: Buffer };
  url: string;
  /** Signal (default SIGTERM) and wait for exit; SIGKILL after 10 s. Idempotent. */
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** SIGKILL and wait: a crash, so nothing is flushed beyond what fsync already did. */
  kill(): Promise<void>;
  /** Start again on the same port and dir (stopping first if still running); resolves once it answers PING. */
  restart(): Promise<void>;
  /** redis-cli against this server (auth/TLS handled); trimmed stdout. Error replies come back as text. */
  cli(...args: string[]): Promise<string>;
}

const STARTUP_TIMEOUT_MS = 10_000;
const STOP_TIMEOUT_MS = 10_000;
const PORT_ATTEMPTS = 5;

class PortClashError extends Error {}

export async function startRedisServer(opts: RedisServerOptions = {}): Promise<RedisServerHandle> {
  const ownsDir = opts.dir === undefined;
  const dir = opts.dir ?? (await mkdtemp(join(tmpdir(), 'ocredis-redis-')));
  if (ownsDir) trackTempDir(dir);
  const cert = opts.tls ? await tlsCert() : undefined;
  for (let attempt = 1; ; attempt++) {
    const port = opts.port ?? (await freePort());
    const server = new RedisServer(opts, dir, port, cert);
    try {
      await server.start();
      return server;
    } catch (err) {
      // Another process took the free port between freePort() and bind: pick another one.
      if (err instanceof PortClashError && opts.port === undefined && attempt < PORT_ATTEMPTS) continue;
      if (ownsDir) removeTempDir(dir);
      throw err;
    }
  }
}

class RedisServer implements RedisServerHandle {
  readonly host = '127.0.0.1' as const;
  readonly socketPath?: string;
  readonly tls?: { ca: Buffer; cert: Buffer; key: Buffer };
  readonly url: string;
  pid = 0;
  private process?: TrackedProcess;
  private readonly confPath: string;
  private readonly logPath: string;

  constructor(
    private readonly opts: RedisServerOptions,
    readonly dir: string,
    readonly port: number,
    private readonly cert: TlsCert | undefined,
  ) {
    this.confPath = join(dir, 'redis.conf');
    this.logPath = join(dir, 'redis.log');
    if (opts.unixSocket) this.socketPath = join(dir, 'redis.sock');
    if (cert) this.tls = { ca: cert.ca, cert: cert.cert, key: cert.key };
    this.url = `${cert ? 'rediss' : 'redis'}://127.0.0.1:${port}`;
  }

  async start(): Promise<void> {
    await writeFile(this.confPath, this.renderConfig());
    await this.launch();
  }

  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    await stopTracked(this.process, signal, STOP_TIMEOUT_MS);
  }

  kill(): Promise<void> {
    return this.stop('SIGKILL');
  }

  async restart(): Promise<void> {
    await this.stop();
    // Our own port may linger briefly in another process's hands; retry the bind until the deadline.
    const deadline = Date.now() + STARTUP_TIMEOUT_MS;
    for (;;) {
      try {
        return await this.launch();
      } catch (err) {
        if (!(err instanceof PortClashError) || Date.now() > deadline) throw err;
        await sleep(100);
      }
    }
  }

  cli(...args: string[]): Promise<string> {
    const conn = ['-h', '127.0.0.1', '-p', String(this.port), '--no-auth-warning'];
    if (this.opts.acl && this.opts.password === undefined) {
      conn.push('--user', this.opts.acl.username, '--pass', this.opts.acl.password);
    } else if (this.opts.password !== undefined) {
      conn.push('-a', this.opts.password);
    }
    if (this.cert) conn.push('--tls', '--cacert', this.cert.caPath, '--cert', this.cert.certPath, '--key', this.cert.keyPath);
    return new Promise((resolve, reject) => {
      execFile('redis-cli', [...conn, ...args], { timeout: 15_000, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
        if (err) reject(new Error(`redis-cli ${args.join(' ')} failed: ${err.message}\n${stderr}${stdout}`));
        else resolve(stdout.trim());
      });
    });
  }

  private async launch(): Promise<void> {
    // Restarts append to the same log: only what this process writes counts.
    const logOffset = existsSync(this.logPath) ? statSync(this.logPath).size : 0;
    let output = '';
    const proc = await spawnTracked('redis-server', [this.confPath, ...(this.opts.args ?? [])], undefined, (text) => {
      output += text;
    });
    this.process = proc;
    this.pid = proc.pid;
    const child = proc.child;
    try {
      await this.waitReady(child, logOffset);
    } catch (err) {
      await this.stop('SIGKILL');
      const log = await this.readLog();
      const details = `${output}\n--- ${this.logPath} ---\n${log}`;
      if (/Address already in use/i.test(details)) throw new PortClashError(`port ${this.port} in use`);
      throw new Error(`${(err as Error).message}\n${details}`);
    }
  }

  private async waitReady(child: ChildProcess, logOffset: number): Promise<void> {
    const target: ProbeTarget = { port: this.port };
    if (this.cert) Object.assign(target, { ca: this.cert.ca, cert: this.cert.cert, key: this.cert.key });
    if (this.opts.password !== undefined) target.password = this.opts.password;
    else if (this.opts.acl) Object.assign(target, this.opts.acl);
    const deadline = Date.now() + STARTUP_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`redis-server exited during start-up (code ${child.exitCode}, signal ${child.signalCode})`);
      }
      // The log line proves *this* process bound the port (a PING alone could reach a squatter).
      if ((await this.logSince(logOffset)).includes('Ready to accept connections') && (await probe(target)) === 'ready') return;
      await sleep(20);
    }
    throw new Error(`redis-server on port ${this.port} not ready after ${STARTUP_TIMEOUT_MS} ms`);
  }

  private async logSince(offset: number): Promise<string> {
    if (!existsSync(this.logPath)) return '';
    const file = await open(this.logPath, 'r');
    try {
      const { size } = await file.stat();
      const buf = Buffer.alloc(Math.max(0, size - offset));
      await file.read(buf, 0, buf.length, offset);
      return buf.toString('utf8');
    } finally {
      await file.close();
    }
  }

  private async readLog(): Promise<string> {
    return existsSync(this.logPath) ? (await readFile(this.logPath, 'utf8')).slice(-4000) : '(no log file)';
  }

  private renderConfig(): string {
    const directives = new Map<string, string>([
      ['bind', '127.0.0.1'],
      ['port', this.cert ? '0' : String(this.port)],
      ['dir', quote(this.dir)],
      ['logfile', quote(this.logPath)],
      ['daemonize', 'no'],
      ['save', '""'],
      ['appendonly', 'no'],
      // DEBUG SLEEP / DEBUG RELOAD are handy for timeout and persistence tests.
      ['enable-debug-command', 'local'],
    ]);
    if (this.cert) {
      directives.set('tls-port', String(this.port));
      directives.set('tls-cert-file', quote(this.cert.certPath));
      directives.set('tls-key-file', quote(this.cert.keyPath));
      directives.set('tls-ca-cert-file', quote(this.cert.caPath));
      directives.set('tls-auth-clients', 'no');
    }
    if (this.socketPath) {
      directives.set('unixsocket', quote(this.socketPath));
      directives.set('unixsocketperm', '700');
    }
    if (this.opts.password !== undefined) directives.set('requirepass', quote(this.opts.password));
    for (const [key, value] of Object.entries(this.opts.config ?? {})) directives.set(key.toLowerCase(), value === '' ? '""' : value);
    const lines = [...directives].map(([key, value]) => `${key} ${value}`);
    const acl = this.opts.acl;
    if (acl) {
      lines.push(`user ${quote(acl.username)} on ${quote(`>${acl.password}`)} ~* &* +@all`);
      if (this.opts.password === undefined) lines.push('user default off');
    }
    return `# generated by test/helpers/redis-server.ts\n${lines.join('\n')}\n`;
  }
}

/** Quote a config value only when redis' argument splitter would otherwise break it up. */
function quote(value: string): string {
  return /^[^\s"'\\]+$/.test(value) ? value : JSON.stringify(value);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
