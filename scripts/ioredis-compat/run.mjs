// Runs ioredis's own functional tests against ioredis itself (the baseline) and against ocredis/ioredis, and
// prints the pass table file by file. No ioredis code enters this repository: the tests are copied from an
// ioredis checkout (or a bare git mirror) into a work directory outside it, where they run with ioredis's own
// runner (mocha, chai, sinon) installed there. See docs/ioredis-compat.md.
//
// Usage: node scripts/ioredis-compat/run.mjs <ioredis checkout or git dir> [--ref v5.9.2]
//          [--target both|ioredis|ocredis] [--files a.ts,b.ts] [--workdir DIR] [--redis-server PATH]
//          [--ioredis-version X.Y.Z] [--no-netns]
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXCLUDED_TESTS, SELECTED } from './selection.mjs';
import { printTable } from './table.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../..');
// The packages ioredis's tests need, at the versions its package.json asks for.
const RUNNER_PACKAGES = ['mocha', 'chai', 'chai-as-promised', 'sinon', 'ts-node', 'typescript', 'server-destroy', 'uuid'];
// The import specifiers of ioredis's public entry points, rewritten to the client under test.
const PUBLIC_ENTRY = /(["'])((?:\.\.\/)+)lib(\/Redis|\/cluster)?\1/g;

const options = parseArgs(process.argv.slice(2));
// One default work directory per checkout: two checkouts measuring at once must not relink each other's ocredis.
const workdir = resolve(options.workdir ?? join(tmpdir(), `ocredis-ioredis-compat-${createHash('sha256').update(repoRoot).digest('hex').slice(0, 12)}`));
if (!relative(repoRoot, workdir).startsWith('..')) fail(`the work directory must be outside the repository: ${workdir}`);
const targets = [
  { name: 'ioredis', module: 'ioredis' },
  { name: 'ocredis', module: 'ocredis/ioredis' },
].filter((target) => options.target === 'both' || options.target === target.name);
const files = options.files ?? SELECTED;

mkdirSync(workdir, { recursive: true });
const ioredisPackage = extractTests(options.source, options.ref);
const ioredisVersion = options.ioredisVersion ?? ioredisPackage.version;
if (!/^\d+\.\d+\.\d+/.test(ioredisVersion)) fail(`ioredis version "${ioredisVersion}" in the checkout is no release: pass --ioredis-version`);
installRunner(ioredisPackage, ioredisVersion);
linkClients();
for (const file of files) {
  if (!existsSync(join(workdir, 'test', file))) fail(`selected test file test/${file} is not in this ioredis checkout`);
  rewritePublicImports(join(workdir, 'test', file));
}

const resultsDir = join(workdir, 'results');
rmSync(resultsDir, { recursive: true, force: true });
const redisServer = options.redisServer ?? 'redis-server';
const redisCli = join(dirname(redisServer), 'redis-cli');
const netns = options.netns && canUseNetns();
if (!netns) await assertPortsFree(files);
const configPath = join(workdir, 'config.json');
writeFileSync(configPath, JSON.stringify({
  workdir, resultsDir, files, targets, netns,
  redisServer: which(redisServer), redisCli: existsSync(redisCli) ? redisCli : which('redis-cli'),
  excludedTests: Object.fromEntries(Object.entries(EXCLUDED_TESTS).map(([file, tests]) => [file, Object.keys(tests)])),
}));
const inside = [process.execPath, join(here, 'inside.mjs'), configPath];
const run = netns ? spawnSync('unshare', ['-rn', ...inside], { stdio: 'inherit' }) : spawnSync(inside[0], inside.slice(1), { stdio: 'inherit' });
if (run.status !== 0) fail(`the test run ended with ${run.status ?? run.signal}`);
printTable({ resultsDir, files, targets: targets.map((target) => target.name), ioredisVersion, excludedTests: EXCLUDED_TESTS });

function parseArgs(argv) {
  const parsed = { target: 'both', netns: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => argv[++i] ?? fail(`${arg} needs a value`);
    if (arg === '--ref') parsed.ref = value();
    else if (arg === '--target') parsed.target = value();
    else if (arg === '--files') parsed.files = value().split(',');
    else if (arg === '--workdir') parsed.workdir = value();
    else if (arg === '--redis-server') parsed.redisServer = value();
    else if (arg === '--ioredis-version') parsed.ioredisVersion = value();
    else if (arg === '--no-netns') parsed.netns = false;
    else if (!arg.startsWith('--') && !parsed.source) parsed.source = resolve(arg);
    else fail(`unknown argument ${arg}`);
  }
  if (!parsed.source) fail('usage: run.mjs <ioredis checkout or git dir> [--ref REF] [--target both|ioredis|ocredis] [--files a.ts,b.ts]');
  if (!['both', 'ioredis', 'ocredis'].includes(parsed.target)) fail(`--target must be both, ioredis or ocredis`);
  return parsed;
}

/** Copies test/ (and reads package.json) from a checkout's work tree, or from REF of its git directory (or of a bare one), into the workdir. */
function extractTests(source, ref) {
  rmSync(join(workdir, 'test'), { recursive: true, force: true });
  if (!ref && existsSync(join(source, 'test')) && existsSync(join(source, 'package.json'))) {
    cpSync(join(source, 'test'), join(workdir, 'test'), { recursive: true });
    return JSON.parse(readFileSync(join(source, 'package.json'), 'utf8'));
  }
  const gitDir = existsSync(join(source, '.git')) ? join(source, '.git') : source;
  const rev = ref ?? 'HEAD';
  // stderr piped: a partial mirror may lack blobs outside test/ and git reports them even so.
  const archive = execFileSync('git', ['--git-dir', gitDir, 'archive', '--format=tar', rev, 'test'], { maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'pipe'] });
  execFileSync('tar', ['-x', '-C', workdir], { input: archive });
  return JSON.parse(execFileSync('git', ['--git-dir', gitDir, 'show', `${rev}:package.json`], { encoding: 'utf8' }));
}

/** Installs ioredis and its test runner into the workdir, once per set of versions. */
function installRunner(ioredisPackage, version) {
  const devDependencies = Object.fromEntries(RUNNER_PACKAGES.map((name) => [name, ioredisPackage.devDependencies?.[name] ?? fail(`no ${name} in ioredis's devDependencies`)]));
  const manifest = JSON.stringify({ name: 'ioredis-compat-run', private: true, dependencies: { ioredis: version }, devDependencies }, null, 2) + '\n';
  const manifestPath = join(workdir, 'package.json');
  const installed = existsSync(manifestPath) && readFileSync(manifestPath, 'utf8') === manifest && existsSync(join(workdir, 'node_modules/ioredis'));
  if (!installed) {
    writeFileSync(manifestPath, manifest);
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: workdir, stdio: 'inherit' });
  }
  // ioredis's own compiler settings for its tests (no esModuleInterop: default imports read `.default`).
  writeFileSync(join(workdir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { target: 'es2019', module: 'commonjs', moduleResolution: 'node' } }, null, 2));
}

