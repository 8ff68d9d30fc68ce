// Which arguments of a command are keys (cluster slots, key-length metrics), and whether a command is
// read-only (safe to re-send after a reconnect) or blocking (needs its own connection). Follows the
// Redis 7 key-spec algorithm (getKeysUsingKeySpecs) with the server's fallbacks for SORT and MIGRATE.
// Indexes are into `args`, which EXCLUDES the command name (for sub-commands args[0] is the sub-command).
import { getCommandInfo, type CommandInfo, type KeySpec } from './command-info.js';

export type Arg = string | Buffer | number;

export interface KeyIndexOptions {
  /** Also return "not a key" positions (the shard channel of SPUBLISH/SSUBSCRIBE, for slot routing). */
  includeNotKeys?: boolean;
}

/** Precomputed per command: fixed positions (GET, SET, HSET, RENAME …) skip the generic walk. */
type Plan = { kind: 'none' } | { kind: 'fixed'; positions: readonly number[] } | { kind: 'specs' };
const plans = new Map<CommandInfo, Plan>();

export function keyIndexes(name: string, args: readonly Arg[], opts?: KeyIndexOptions): number[] {
  const info = getCommandInfo(name, args[0]);
  if (info === undefined) return [];
  const includeNotKeys = opts?.includeNotKeys === true;
  if (!includeNotKeys) {
    const plan = planFor(info);
    if (plan.kind === 'none') return [];
    if (plan.kind === 'fixed') {
      const out: number[] = [];
      for (const p of plan.positions) if (p < args.length) out.push(p);
      return out;
    }
  }
  const fromSpecs = keysFromSpecs(info.keySpecs, args, includeNotKeys);
  if (fromSpecs !== undefined) return fromSpecs;
  // Like the server: an unknown/incomplete spec or an invalid keynum falls back to command logic.
  const fallback = FALLBACKS[info.name];
  return fallback ? fallback(args) : [];
}

function planFor(info: CommandInfo): Plan {
  let plan = plans.get(info);
  if (plan === undefined) {
    plan = makePlan(info.keySpecs);
    plans.set(info, plan);
  }
  return plan;
}

function makePlan(specs: readonly KeySpec[]): Plan {
  const keySpecs = specs.filter((s) => !s.notKey);
  if (keySpecs.length === 0) return { kind: 'none' };
  const positions: number[] = [];
  for (const spec of keySpecs) {
    const { beginSearch: b, findKeys: f } = spec;
    if (spec.incomplete || b.type !== 'index' || f.type !== 'range' || f.lastKey < 0) return { kind: 'specs' };
    for (let i = b.index; i <= b.index + f.lastKey; i += f.step) positions.push(i - 1);
  }
  return { kind: 'fixed', positions };
}

/**
 * The server's algorithm, with argv = [name, ...args] (so argv index i is args[i - 1]).
 * Returns undefined where the server would give up on the specs (unknown/incomplete spec, bad keynum).
 */
function keysFromSpecs(specs: readonly KeySpec[], args: readonly Arg[], includeNotKeys: boolean): number[] | undefined {
  const argc = args.length + 1;
  const out: number[] = [];
  for (const spec of specs) {
    if (spec.notKey && !includeNotKeys) continue;
    const b = spec.beginSearch;
    let first = 0;
    if (b.type === 'index') {
      first = b.index;
    } else if (b.type === 'keyword') {
      first = findKeyword(args, b.keyword, b.startFrom);
      if (first === 0) continue; // optional keyword absent: no keys from this spec
    } else {
      return undefined;
    }
    const f = spec.findKeys;
    let last: number;
    let step: number;
    if (f.type === 'range') {
      step = f.step;
      if (f.lastKey >= 0) last = first + f.lastKey;
      else if (f.limit === 0) last = argc + f.lastKey;
      else last = first + (Math.trunc((argc - first) / f.limit) + f.lastKey);
    } else if (f.type === 'keynum') {
      step = f.step;
      const numIndex = first + f.keyNumIndex;
      if (numIndex >= argc) return undefined;
      const numKeys = toInteger(args[numIndex - 1] as Arg);
      if (numKeys === undefined || numKeys < 0) return undefined;
      first += f.firstKey;
      last = first + numKeys - 1;
    } else {
      return undefined;
    }
    if (last >= argc || last < first || first >= argc) return undefined;
    for (let i = first; i <= last; i += step) out.push(i - 1);
    if (spec.incomplete) return undefined;
  }
  return out;
}

/** argv index just after `keyword`, or 0. Positive startFrom scans forward (never the last argument). */
function findKeyword(args: readonly Arg[], keyword: string, startFrom: number): number {
  const argc = args.length + 1;
  if (startFrom > 0) {
    for (let i = startFrom; i < argc - 1; i++) if (argIs(args[i - 1] as Arg, keyword)) return i + 1;
  } else {
    for (let i = argc + startFrom; i >= 1; i--) if (i < argc && argIs(args[i - 1] as Arg, keyword)) return i + 1;
  }
  return 0;
}

