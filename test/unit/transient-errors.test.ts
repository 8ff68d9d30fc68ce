import { describe, expect, it } from 'vitest';
import { AskError, MovedError, RedisError, ReplyError } from '../../src/errors.js';
import { isRedirectError, isRetryableClusterError, isTransientHandshakeError, passingStateOf, suggestsStaleMap } from '../../src/transient-errors.js';

const reply = (message: string): ReplyError => new ReplyError(message);

describe('the one classifier of passing server states and redirections', () => {
  it('retries every passing state on a cluster, BUSY excepted', () => {
    for (const code of ['TRYAGAIN', 'CLUSTERDOWN', 'READONLY', 'LOADING', 'MASTERDOWN']) {
      expect(isRetryableClusterError(reply(`${code} the server says why`)), code).toBe(true);
    }
    expect(isRetryableClusterError(reply('BUSY Redis is busy running a script.'))).toBe(false);
  });

  it('keeps the queue through every passing state during the handshake, BUSY included', () => {
    for (const code of ['TRYAGAIN', 'CLUSTERDOWN', 'READONLY', 'LOADING', 'MASTERDOWN', 'BUSY']) {
      expect(isTransientHandshakeError(reply(`${code} wait`)), code).toBe(true);
    }
  });

  it('fails at once on errors that waiting does not fix', () => {
    for (const message of ['ERR wrong number of arguments', 'WRONGTYPE Operation against a key', 'NOAUTH Authentication required.', 'WRONGPASS invalid', 'NOPERM no', 'CROSSSLOT Keys']) {
      expect(isRetryableClusterError(reply(message)), message).toBe(false);
      expect(isTransientHandshakeError(reply(message)), message).toBe(false);
    }
    // Client-side errors with a server-like code are not server states.
    expect(isRetryableClusterError(new RedisError('no node', 'CLUSTERDOWN'))).toBe(false);
    expect(isRetryableClusterError(undefined)).toBe(false);
  });

  it('names why a state passes, and only for known states (no prototype keys)', () => {
    expect(passingStateOf('LOADING')).toMatch(/loading/);
    expect(passingStateOf('toString')).toBeUndefined();
    expect(passingStateOf('__proto__')).toBeUndefined();
    expect(passingStateOf('ERR')).toBeUndefined();
  });

  it('refreshes the map for every retryable state but TRYAGAIN', () => {
    expect(suggestsStaleMap(reply('TRYAGAIN migrating'))).toBe(false);
    for (const code of ['CLUSTERDOWN', 'READONLY', 'LOADING', 'MASTERDOWN']) expect(suggestsStaleMap(reply(`${code} x`)), code).toBe(true);
  });

  it('recognises MOVED and ASK as redirections', () => {
    expect(isRedirectError(new MovedError('MOVED 1 127.0.0.1:7000'))).toBe(true);
    expect(isRedirectError(new AskError('ASK 1 127.0.0.1:7000'))).toBe(true);
    expect(isRedirectError(reply('MOVED 1 127.0.0.1:7000'))).toBe(false);
  });
});
