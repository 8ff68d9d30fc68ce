// The published shape: ESM and CommonJS builds with type declarations, reachable through the exports map.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
let consumer: string;

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build.mjs', '--if-changed'], { cwd: root, stdio: 'pipe' });
  // A consumer project whose node_modules/ocredis points at this package, as after `npm install ocredis`.
  consumer = mkdtempSync(join(tmpdir(), 'ocredis-consumer-'));
  mkdirSync(join(consumer, 'node_modules/@opentelemetry'), { recursive: true });
  symlinkSync(root, join(consumer, 'node_modules/ocredis'));
}, 120_000);

afterAll(() => {
  if (consumer) rmSync(consumer, { recursive: true, force: true });
});

function run(file: string, source: string): string {
  writeFileSync(join(consumer, file), source);
  return execFileSync(process.execPath, [file], { cwd: consumer, encoding: 'utf8', env: { ...process.env, NODE_PATH: join(root, 'node_modules') } }).trim();
}

describe('package exports', () => {
  it('has ESM and CommonJS builds with declarations', () => {
    for (const file of ['dist/esm/index.js', 'dist/esm/index.d.ts', 'dist/cjs/index.js', 'dist/cjs/index.d.ts', 'dist/esm/telemetry/index.js', 'dist/cjs/telemetry/index.js', 'dist/esm/ioredis/index.js', 'dist/cjs/ioredis/index.d.ts']) {
      expect(existsSync(join(root, file)), file).toBe(true);
    }
  });

  it('imports from ESM', () => {
    const out = run('esm.mjs', `import { Redis, ReplyError } from 'ocredis'; console.log(typeof Redis, new ReplyError('WRONGTYPE x').code);`);
    expect(out).toBe('function WRONGTYPE');
  });

  it("the ocredis/ioredis entry: the default export is Redis, and require() is the class itself, as with ioredis", () => {
    const esm = run('io-esm.mjs', `import Redis, { Redis as Named, Cluster, OcRedis } from 'ocredis/ioredis'; console.log(Redis === Named, Redis.Cluster === Cluster, new OcRedis({ lazyConnect: true }) instanceof Redis);`);
    expect(esm).toBe('true true true');
    const cjs = run('io-cjs.cjs', `const Redis = require('ocredis/ioredis'); const { Cluster, default: d } = Redis; console.log(typeof Redis, d === Redis, Redis.Cluster === Cluster, new Redis({ lazyConnect: true }).status);`);
    expect(cjs).toBe('function true true wait');
  });

  it('requires from CommonJS', () => {
    const out = run('cjs.cjs', `const { Redis, ProtocolError } = require('ocredis'); console.log(typeof Redis, new ProtocolError('x').name);`);
    expect(out).toBe('function ProtocolError');
  });
});

/** Modules a plain client must not load: the SDK, resources, exporters (everything but @opentelemetry/api). */
const SDK_MODULE = /@opentelemetry\/(sdk-[^/]+|resources|exporter-[^/]+|core|context-async-hooks)\//;

describe('the main entry loads @opentelemetry/api and nothing else of OpenTelemetry', () => {
  // What require() loaded, from require.cache: the CommonJS build.
  const requiredBy = (entry: string): string[] =>
    JSON.parse(run(`cjs-loaded-${entry.replace('/', '-')}.cjs`, `require(${JSON.stringify(entry)}); console.log(JSON.stringify(Object.keys(require.cache)));`)) as string[];

  // What the ESM loader resolved, reported by a resolve hook: the ESM build.
  const importedBy = (entry: string): string[] => {
    writeFileSync(
      join(consumer, 'resolve-hook.mjs'),
      `let port;
export function initialize(data) { port = data.port; }
export async function resolve(specifier, context, next) { const result = await next(specifier, context); port.postMessage(result.url); return result; }`,
    );
    const source = `import { register } from 'node:module';
import { MessageChannel } from 'node:worker_threads';
const { port1, port2 } = new MessageChannel();
const urls = [];
// Messages arrive in order: once the marker module's resolution is in, every earlier one is too.
const marker = 'data:text/javascript,export default 1';
const done = new Promise((resolve) => port1.on('message', (url) => (url === marker ? resolve() : urls.push(url))));
register('./resolve-hook.mjs', import.meta.url, { data: { port: port2 }, transferList: [port2] });
await import(${JSON.stringify(entry)});
await import(marker);
await done;
port1.close();
console.log(JSON.stringify(urls));`;
    return JSON.parse(run(`esm-loaded-${entry.replace('/', '-')}.mjs`, source)) as string[];
  };

  it('CommonJS: require("ocredis")', () => {
    const loaded = requiredBy('ocredis');
    expect(loaded.some((file) => file.includes('/@opentelemetry/api/'))).toBe(true);
    expect(loaded.filter((file) => SDK_MODULE.test(file))).toEqual([]);
  });

  it('ESM: import("ocredis")', () => {
    const loaded = importedBy('ocredis');
    expect(loaded.some((url) => url.includes('/@opentelemetry/api/'))).toBe(true);
    expect(loaded.filter((url) => SDK_MODULE.test(url))).toEqual([]);
  });

  it('the ocredis/ioredis entry loads no SDK either', () => {
    expect(requiredBy('ocredis/ioredis').filter((file) => SDK_MODULE.test(file))).toEqual([]);
    expect(importedBy('ocredis/ioredis').filter((url) => SDK_MODULE.test(url))).toEqual([]);
  });

  it('the ocredis/telemetry entry does load the SDK (so the checks above can see it)', () => {
    expect(requiredBy('ocredis/telemetry').filter((file) => SDK_MODULE.test(file))).not.toEqual([]);
    expect(importedBy('ocredis/telemetry').filter((url) => SDK_MODULE.test(url))).not.toEqual([]);
  });
});
