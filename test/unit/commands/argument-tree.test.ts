// The generated argument trees build the wire arguments the server expects, in its order, from positional
// parameters and an options object; bad input is refused before anything is sent.
import { describe, expect, it } from 'vitest';
import { buildArguments } from '../../../src/commands/argument-tree.js';
import { EXCLUDED_COMMANDS, GENERATED_COMMANDS } from '../../../src/commands/generated/command-args.js';
import { ArgumentError } from '../../../src/errors.js';

const build = (method: string, ...params: unknown[]) => {
  const command = GENERATED_COMMANDS[method];
  if (command === undefined) throw new Error(`no generated command ${method}`);
  return [command.name, ...command.prefix, ...buildArguments(command, params)];
};

describe('generated argument trees', () => {
  it('SET: options in the order the server documents, whatever order the object has', () => {
    expect(build('set', 'k', 'v')).toEqual(['SET', 'k', 'v']);
    expect(build('set', 'k', 'v', { EX: 10, GET: true, NX: true })).toEqual(['SET', 'k', 'v', 'NX', 'GET', 'EX', 10]);
    expect(build('set', 'k', 'v', { KEEPTTL: true, XX: false })).toEqual(['SET', 'k', 'v', 'KEEPTTL']);
  });

  it('refuses two alternatives of one choice, a missing argument, a non-object options argument', () => {
    expect(() => build('set', 'k', 'v', { EX: 1, PX: 2 })).toThrow(new ArgumentError('SET: EX and PX cannot be combined'));
    expect(() => build('set', 'k')).toThrow(ArgumentError);
    expect(() => build('set', 'k', 'v', 'EX')).toThrow(/options argument must be a plain object/);
    expect(() => build('set', 'k', 'v', { EX: true })).toThrow(/EX must be a string, a number or a Buffer/);
  });

  it('counts: numkeys and numfields come from the list that follows', () => {
    expect(build('lmpop', ['a', 'b'], 'LEFT', { COUNT: 3 })).toEqual(['LMPOP', 2, 'a', 'b', 'LEFT', 'COUNT', 3]);
    expect(build('hexpire', 'h', 60, ['f1', 'f2'], { NX: true })).toEqual(['HEXPIRE', 'h', 60, 'NX', 'FIELDS', 2, 'f1', 'f2']);
    expect(build('fcallRo', 'fn', [], 'x')).toEqual(['FCALL_RO', 'fn', 0, 'x']);
    expect(build('zunion', ['a', 'b'], { WEIGHTS: [1, 2], AGGREGATE: 'MIN', WITHSCORES: true })).toEqual(['ZUNION', 2, 'a', 'b', 'WEIGHTS', 1, 2, 'AGGREGATE', 'MIN', 'WITHSCORES']);
  });

  it('blocks, choices given as values, tokens repeated per value', () => {
    expect(build('geosearch', 'g', { FROMMEMBER: 'm' }, { BYBOX: 1, height: 2, unit: 'km' }, { countBlock: { COUNT: 5, ANY: true }, DESC: true })).toEqual([
      'GEOSEARCH', 'g', 'FROMMEMBER', 'm', 'BYBOX', 1, 2, 'km', 'DESC', 'COUNT', 5, 'ANY',
    ]);
    expect(build('sort', 'l', { GET: ['#', 'w_*'], LIMIT: { offset: 0, count: 5 }, ALPHA: true })).toEqual(['SORT', 'l', 'LIMIT', 0, 5, 'GET', '#', 'GET', 'w_*', 'ALPHA']);
    expect(build('bitfield', 'b', { GET: { encoding: 'u4', offset: 0 } }, { OVERFLOW: 'SAT', INCRBY: { encoding: 'i8', offset: 8, increment: 1 } })).toEqual([
      'BITFIELD', 'b', 'GET', 'u4', 0, 'OVERFLOW', 'SAT', 'INCRBY', 'i8', 8, 1,
    ]);
    expect(build('clientKill', [{ ID: 7 }, { SKIPME: 'NO' }])).toEqual(['CLIENT', 'KILL', 'ID', 7, 'SKIPME', 'NO']);
    expect(build('clientKill', '127.0.0.1:6379')).toEqual(['CLIENT', 'KILL', '127.0.0.1:6379']);
    expect(build('replicaof', 'NO ONE')).toEqual(['REPLICAOF', 'NO', 'ONE']);
    expect(build('replicaof', { host: '127.0.0.1', port: 6380 })).toEqual(['REPLICAOF', '127.0.0.1', 6380]);
    expect(build('migrate', 'h', 6379, '', 0, 1000, { KEYS: ['a', 'b'] })).toEqual(['MIGRATE', 'h', 6379, '', 0, 1000, 'KEYS', 'a', 'b']);
    expect(build('expire', 'k', 10, 'GT')).toEqual(['EXPIRE', 'k', 10, 'GT']);
    expect(() => build('lmpop', ['a'], 'UP')).toThrow(/where does not match any of its forms/);
  });

  it('has no method for connection-mode commands', () => {
    for (const name of ['subscribe', 'psubscribe', 'ssubscribe', 'monitor', 'client|reply', 'multi', 'exec']) expect(EXCLUDED_COMMANDS[name]).toBeDefined();
    for (const method of ['subscribe', 'monitor', 'clientReply', 'multi', 'exec', 'quit', 'reset', 'hello']) expect(GENERATED_COMMANDS[method]).toBeUndefined();
  });
});
