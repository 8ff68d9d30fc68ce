// Turns the workers' results into medians, ratios against the peers and the targets, and a markdown report.
import type { WorkerResult } from './worker.js';
import { CACHE_CLIENT, CLIENT_LABELS, INSTRUMENTED_PEERS, OTEL_CLIENTS, PLAIN_CLIENTS, type ClientName, type WorkloadName, type WorkloadSize } from './workload-names.js';

export interface Cell {
  client: ClientName;
  workload: WorkloadName;
  runs: WorkerResult[];
  failures: string[];
  opsPerSec?: number;
  cpuUsPerCommand?: number;
  cpuMin?: number;
  cpuMax?: number;
  /** Exported spans per command (median over runs); only for instrumented variants. */
  spansPerCommand?: number;
  metricPoints?: number;
  spanNames?: string[];
  batchKind?: string;
}

export interface Environment {
  date: string;
  cpu: string;
  cores: number;
  node: string;
  redis: string;
  reps: number;
  quick: boolean;
  sizes: Partial<Record<WorkloadName, WorkloadSize>>;
  totalSeconds: number;
}

export interface TargetCheck {
  what: string;
  ratio?: number;
  target: string;
  met?: boolean;
  note?: string;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function summarize(cell: Cell): Cell {
  if (cell.runs.length === 0) return cell;
  const cpu = cell.runs.map((r) => r.cpuUsPerCommand);
  const out: Cell = {
    ...cell,
    opsPerSec: median(cell.runs.map((r) => r.opsPerSec)),
    cpuUsPerCommand: median(cpu),
    cpuMin: Math.min(...cpu),
    cpuMax: Math.max(...cpu),
  };
  const batchKind = cell.runs[0]?.batchKind;
  if (batchKind !== undefined) out.batchKind = batchKind;
  const withTelemetry = cell.runs.filter((r) => r.telemetry !== undefined);
  if (withTelemetry.length > 0) {
    out.spansPerCommand = median(withTelemetry.map((r) => (r.telemetry?.spans ?? 0) / r.commands));
    out.metricPoints = median(withTelemetry.map((r) => r.telemetry?.metricPoints ?? 0));
    out.spanNames = withTelemetry[0]?.telemetry?.spanNames ?? [];
  }
  return out;
}

const CPU_TARGETS: Partial<Record<WorkloadName, number>> = {
  'concurrent-get': 0.7,
  pipeline: 0.7,
  'get-1mib': 0.8,
  'lrange-1000': 0.8,
  'hgetall-100': 0.8,
};
const SEQUENTIAL_OPS_TARGET = 0.95;

type Lookup = (workload: WorkloadName, client: ClientName) => Cell | undefined;

function measured(cell: Cell | undefined): cell is Cell & { opsPerSec: number; cpuUsPerCommand: number } {
  return cell?.opsPerSec !== undefined && cell.cpuUsPerCommand !== undefined;
}

/** The peer with the lowest CPU per command (or the highest ops/s) among the plain third-party clients. */
function bestPeer(workload: WorkloadName, get: Lookup, by: 'cpu' | 'ops'): (Cell & { opsPerSec: number; cpuUsPerCommand: number }) | undefined {
  const peers = PLAIN_CLIENTS.filter((c) => c !== 'ocredis')
    .map((c) => get(workload, c))
    .filter(measured);
  peers.sort((a, b) => (by === 'cpu' ? a.cpuUsPerCommand - b.cpuUsPerCommand : b.opsPerSec - a.opsPerSec));
  return peers[0];
}

function lowestCpu(cells: readonly (Cell | undefined)[]): (Cell & { opsPerSec: number; cpuUsPerCommand: number }) | undefined {
  return cells.filter(measured).sort((a, b) => a.cpuUsPerCommand - b.cpuUsPerCommand)[0];
}

export function checkTargets(workloads: readonly WorkloadName[], get: Lookup): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const workload of workloads) {
    const oc = get(workload, 'ocredis');
    if (workload === 'cached-get' || workload === 'uncached-get' || workload === 'uncacheable-write') {
      checks.push(cacheCheck(workload, get(workload, CACHE_CLIENT), oc));
      continue;
    }
    if (workload === 'sequential-get') {
      const peer = bestPeer(workload, get, 'ops');
      checks.push(
        measured(oc) && peer
          ? ratioCheck(`${workload}: ocredis ops/s ÷ best peer (${peer.client})`, oc.opsPerSec / peer.opsPerSec, SEQUENTIAL_OPS_TARGET, 'min')
          : { what: `${workload}: ops/s vs best peer`, target: `≥ ${SEQUENTIAL_OPS_TARGET}`, note: 'not measured' },
      );
      continue;
    }
    const target = CPU_TARGETS[workload];
    if (target === undefined) continue;
    const peer = bestPeer(workload, get, 'cpu');
    checks.push(
      measured(oc) && peer
        ? ratioCheck(`${workload}: ocredis CPU/cmd ÷ best peer (${peer.client})`, oc.cpuUsPerCommand / peer.cpuUsPerCommand, target, 'max')
        : { what: `${workload}: CPU/cmd vs best peer`, target: `≤ ${target}`, note: 'not measured' },
    );
  }
  // OcRedis under each metrics set-up against the best instrumented peer that really produced spans.
  for (const workload of workloads.filter((w) => w === 'concurrent-get' || w === 'pipeline')) {
    const peer = lowestCpu(INSTRUMENTED_PEERS.map((c) => get(workload, c)).filter(producedSpans));
    for (const [client, target] of [['ocredis-own-line-otel', 0.5], ['ocredis-own-otel', 1.0], ['ocredis-otel', 0.5]] as const) {
      const cell = get(workload, client);
      checks.push(
        measured(cell) && peer
          ? ratioCheck(`${workload}: ${CLIENT_LABELS[client]} CPU/cmd ÷ ${peer.client}`, cell.cpuUsPerCommand / peer.cpuUsPerCommand, target, 'max')
          : { what: `${workload}: ${CLIENT_LABELS[client]} vs best instrumented peer`, target: `≤ ${target}`, note: 'not available' },
      );
    }
  }
  if (workloads.includes('pipeline')) {
    const otel = get('pipeline', 'ocredis-otel');
    const plain = get('pipeline', 'ocredis');
    checks.push(
      measured(otel) && measured(plain)
        ? ratioCheck('pipeline: OcRedis+SDK CPU/cmd ÷ plain ocredis', otel.cpuUsPerCommand / plain.cpuUsPerCommand, 1.3, 'max')
        : { what: 'pipeline: OcRedis+SDK vs plain ocredis', target: '≤ 1.3', note: 'not available' },
    );
  }
  for (const workload of workloads.filter((w) => w === 'concurrent-get' || w === 'pipeline')) {
    const nosdk = get(workload, 'ocredis-otel-nosdk');
    const plain = get(workload, 'ocredis');
    checks.push(
      measured(nosdk) && measured(plain)
        ? ratioCheck(`${workload}: OcRedis (no SDK) CPU/cmd ÷ plain ocredis`, nosdk.cpuUsPerCommand / plain.cpuUsPerCommand, 1.1, 'max')
        : { what: `${workload}: OcRedis (no SDK) vs plain ocredis`, target: '≤ 1.1', note: 'not available' },
    );
  }
  return checks;
}

