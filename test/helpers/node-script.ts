// Runs an ES module snippet in a fresh Node process (with tsx, so it can import src/*.ts): for what must not
// happen inside the test runner (freezing intrinsics) or must be seen from outside (whether a process exits).
import { spawn } from 'node:child_process';

export interface ScriptRun {
  /** What the script printed on stdout, trimmed. */
  output: string;
  /** It exited by itself with code 0 (not killed at the bound, not failed). */
  exited: boolean;
}

/** The import specifier of a source file, relative to the test/ folder (`'../src/index.ts'`). */
export function sourceUrl(relativeToTests: string): string {
  return JSON.stringify(new URL(`../${relativeToTests}`, import.meta.url).href);
}

/** Runs `code`; kills it after `boundMs` (a bound on the wait, not a measurement: a process held open never exits). */
export function runNodeScript(code: string, boundMs = 15_000): Promise<ScriptRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    const guard = setTimeout(() => child.kill('SIGKILL'), boundMs);
    child.on('exit', (exitCode) => {
      clearTimeout(guard);
      resolve({ output: output.trim(), exited: exitCode === 0 });
    });
  });
}
