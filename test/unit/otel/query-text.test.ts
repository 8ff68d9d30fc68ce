import { describe, expect, it } from 'vitest';
import { ConnectionClosedError, ReplyError } from '../../../src/index.js';
import { errorType, responseStatusCode, safeMessage } from '../../../src/otel/error-info.js';
import { queryText } from '../../../src/otel/query-text.js';

describe('queryText', () => {
  it("'values' keeps keys and sub-commands, hides everything else", () => {
    expect(queryText('SET', ['user:1', 'secret', 'EX', 10], 'values')).toBe('SET user:1 ? ? ?');
    expect(queryText('MSET', ['a', '1', 'b', '2'], 'values')).toBe('MSET a ? b ?');
    expect(queryText('EVAL', ['return 1', 2, 'k1', 'k2', 'arg'], 'values')).toBe('EVAL ? ? k1 k2 ?');
    expect(queryText('CONFIG', ['GET', 'maxmemory'], 'values')).toBe('CONFIG GET ?');
    expect(queryText('GET', [Buffer.from('bin')], 'values')).toBe('GET bin');
  });

  it("'all' hides keys too; 'none' shows values", () => {
    expect(queryText('GET', ['k'], 'all')).toBe('GET ?');
    expect(queryText('SET', ['k', 'v'], 'none')).toBe('SET k v');
    expect(queryText('SET', ['k', 'x'.repeat(500)], 'none')).toBe(`SET k ${'x'.repeat(128)}…`);
  });

  it('never shows the secrets of AUTH, HELLO, ACL, CONFIG SET, MIGRATE, in any mode', () => {
    const fn = (command: string, args: readonly unknown[]) => `${command} ${args.join(' ')}`;
    for (const mode of ['values', 'all', 'none', fn] as const) {
      expect(queryText('AUTH', ['user', 'pw'], mode)).toBe('AUTH ? ?');
      expect(queryText('HELLO', ['3', 'AUTH', 'user', 'pw'], mode)).toBe('HELLO ? ? ? ?');
      expect(queryText('ACL', ['SETUSER', 'alice', '>pw'], mode)).toBe('ACL SETUSER ? ?');
      expect(queryText('CONFIG', ['SET', 'requirepass', 'pw'], mode)).toBe('CONFIG SET ? ?');
      expect(queryText('MIGRATE', ['h', 6379, 'k', 0, 10, 'AUTH', 'pw'], mode)).not.toContain('pw');
    }
  });
});

describe('error info', () => {
  it('uses codes and classes, never messages', () => {
    const reply = new ReplyError("ERR unknown command 'secret'");
    expect(errorType(reply)).toBe('ERR');
    expect(responseStatusCode(reply)).toBe('ERR');
    expect(safeMessage(reply, false)).toBe('ERR');
    expect(safeMessage(reply, true)).toContain('secret');
    expect(errorType(new ConnectionClosedError())).toBe('ConnectionClosedError');
    expect(responseStatusCode(new ConnectionClosedError())).toBeUndefined();
    expect(errorType(new TypeError('x'))).toBe('TypeError');
    expect(safeMessage(new TypeError('secret'), false)).toBe('TypeError');
    expect(errorType('a string')).toBe('Error');
  });
});
