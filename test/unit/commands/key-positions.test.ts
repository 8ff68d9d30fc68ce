import { describe, expect, it } from 'vitest';
import { commandNames, getCommandInfo } from '../../../src/commands/command-info.js';
import { COMMAND_TABLE_SOURCES } from '../../../src/commands/generated/command-table.js';
import { isBlocking, isReadOnly, keyIndexes } from '../../../src/commands/key-positions.js';

const split = (line: string): string[] => line.split(' ');
/** keyIndexes for 'NAME a b c' style lines (args exclude the name). */
const keys = (line: string): number[] => {
  const [name, ...args] = split(line);
  return keyIndexes(name as string, args);
};

describe('getCommandInfo', () => {
  it('is generated from real servers\' command definitions and is case-insensitive', () => {
    expect(COMMAND_TABLE_SOURCES).toEqual(['redis-7.4.1', 'valkey-8.0.1']);
    expect(commandNames().length).toBeGreaterThan(300);
    const get = getCommandInfo('GET');
    expect(get).toMatchObject({ name: 'get', arity: 2, readonly: true, write: false, container: false });
    expect(getCommandInfo('get')).toBe(get);
    expect(getCommandInfo('set')).toMatchObject({ write: true, readonly: false });
    expect(getCommandInfo('blpop')?.blocking).toBe(true);
    expect(getCommandInfo('eval')?.movableKeys).toBe(true);
    expect(getCommandInfo('no-such-module.cmd')).toBeUndefined();
  });

  it('resolves container commands through their first argument', () => {
    expect(getCommandInfo('CONFIG', 'GET')?.name).toBe('config|get');
    expect(getCommandInfo('client', Buffer.from('setname'))?.name).toBe('client|setname');
    expect(getCommandInfo('XGROUP', 'create')?.keySpecs.length).toBe(1);
    expect(getCommandInfo('script', 'load')?.name).toBe('script|load');
    expect(getCommandInfo('config')?.container).toBe(true);
    expect(getCommandInfo('config', 'nope')?.name).toBe('config');
    // GET is not a container: its first argument is a key, never a sub-command.
    expect(getCommandInfo('get', 'help')?.name).toBe('get');
  });

  it('exposes cluster routing tips', () => {
    expect(getCommandInfo('keys')?.requestPolicy).toBe('all_shards');
    expect(getCommandInfo('dbsize')?.responsePolicy).toBe('agg_sum');
  });
});

