// One measurement in a fresh process: `node --import tsx bench/worker.ts <client> <workload> --port=N
// [--ops=N --batch=N --warmup=N --cpu-prof=out.cpuprofile]`. Prints one JSON WorkerResult line on stdout.
// --cpu-prof profiles only the timed loop (the process-wide `node --cpu-prof` is mostly tsx start-up); the
// profiler's own overhead then inflates that run's CPU numbers, so don't compare profiled runs.
//
// Order matters for the instrumented variants: SDK first, then the instrumentations (they patch on
// require), then the client modules, then connect, warm up, and time.
import { createClient } from './clients.js';
import { instrumentFor } from './instrument.js';
import { startProfiler } from './profiler.js';
import { startBenchTelemetry, type BenchTelemetry, type MetricsSetUp, type TelemetryCounts } from './telemetry.js';
import { commandsPerOp, DEFAULT_SIZES, isClient, isWorkload, type ClientName, type WorkloadName } from './workload-names.js';
import { WORKLOAD_RUNNERS } from './workloads.js';

export interface WorkerResult {
  client: ClientName;
  workload: WorkloadName;
  ops: number;
  commands: number;
  wallMs: number;
  cpuUs: number;
  /** The system (kernel) part of cpuUs: socket reads and writes, mostly. */
  cpuSystemUs: number;
  opsPerSec: number;
  cpuUsPerCommand: number;
  batchKind?: string;
  telemetry?: TelemetryCounts;
}

function flag(args: readonly string[], name: string): string | undefined {
  const prefix = `--${name}=`;
  return args.find((a) => a.startsWith(prefix))?.slice(prefix.length);
}

async function main(): Promise<void> {
  const [clientName = '', workloadName = '', ...rest] = process.argv.slice(2);
  if (!isClient(clientName) || !isWorkload(workloadName)) throw new Error(`usage: worker.ts <client> <workload> --port=N (got ${clientName} ${workloadName})`);
  const port = Number(flag(rest, 'port'));
  if (!Number.isInteger(port) || port <= 0) throw new Error('--port=N is required');
  const defaults = DEFAULT_SIZES[workloadName];
  const size = { ops: Number(flag(rest, 'ops') ?? defaults.ops), batch: Number(flag(rest, 'batch') ?? defaults.batch) };
  const warmupOps = Number(flag(rest, 'warmup') ?? Math.max(size.batch, Math.round(size.ops / 5)));

  let telemetry: BenchTelemetry | undefined;
  const instrumented = clientName.endsWith('-otel');
  if (instrumented) {
    telemetry = startBenchTelemetry(metricsSetUpFor(clientName));
    instrumentFor(clientName, telemetry);
  }

  const client = await createClient(clientName, port);
  const run = WORKLOAD_RUNNERS[workloadName];
  await run(client, warmupOps, size);
  if (telemetry) {
    await telemetry.flush();
    telemetry.resetCounts();
  }
  // Let the warm-up's garbage and timers settle so the timed loop starts from the same state for everyone.
  await new Promise((resolve) => setTimeout(resolve, 50));

  const profilePath = flag(rest, 'cpu-prof');
  const profiler = profilePath === undefined ? undefined : await startProfiler();
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  await run(client, size.ops, size);
  const wallNs = Number(process.hrtime.bigint() - t0);
  const cpu = process.cpuUsage(cpu0);
  if (profiler && profilePath !== undefined) await profiler.stopInto(profilePath);

  const counts = telemetry ? await telemetry.flush() : undefined;
  await client.close();
  await telemetry?.shutdown();

  const commands = size.ops * commandsPerOp(workloadName, size);
  const cpuUs = cpu.user + cpu.system;
  const result: WorkerResult = {
    client: clientName,
    workload: workloadName,
    ops: size.ops,
    commands,
    wallMs: wallNs / 1e6,
    cpuUs,
    cpuSystemUs: cpu.system,
    opsPerSec: size.ops / (wallNs / 1e9),
    cpuUsPerCommand: cpuUs / commands,
    ...(workloadName === 'pipeline' ? { batchKind: client.batchKind } : {}),
    ...(counts ? { telemetry: counts } : {}),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/** registerViews() for `ocredis-otel`, the documented fast-path line for `ocredis-own-line-otel`, else the app's own MeterProvider. */
function metricsSetUpFor(client: ClientName): MetricsSetUp {
  return client === 'ocredis-otel' ? 'registerViews' : client === 'ocredis-own-line-otel' ? 'own-with-producer' : 'own';
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