/** Client-side caching: a hit costs ≤ 0.1 µs of CPU; a miss costs ≤ 5% more than the same GET without a cache. */
function cacheCheck(workload: 'cached-get' | 'uncached-get' | 'uncacheable-write', cached: Cell | undefined, plain: Cell | undefined): TargetCheck {
  if (workload === 'cached-get') {
    return measured(cached)
      ? { what: `cached-get: ocredis-cache CPU per call ${fmtUs(cached.cpuUsPerCommand)} µs`, target: '≤ 0.1 µs', met: cached.cpuUsPerCommand <= 0.1 }
      : { what: 'cached-get: ocredis-cache CPU per call', target: '≤ 0.1 µs', note: 'not measured' };
  }
  return measured(cached) && measured(plain)
    ? ratioCheck(`${workload}: ocredis-cache CPU/cmd ÷ ocredis (cache disabled)`, cached.cpuUsPerCommand / plain.cpuUsPerCommand, 1.05, 'max')
    : { what: `${workload}: cache enabled vs disabled`, target: '≤ 1.05', note: 'not measured' };
}

function producedSpans(cell: Cell | undefined): boolean {
  return cell !== undefined && (cell.spansPerCommand ?? 0) > 0;
}

function ratioCheck(what: string, ratio: number, target: number, kind: 'min' | 'max'): TargetCheck {
  return { what, ratio, target: `${kind === 'min' ? '≥' : '≤'} ${target}`, met: kind === 'min' ? ratio >= target : ratio <= target };
}

// ---- markdown ------------------------------------------------------------------------------------------------