/** Case-insensitive compare with a lowercase ASCII keyword, without decoding long values. */
export function argIs(arg: Arg, lowerKeyword: string): boolean {
  if (typeof arg === 'string') return arg.length === lowerKeyword.length && arg.toLowerCase() === lowerKeyword;
  if (typeof arg === 'number') return String(arg) === lowerKeyword;
  return arg.length === lowerKeyword.length && arg.toString('latin1').toLowerCase() === lowerKeyword;
}

/** Strict integer parse, like the server's string2ll. */
function toInteger(arg: Arg): number | undefined {
  if (typeof arg === 'number') return Number.isSafeInteger(arg) ? arg : undefined;
  const text = typeof arg === 'string' ? arg : arg.toString('latin1');
  return /^(0|-?[1-9][0-9]{0,15})$/.test(text) ? Number(text) : undefined;
}

/** SORT: the key, and the destination of the last STORE; BY/GET patterns are not keys. (sortGetKeys) */
function sortKeys(args: readonly Arg[]): number[] {
  if (args.length === 0) return [];
  const skip: Record<string, number> = { limit: 2, get: 1, by: 1 };
  let store = -1;
  for (let i = 1; i < args.length; i++) {
    const word = lower(args[i] as Arg);
    const n = skip[word];
    if (n !== undefined) i += n;
    else if (word === 'store' && i + 1 < args.length) store = i + 1;
  }
  return store >= 0 ? [0, store] : [0];
}

/** MIGRATE host port key|"" db timeout [COPY] [REPLACE] [AUTH pw] [AUTH2 user pw] [KEYS key …]. (migrateGetKeys) */
function migrateKeys(args: readonly Arg[]): number[] {
  const skip: Record<string, number> = { copy: 0, replace: 0, auth: 1, auth2: 2 };
  for (let i = 5; i < args.length; i++) {
    const word = lower(args[i] as Arg);
    if (word === 'keys') {
      if (String(args[2]).length > 0) return [];
      const out: number[] = [];
      for (let k = i + 1; k < args.length; k++) out.push(k);
      return out;
    }
    i += skip[word] ?? 0;
  }
  return args.length > 2 ? [2] : [];
}

function lower(arg: Arg): string {
  return typeof arg === 'string' ? arg.toLowerCase() : typeof arg === 'number' ? String(arg) : arg.toString('latin1').toLowerCase();
}

const FALLBACKS: Readonly<Record<string, (args: readonly Arg[]) => number[]>> = {
  sort: sortKeys,
  sort_ro: (args) => (args.length > 0 ? [0] : []),
  migrate: migrateKeys,
};

/** Commands the table marks as writes only because of an optional STORE-like argument. */
const READ_UNLESS: Readonly<Record<string, readonly string[]>> = {
  sort: ['store'],
  georadius: ['store', 'storedist'],
  georadiusbymember: ['store', 'storedist'],
};

/**
 * True when running the command twice is harmless: the server flags it `readonly`, or it is SORT /
 * GEORADIUS[BYMEMBER] without STORE. Used to decide whether an unanswered command may be re-sent.
 */
export function isReadOnly(name: string, args: readonly Arg[]): boolean {
  const info = getCommandInfo(name, args[0]);
  if (info === undefined) return false;
  if (info.readonly) return true;
  const storeWords = READ_UNLESS[info.name];
  return storeWords !== undefined && !args.some((a) => storeWords.some((w) => argIs(a, w)));
}

/**
 * True when the command may park the connection: flagged `blocking` (BLPOP, BLMOVE, BZPOPMIN …), except
 * XREAD/XREADGROUP which block only with BLOCK; also WAIT and WAITAOF.
 */
export function isBlocking(name: string, args: readonly Arg[]): boolean {
  const info = getCommandInfo(name, args[0]);
  const lowered = info?.name ?? name.toLowerCase();
  if (lowered === 'wait' || lowered === 'waitaof') return true;
  if (info === undefined || !info.blocking) return false;
  if (lowered === 'xread') return hasBlockOption(args, 0);
  if (lowered === 'xreadgroup') return hasBlockOption(args, 3); // GROUP group consumer come first
  return true;
}

/** Walks XREAD options up to STREAMS, skipping option values so a stream named 'block' can't fool it. */
function hasBlockOption(args: readonly Arg[], from: number): boolean {
  for (let i = from; i < args.length; i++) {
    const word = lower(args[i] as Arg);
    if (word === 'block') return true;
    if (word === 'streams') return false;
    if (word === 'count') i++;
  }
  return false;
}