/**
 * `lib/` (ioredis's sources, which the test helpers import) is ioredis's compiled package; `compat-target/`
 * is the client under test; `ocredis` is this repository's build.
 */
function linkClients() {
  rmSync(join(workdir, 'lib'), { recursive: true, force: true });
  symlinkSync(join(workdir, 'node_modules/ioredis/built'), join(workdir, 'lib'));
  rmSync(join(workdir, 'compat-target'), { recursive: true, force: true });
  cpSync(join(here, 'target'), join(workdir, 'compat-target'), { recursive: true });
  rmSync(join(workdir, 'node_modules/ocredis'), { recursive: true, force: true });
  symlinkSync(repoRoot, join(workdir, 'node_modules/ocredis'));
  if (targets.some((target) => target.name === 'ocredis') && !existsSync(join(repoRoot, 'dist/cjs/ioredis'))) {
    fail(`no dist/cjs/ioredis in ${repoRoot}: build first (npm run build)`);
  }
}

/** Rewrites only `import … from "../../lib"`, "../../lib/Redis" and "../../lib/cluster" to compat-target/. */
function rewritePublicImports(path) {
  const source = readFileSync(path, 'utf8');
  writeFileSync(path, source.replace(PUBLIC_ENTRY, (_, quote, up, sub = '') => `${quote}${up}compat-target${sub}${quote}`));
}


function canUseNetns() {
  const probe = spawnSync('unshare', ['-rn', 'ip', 'link', 'set', 'lo', 'up'], { stdio: 'ignore' });
  if (probe.status === 0) return true;
  console.error('ioredis-compat: no private network namespace (unshare -rn); using the host loopback');
  return false;
}

/** Without a private namespace the tests' fixed ports must be free: never talk to a server we did not start. */
async function assertPortsFree(selected) {
  const ports = [6379, ...(selected.some((file) => file.startsWith('cluster/')) ? [3000, 3001, 3002, 3003, 3004, 3005] : [])];
  for (const port of ports) {
    const free = await new Promise((done) => {
      const server = createServer().once('error', () => done(false)).listen(port, '127.0.0.1', () => server.close(() => done(true)));
    });
    if (!free) fail(`port ${port} is in use and ioredis's tests hard-code it; stop that server or run where unshare -rn works`);
  }
}

function which(command) {
  if (command.includes('/')) return resolve(command);
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).stdout.trim();
  return found || fail(`${command} not found on PATH`);
}

function fail(message) {
  console.error(`ioredis-compat: ${message}`);
  process.exit(2);
}