describe('keyIndexes', () => {
  it.each([
    ['GET k', [0]],
    ['get k', [0]],
    ['SET k v EX 10', [0]],
    ['HSET h f v f2 v2', [0]],
    ['MGET a b c', [0, 1, 2]],
    ['DEL a b', [0, 1]],
    ['MSET a 1 b 2', [0, 2]],
    ['MSETNX a 1 b 2 c 3', [0, 2, 4]],
    ['RENAME a b', [0, 1]],
    ['SMOVE src dst m', [0, 1]],
    ['LMOVE src dst LEFT RIGHT', [0, 1]],
    ['BLPOP a b 0', [0, 1]],
    ['BRPOPLPUSH a b 0', [0, 1]],
    ['BZPOPMIN z1 z2 1.5', [0, 1]],
    ['SINTERSTORE d a b', [0, 1, 2]],
    ['BITOP AND d a b', [1, 2, 3]],
    ['OBJECT ENCODING k', [1]],
    ['MEMORY USAGE k SAMPLES 5', [1]],
    ['XGROUP CREATE s g $ MKSTREAM', [1]],
    ['XINFO STREAM s FULL', [1]],
    ['CONFIG GET maxmemory', []],
    ['PING', []],
    ['PUBLISH ch msg', []],
    ['SPUBLISH ch msg', []],
    ['EVAL s 2 a b x y', [2, 3]],
    ['EVALSHA sha 1 a x', [2]],
    ['EVAL_RO s 1 a', [2]],
    ['FCALL f 2 a b c', [2, 3]],
    ['EVAL s 0 x', []],
    ['EVAL s 3 a b', []],
    ['EVAL s nope a', []],
    ['ZUNIONSTORE d 2 a b WEIGHTS 1 2', [0, 2, 3]],
    ['ZINTERSTORE d 1 a', [0, 2]],
    ['ZUNION 2 a b WITHSCORES', [1, 2]],
    ['ZINTER 3 a b c AGGREGATE MAX', [1, 2, 3]],
    ['ZDIFF 2 a b', [1, 2]],
    ['ZINTERCARD 2 a b LIMIT 1', [1, 2]],
    ['SINTERCARD 2 a b', [1, 2]],
    ['LMPOP 2 a b LEFT COUNT 2', [1, 2]],
    ['BLMPOP 0.5 2 a b RIGHT', [2, 3]],
    ['ZMPOP 1 z MIN', [1]],
    ['BZMPOP 1 2 z1 z2 MAX COUNT 3', [2, 3]],
    ['XREAD COUNT 2 STREAMS s1 s2 0 0', [3, 4]],
    ['XREAD BLOCK 0 STREAMS s $', [3]],
    ['XREAD STREAMS streams streams 0 0', [1, 2]],
    ['XREADGROUP GROUP g c COUNT 1 STREAMS s1 s2 > >', [6, 7]],
    ['SORT k', [0]],
    ['SORT k BY w_* GET # GET h_*->f LIMIT 0 10 ALPHA', [0]],
    ['SORT k BY w_* STORE dst', [0, 4]],
    ['SORT k STORE d1 STORE d2', [0, 4]],
    ['SORT_RO k BY w_* GET h_*', [0]],
    ['MIGRATE h 6379 k 0 5000', [2]],
    ['MIGRATE h 6379 k 0 5000 COPY REPLACE', [2]],
    ['MIGRATE h 6379  0 5000 AUTH2 u p KEYS a b', [9, 10]],
    ['GEORADIUS g 1 2 10 km STORE d', [0, 6]],
    ['GEORADIUS g 1 2 10 km WITHDIST', [0]],
    ['GEORADIUSBYMEMBER g m 10 km STOREDIST d', [0, 5]],
    ['GEOSEARCHSTORE d s FROMMEMBER m BYRADIUS 1 km', [0, 1]],
    ['COPY a b', [0, 1]],
    ['LCS a b', [0, 1]],
    ['NO.SUCH a b', []],
  ])('%s → %j', (line, expected) => {
    expect(keys(line)).toEqual(expected); // a double space makes an empty argument (MIGRATE's "" key)
  });

  it('accepts Buffer and number arguments', () => {
    expect(keyIndexes('eval', ['return 1', 2, Buffer.from('a'), 'b'])).toEqual([2, 3]);
    expect(keyIndexes('XREAD', [Buffer.from('streams'), 'a', '0'])).toEqual([1]);
    expect(keyIndexes('ZUNIONSTORE', ['d', Buffer.from('1'), 'a'])).toEqual([0, 2]);
  });

  it('returns shard channels only when asked', () => {
    expect(keyIndexes('SSUBSCRIBE', ['c1', 'c2'])).toEqual([]);
    expect(keyIndexes('SSUBSCRIBE', ['c1', 'c2'], { includeNotKeys: true })).toEqual([0, 1]);
    expect(keyIndexes('SPUBLISH', ['c1', 'm'], { includeNotKeys: true })).toEqual([0]);
  });

  it('does not go past the arguments it was given', () => {
    expect(keyIndexes('RENAME', ['a'])).toEqual([0]);
    expect(keyIndexes('GET', [])).toEqual([]);
    expect(keyIndexes('SORT', [])).toEqual([]);
  });

  it('returns fresh arrays (callers may mutate them)', () => {
    const a = keyIndexes('GET', ['k']);
    a.push(9);
    expect(keyIndexes('GET', ['k'])).toEqual([0]);
  });
});

describe('isReadOnly', () => {
  it.each([
    ['GET k', true],
    ['HGETALL h', true],
    ['XREAD STREAMS s 0', true],
    ['EVAL_RO s 0', true],
    ['CONFIG GET x', false],
    ['OBJECT ENCODING k', true],
    ['SET k v', false],
    ['INCR k', false],
    ['EVAL s 0', false],
    ['XREADGROUP GROUP g c STREAMS s >', false],
    ['SORT k', true],
    ['SORT k STORE d', false],
    ['sort k store d', false],
    ['GEORADIUS g 1 2 3 km', true],
    ['GEORADIUS g 1 2 3 km STOREDIST d', false],
    ['NO.SUCH k', false],
  ])('%s → %s', (line, expected) => {
    const [name, ...args] = split(line);
    expect(isReadOnly(name as string, args)).toBe(expected);
  });
});

describe('isBlocking', () => {
  it.each([
    ['BLPOP k 0', true],
    ['BRPOP k 0', true],
    ['BLMOVE a b LEFT LEFT 0', true],
    ['BZPOPMAX z 0', true],
    ['BLMPOP 0 1 k LEFT', true],
    ['WAIT 1 0', true],
    ['XREAD STREAMS s 0', false],
    ['XREAD COUNT 1 BLOCK 100 STREAMS s $', true],
    ['XREAD STREAMS block 0', false],
    ['XREADGROUP GROUP block c STREAMS s >', false],
    ['XREADGROUP GROUP g c BLOCK 0 STREAMS s >', true],
    ['GET k', false],
    ['LPOP k', false],
  ])('%s → %s', (line, expected) => {
    const [name, ...args] = split(line);
    expect(isBlocking(name as string, args)).toBe(expected);
  });
});
