// A V8 CPU profile of just the timed loop, via the inspector (for `worker.ts --cpu-prof=file`), and a
// summary of a .cpuprofile by self time (`node --import tsx bench/profiler.ts file.cpuprofile [top]`).
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { fileURLToPath } from 'node:url';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export async function startProfiler(): Promise<{ stopInto(path: string): Promise<void> }> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  return {
    async stopInto(path) {
      const { profile } = (await session.post('Profiler.stop')) as { profile: CpuProfile };
      writeFileSync(path, JSON.stringify(profile));
      session.disconnect();
    },
  };
}

/** Self time per function, highest first, as percentages of the sampled time. */
export function summarizeProfile(profile: CpuProfile, top = 30): string[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)?.callFrame;
    if (!frame) return;
    const file = frame.url.replace(/^.*\/(node_modules\/)?/, '$1');
    const key = `${frame.functionName || '(anonymous)'}  ${file}${frame.url ? `:${frame.lineNumber + 1}:${frame.columnNumber + 1}` : ''}`;
    const dt = profile.timeDeltas[i] ?? 0;
    self.set(key, (self.get(key) ?? 0) + dt);
    total += dt;
  });
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([key, t]) => `${((100 * t) / total).toFixed(1).padStart(5)}%  ${key}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [path, top] = process.argv.slice(2);
  if (path === undefined) throw new Error('usage: bench/profiler.ts file.cpuprofile [top]');
  console.log(summarizeProfile(JSON.parse(readFileSync(path, 'utf8')) as CpuProfile, Number(top ?? 30)).join('\n'));
}
