// Last-resort cleanup: servers and temp dirs must die with the test process even when a test forgets to
// stop them. vitest ends fork workers with SIGTERM, which skips 'exit' handlers, so a detached janitor
// shell holds a pipe from us and, when it closes (we died, however), kills/removes what we still list.
import { spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const livePids = new Set<number>();
const tempDirs = new Set<string>();
const listFile = join(tmpdir(), `ocredis-janitor-${process.pid}.list`);
let installed = false;

const JANITOR = `
read _ignored
[ -f "$1" ] || exit 0
while read -r kind value; do
  case "$kind" in
    pid) kill -9 "$value" 2>/dev/null ;;
    dir) rm -rf "$value" ;;
  esac
done < "$1"
rm -f "$1"
`;

function install(): void {
  if (installed) return;
  installed = true;
  const janitor = spawn('sh', ['-c', JANITOR, 'ocredis-janitor', listFile], { stdio: ['pipe', 'ignore', 'ignore'], detached: true });
  janitor.on('error', () => undefined);
  janitor.unref();
  (janitor.stdin as unknown as Socket).unref();
  // A normal exit cleans up synchronously right away (the janitor then finds an empty list).
  process.on('exit', () => {
    for (const pid of livePids) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
    rmSync(listFile, { force: true });
  });
}

function persist(): void {
  const lines = [...[...livePids].map((pid) => `pid ${pid}`), ...[...tempDirs].map((dir) => `dir ${dir}`)];
  writeFileSync(listFile, lines.length > 0 ? `${lines.join('\n')}\n` : '');
}

/** SIGKILL `pid` when this process ends, unless untracked first. */
export function trackPid(pid: number): void {
  install();
  livePids.add(pid);
  persist();
}

export function untrackPid(pid: number): void {
  if (livePids.delete(pid)) persist();
}

/** Remove `dir` (recursively) when this process ends. */
export function trackTempDir(dir: string): void {
  install();
  tempDirs.add(dir);
  persist();
}

/** Remove `dir` now. */
export function removeTempDir(dir: string): void {
  if (tempDirs.delete(dir)) persist();
  rmSync(dir, { recursive: true, force: true });
}
