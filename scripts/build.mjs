// Builds dist/esm and dist/cjs (each with .d.ts) from src/ with tsc, then marks dist/cjs as CommonJS.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';

const tsc = (project) => execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', project], { stdio: 'inherit' });
rmSync('dist', { recursive: true, force: true });
tsc('tsconfig.build.json');
tsc('tsconfig.cjs.json');
// import.meta is ESM-only: the CommonJS build of require-here resolves from __filename instead.
const requireHere = 'dist/cjs/telemetry/require-here.js';
writeFileSync(requireHere, readFileSync(requireHere, 'utf8').replace('import.meta.url', '__filename'));
writeFileSync('dist/cjs/package.json', JSON.stringify({ type: 'commonjs' }) + '\n');
writeFileSync('dist/esm/package.json', JSON.stringify({ type: 'module' }) + '\n');
