// Maps whose keys name properties of Object.prototype, under frozen intrinsics (SES lockdown, hardened apps).
// This file freezes Object.prototype for good: vitest runs each test file in its own process.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from '../../src/index.js';
import { startRedisServer, type RedisServerHandle } from '../helpers/redis-server.js';

const FIELDS = ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf', 'plain'];

let server: RedisServerHandle;
beforeAll(async () => {
  server = await startRedisServer();
  const setup = new Redis({ port: server.port });
  await setup.hset('h', Object.fromEntries(FIELDS.map((field) => [field, `v-${field}`])));
  await setup.quit();
  Object.freeze(Object.prototype);
});
afterAll(() => server?.stop());

describe.each([2, 3] as const)('HGETALL over RESP%i with Object.prototype frozen', (protocol) => {
  it('resolves with own fields named toString, constructor, __proto__, hasOwnProperty', async () => {
    expect(Object.isFrozen(Object.prototype)).toBe(true);
    const r = new Redis({ port: server.port, protocol });
    try {
      const all = await r.hgetall('h');
      expect(Object.getPrototypeOf(all)).toBe(Object.prototype);
      expect(Object.keys(all).sort()).toEqual([...FIELDS].sort());
      for (const field of FIELDS) {
        expect(Object.prototype.hasOwnProperty.call(all, field), field).toBe(true);
        expect(Object.getOwnPropertyDescriptor(all, field)?.value, field).toBe(`v-${field}`);
      }
      // The connection is still usable afterwards.
      expect(await r.ping()).toBe('PONG');
    } finally {
      r.disconnect();
    }
  });
});
