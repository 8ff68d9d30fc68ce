// SCAN, HSCAN, SSCAN and ZSCAN as async iterators that follow the cursor until the server returns 0. Each page
// is one sendCommand call (so telemetry sees one span per page). Like the commands themselves, an element may
// be yielded more than once if the collection changes during the walk.
import type { RedisArg, RedisKey } from '../commands/define.js';
import { toScanPage, toScore, type ScoredMember } from '../commands/replies.js';
import { ArgumentError } from '../errors.js';
import type { ScriptHost as CommandHost } from './scripts.js';

export interface ScanOptions {
  /** Glob-style pattern (MATCH). */
  match?: string | Buffer;
  /** Work hint per page (COUNT); the server may return more or fewer. */
  count?: number;
}

export interface KeyScanOptions extends ScanOptions {
  /** Only keys of this type (TYPE): 'string', 'hash', 'list', 'set', 'zset', 'stream' … */
  type?: string;
}

type Page = { cursor: string; items: string[] };

/** Every key (SCAN). */
export async function* scanKeys(host: CommandHost, options: KeyScanOptions = {}): AsyncGenerator<string, void, undefined> {
  const extra = scanOptions('SCAN', options);
  if (options.type !== undefined) {
    if (typeof options.type !== 'string' || options.type.length === 0) throw new ArgumentError('SCAN: type must be a non-empty string');
    extra.push('TYPE', options.type);
  }
  for await (const page of pages(host, 'SCAN', [], extra)) yield* page;
}

/** Every `[field, value]` of a hash (HSCAN). */
export async function* hscanEntries(host: CommandHost, key: RedisKey, options: ScanOptions = {}): AsyncGenerator<[field: string, value: string], void, undefined> {
  for await (const page of pages(host, 'HSCAN', [key], scanOptions('HSCAN', options))) {
    for (let i = 0; i + 1 < page.length; i += 2) yield [page[i] as string, page[i + 1] as string];
  }
}

/** Every member of a set (SSCAN). */
export async function* sscanMembers(host: CommandHost, key: RedisKey, options: ScanOptions = {}): AsyncGenerator<string, void, undefined> {
  for await (const page of pages(host, 'SSCAN', [key], scanOptions('SSCAN', options))) yield* page;
}

/** Every `{ member, score }` of a sorted set (ZSCAN). */
export async function* zscanMembers(host: CommandHost, key: RedisKey, options: ScanOptions = {}): AsyncGenerator<ScoredMember, void, undefined> {
  for await (const page of pages(host, 'ZSCAN', [key], scanOptions('ZSCAN', options))) {
    for (let i = 0; i + 1 < page.length; i += 2) yield { member: page[i] as string, score: toScore(page[i + 1]) };
  }
}

/** The pages of one cursor walk, starting at 0 and ending when the server hands back 0. */
async function* pages(host: CommandHost, command: string, head: readonly RedisArg[], extra: readonly RedisArg[]): AsyncGenerator<string[], void, undefined> {
  let cursor = '0';
  do {
    const page: Page = await host.sendCommand(command, [...head, cursor, ...extra], false, toScanPage<string>);
    cursor = page.cursor;
    yield page.items;
  } while (cursor !== '0');
}

function scanOptions(command: string, options: ScanOptions): RedisArg[] {
  const out: RedisArg[] = [];
  if (options.match !== undefined) {
    if (typeof options.match !== 'string' && !Buffer.isBuffer(options.match)) throw new ArgumentError(`${command}: match must be a string or Buffer`);
    out.push('MATCH', options.match);
  }
  if (options.count !== undefined) {
    if (!Number.isInteger(options.count) || options.count < 1) throw new ArgumentError(`${command}: count must be a positive integer`);
    out.push('COUNT', options.count);
  }
  return out;
}
