import { describe, expect, it } from 'vitest';
import { commandSlot } from '../../../src/cluster/command-slot.js';
import { crc16, keySlot } from '../../../src/cluster/slot.js';
import { CrossSlotError } from '../../../src/errors.js';

describe('keySlot', () => {
  // Vectors verified against CLUSTER KEYSLOT on a real server (and by the integration test).
  const vectors: [string, number][] = [
    ['foo', 12182],
    ['bar', 5061],
    ['123456789', 12739],
    ['{user1000}.following', 3443],
    ['foo{}{bar}', 8363],
    ['foo{{bar}}zap', 4015],
    ['foo{bar}{zap}', 5061],
    ['', 0],
  ];
  it.each(vectors)('%j → %i (string and Buffer)', (key, slot) => {
    expect(keySlot(key)).toBe(slot);
    expect(keySlot(Buffer.from(key))).toBe(slot);
  });

  it('is CRC16-XMODEM: the check value of "123456789" is 0x31c3', () => {
    expect(crc16(Buffer.from('123456789'))).toBe(0x31c3);
  });

  it('hashes non-ASCII keys by their UTF-8 bytes, tags included', () => {
    expect(keySlot('clé')).toBe(keySlot(Buffer.from('clé', 'utf8')));
    expect(keySlot('{é}x')).toBe(keySlot(Buffer.from('é', 'utf8')));
    expect(keySlot('ü{a}')).toBe(keySlot('a'));
  });

  it('hashes numbers as their decimal text', () => {
    expect(keySlot(123456789)).toBe(12739);
  });
});

describe('commandSlot', () => {
  it('routes by the key positions of the command', () => {
    expect(commandSlot('GET', ['foo'])).toBe(12182);
    expect(commandSlot('SET', ['bar', 'foo'])).toBe(5061);
    expect(commandSlot('EVAL', ['return 1', '1', 'foo', 'bar'])).toBe(12182);
    expect(commandSlot('PING', [])).toBe(-1);
  });

  it('routes shard channels like keys', () => {
    expect(commandSlot('SPUBLISH', ['foo', 'message'])).toBe(12182);
  });

  it('refuses multi-key commands across slots before sending', () => {
    expect(commandSlot('MGET', ['{a}1', '{a}2'])).toBe(keySlot('a'));
    expect(() => commandSlot('MGET', ['foo', 'bar'])).toThrow(CrossSlotError);
    expect(() => commandSlot('MSET', ['foo', '1', 'bar', '2'])).toThrow(/CROSSSLOT|different cluster slots/);
  });
});
