// Micro benchmark of the client-side path of one command: the installed method (or call()) → sendCommand →
// connection.send, with the connection's send stubbed out, so only our own dispatch cost is measured
// (no encoding, no socket). Compare two checkouts: node --import tsx bench/micro/command-dispatch.bench.ts [repo root]
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(process.argv[2] ?? new URL('../..', import.meta.url).pathname);
const { Redis } = (await import(pathToFileURL(`${root}/src/index.ts`).href)) as typeof import('../../src/index.js');

const r = new Redis({ lazyConnect: true });
const reply = Promise.resolve('v');
(r.connection as unknown as { send: () => Promise<string> }).send = () => reply;

/** Median CPU ns per call over several rounds, after a warm-up round. */
function measure(label: string, fn: () => unknown, rounds = 9, calls = 1_000_000): void {
  for (let i = 0; i < calls; i++) fn();
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const start = process.cpuUsage();
    for (let i = 0; i < calls; i++) fn();
    const used = process.cpuUsage(start);
    samples.push(((used.user + used.system) * 1000) / calls);
  }
  samples.sort((a, b) => a - b);
  console.log(`${label.padEnd(40)} ${samples[rounds >> 1]!.toFixed(1).padStart(8)} ns/call (min ${samples[0]!.toFixed(1)})`);
}

console.log(`ocredis at ${root}`);
measure("get('key') (arguments passed through)", () => r.get('key'));
measure("hset('h', { f: 'v' }) (arguments built)", () => r.hset('h', { f: 'v' }));
measure("set('key', 'v') (pass-through with an options form)", () => r.set('key', 'v'));
measure("set('key', 'v', { EX: 10 }) (generated form)", () => r.set('key', 'v', { EX: 10 }));
if ('pfadd' in r) measure("pfadd('h', 'a') (generated argument tree)", () => (r as unknown as { pfadd(k: string, e: string): unknown }).pfadd('h', 'a'));
measure("call('GET', 'key')", () => r.call('GET', 'key'));
