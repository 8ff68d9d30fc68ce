// The published shape: ESM and CommonJS builds with type declarations, reachable through the exports map.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
let consumer: string;

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'pipe' });
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
    for (const file of ['dist/esm/index.js', 'dist/esm/index.d.ts', 'dist/cjs/index.js', 'dist/cjs/index.d.ts', 'dist/esm/telemetry/index.js', 'dist/cjs/telemetry/index.js']) {
      expect(existsSync(join(root, file)), file).toBe(true);
    }
  });

  it('imports from ESM', () => {
    const out = run('esm.mjs', `import { Redis, ReplyError } from 'ocredis'; console.log(typeof Redis, new ReplyError('WRONGTYPE x').code);`);
    expect(out).toBe('function WRONGTYPE');
  });

  it('requires from CommonJS', () => {
    const out = run('cjs.cjs', `const { Redis, ProtocolError } = require('ocredis'); console.log(typeof Redis, new ProtocolError('x').name);`);
    expect(out).toBe('function ProtocolError');
  });
});
