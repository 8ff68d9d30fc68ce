// Regenerates src/commands/generated/command-table.ts from the command definitions servers ship in their
// sources (src/commands/*.json): the union of the servers given, in the shape COMMAND INFO reports.
//
//   npm run gen:commands -- <server source> [<server source> …]
//   npm run gen:commands -- path/to/redis-7.4.1.tar.gz path/to/valkey-8.0.1.tar.gz
//
// A source is a server's source archive (.tar.gz) or its extracted directory. A command defined by several
// sources is taken from the first one that defines it. The table currently committed was made from
// redis-7.4.1 and valkey-8.0.1, in that order (the arguments above). Commit the output with any change here.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RawBeginSearch, RawCommand, RawKeySpec } from '../src/commands/command-info.js';
import { quote, readSource, type JsonCommand, type JsonKeySpec } from './command-json.js';

const OUTPUT = fileURLToPath(new URL('../src/commands/generated/command-table.ts', import.meta.url));

/** The command flags COMMAND INFO shows, in its order (the servers hide may_replicate, sentinel, protected …). */
const SHOWN_FLAGS = [
  'write', 'readonly', 'denyoom', 'module', 'admin', 'pubsub', 'noscript', 'blocking', 'loading', 'stale',
  'skip_monitor', 'skip_slowlog', 'asking', 'fast', 'no_auth', 'no_mandatory_keys', 'no_async_loading',
  'no_multi', 'movablekeys', 'allow_busy',
];
/** Key-spec flags as COMMAND INFO spells them, in its order. */
const KEY_FLAGS = ['RO', 'RW', 'OW', 'RM', 'access', 'update', 'insert', 'delete', 'not_key', 'incomplete', 'variable_flags'];

function keySpec(spec: JsonKeySpec): RawKeySpec {
  const given = new Set((spec.flags ?? []).map((flag) => flag.toLowerCase()));
  const flags = KEY_FLAGS.filter((flag) => given.has(flag.toLowerCase())).join(' ');
  const bs = spec.begin_search;
  const begin: RawBeginSearch = bs.index !== undefined ? bs.index.pos : bs.keyword !== undefined ? [bs.keyword.keyword, bs.keyword.startfrom] : null;
  const fk = spec.find_keys;
  if (fk.range !== undefined) return [flags, begin, 'range', fk.range.lastkey, fk.range.step, fk.range.limit];
  if (fk.keynum !== undefined) return [flags, begin, 'keynum', fk.keynum.keynumidx, fk.keynum.firstkey, fk.keynum.step];
  return [flags, begin, 'unknown', 0, 0, 0];
}

/**
 * The legacy first/last/step key range and whether keys are movable, derived from the key specs the way the
 * servers do (populateCommandLegacyRangeSpec in server.c), so the table reads as COMMAND INFO would.
 */
function legacyRange(specs: readonly JsonKeySpec[]): { first: number; last: number; step: number; movable: boolean } {
  const none = { first: 0, last: 0, step: 0 };
  if (specs.length === 0) return { ...none, movable: false };
  const isRange = (spec: JsonKeySpec) => spec.begin_search.index !== undefined && spec.find_keys.range !== undefined;
  const incomplete = (spec: JsonKeySpec) => spec.flags?.includes('INCOMPLETE') === true;
  const only = specs[0] as JsonKeySpec;
  if (specs.length === 1 && isRange(only)) {
    const pos = only.begin_search.index!.pos;
    const { lastkey, step } = only.find_keys.range!;
    return { first: pos, last: lastkey >= 0 ? lastkey + pos : lastkey, step, movable: incomplete(only) };
  }
  let movable = false;
  let first = Number.MAX_SAFE_INTEGER;
  let last = 0;
  let previousLast = 0;
  for (const spec of specs) {
    if (!isRange(spec)) {
      movable = true;
      continue;
    }
    const pos = spec.begin_search.index!.pos;
    const range = spec.find_keys.range!;
    if (range.step !== 1 || (previousLast !== 0 && previousLast !== pos - 1)) {
      movable = true;
      continue;
    }
    if (incomplete(spec)) movable = true;
    first = Math.min(first, pos);
    const absoluteLast = range.lastkey >= 0 ? range.lastkey + pos : range.lastkey;
    // The server compares as unsigned: a negative (counted from the end) last key wins.
    if (absoluteLast >>> 0 > last >>> 0) last = absoluteLast;
    previousLast = last;
  }
  if (first === Number.MAX_SAFE_INTEGER) return { ...none, movable: true };
  return { first, last, step: 1, movable };
}

function rawCommand(command: JsonCommand): RawCommand {
  const specs = command.key_specs ?? [];
  const range = legacyRange(specs);
  const given = new Set((command.command_flags ?? []).map((flag) => flag.toLowerCase()));
  if (range.movable) given.add('movablekeys');
  const flags = SHOWN_FLAGS.filter((flag) => given.has(flag)).join(' ');
  // Only routing tips are useful to a client; nondeterministic_output* are for test suites.
  const routing = (command.command_tips ?? []).map((tip) => tip.toLowerCase()).filter((tip) => tip.startsWith('request_policy:') || tip.startsWith('response_policy:'));
  const base = [command.arity, flags, range.first, range.last, range.step, specs.map(keySpec)] as const;
  return routing.length > 0 ? [...base, routing.join(' ')] : base;
}

function literal(value: unknown): string {
  if (typeof value === 'string') return quote(value);
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  return String(value);
}

function main(sources: string[]): void {
  if (sources.length === 0) throw new Error('usage: npm run gen:commands -- <server source archive or dir> [...]');
  const read = sources.map(readSource);
  const entries = new Map<string, RawCommand>();
  for (const { commands } of read) {
    for (const [name, command] of commands) if (!entries.has(name)) entries.set(name, rawCommand(command));
  }
  const labels = read.map((source) => source.label);
  const names = [...entries.keys()].sort();
  const source = [
    '// GENERATED FILE, DO NOT EDIT. Regenerate with `npm run gen:commands -- <server sources>`',
    `// (scripts/generate-command-specs.ts) from src/commands/*.json of ${labels.join(', ')}: ${names.length} commands and`,
    '// sub-commands. Entry layout: see RawCommand / RawKeySpec in ../command-info.ts.',
    "import type { RawCommand } from '../command-info.js';",
    '',
    '/** The server sources the table was generated from (a command both define comes from the first). */',
    `export const COMMAND_TABLE_SOURCES: readonly string[] = ${literal(labels)};`,
    '',
    'export const COMMAND_TABLE: Readonly<Record<string, RawCommand>> = {',
    ...names.map((name) => `  ${literal(name)}: ${literal(entries.get(name))},`),
    '};',
    '',
  ].join('\n');
  writeFileSync(OUTPUT, source);
  console.log(`wrote ${OUTPUT}: ${names.length} entries from ${labels.join(', ')}`);
}

main(process.argv.slice(2));
