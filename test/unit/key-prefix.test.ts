// Which arguments the keyPrefix option rewrites, command by command (the integration tests check the server
// agrees for the common ones).
import { describe, expect, it } from 'vitest';
import { prefixKeys, resolveKeyPrefix } from '../../src/commands/key-prefix.js';
import { ArgumentError } from '../../src/errors.js';

const p = (name: string, ...args: (string | number | Buffer)[]) => prefixKeys('app:', name, args);

describe('prefixKeys', () => {
  it('prefixes the keys the key specs name, and nothing else', () => {
    expect(p('GET', 'k')).toEqual(['app:k']);
    expect(p('SET', 'k', 'v', 'EX', 10)).toEqual(['app:k', 'v', 'EX', 10]);
    expect(p('MSET', 'a', '1', 'b', '2')).toEqual(['app:a', '1', 'app:b', '2']);
    expect(p('HSET', 'h', 'f', 'v')).toEqual(['app:h', 'f', 'v']);
    expect(p('RENAME', 'a', 'b')).toEqual(['app:a', 'app:b']);
    expect(p('XREAD', 'COUNT', 2, 'STREAMS', 's1', 's2', '0', '0')).toEqual(['COUNT', 2, 'STREAMS', 'app:s1', 'app:s2', '0', '0']);
    expect(p('BLPOP', 'q1', 'q2', 1)).toEqual(['app:q1', 'app:q2', 1]);
  });

  it("prefixes scripts' KEYS by numkeys, never their ARGV", () => {
    expect(p('EVAL', 'return 1', 2, 'x', 'y', 'arg')).toEqual(['return 1', 2, 'app:x', 'app:y', 'arg']);
    expect(p('EVALSHA', 'abc', '1', 'x', 'arg')).toEqual(['abc', '1', 'app:x', 'arg']);
    expect(p('FCALL', 'fn', 1, 'x', 'arg')).toEqual(['fn', 1, 'app:x', 'arg']);
    expect(p('EVAL', 'return 1', 0, 'arg')).toEqual(['return 1', 0, 'arg']);
  });

  it("prefixes SORT's key, STORE destination and BY / GET patterns (not GET #)", () => {
    expect(p('SORT', 'list', 'BY', 'w_*', 'LIMIT', 0, 10, 'GET', 'o_*->name', 'GET', '#', 'ALPHA', 'STORE', 'dst')).toEqual([
      'app:list', 'BY', 'app:w_*', 'LIMIT', 0, 10, 'GET', 'app:o_*->name', 'GET', '#', 'ALPHA', 'STORE', 'app:dst',
    ]);
    expect(p('SORT_RO', 'list', 'by', 'nosort')).toEqual(['app:list', 'by', 'app:nosort']);
  });

  it('prefixes MIGRATE keys in both forms', () => {
    expect(p('MIGRATE', 'h', 6379, 'k', 0, 1000)).toEqual(['h', 6379, 'app:k', 0, 1000]);
    expect(p('MIGRATE', 'h', 6379, '', 0, 1000, 'COPY', 'AUTH', 'pw', 'KEYS', 'a', 'b')).toEqual(['h', 6379, '', 0, 1000, 'COPY', 'AUTH', 'pw', 'KEYS', 'app:a', 'app:b']);
  });

  it('leaves commands without keys, patterns and channels alone, returning the same array', () => {
    for (const [name, ...args] of [['PING'], ['KEYS', '*'], ['SCAN', 0, 'MATCH', 'a*'], ['PUBLISH', 'ch', 'm'], ['SPUBLISH', 'ch', 'm'], ['NOT-A-COMMAND', 'x']] as [string, ...string[]][]) {
      const given = args;
      expect(prefixKeys('app:', name, given)).toBe(given);
    }
  });

  it('never changes the caller array; numbers become text; Buffers (key or prefix) stay bytes', () => {
    const args = ['k', 'v'];
    expect(prefixKeys('app:', 'SET', args)).toEqual(['app:k', 'v']);
    expect(args).toEqual(['k', 'v']);
    expect(p('GET', 42)).toEqual(['app:42']);
    expect(prefixKeys('app:', 'GET', [Buffer.from([0xff, 0x00])])).toEqual([Buffer.from([0x61, 0x70, 0x70, 0x3a, 0xff, 0x00])]);
    expect(prefixKeys(Buffer.from([0xfe]), 'GET', ['k'])).toEqual([Buffer.from([0xfe, 0x6b])]);
  });
});

describe('resolveKeyPrefix', () => {
  it('takes a string or a Buffer; empty means none; anything else is an ArgumentError', () => {
    expect(resolveKeyPrefix('Redis', 'a:')).toBe('a:');
    expect(resolveKeyPrefix('Redis', '')).toBeUndefined();
    expect(resolveKeyPrefix('Redis', undefined)).toBeUndefined();
    expect(() => resolveKeyPrefix('Redis', 5)).toThrow(ArgumentError);
  });
});
