import { describe, expect, it } from 'vitest';
import { ArgumentError } from '../../../src/errors.js';
import { parseRedisUrl, resolveOptions } from '../../../src/connection/options.js';

describe('parseRedisUrl', () => {
  it('reads user, password, host, port and db', () => {
    expect(parseRedisUrl('redis://alice:p%40ss@cache.local:6380/4')).toEqual({
      host: 'cache.local',
      port: 6380,
      db: 4,
      username: 'alice',
      password: 'p@ss',
    });
  });

  it('turns TLS on for rediss:// and reads a password-only URL', () => {
    expect(parseRedisUrl('rediss://:secret@10.0.0.1')).toEqual({ host: '10.0.0.1', tls: true, password: 'secret' });
  });

  it('reads IPv6 hosts and unix sockets with ?db=', () => {
    expect(parseRedisUrl('redis://[::1]:7000')).toEqual({ host: '::1', port: 7000 });
    expect(parseRedisUrl('unix:///var/run/redis.sock?db=3')).toEqual({ path: '/var/run/redis.sock', db: 3 });
  });

  it('rejects other schemes and bad db indexes with ArgumentError, never echoing the URL', () => {
    expect(() => parseRedisUrl('http://x')).toThrow(ArgumentError);
    expect(() => parseRedisUrl('redis://u:topsecret@host/abc')).toThrow(ArgumentError);
    try {
      parseRedisUrl('redis://u:topsecret@host/abc');
    } catch (error) {
      expect((error as Error).message).not.toContain('topsecret');
    }
  });
});

describe('resolveOptions', () => {
  it('fills defaults', () => {
    const o = resolveOptions();
    expect(o).toMatchObject({ host: '127.0.0.1', port: 6379, db: 0, protocol: 3, commandTimeout: 0, lazyConnect: false });
  });

  it('lets explicit options win over the URL', () => {
    const o = resolveOptions('redis://h:1234/2', { db: 5, port: undefined });
    expect(o).toMatchObject({ host: 'h', port: 1234, db: 5 });
  });

  it('validates numbers and the protocol', () => {
    expect(() => resolveOptions({ port: 70000 })).toThrow(ArgumentError);
    expect(() => resolveOptions({ db: -1 })).toThrow(ArgumentError);
    expect(() => resolveOptions({ commandTimeout: Number.NaN })).toThrow(ArgumentError);
    expect(() => resolveOptions({ protocol: 4 as 3 })).toThrow(ArgumentError);
  });
});