const fmtOps = (n: number | undefined): string => (n === undefined ? '—' : n >= 1000 ? `${Math.round(n).toLocaleString('en-US')}` : n.toFixed(1));
const fmtUs = (n: number | undefined): string => (n === undefined ? '—' : n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
const fmtRatio = (n: number | undefined): string => (n === undefined || !Number.isFinite(n) ? '—' : `${n.toFixed(2)}×`);

export function renderMarkdown(env: Environment, workloads: readonly WorkloadName[], get: Lookup, checks: readonly TargetCheck[]): string {
  const lines: string[] = [];
  lines.push(`Run ${env.date} on ${env.cpu}, ${env.cores} cores (shared); Node ${env.node}; redis-server ${env.redis}; ` +
    `${env.reps} repetitions per client and workload, each in a fresh process, clients in round-robin order; medians${env.quick ? ' (--quick sizes)' : ''}; ` +
    `the whole run took ${Math.round(env.totalSeconds)} s.`);
  lines.push('');
  lines.push('### Targets');
  lines.push('');
  lines.push('| check | ratio | target | met |');
  lines.push('|---|---:|---|---|');
  for (const c of checks) lines.push(`| ${c.what} | ${fmtRatio(c.ratio)} | ${c.target} | ${c.met === undefined ? (c.note ?? '—') : c.met ? 'yes' : '**no**'} |`);
  lines.push('');
  lines.push('### All clients');
  lines.push('');
  lines.push('CPU µs/cmd = user+system CPU of the client process during the timed loop ÷ Redis commands sent (a pipeline of 100 SET+GET is 200). ' +
    'Ratios are ocredis ÷ that client: ops/s above 1 and CPU below 1 favour ocredis.');
  lines.push('');
  lines.push('| workload | client | ops/s | CPU µs/cmd (min–max) | ocredis ÷ it, ops/s | ocredis ÷ it, CPU |');
  lines.push('|---|---|---:|---:|---:|---:|');
  for (const workload of workloads) {
    const oc = get(workload, 'ocredis');
    const size = env.sizes[workload];
    const label = `${workload}${size ? ` (${size.ops.toLocaleString('en-US')}${workload === 'concurrent-get' ? ` in waves of ${size.batch}` : workload === 'pipeline' ? ` × ${size.batch} SET+GET` : ''})` : ''}`;
    for (const client of [...PLAIN_CLIENTS, CACHE_CLIENT]) {
      const cell = get(workload, client);
      if (cell === undefined) continue;
      lines.push(row(label, cell, oc));
    }
  }
  const otelRows = workloads.flatMap((w) => OTEL_CLIENTS.map((c) => get(w, c)).filter((c): c is Cell => c !== undefined));
  if (otelRows.length > 0) {
    lines.push('');
    lines.push('### OpenTelemetry overhead');
    lines.push('');
    lines.push('Same SDK set-up for every instrumented variant: AlwaysOn sampler, BatchSpanProcessor into a counting no-op exporter, ' +
      'MeterProvider with a periodic reader into a counting no-op exporter. "spans/cmd" is what was actually exported — 0 would mean ' +
      'the instrumentation did not patch (and its numbers would be meaningless). Ratios are against plain ocredis.');
    lines.push('');
    lines.push('| workload | variant | ops/s | CPU µs/cmd (min–max) | spans/cmd | metric points | CPU ÷ plain ocredis |');
    lines.push('|---|---|---:|---:|---:|---:|---:|');
    for (const workload of workloads.filter((w) => OTEL_CLIENTS.some((c) => get(w, c) !== undefined))) {
      const plain = get(workload, 'ocredis');
      for (const client of ['ocredis', ...OTEL_CLIENTS] as const) {
        const cell = get(workload, client);
        if (cell === undefined) continue;
        const spans = cell.spansPerCommand === undefined ? '—' : cell.spansPerCommand === 0 ? '**0 (not patched?)**' : cell.spansPerCommand.toFixed(3);
        const ratio = cell.cpuUsPerCommand !== undefined && plain?.cpuUsPerCommand !== undefined ? cell.cpuUsPerCommand / plain.cpuUsPerCommand : undefined;
        lines.push(`| ${workload} | ${CLIENT_LABELS[client]}${failureNote(cell)} | ${fmtOps(cell.opsPerSec)} | ${cpuCell(cell)} | ${spans} | ${cell.metricPoints ?? '—'} | ${fmtRatio(ratio)} |`);
      }
    }
  }
  const kinds = workloads.includes('pipeline') ? PLAIN_CLIENTS.map((c) => get('pipeline', c)).filter((c): c is Cell => c?.batchKind !== undefined) : [];
  if (kinds.length > 0) {
    lines.push('');
    lines.push(`Pipelines: ${kinds.map((c) => `${c.client}: ${c.batchKind}`).join('; ')}.`);
  }
  return `${lines.join('\n')}\n`;
}

function row(label: string, cell: Cell, oc: Cell | undefined): string {
  const opsRatio = cell.opsPerSec !== undefined && oc?.opsPerSec !== undefined ? oc.opsPerSec / cell.opsPerSec : undefined;
  const cpuRatio = cell.cpuUsPerCommand !== undefined && oc?.cpuUsPerCommand !== undefined ? oc.cpuUsPerCommand / cell.cpuUsPerCommand : undefined;
  const self = cell.client === 'ocredis';
  return `| ${label} | ${CLIENT_LABELS[cell.client]}${failureNote(cell)} | ${fmtOps(cell.opsPerSec)} | ${cpuCell(cell)} | ${self ? '' : fmtRatio(opsRatio)} | ${self ? '' : fmtRatio(cpuRatio)} |`;
}

function cpuCell(cell: Cell): string {
  if (cell.cpuUsPerCommand === undefined) return '—';
  return `${fmtUs(cell.cpuUsPerCommand)} (${fmtUs(cell.cpuMin)}–${fmtUs(cell.cpuMax)})`;
}

function failureNote(cell: Cell): string {
  if (cell.failures.length === 0) return '';
  const first = cell.failures[0] as string;
  const reason = /not available/.test(first) ? 'not available' : `${cell.failures.length} failed run(s): ${first.split('\n')[0]?.slice(0, 80)}`;
  return ` (${reason})`;
}
