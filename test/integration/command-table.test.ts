// The command table is generated from the newest servers' command definitions; every server of the matrix
// (older ones included) must classify the commands it knows as the table does where routing and retries
// depend on it: read-only or write, movable keys, and where the keys are.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { getCommandInfo } from '../../src/commands/command-info.js';
import { startRedisServer, type RedisServerHandle } from '../helpers/redis-server.js';

let server: RedisServerHandle;
beforeAll(async () => {
  server = await startRedisServer();
});
afterAll(async () => {
  await server?.stop();
});

/** One COMMAND INFO entry as `redis-cli --json` prints it. */
type InfoEntry = [name: string, arity: number, flags: string[], first: number, last: number, step: number, acl: string[], tips: string[], keySpecs: JsonKeySpec[], subcommands: InfoEntry[]];
interface JsonKeySpec {
  flags: string[];
  begin_search: { type: string; spec: Record<string, number | string> };
  find_keys: { type: string; spec: Record<string, number> };
}

/** What routing reads of a command, from the server's COMMAND INFO. */
function serverView(entry: InfoEntry): unknown {
  const [, , flags, first, last, step, , , specs] = entry;
  return {
    readonly: flags.includes('readonly'),
    write: flags.includes('write'),
    movableKeys: flags.includes('movablekeys'),
    range: [first, last, step],
    keySpecs: specs.map((spec) => ({
      notKey: spec.flags.includes('not_key'),
      incomplete: spec.flags.includes('incomplete'),
      begin: spec.begin_search.type === 'index' ? Number(spec.begin_search.spec.index) : spec.begin_search.type === 'keyword' ? [String(spec.begin_search.spec.keyword).toLowerCase(), Number(spec.begin_search.spec.startfrom)] : null,
      find: spec.find_keys.type === 'range' ? ['range', spec.find_keys.spec.lastkey, spec.find_keys.spec.keystep, spec.find_keys.spec.limit] : spec.find_keys.type === 'keynum' ? ['keynum', spec.find_keys.spec.keynumidx, spec.find_keys.spec.firstkey, spec.find_keys.spec.keystep] : ['unknown'],
    })),
  };
}

/** The same, from our table. */
function tableView(name: string): unknown {
  const info = getCommandInfo(name);
  if (info === undefined) return undefined;
  return {
    readonly: info.readonly,
    write: info.write,
    movableKeys: info.movableKeys,
    range: [info.firstKey, info.lastKey, info.keyStep],
    keySpecs: info.keySpecs.map((spec) => ({
      notKey: spec.notKey,
      incomplete: spec.incomplete,
      begin: spec.beginSearch.type === 'index' ? spec.beginSearch.index : spec.beginSearch.type === 'keyword' ? [spec.beginSearch.keyword, spec.beginSearch.startFrom] : null,
      find: spec.findKeys.type === 'range' ? ['range', spec.findKeys.lastKey, spec.findKeys.step, spec.findKeys.limit] : spec.findKeys.type === 'keynum' ? ['keynum', spec.findKeys.keyNumIndex, spec.findKeys.firstKey, spec.findKeys.step] : ['unknown'],
    })),
  };
}

it('classifies every command the running server knows as the server does (read-only, keys, movable keys)', async () => {
  const info = JSON.parse(await server.cli('--json', 'COMMAND', 'INFO')) as InfoEntry[];
  const mismatches: string[] = [];
  let compared = 0;
  for (const entry of info) {
    for (const command of [entry, ...entry[9]]) {
      const name = command[0].toLowerCase();
      compared++;
      const ours = JSON.stringify(tableView(name));
      const theirs = JSON.stringify(serverView(command));
      if (ours !== theirs) mismatches.push(`${name}: ours ${ours}, server ${theirs}`);
    }
  }
  expect(mismatches).toEqual([]);
  expect(compared).toBeGreaterThan(300);
});
