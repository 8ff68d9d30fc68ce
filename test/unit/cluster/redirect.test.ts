import { describe, expect, it } from 'vitest';
import { parseRedirect } from '../../../src/cluster/redirect.js';

describe('parseRedirect', () => {
  it('parses MOVED and ASK', () => {
    expect(parseRedirect('MOVED 3999 127.0.0.1:6381', 'x')).toEqual({ kind: 'MOVED', slot: 3999, host: '127.0.0.1', port: 6381 });
    expect(parseRedirect('ASK 0 10.0.0.2:7000', 'x')).toEqual({ kind: 'ASK', slot: 0, host: '10.0.0.2', port: 7000 });
  });

  it('uses the replying host when the host is empty, and splits IPv6 at the last colon', () => {
    expect(parseRedirect('MOVED 1 :7001', '10.1.1.1')).toEqual({ kind: 'MOVED', slot: 1, host: '10.1.1.1', port: 7001 });
    expect(parseRedirect('MOVED 1 ::1:7001', 'x')).toMatchObject({ host: '::1', port: 7001 });
    expect(parseRedirect('MOVED 1 [::1]:7001', 'x')).toMatchObject({ host: '::1', port: 7001 });
  });

  it.each([
    'MOVED 16384 127.0.0.1:6379',
    'MOVED -1 127.0.0.1:6379',
    'MOVED 1.5 127.0.0.1:6379',
    'MOVED 99999999999 127.0.0.1:6379',
    'MOVED 12 127.0.0.1:0',
    'MOVED 12 127.0.0.1:65536',
    'MOVED 12 127.0.0.1:-5',
    'MOVED 12 127.0.0.1',
    'MOVED 12 127.0.0.1:6379 extra',
    'MOVED 12',
    'ASK x 127.0.0.1:1',
    'ERR 12 127.0.0.1:6379',
    'MOVED 12 ?:6379',
  ])('rejects %j', (message) => {
    expect(parseRedirect(message, 'x')).toBeUndefined();
  });
});
