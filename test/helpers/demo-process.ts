// The search demo (`node --import tsx examples/search-cli.ts`) as a child process of the Node running the
// tests (process.execPath, so a suite run on Node 24 runs the demo on Node 24 too): stdin to type into,
// stdout/stderr collected, killed by the test if left running.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { trackPid, untrackPid } from './cleanup.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

export class Demo {
  stdout = '';
  stderr = '';
  readonly exitCode: Promise<number | null>;
  private readonly child: ChildProcess;

  constructor(args: string[]) {
    // The demo's own environment variables must not leak in from the developer's shell.
    const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'REDIS_URL' && !key.startsWith('OTEL_')));
    this.child = spawn(process.execPath, ['--import', 'tsx', 'examples/search-cli.ts', ...args], { cwd: root, env, stdio: 'pipe' });
    const pid = this.child.pid;
    if (pid !== undefined) trackPid(pid);
    this.child.stdout?.on('data', (chunk: Buffer) => (this.stdout += chunk.toString()));
    this.child.stderr?.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.exitCode = new Promise((resolve, reject) => {
      this.child.once('error', reject);
      this.child.once('close', (code) => {
        if (pid !== undefined) untrackPid(pid);
        resolve(code);
      });
    });
  }

  type(text: string): void {
    this.child.stdin?.write(text);
  }

  /** Closes the demo's stdin; resolves once our end of the pipe is closed, i.e. the demo can read EOF. */
  async endInput(): Promise<void> {
    const stdin = this.child.stdin;
    if (stdin === null || stdin.closed) return;
    const closed = once(stdin, 'close');
    stdin.end();
    await closed;
  }

  signal(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  async waitForStdout(done: (stdout: string) => boolean, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!done(this.stdout)) {
      if (this.child.exitCode !== null) throw new Error(`demo exited (${this.child.exitCode}) early:\n${this.stdout}\n${this.stderr}`);
      if (Date.now() > deadline) throw new Error(`demo output not as expected after ${timeoutMs} ms:\n${this.stdout}\n${this.stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  async kill(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    await this.exitCode.catch(() => undefined);
  }
}
