// Regenerates src/commands/generated/command-table.ts from the installed redis-server's COMMAND INFO.
// Run with `npm run gen:commands`; commit the output together with any change here.
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { RawBeginSearch, RawCommand, RawKeySpec } from '../src/commands/command-info.js';
import { startRedisServer } from '../test/helpers/redis-server.js';

/** One COMMAND INFO entry as `redis-cli --json` (RESP3) prints it. */
type InfoEntry = [
  name: string,
  arity: number,
  flags: string[],
  first: number,
  last: number,
  step: number,
  acl: string[],
  tips: string[],
  keySpecs: JsonKeySpec[],
  subcommands: InfoEntry[],
];
interface JsonKeySpec {
  flags: string[];
  begin_search: { type: string; spec: Record<string, number | string> };
  find_keys: { type: string; spec: Record<string, number> };
}

const OUTPUT = fileURLToPath(new URL('../src/commands/generated/command-table.ts', import.meta.url));

function beginSearch(spec: JsonKeySpec['begin_search']): RawBeginSearch {
  if (spec.type === 'index') return Number(spec.spec.index);
  if (spec.type === 'keyword') return [String(spec.spec.keyword), Number(spec.spec.startfrom)];
  return null;
}

function keySpec(spec: JsonKeySpec): RawKeySpec {
  const flags = spec.flags.join(' ');
  const begin = beginSearch(spec.begin_search);
  const f = spec.find_keys.spec;
  if (spec.find_keys.type === 'range') return [flags, begin, 'range', num(f.lastkey), num(f.keystep), num(f.limit)];
  if (spec.find_keys.type === 'keynum') return [flags, begin, 'keynum', num(f.keynumidx), num(f.firstkey), num(f.keystep)];
  return [flags, begin, 'unknown', 0, 0, 0];
}

function num(value: number | undefined): number {
  if (typeof value !== 'number') throw new Error(`expected a number in a key spec, got ${String(value)}`);
  return value;
}

function rawCommand(entry: InfoEntry): RawCommand {
  const [, arity, flags, first, last, step, , tips, specs] = entry;
  // Only routing tips are useful to a client; nondeterministic_output* are for test suites.
  const routing = tips.filter((t) => t.startsWith('request_policy:') || t.startsWith('response_policy:'));
  const base = [arity, flags.join(' '), first, last, step, specs.map(keySpec)] as const;
  return routing.length > 0 ? [...base, routing.join(' ')] : base;
}

function literal(value: unknown): string {
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  return String(value);
}

async function main(): Promise<void> {
  const server = await startRedisServer();
  try {
    const version = /redis_version:(\S+)/.exec(await server.cli('INFO', 'server'))?.[1] ?? 'unknown';
    const info = JSON.parse(await server.cli('--json', 'COMMAND', 'INFO')) as InfoEntry[];
    const entries = new Map<string, RawCommand>();
    for (const entry of info) {
      entries.set(entry[0].toLowerCase(), rawCommand(entry));
      for (const sub of entry[9]) entries.set(sub[0].toLowerCase(), rawCommand(sub));
    }
    const names = [...entries.keys()].sort();
    const lines = names.map((name) => `  ${literal(name)}: ${literal(entries.get(name))},`);
    const source = [
      '// GENERATED FILE, DO NOT EDIT. Regenerate with `npm run gen:commands` (scripts/generate-command-specs.ts)',
      `// from COMMAND INFO of redis-server ${version}: ${names.length} commands and sub-commands.`,
      "// Entry layout: see RawCommand / RawKeySpec in ../command-info.ts.",
      "import type { RawCommand } from '../command-info.js';",
      '',
      `export const REDIS_VERSION = '${version}';`,
      '',
      'export const COMMAND_TABLE: Readonly<Record<string, RawCommand>> = {',
      ...lines,
      '};',
      '',
    ].join('\n');
    await writeFile(OUTPUT, source);
    console.log(`wrote ${OUTPUT}: ${names.length} entries from redis ${version}`);
  } finally {
    await server.stop();
  }
}

await main();
