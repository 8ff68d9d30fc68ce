// The workloads and client variants the harness knows, with their default and --quick sizes. Shared by the
// orchestrator (bench/run.ts) and the worker (bench/worker.ts) so both agree on names and counts.

export const WORKLOADS = ['sequential-get', 'concurrent-get', 'pipeline', 'get-1mib', 'lrange-1000', 'hgetall-100', 'cached-get', 'uncached-get', 'uncacheable-write'] as const;
export type WorkloadName = (typeof WORKLOADS)[number];

/** Workloads the OpenTelemetry comparison (issue 3 §8) runs on. */
export const OTEL_WORKLOADS: readonly WorkloadName[] = ['concurrent-get', 'pipeline'];

/**
 * Client-side caching (issue 13): `cached-get`, a GET of one hot key (served locally), only on ocredis-cache;
 * `uncached-get`, GETs of keys never read before (always a miss: what the cache adds to a call it cannot
 * answer), on ocredis and ocredis-cache; `uncacheable-write`, SET and INCR (commands the cache never serves: what
 * it adds to every other call), on the same two. ocredis-cache runs nothing else.
 */
export const CACHE_CLIENT = 'ocredis-cache' as const;

/** Whether `client` runs `workload` (the OpenTelemetry and cache variants run only their own workloads). */
export function runsOn(workload: WorkloadName, client: ClientName): boolean {
  if (workload === 'cached-get') return client === CACHE_CLIENT;
  if (workload === 'uncached-get' || workload === 'uncacheable-write') return client === CACHE_CLIENT || client === 'ocredis';
  if (client === CACHE_CLIENT) return false;
  return !(OTEL_CLIENTS as readonly string[]).includes(client) || OTEL_WORKLOADS.includes(workload);
}

/** Plain clients: the main comparison. */
export const PLAIN_CLIENTS = ['ocredis', 'ioredis', 'ioredis-auto', 'node-redis', 'node-redis-fast'] as const;
/** Instrumented variants: only on OTEL_WORKLOADS. */
export const OTEL_CLIENTS = [
  'ocredis-otel-nosdk',
  'ocredis-otel',
  'ocredis-own-line-otel',
  'ocredis-own-otel',
  'ioredis-otel',
  'ioredis-auto-otel',
  'node-redis-otel',
] as const;
/** The instrumented peers OcRedis is compared with. */
export const INSTRUMENTED_PEERS = ['ioredis-otel', 'ioredis-auto-otel', 'node-redis-otel'] as const;
export const CLIENTS = [...PLAIN_CLIENTS, CACHE_CLIENT, ...OTEL_CLIENTS] as const;
export type ClientName = (typeof CLIENTS)[number];

export const CLIENT_LABELS: Record<ClientName, string> = {
  ocredis: 'ocredis',
  ioredis: 'ioredis',
  'ioredis-auto': 'ioredis (enableAutoPipelining)',
  'node-redis': 'node-redis',
  'node-redis-fast': 'node-redis (commandOptions.timeout 0)',
  'ocredis-cache': 'ocredis (clientSideCache)',
  'ocredis-otel-nosdk': 'OcRedis, no SDK registered',
  'ocredis-otel': 'OcRedis + SDK (registerViews)',
  'ocredis-own-line-otel': 'OcRedis + own providers + ocredisMetricProducer()',
  'ocredis-own-otel': 'OcRedis + own providers (SDK path)',
  'ioredis-otel': 'ioredis + instrumentation-ioredis + SDK',
  'ioredis-auto-otel': 'ioredis (auto-pipelining) + instrumentation-ioredis + SDK',
  'node-redis-otel': 'node-redis (commandOptions.timeout 0) + instrumentation-redis + SDK',
};

/** How many operations one worker times, and how each operation is shaped. */
export interface WorkloadSize {
  /** Timed operations (a pipeline counts as one operation of `batch` SET+GET pairs). */
  ops: number;
  /** concurrent-get: GETs per Promise.all wave; pipeline: SET+GET pairs per pipeline. */
  batch: number;
}

export const DEFAULT_SIZES: Record<WorkloadName, WorkloadSize> = {
  'sequential-get': { ops: 20_000, batch: 1 },
  'concurrent-get': { ops: 200_000, batch: 1_000 },
  pipeline: { ops: 1_000, batch: 100 },
  'get-1mib': { ops: 300, batch: 1 },
  'lrange-1000': { ops: 2_000, batch: 1 },
  'hgetall-100': { ops: 5_000, batch: 1 },
  'cached-get': { ops: 1_000_000, batch: 1 },
  'uncached-get': { ops: 200_000, batch: 1_000 },
  'uncacheable-write': { ops: 200_000, batch: 1_000 },
};

export const QUICK_SIZES: Record<WorkloadName, WorkloadSize> = {
  'sequential-get': { ops: 5_000, batch: 1 },
  'concurrent-get': { ops: 50_000, batch: 1_000 },
  pipeline: { ops: 250, batch: 100 },
  'get-1mib': { ops: 100, batch: 1 },
  'lrange-1000': { ops: 500, batch: 1 },
  'hgetall-100': { ops: 1_500, batch: 1 },
  'cached-get': { ops: 200_000, batch: 1 },
  'uncached-get': { ops: 50_000, batch: 1_000 },
  'uncacheable-write': { ops: 50_000, batch: 1_000 },
};

/** Redis commands one operation of the workload sends (for CPU µs per command). */
export function commandsPerOp(workload: WorkloadName, size: WorkloadSize): number {
  return workload === 'pipeline' ? size.batch * 2 : 1;
}

export function isWorkload(name: string): name is WorkloadName {
  return (WORKLOADS as readonly string[]).includes(name);
}

export function isClient(name: string): name is ClientName {
  return (CLIENTS as readonly string[]).includes(name);
}
