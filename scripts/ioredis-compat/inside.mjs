// Second half of the ioredis compatibility run (see run.mjs), usually inside a private network namespace
// (`unshare -rn`): ioredis's tests connect to the fixed ports 127.0.0.1:6379 (standalone) and 3000-3005
// (cluster), which there are ours alone. Starts those servers, runs mocha once per test file, stops the servers.
// Usage: node inside.mjs <config.json>
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const STANDALONE_PORT = 6379;
const CLUSTER_PORTS = [3000, 3001, 3002, 3003, 3004, 3005];
const FILE_TIMEOUT_MS = 15 * 60_000;
const reporter = fileURLToPath(new URL('./reporter.cjs', import.meta.url));

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const servers = [];

try {
  if (config.netns) execFileSync('ip', ['link', 'set', 'lo', 'up']);
  const serverDir = join(config.workdir, 'servers');
  rmSync(serverDir, { recursive: true, force: true });
  for (const target of config.targets) {
    for (const file of config.files) {
      const isCluster = file.startsWith('cluster/');
      await runFile(serverDir, target, file, isCluster);
    }
  }
} finally {
  await stopServers();
}

/**
 * Runs one test file with mocha. Mocha aborts the rest of a file when a test that has already passed throws
 * later (an uncaught error in a callback): then the tests not reached run again in a fresh process (and on
 * fresh servers), until every test has a result or a rerun reaches no new test.
 */
async function runFile(serverDir, target, file, isCluster) {
  const dir = join(config.resultsDir, target.name);
  mkdirSync(dir, { recursive: true });
  const resultPath = join(dir, file.replace(/\//g, '__') + '.json');
  let merged;
  for (let attempt = 0; ; attempt++) {
    await startServers(serverDir, isCluster);
    const skip = [...(config.excludedTests[file] ?? []), ...(merged ? reported(merged) : [])];
    const result = runMocha(target, file, isCluster, skip, `${resultPath}.${attempt}`);
    await stopServers();
    const before = merged ? reported(merged).length : 0;
    merged = merged ? { ...merged, passed: [...merged.passed, ...result.passed], failed: [...merged.failed, ...result.failed], pending: [...merged.pending, ...result.pending], finished: result.finished, attempts: attempt + 1 } : { ...result, attempts: 1 };
    writeFileSync(resultPath, JSON.stringify(merged, null, 1));
    const progressed = reported(merged).length > before;
    if (reported(merged).length + merged.pending.length >= merged.total || !progressed) return;
    process.stderr.write(`[${target.name}] ${file}: the run stopped early; again for the ${merged.total - reported(merged).length - merged.pending.length} test(s) not reached\n`);
  }
}

/** Titles of the tests with a result (a failing hook names no test of its own). */
function reported(result) {
  return [...result.passed, ...result.failed.filter((failure) => !failure.hook).map((failure) => failure.title)];
}

function runMocha(target, file, isCluster, skipTitles, resultPath) {
  rmSync(resultPath, { force: true });
  const args = [
    mochaBin(),
    '--exit', '--timeout', '8000', '--require', 'ts-node/register', '--reporter', reporter,
    // ioredis's own runs load the helpers for the functional files only (test:js vs test:cluster).
    ...(isCluster ? [] : ['test/helpers/global.ts']),
    `test/${file}`,
  ];
  if (skipTitles.length > 0) args.push('--grep', skipTitles.map((title) => `^${escapeRegExp(title)}$`).join('|'), '--invert');
  process.stderr.write(`\n[${target.name}] ${file}\n`);
  const run = spawnSync(process.execPath, args, {
    cwd: config.workdir,
    stdio: ['ignore', 'inherit', 'inherit'],
    timeout: FILE_TIMEOUT_MS,
    killSignal: 'SIGKILL',
    env: {
      ...process.env,
      TS_NODE_TRANSPILE_ONLY: 'true',
      NODE_ENV: 'test',
      IOREDIS_COMPAT_TARGET: target.module,
      IOREDIS_COMPAT_RESULT: resultPath,
    },
  });
  if (run.error || run.signal) process.stderr.write(`[${target.name}] ${file}: mocha ended by ${run.error?.message ?? run.signal}\n`);
  if (!existsSync(resultPath)) return { total: 0, passed: [], failed: [{ title: '(whole file)', hook: true, error: 'mocha did not start' }], pending: [], finished: false };
  return JSON.parse(readFileSync(resultPath, 'utf8'));
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function mochaBin() {
  const dir = join(config.workdir, 'node_modules/mocha');
  const { bin } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  return join(dir, typeof bin === 'string' ? bin : bin.mocha);
}

async function startServers(serverDir, isCluster) {
  if (!isCluster) {
    await startServer(serverDir, STANDALONE_PORT, []);
    return;
  }
  for (const port of CLUSTER_PORTS) {
    await startServer(serverDir, port, ['--cluster-enabled', 'yes', '--cluster-config-file', 'nodes.conf', '--cluster-node-timeout', '5000']);
  }
  // The first three become the masters (3000-3002), the rest their replicas, as ioredis's cluster tests expect.
  execFileSync(config.redisCli, ['--cluster', 'create', ...CLUSTER_PORTS.map((port) => `127.0.0.1:${port}`), '--cluster-replicas', '1', '--cluster-yes'], { stdio: 'ignore' });
  for (const port of CLUSTER_PORTS) {
    await waitFor(port, ['CLUSTER', 'INFO'], (reply) => reply.includes('cluster_state:ok'));
  }
  for (const port of CLUSTER_PORTS.slice(3)) {
    await waitFor(port, ['INFO', 'replication'], (reply) => reply.includes('master_link_status:up'));
  }
}

async function startServer(serverDir, port, extraArgs) {
  const dir = join(serverDir, String(port));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const child = spawn(config.redisServer, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, ...extraArgs], { stdio: 'ignore' });
  servers.push(child);
  // Its own directory in the reply: the server that answers is the one just started, not a stranger's.
  await waitFor(port, ['CONFIG', 'GET', 'dir'], (reply) => reply.includes(dir));
}

async function stopServers() {
  const stopping = servers.splice(0).map((child) => new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', resolve);
    child.kill('SIGKILL');
  }));
  await Promise.all(stopping);
}

/** Sends one command until the raw reply passes `ready` (at most 30 s). */
async function waitFor(port, command, ready) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const reply = await sendOnce(port, command).catch(() => '');
    if (ready(reply)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`port ${port}: no ready reply to ${command.join(' ')}`);
}

/** The raw replies to `command` followed by QUIT, read until the server closes the connection. */
function sendOnce(port, command) {
  const encode = (parts) => `*${parts.length}\r\n${parts.map((part) => `$${Buffer.byteLength(part)}\r\n${part}\r\n`).join('')}`;
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let reply = '';
    socket.setTimeout(2000, () => socket.destroy(new Error('timeout')));
    socket.on('error', reject);
    socket.on('connect', () => socket.write(encode(command) + encode(['QUIT'])));
    socket.on('data', (chunk) => (reply += chunk));
    socket.on('close', () => resolve(reply));
  });
}
