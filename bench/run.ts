// `npm run bench`: ocredis vs ioredis vs node-redis (plain and with their OpenTelemetry instrumentations) in
// one run. Starts its own redis-server, seeds it, then for each repetition and workload runs every client in
// a fresh worker process (round-robin order, shifted each repetition), and reports medians.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { startRedisServer } from '../test/helpers/redis-server.js';
import { loadOcredis } from './clients.js';
import { seed } from './dataset.js';
import { parseOptions, type BenchOptions } from './options.js';
import { checkTargets, renderMarkdown, summarize, type Cell, type Environment } from './report.js';
import type { WorkerResult } from './worker.js';
import { runsOn, type ClientName, type WorkloadName } from './workload-names.js';

const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url));
const WORKER_TIMEOUT_MS = 180_000;

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

/** The clients a workload runs: the plain ones everywhere, the instrumented and caching ones on their own workloads. */
function clientsFor(workload: WorkloadName, options: BenchOptions): ClientName[] {
  return options.clients.filter((c) => runsOn(workload, c));
}

function rotate<T>(items: readonly T[], by: number): T[] {
  if (items.length === 0) return [];
  const k = by % items.length;
  return [...items.slice(k), ...items.slice(0, k)];
}

function runWorker(client: ClientName, workload: WorkloadName, port: number, options: BenchOptions): Promise<WorkerResult> {
  const size = options.sizes[workload];
  const args = ['--import', 'tsx', WORKER, client, workload, `--port=${port}`, `--ops=${size.ops}`, `--batch=${size.batch}`];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.pid !== undefined && process.kill(child.pid, 'SIGKILL'), WORKER_TIMEOUT_MS);
    child.once('error', reject);
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      const line = stdout.trim().split('\n').pop() ?? '';
      if (code === 0 && line.startsWith('{')) resolve(JSON.parse(line) as WorkerResult);
      else reject(new Error(`exit ${code ?? signal}: ${stderr.trim().split('\n').slice(0, 3).join(' | ') || stdout.trim()}`));
    });
  });
}

async function ocRedisAvailable(): Promise<boolean> {
  try {
    return typeof (await loadOcredis()).OcRedis === 'function';
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const started = Date.now();
  const server = await startRedisServer({ config: { save: '', appendonly: 'no' } });
  log(`redis-server pid ${server.pid} on 127.0.0.1:${server.port}`);
  try {
    await seed(server.port);
    const redisVersion = /redis_version:(\S+)/.exec(await server.cli('INFO', 'server'))?.[1] ?? '?';
    const hasOcRedis = await ocRedisAvailable();
    if (!hasOcRedis) log('OcRedis is not exported from src/index.ts yet: the OcRedis variants are "not available".');

    const cells = new Map<string, Cell>();
    const cellKey = (workload: WorkloadName, client: ClientName): string => `${workload}/${client}`;
    const cellFor = (workload: WorkloadName, client: ClientName): Cell => {
      const key = cellKey(workload, client);
      let cell = cells.get(key);
      if (!cell) cells.set(key, (cell = { client, workload, runs: [], failures: [] }));
      return cell;
    };

    for (let rep = 0; rep < options.reps; rep++) {
      for (const workload of options.workloads) {
        for (const client of rotate(clientsFor(workload, options), rep)) {
          const cell = cellFor(workload, client);
          if (!hasOcRedis && client.startsWith('ocredis-') && client.includes('otel')) {
            if (cell.failures.length === 0) cell.failures.push('not available');
            continue;
          }
          try {
            const result = await runWorker(client, workload, server.port, options);
            cell.runs.push(result);
            log(`rep ${rep + 1}/${options.reps} ${workload.padEnd(15)} ${client.padEnd(19)} ${Math.round(result.opsPerSec).toString().padStart(9)} ops/s ${result.cpuUsPerCommand.toFixed(2).padStart(8)} µs/cmd${result.telemetry ? ` spans ${result.telemetry.spans}` : ''}`);
          } catch (error) {
            cell.failures.push((error as Error).message);
            log(`rep ${rep + 1}/${options.reps} ${workload} ${client} FAILED: ${(error as Error).message}`);
          }
        }
      }
    }

    const summary = new Map([...cells].map(([key, cell]) => [key, summarize(cell)]));
    const get = (workload: WorkloadName, client: ClientName): Cell | undefined => summary.get(cellKey(workload, client));
    const checks = checkTargets(options.workloads, get);
    const env: Environment = {
      date: new Date().toISOString(),
      cpu: cpus()[0]?.model.trim() ?? 'unknown CPU',
      cores: cpus().length,
      node: process.version,
      redis: redisVersion,
      reps: options.reps,
      quick: options.quick,
      sizes: Object.fromEntries(options.workloads.map((w) => [w, options.sizes[w]])),
      totalSeconds: (Date.now() - started) / 1000,
    };
    const markdown = renderMarkdown(env, options.workloads, get, checks);
    process.stdout.write(markdown);
    if (options.outDir !== '') {
      mkdirSync(options.outDir, { recursive: true });
      writeFileSync(`${options.outDir}/latest.md`, markdown);
      writeFileSync(`${options.outDir}/latest.json`, `${JSON.stringify({ env, checks, cells: [...summary.values()] }, null, 2)}\n`);
      log(`wrote ${options.outDir}latest.md and latest.json`);
    }
  } finally {
    await server.stop();
  }
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
