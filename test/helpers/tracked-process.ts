// Server processes started by test helpers (redis-server, prometheus): tracked so they die with the test
// process, unref'd so a forgotten one can't keep it alive, and stopped by pid.
import { spawn, type ChildProcess } from 'node:child_process';
import type { Socket } from 'node:net';
import { trackPid, untrackPid } from './cleanup.js';

export interface TrackedProcess {
  readonly child: ChildProcess;
  readonly pid: number;
  /** Resolves when the process has exited. */
  readonly exited: Promise<void>;
}

/** Spawns `command`, hands its stdout/stderr text to `onOutput`, and resolves once it is running. */
export async function spawnTracked(command: string, args: string[], cwd: string | undefined, onOutput: (text: string) => void): Promise<TrackedProcess> {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], cwd });
  const collect = (chunk: Buffer): void => onOutput(chunk.toString());
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  await new Promise<void>((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', reject);
  });
  const pid = child.pid as number;
  trackPid(pid);
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      untrackPid(pid);
      resolve();
    });
  });
  // A forgotten server must not keep the test process alive; the cleanup hooks kill it.
  child.unref();
  (child.stdout as Socket | null)?.unref();
  (child.stderr as Socket | null)?.unref();
  return { child, pid, exited };
}

/** Whether the process is still running. */
export function isRunning(proc: TrackedProcess | undefined): proc is TrackedProcess {
  return proc !== undefined && proc.child.exitCode === null && proc.child.signalCode === null;
}

/** Sends `signal` (plus SIGCONT, so a SIGSTOPped process can die), SIGKILL after `killAfterMs`, and waits for exit. */
export async function stopTracked(proc: TrackedProcess | undefined, signal: NodeJS.Signals, killAfterMs: number): Promise<void> {
  if (proc === undefined) return;
  if (isRunning(proc)) {
    proc.child.ref(); // keep the loop alive until the exit event arrives
    send(proc.pid, signal);
    send(proc.pid, 'SIGCONT');
    const timer = setTimeout(() => send(proc.pid, 'SIGKILL'), killAfterMs);
    await proc.exited;
    clearTimeout(timer);
  }
  await proc.exited;
}

function send(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // already exited
  }
}
