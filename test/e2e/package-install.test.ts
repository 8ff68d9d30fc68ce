// The package as a user gets it: the README's two install commands (a packed tarball, a git URL) in fresh
// applications, publint and arethetypeswrong on the tarball, the declarations compiled by TypeScript under every
// moduleResolution, source maps that carry their sources, and classes recognised across the ESM and CJS builds.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const bin = (name: string): string => join(root, 'node_modules/.bin', name);
const NPM_INSTALL = ['install', '--no-audit', '--no-fund', '--prefer-offline'];
/** What the declarations import (Node's types; `ocredis/telemetry`'s SDK types), at the versions this repository tests with. */
const TYPE_DEPENDENCIES = ['@types/node@^20.19.0', '@opentelemetry/api@1.9.0', '@opentelemetry/sdk-metrics@2.12.0', '@opentelemetry/sdk-trace@2.12.0', '@opentelemetry/resources@2.12.0'];

let work: string;
let tarball: string;
let repo: string;
let app: string;

function sh(command: string, args: string[], cwd: string): string {
  try {
    return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(' ')} failed:\n${stdout ?? ''}${stderr ?? ''}`);
  }
}

function newApp(name: string): string {
  const dir = join(work, name);
  mkdirSync(dir);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, version: '1.0.0', private: true, type: 'module' }));
  return dir;
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'ocredis-install-'));
  // A git repository holding this working tree as its one commit: what a clone of the project is. Packing
  // there (not here) also keeps this file off the dist/ that other test files build.
  repo = join(work, 'repo');
  const files = sh('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], root).split('\0').filter(Boolean);
  for (const file of files) {
    if (!existsSync(join(root, file))) continue; // deleted in the working tree
    mkdirSync(dirname(join(repo, file)), { recursive: true });
    cpSync(join(root, file), join(repo, file));
  }
  sh('git', ['init', '-q'], repo);
  sh('git', ['add', '-A'], repo);
  sh('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.invalid', 'commit', '-q', '-m', 'snapshot'], repo);
  // The README's tarball route: `npm ci && npm pack` in the clone (its dev dependencies are this repository's).
  symlinkSync(join(root, 'node_modules'), join(repo, 'node_modules'));
  const name = sh('npm', ['pack', '--silent', '--pack-destination', work], repo).trim().split('\n').pop() as string;
  tarball = join(work, name);
  app = newApp('from-tarball');
  sh('npm', [...NPM_INSTALL, tarball, ...TYPE_DEPENDENCIES], app);
}, 300_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the packed tarball', () => {
  it('passes publint with warnings as errors', () => {
    const out = sh(bin('publint'), ['run', tarball, '--strict', '--level', 'warning'], root);
    expect(out).not.toMatch(/Warnings:|Errors:/);
  });

  it('has no arethetypeswrong problem under node10, node16 (CJS and ESM) and bundler', () => {
    const report = JSON.parse(sh(bin('attw'), [tarball, '--format', 'json'], root)) as { problems: Record<string, unknown> };
    expect(report.problems).toEqual({});
  });

  it('ships LICENSE and source maps that carry their sources', () => {
    const installed = join(app, 'node_modules/ocredis');
    expect(readFileSync(join(installed, 'LICENSE'), 'utf8')).toContain('Apache License\n                           Version 2.0, January 2004');
    const maps = readdirSync(join(installed, 'dist'), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.js.map'));
    expect(maps.length).toBeGreaterThan(100);
    const withoutSources = maps.filter((file) => {
      const map = JSON.parse(readFileSync(join(installed, 'dist', file), 'utf8')) as { sources: string[]; sourcesContent?: (string | null)[] };
      return map.sourcesContent?.length !== map.sources.length || map.sourcesContent.some((text) => typeof text !== 'string');
    });
    expect(withoutSources).toEqual([]);
  });
});

describe('the declarations compile in a TypeScript application', () => {
  const source = `import { Redis, OcRedis, ReplyError, type RedisOptions } from 'ocredis';
import { registerViews, startTelemetry } from 'ocredis/telemetry';
const options: RedisOptions = { lazyConnect: true };
const client: Redis = new OcRedis(options);
const reply: Promise<string | null> = client.get('k');
import IoRedis, { OcRedis as IoOcRedis, Cluster } from 'ocredis/ioredis';
const io: IoRedis = new IoOcRedis(6379, { lazyConnect: true });
const ioReply: Promise<number> = io.expire('k', 10);
const page: Promise<[cursor: string, items: string[]]> = io.scan(0, 'MATCH', 'a*');
export const used = [reply, registerViews, startTelemetry, new ReplyError('ERR x').code, ioReply, page, io.pipeline().set('k', 'v').get('k').exec(), Cluster];
`;
  const settings: Record<string, Record<string, string>> = {
    node10: { module: 'commonjs', moduleResolution: 'node10' },
    node16: { module: 'node16', moduleResolution: 'node16' },
    nodenext: { module: 'nodenext', moduleResolution: 'nodenext' },
    bundler: { module: 'preserve', moduleResolution: 'bundler' },
  };

  const compilers: Record<string, string> = {
    'TypeScript 5.9': join(root, 'node_modules/typescript/bin/tsc'),
    'TypeScript 7 (native preview)': join(root, 'node_modules/@typescript/native-preview/bin/tsgo'),
  };
  for (const [compiler, cli] of Object.entries(compilers)) {
    for (const [name, compilerOptions] of Object.entries(settings)) {
      // TypeScript 7 removed moduleResolution node10 (TS5108): nothing left to check there.
      if (compiler.startsWith('TypeScript 7') && name === 'node10') continue;
      it(`moduleResolution ${name}, ${compiler}, skipLibCheck off`, () => {
        const dir = join(app, `ts-${name}-${compiler.split(' ')[1]}`);
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, 'index.ts'), source);
        const tsconfig = { compilerOptions: { ...compilerOptions, target: 'es2022', strict: true, noEmit: true, skipLibCheck: false, types: ['node'] }, files: ['index.ts'] };
        writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
        // Throws with the compiler's messages when anything fails to resolve or type-check.
        sh(process.execPath, [cli, '-p', dir], dir);
      });
    }
  }
});

describe('classes are recognised across the ESM and CommonJS builds', () => {
  it('an OcRedis and errors made by require("ocredis") are instanceof the imported classes, and only of the right ones', () => {
    writeFileSync(
      join(app, 'brand.mjs'),
      `import { createRequire } from 'node:module';
import * as esm from 'ocredis';
const cjs = createRequire(import.meta.url)('ocredis');
const lazy = { lazyConnect: true };
const checks = {
  separateCopies: esm.Redis !== cjs.Redis,
  ocRedisIsRedis: new cjs.OcRedis(lazy) instanceof esm.Redis,
  ocRedisIsOcRedis: new cjs.OcRedis(lazy) instanceof esm.OcRedis,
  redisIsNotOcRedis: !(new cjs.Redis(lazy) instanceof esm.OcRedis),
  esmRedisIsCjsRedis: new esm.Redis(lazy) instanceof cjs.Redis,
  clusterIsCluster: new cjs.RedisCluster({ rootNodes: [{ host: '127.0.0.1', port: 1 }], lazyConnect: true }) instanceof esm.RedisCluster,
  clusterIsNotRedis: !(new cjs.RedisCluster({ rootNodes: [{ host: '127.0.0.1', port: 1 }], lazyConnect: true }) instanceof esm.Redis),
  replyIsReply: new cjs.ReplyError('ERR x') instanceof esm.ReplyError,
  replyIsRedisError: new cjs.ReplyError('ERR x') instanceof esm.RedisError,
  replyIsError: new cjs.ReplyError('ERR x') instanceof Error,
  movedIsReply: new cjs.MovedError('MOVED 1 h:1') instanceof esm.ReplyError,
  replyIsNotMoved: !(new cjs.ReplyError('ERR x') instanceof esm.MovedError),
  argumentIsArgument: new cjs.ArgumentError('x') instanceof esm.ArgumentError,
  argumentIsNotRedisError: !(new cjs.ArgumentError('x') instanceof esm.RedisError),
  clusterErrorIsRedisError: new cjs.SlotUnservedError(1) instanceof esm.RedisError,
  sentinelError: new cjs.NoSentinelReachableError(2) instanceof esm.NoSentinelReachableError,
  plainObjectIsNot: !({} instanceof esm.RedisError) && !(null instanceof esm.Redis),
};
console.log(JSON.stringify(checks));`,
    );
    const checks = JSON.parse(sh(process.execPath, ['brand.mjs'], app)) as Record<string, boolean>;
    expect(Object.entries(checks).filter(([, passed]) => !passed).map(([name]) => name)).toEqual([]);
  });
});

describe('npm install from git (the README command)', () => {
  it('builds dist/ with the prepare script, and the installed package runs', () => {
    const fromGit = newApp('from-git');
    sh('npm', [...NPM_INSTALL, `git+file://${repo}`, '@opentelemetry/api@1.9.0'], fromGit);
    expect(existsSync(join(fromGit, 'node_modules/ocredis/dist/esm/index.js'))).toBe(true);
    writeFileSync(join(fromGit, 'check.mjs'), `import { Redis } from 'ocredis'; const { Redis: R } = (await import('node:module')).createRequire(import.meta.url)('ocredis'); console.log(typeof Redis, typeof R);`);
    expect(sh(process.execPath, ['check.mjs'], fromGit).trim()).toBe('function function');
  }, 300_000);
});
