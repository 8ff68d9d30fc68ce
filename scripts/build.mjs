// Builds dist/esm and dist/cjs (each with .d.ts) from src/ with tsc, then marks dist/cjs as CommonJS.
// With --if-changed (the `prepare` script) it does nothing when dist/ was built from the same inputs: npm runs
// `prepare` on `npm ci`, again on `npm pack`, and a git install runs both, so without the check every
// install-then-pack would compile the package twice.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const INPUTS = ['src', 'scripts/build.mjs', 'tsconfig.json', 'tsconfig.build.json', 'tsconfig.cjs.json', 'node_modules/typescript/package.json'];
// Outside dist/ so that it is never packed; named after this checkout, as node_modules may be shared (a symlink).
const STAMP = `node_modules/.cache/ocredis-build/${createHash('sha256').update(process.cwd()).digest('hex').slice(0, 16)}.sha256`;

if (process.argv.includes('--if-changed') && isUpToDate()) {
  console.log('ocredis build: dist/ is up to date');
} else {
  build();
  mkdirSync(join(STAMP, '..'), { recursive: true });
  writeFileSync(STAMP, inputsHash());
}

function build() {
  const tsc = (project) => execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', project], { stdio: 'inherit' });
  rmSync('dist', { recursive: true, force: true });
  rmSync(STAMP, { force: true });
  tsc('tsconfig.build.json');
  tsc('tsconfig.cjs.json');
  // import.meta is ESM-only: the CommonJS build of require-here resolves from __filename instead.
  const requireHere = 'dist/cjs/telemetry/require-here.js';
  writeFileSync(requireHere, readFileSync(requireHere, 'utf8').replace('import.meta.url', '__filename'));
  // `const Redis = require('ocredis/ioredis')`, as with ioredis: the CommonJS module is the class itself,
  // carrying the named exports (and `default`) as properties.
  const ioredisEntry = 'dist/cjs/ioredis/index.js';
  writeFileSync(ioredisEntry, readFileSync(ioredisEntry, 'utf8') + '\nmodule.exports = Object.assign(exports.default, exports);\n');
  writeFileSync('dist/cjs/package.json', JSON.stringify({ type: 'commonjs' }) + '\n');
  writeFileSync('dist/esm/package.json', JSON.stringify({ type: 'module' }) + '\n');
}

function isUpToDate() {
  const entries = ['dist/esm/index.js', 'dist/esm/index.d.ts', 'dist/cjs/index.js', 'dist/cjs/index.d.ts', 'dist/cjs/package.json'];
  return existsSync(STAMP) && entries.every((file) => existsSync(file)) && readFileSync(STAMP, 'utf8') === inputsHash();
}

/** One hash over the path and content of every input file. */
function inputsHash() {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap(filesUnder).sort()) {
    hash.update(file).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

function filesUnder(path) {
  if (!existsSync(path)) return [];
  try {
    return readdirSync(path, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name));
  } catch {
    return [path]; // a file
  }
}
