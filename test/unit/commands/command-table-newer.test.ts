// Commands newer than Redis 7.0 (from the Redis 7.4 / Valkey 8.0 definitions the table is generated from).
import { describe, expect, it } from 'vitest';
import { getCommandInfo } from '../../../src/commands/command-info.js';
import { isBlocking, isReadOnly, keyIndexes } from '../../../src/commands/key-positions.js';

describe('commands newer than Redis 7.0', () => {
  it('routes hash-field expiry commands by their key and classifies reads and writes', () => {
    expect(keyIndexes('HEXPIRE', ['h', '10', 'FIELDS', '1', 'f'])).toEqual([0]);
    expect(keyIndexes('HTTL', ['h', 'FIELDS', '1', 'f'])).toEqual([0]);
    expect(isReadOnly('HTTL', ['h', 'FIELDS', '1', 'f'])).toBe(true);
    expect(isReadOnly('HPEXPIRETIME', ['h', 'FIELDS', '1', 'f'])).toBe(true);
    expect(isReadOnly('HPERSIST', ['h', 'FIELDS', '1', 'f'])).toBe(false);
    expect(getCommandInfo('hexpire')).toMatchObject({ arity: -6, write: true });
  });

  it('knows WAITAOF (blocking, keyless) and the newer CLIENT / CLUSTER / SCRIPT sub-commands', () => {
    expect(getCommandInfo('WAITAOF')).toMatchObject({ name: 'waitaof', arity: 4 });
    expect(isBlocking('WAITAOF', ['1', '0', '0'])).toBe(true);
    expect(keyIndexes('WAITAOF', ['1', '0', '0'])).toEqual([]);
    for (const [container, sub] of [['CLIENT', 'SETINFO'], ['CLIENT', 'NO-TOUCH'], ['CLIENT', 'CAPA'], ['CLUSTER', 'MYSHARDID'], ['CLUSTER', 'SLOT-STATS'], ['SCRIPT', 'SHOW']]) {
      expect(getCommandInfo(container as string, sub)?.name).toBe(`${container!.toLowerCase()}|${sub!.toLowerCase()}`);
    }
  });
});
