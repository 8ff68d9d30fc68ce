import { describe, expect, it } from 'vitest';
import { ConnectionClosedError, ReplyError } from '../../../src/index.js';
import { boundedCode, errorType, exceptionType, responseStatusCode } from '../../../src/otel/error-info.js';
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
    expect(exceptionType(reply)).toBe('ReplyError');
    expect(errorType(new ConnectionClosedError())).toBe('ConnectionClosedError');
    expect(responseStatusCode(new ConnectionClosedError())).toBeUndefined();
    expect(errorType(new TypeError('x'))).toBe('TypeError');
    expect(errorType('a string')).toBe('Error');
  });

  it('takes a server code only from the prefixes Redis and Valkey send; anything else is ERR', () => {
    for (const code of ['WRONGTYPE', 'NOSCRIPT', 'MOVED', 'CLUSTERDOWN', 'NOPERM', 'WRONGPASS', 'BUSYGROUP', 'NOGOODSLAVE']) {
      expect(errorType(new ReplyError(`${code} something`))).toBe(code);
      expect(responseStatusCode(new ReplyError(`${code} something`))).toBe(code);
    }
    // A script's error_reply with an access-key-shaped argument as its first word.
    const echoed = new ReplyError('AKIAIOSFODNN7EXAMPLE rejected');
    expect(echoed.code).toBe('AKIAIOSFODNN7EXAMPLE'); // what the caller sees is the server's word
    expect(errorType(echoed)).toBe('ERR');
    expect(responseStatusCode(echoed)).toBe('ERR');
  });

  it('retry reasons on span events are bounded the same way', () => {
    expect(boundedCode('TRYAGAIN')).toBe('TRYAGAIN');
    expect(boundedCode('ECONNCLOSED')).toBe('ECONNCLOSED');
    expect(boundedCode('AKIAIOSFODNN7EXAMPLE')).toBe('ERR');
    expect(boundedCode('secret value')).toBe('ERR');
  });
});
