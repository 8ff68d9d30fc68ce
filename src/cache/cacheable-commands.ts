// Which replies the client-side cache may keep: read-only commands of exactly one key (the first argument),
// found in the command table, minus those whose reply changes without any write to the key (time passes,
// randomness, cursors), which no invalidation would ever announce.
import { COMMAND_TABLE } from '../commands/generated/command-table.js';
import { getCommandInfo } from '../commands/command-info.js';

/** Read-only single-key commands whose reply is not a function of the key's value alone. */
export const NOT_CACHEABLE: ReadonlySet<string> = new Set([
  // the remaining time to live shrinks on its own
  'ttl',
  'pttl',
  'httl',
  'hpttl',
  // random picks
  'srandmember',
  'hrandfield',
  'zrandmember',
  // cursor pages: a cursor is a position in a walk, not a value
  'hscan',
  'sscan',
  'zscan',
  // idle times grow on their own
  'xpending',
]);

function cacheableNames(): Set<string> {
  const names = new Set<string>();
  for (const name of Object.keys(COMMAND_TABLE)) {
    if (name.includes('|') || NOT_CACHEABLE.has(name)) continue;
    const info = getCommandInfo(name);
    if (info === undefined || !info.readonly || info.blocking || info.movableKeys || info.pubsub || info.container) continue;
    // One key, and it is the first argument: the cache indexes a reply by that key for invalidation.
    if (info.firstKey !== 1 || info.lastKey !== 1 || info.keySpecs.length !== 1) continue;
    names.add(name.toUpperCase());
  }
  return names;
}

/** Upper-case names of the commands whose replies are cached (GET, HGETALL, ZRANGE …; see the README list). */
export const CACHEABLE_COMMANDS: ReadonlySet<string> = cacheableNames();
