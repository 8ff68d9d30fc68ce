// One adapter per client variant: the same few operations over ocredis, ioredis and node-redis. Adapters are
// thin arrow functions (one extra call per op for everyone). The third-party clients are loaded with
// require() *after* bench/instrument.ts ran, because the OpenTelemetry instrumentations patch on require.
import { createRequire } from 'node:module';
import type { ViewOptions } from '@opentelemetry/sdk-metrics';
import type { ClientName } from './workload-names.js';

export interface BenchClient {
  get(key: string): Promise<unknown>;
  set(key: string, value: string): Promise<unknown>;
  incr(key: string): Promise<unknown>;
  lrange(key: string): Promise<unknown>;
  hgetall(key: string): Promise<unknown>;
  /** `pairs` SET+GET pairs as one batch; resolves when all replies are in. */
  setGetBatch(keys: readonly string[], value: string): Promise<unknown>;
  /** How setGetBatch is done, for the report (e.g. "explicit pipeline"). */
  readonly batchKind: string;
  close(): Promise<void>;
}

// ---- the minimal shapes of the three clients that the adapters use -----------------------------------------

interface BatchLike {
  set(key: string, value: string): unknown;
  get(key: string): unknown;
}

interface OcredisLike {
  get(key: string): Promise<unknown>;
  set(key: string, value: string): Promise<unknown>;
  incr(key: string): Promise<unknown>;
  lrange(key: string, start: number, stop: number): Promise<unknown>;
  hgetall(key: string): Promise<unknown>;
  connect(): Promise<void>;
  disconnect(): void;
  pipeline?: () => BatchLike & { exec(): Promise<unknown> };
}

interface IORedisLike {
  get(key: string): Promise<unknown>;
  set(key: string, value: string): Promise<unknown>;
  incr(key: string): Promise<unknown>;
  lrange(key: string, start: number, stop: number): Promise<unknown>;
  hgetall(key: string): Promise<unknown>;
  pipeline(): BatchLike & { exec(): Promise<unknown> };
  disconnect(): void;
}

interface NodeRedisLike {
  get(key: string): Promise<unknown>;
  set(key: string, value: string): Promise<unknown>;
  incr(key: string): Promise<unknown>;
  lRange(key: string, start: number, stop: number): Promise<unknown>;
  hGetAll(key: string): Promise<unknown>;
  multi(): BatchLike & { execAsPipeline(): Promise<unknown> };
  connect(): Promise<unknown>;
  destroy(): void;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

interface OcredisModule {
  Redis: new (options: { host: string; port: number; lazyConnect?: boolean; clientSideCache?: true }) => OcredisLike;
  OcRedis?: new (options: { host: string; port: number; lazyConnect?: boolean }) => OcredisLike;
  /** The metric views ocredis recommends (src/otel/views.ts), used for every instrumented worker's provider. */
  ocredisViews?: () => ViewOptions[];
}

const HOST = '127.0.0.1';

export async function loadOcredis(): Promise<OcredisModule> {
  return (await import('../src/index.js')) as unknown as OcredisModule;
}

export async function createClient(name: ClientName, port: number): Promise<BenchClient> {
  switch (name) {
    case 'ocredis-cache': {
      const r = new (await loadOcredis()).Redis({ host: HOST, port, lazyConnect: true, clientSideCache: true });
      await r.connect();
      return ocredisAdapter(r);
    }
    case 'ocredis':
    case 'ocredis-otel':
    case 'ocredis-own-line-otel':
    case 'ocredis-own-otel':
    case 'ocredis-otel-nosdk': {
      const mod = await loadOcredis();
      const Ctor = name === 'ocredis' ? mod.Redis : mod.OcRedis;
      if (Ctor === undefined) throw new Error('OcRedis is not exported from src/index.ts (not available)');
      const r = new Ctor({ host: HOST, port, lazyConnect: true });
      await r.connect();
      return ocredisAdapter(r);
    }
    case 'ioredis':
    case 'ioredis-auto':
    case 'ioredis-otel':
    case 'ioredis-auto-otel': {
      const require = createRequire(import.meta.url);
      const IORedis = require('ioredis') as new (options: object) => IORedisLike & { connect(): Promise<void> };
      const auto = name === 'ioredis-auto' || name === 'ioredis-auto-otel';
      const r = new IORedis({ host: HOST, port, lazyConnect: true, enableAutoPipelining: auto });
      await r.connect();
      return ioredisAdapter(r);
    }
    case 'node-redis':
    case 'node-redis-fast':
    case 'node-redis-otel': {
      const require = createRequire(import.meta.url);
      const { createClient: createNodeRedis } = require('redis') as { createClient(options: object): NodeRedisLike };
      const options: Record<string, unknown> = { socket: { host: HOST, port } };
      // No per-command timeout (no AbortSignal.timeout timer per command): node-redis 6's fastest honest
      // configuration, also under its instrumentation, so the OpenTelemetry comparison is against the best peer.
      if (name !== 'node-redis') options.commandOptions = { timeout: 0 };
      const r = createNodeRedis(options);
      r.on('error', () => undefined);
      await r.connect();
      return nodeRedisAdapter(r);
    }
  }
}

function ocredisAdapter(r: OcredisLike): BenchClient {
  const explicit = typeof r.pipeline === 'function';
  return {
    get: (key) => r.get(key),
    set: (key, value) => r.set(key, value),
    incr: (key) => r.incr(key),
    lrange: (key) => r.lrange(key, 0, -1),
    hgetall: (key) => r.hgetall(key),
    batchKind: explicit ? 'explicit pipeline()' : 'auto-pipelining: Promise.all of the SET/GET promises (no pipeline() yet)',
    setGetBatch: explicit
      ? (keys, value) => {
          const p = (r.pipeline as () => BatchLike & { exec(): Promise<unknown> })();
          for (const key of keys) {
            p.set(key, value);
            p.get(key);
          }
          return p.exec();
        }
      : (keys, value) => {
          const pending: Promise<unknown>[] = [];
          for (const key of keys) pending.push(r.set(key, value), r.get(key));
          return Promise.all(pending);
        },
    close: async () => r.disconnect(),
  };
}

function ioredisAdapter(r: IORedisLike): BenchClient {
  return {
    get: (key) => r.get(key),
    set: (key, value) => r.set(key, value),
    incr: (key) => r.incr(key),
    lrange: (key) => r.lrange(key, 0, -1),
    hgetall: (key) => r.hgetall(key),
    batchKind: 'explicit pipeline()',
    setGetBatch: (keys, value) => {
      const p = r.pipeline();
      for (const key of keys) {
        p.set(key, value);
        p.get(key);
      }
      return p.exec();
    },
    close: async () => r.disconnect(),
  };
}

function nodeRedisAdapter(r: NodeRedisLike): BenchClient {
  return {
    get: (key) => r.get(key),
    set: (key, value) => r.set(key, value),
    incr: (key) => r.incr(key),
    lrange: (key) => r.lRange(key, 0, -1),
    hgetall: (key) => r.hGetAll(key),
    batchKind: 'multi().execAsPipeline()',
    setGetBatch: (keys, value) => {
      const p = r.multi();
      for (const key of keys) {
        p.set(key, value);
        p.get(key);
      }
      return p.execAsPipeline();
    },
    close: async () => r.destroy(),
  };
}
