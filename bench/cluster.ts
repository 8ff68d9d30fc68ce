// Cluster benchmark: concurrent GET/SET against a local 3-primary cluster (started here, no Docker) with
// ocredis RedisCluster, ioredis Cluster (with and without enableAutoPipelining) and node-redis createCluster,
// in the same run. Each client runs in a fresh process per repetition; medians of the repetitions.
//
//   node --import tsx bench/cluster.ts [--ops 100000] [--concurrency 100] [--reps 3]
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

type ClientName = 'ocredis' | 'ioredis' | 'ioredis-autopipeline' | 'node-redis';
const CLIENTS: ClientName[] = ['ocredis', 'ioredis', 'ioredis-autopipeline', 'node-redis'];

interface RunResult {
  opsPerSec: number;
  cpuMicrosPerOp: number;
}

function arg(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

interface Driver {
  get(key: string): Promise<unknown>;
  set(key: string, value: string): Promise<unknown>;
  close(): Promise<void>;
}

async function driver(name: ClientName, ports: number[]): Promise<Driver> {
  const nodes = ports.map((port) => ({ host: '127.0.0.1', port }));
  if (name === 'ocredis') {
    const { RedisCluster } = await import('../src/cluster/cluster.js');
    const c = new RedisCluster({ rootNodes: nodes });
    await c.connect();
    return { get: (k) => c.get(k), set: (k, v) => c.set(k, v), close: async () => void (await c.quit()) };
  }
  if (name === 'ioredis' || name === 'ioredis-autopipeline') {
    const { Cluster } = (await import('ioredis')).default as unknown as { Cluster: typeof import('ioredis').Cluster };
    const c = new Cluster(nodes, { enableAutoPipelining: name === 'ioredis-autopipeline' });
    await new Promise<void>((resolve, reject) => {
      c.once('ready', () => resolve());
      c.once('error', reject);
    });
    return { get: (k) => c.get(k), set: (k, v) => c.set(k, v), close: async () => void (await c.quit()) };
  }
  const { createCluster } = await import('redis');
  const c = createCluster({ rootNodes: nodes.map((n) => ({ url: `redis://${n.host}:${n.port}` })) });
  await c.connect();
  return { get: (k) => c.get(k), set: (k, v) => c.set(k, v), close: async () => void (await c.close()) };
}

async function child(name: ClientName, ports: number[], ops: number, concurrency: number): Promise<void> {
  const d = await driver(name, ports);
  const keys = Array.from({ length: 1000 }, (_, i) => `bench:${i}`);
  // Warm-up: every node connection open, JIT warm.
  for (let i = 0; i < 2000; i += 100) await Promise.all(keys.slice(0, 100).map((k) => d.set(k, 'x'.repeat(32))));
  let next = 0;
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < ops; i = next++) {
        const key = keys[i % keys.length] as string;
        if (i % 2 === 0) await d.set(key, 'v'.repeat(32));
        else await d.get(key);
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  await d.close();
  const result: RunResult = { opsPerSec: ops / seconds, cpuMicrosPerOp: (cpu.user + cpu.system) / ops };
  process.stdout.write(JSON.stringify(result));
}

function runChild(name: ClientName, ports: number[], ops: number, concurrency: number): Promise<RunResult> {
  const self = fileURLToPath(import.meta.url);
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', self, '--child', name, ports.join(','), String(ops), String(concurrency)],
      { timeout: 300_000, maxBuffer: 1 << 20 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`${name}: ${error.message}\n${stderr}`));
        else resolve(JSON.parse(stdout.trim().split('\n').pop() as string) as RunResult);
      },
    );
  });
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};

async function main(): Promise<void> {
  const childIndex = process.argv.indexOf('--child');
  if (childIndex >= 0) {
    const [name, ports, ops, concurrency] = process.argv.slice(childIndex + 1);
    await child(name as ClientName, (ports as string).split(',').map(Number), Number(ops), Number(concurrency));
    return;
  }
  const ops = arg('ops', 100_000);
  const concurrency = arg('concurrency', 100);
  const reps = arg('reps', 3);
  const { startCluster } = await import('../test/helpers/cluster.js');
  const cluster = await startCluster({ primaries: 3, replicasPerPrimary: 0 });
  try {
    const ports = cluster.addresses.map((a) => a.port);
    const results = new Map<ClientName, RunResult[]>(CLIENTS.map((c) => [c, []]));
    for (let rep = 0; rep < reps; rep++) {
      for (const name of CLIENTS) results.get(name)!.push(await runChild(name, ports, ops, concurrency));
    }
    const rows = CLIENTS.map((name) => {
      const runs = results.get(name)!;
      return { name, opsPerSec: median(runs.map((r) => r.opsPerSec)), cpu: median(runs.map((r) => r.cpuMicrosPerOp)) };
    });
    const peers = rows.filter((r) => r.name !== 'ocredis');
    const bestCpu = Math.min(...peers.map((r) => r.cpu));
    const bestOps = Math.max(...peers.map((r) => r.opsPerSec));
    console.log(`cluster GET/SET 50/50, ${ops} ops, concurrency ${concurrency}, medians of ${reps} fresh processes, 3 primaries on 127.0.0.1\n`);
    console.log('| client | ops/s | CPU µs/op | ops per CPU-second vs best peer | ops/s vs best peer |');
    console.log('|---|---|---|---|---|');
    for (const r of rows) {
      console.log(`| ${r.name} | ${Math.round(r.opsPerSec)} | ${r.cpu.toFixed(2)} | ${(bestCpu / r.cpu).toFixed(2)}× | ${(r.opsPerSec / bestOps).toFixed(2)}× |`);
    }
  } finally {
    await cluster.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
