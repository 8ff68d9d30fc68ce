// Command metadata (arity, flags, key specs) from the generated table, parsed lazily once and looked up
// on every command, so lookups are a Map hit.
import { COMMAND_TABLE } from './generated/command-table.js';

/** begin_search: a fixed index, a keyword searched from `startFrom` (negative: from the end), or unknown. */
export type RawBeginSearch = number | readonly [keyword: string, startFrom: number] | null;
/** [flags, begin_search, find_keys type, then range: lastkey, step, limit | keynum: keynumidx, firstkey, step]. */
export type RawKeySpec = readonly [flags: string, begin: RawBeginSearch, find: 'range' | 'keynum' | 'unknown', a: number, b: number, c: number];
/** [arity, flags, first key, last key, key step, key specs, request/response policy tips]. */
export type RawCommand = readonly [
  arity: number,
  flags: string,
  firstKey: number,
  lastKey: number,
  keyStep: number,
  keySpecs: readonly RawKeySpec[],
  tips?: string,
];

export type BeginSearch =
  | { readonly type: 'index'; readonly index: number }
  | { readonly type: 'keyword'; readonly keyword: string; readonly startFrom: number }
  | { readonly type: 'unknown' };

export type FindKeys =
  | { readonly type: 'range'; readonly lastKey: number; readonly step: number; readonly limit: number }
  | { readonly type: 'keynum'; readonly keyNumIndex: number; readonly firstKey: number; readonly step: number }
  | { readonly type: 'unknown' };

export interface KeySpec {
  /** Redis key-spec flags as reported by COMMAND INFO (RO, RW, OW, RM, access, update, insert, delete, …). */
  readonly flags: readonly string[];
  /** Not a key (shard channels of SPUBLISH/SSUBSCRIBE): routes like one, but is not one. */
  readonly notKey: boolean;
  /** The spec may miss keys; Redis then falls back to command-specific logic. */
  readonly incomplete: boolean;
  readonly beginSearch: BeginSearch;
  readonly findKeys: FindKeys;
}

export interface CommandInfo {
  /** Lowercase; sub-commands as 'config|get'. */
  readonly name: string;
  /** Redis arity: positive = exact argument count including the name(s); negative = at least -arity. */
  readonly arity: number;
  readonly flags: readonly string[];
  readonly readonly: boolean;
  readonly write: boolean;
  readonly blocking: boolean;
  readonly movableKeys: boolean;
  readonly pubsub: boolean;
  readonly noScript: boolean;
  /** Legacy key range (positions count the command name as 0). */
  readonly firstKey: number;
  readonly lastKey: number;
  readonly keyStep: number;
  readonly keySpecs: readonly KeySpec[];
  /** Cluster routing hints (e.g. 'all_shards', 'agg_sum'), when the server gives them. */
  readonly requestPolicy?: string;
  readonly responsePolicy?: string;
  /** True for CONFIG, CLIENT, XGROUP …: the real command is chosen by the first argument. */
  readonly container: boolean;
}

let table: Map<string, CommandInfo> | undefined;

function load(): Map<string, CommandInfo> {
  const map = new Map<string, CommandInfo>();
  const containers = new Set<string>();
  for (const name of Object.keys(COMMAND_TABLE)) {
    const bar = name.indexOf('|');
    if (bar > 0) containers.add(name.slice(0, bar));
  }
  for (const [name, raw] of Object.entries(COMMAND_TABLE)) {
    const info = parse(name, raw, containers.has(name));
    map.set(name, info);
    // Clients usually spell names all-upper or all-lower: both hit without toLowerCase().
    map.set(name.toUpperCase(), info);
  }
  return map;
}

function parse(name: string, raw: RawCommand, container: boolean): CommandInfo {
  const [arity, flagText, firstKey, lastKey, keyStep, specs, tips] = raw;
  const flags = words(flagText);
  const tip = (prefix: string): string | undefined =>
    words(tips ?? '').find((t) => t.startsWith(prefix))?.slice(prefix.length);
  const info: CommandInfo = {
    name,
    arity,
    flags,
    readonly: flags.includes('readonly'),
    write: flags.includes('write'),
    blocking: flags.includes('blocking'),
    movableKeys: flags.includes('movablekeys'),
    pubsub: flags.includes('pubsub'),
    noScript: flags.includes('noscript'),
    firstKey,
    lastKey,
    keyStep,
    keySpecs: specs.map(parseSpec),
    container,
  };
  const requestPolicy = tip('request_policy:');
  const responsePolicy = tip('response_policy:');
  return { ...info, ...(requestPolicy && { requestPolicy }), ...(responsePolicy && { responsePolicy }) };
}

function parseSpec([flagText, begin, find, a, b, c]: RawKeySpec): KeySpec {
  const flags = words(flagText);
  const beginSearch: BeginSearch =
    begin === null
      ? { type: 'unknown' }
      : typeof begin === 'number'
        ? { type: 'index', index: begin }
        : { type: 'keyword', keyword: begin[0].toLowerCase(), startFrom: begin[1] };
  const findKeys: FindKeys =
    find === 'range'
      ? { type: 'range', lastKey: a, step: b, limit: c }
      : find === 'keynum'
        ? { type: 'keynum', keyNumIndex: a, firstKey: b, step: c }
        : { type: 'unknown' };
  return { flags, notKey: flags.includes('not_key'), incomplete: flags.includes('incomplete'), beginSearch, findKeys };
}

function words(text: string): string[] {
  return text === '' ? [] : text.split(' ');
}

/**
 * Metadata for a command, case-insensitive. For container commands (CONFIG, CLIENT, XGROUP, SCRIPT …)
 * pass the first argument to get the sub-command (`'config|get'`); an unknown or missing sub-command
 * gives the container itself. Unknown commands (modules) give undefined.
 */
export function getCommandInfo(name: string, firstArg?: string | Buffer | number): CommandInfo | undefined {
  const map = (table ??= load());
  const info = map.get(name) ?? map.get(name.toLowerCase());
  if (info === undefined || !info.container || firstArg === undefined) return info;
  return map.get(`${info.name}|${String(firstArg).toLowerCase()}`) ?? info;
}

/** Every command and sub-command name in the table, e.g. for coverage checks. */
export function commandNames(): string[] {
  return [...new Set([...(table ??= load()).values()].map((info) => info.name))];
}
