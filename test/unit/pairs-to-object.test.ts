import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entriesToObject, pairsToObject } from '../../src/pairs-to-object.js';
import { runNodeScript, sourceUrl } from '../helpers/node-script.js';
import { startRedisServer, type RedisServerHandle } from '../helpers/redis-server.js';

describe('pairsToObject', () => {
  it('makes a plain object whose keys are own properties, __proto__ and toString included', () => {
    const out = pairsToObject(['__proto__', 'a', 'toString', 'b', 'hasOwnProperty', 'c', Buffer.from('buf'), 'd']);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.keys(out)).toEqual(['__proto__', 'toString', 'hasOwnProperty', 'buf']);
    expect(Object.getOwnPropertyDescriptor(out, '__proto__')).toMatchObject({ value: 'a', enumerable: true, writable: true });
    expect(out.toString).toBe('b');
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('maps values, ignores a trailing odd element and tags aggregate keys', () => {
    expect(pairsToObject(['a', '1', 'b', '2', 'c'], Number)).toEqual({ a: 1, b: 2 });
    expect(Object.keys(pairsToObject([['x'], 1, { toString: 'evil' }, 2]))).toEqual(['[array]', '[map]']);
  });

  it('entriesToObject is the safe Object.fromEntries', () => {
    const out = entriesToObject([['__proto__', 1] as const, ['valueOf', 2] as const]);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.keys(out)).toEqual(['__proto__', 'valueOf']);
  });
});

describe('with a frozen Object.prototype (SES lockdown), against a real server', () => {
  let server: RedisServerHandle;
  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('HGETALL over RESP2 and HELLO parsing still work when a field names a read-only prototype property', async () => {
    // Its own process: freezing the intrinsics here would break the test runner.
    const code = `
      Object.freeze(Object.prototype);
      const { Redis } = await import(${sourceUrl('../src/index.ts')});
      const { pairsToObject } = await import(${sourceUrl('../src/pairs-to-object.ts')});
      const r = new Redis({ port: ${server.port}, protocol: 2 });
      const out = {};
      try {
        await r.hset('frozen', { toString: 'a', __proto__x: 'b', valueOf: 'c' });
        await r.call('HSET', 'frozen', '__proto__', 'd');
        const hash = await r.hgetall('frozen');
        out.hash = Object.keys(hash).sort();
        out.fieldValue = hash.toString;
        out.helper = Object.keys(pairsToObject(['constructor', 1, 'isPrototypeOf', 2]));
        out.server = r.serverInfo.version !== undefined;
      } catch (error) {
        out.error = String(error);
      } finally {
        r.disconnect();
      }
      console.log(JSON.stringify(out));
    `;
    const { output } = await runNodeScript(code);
    expect(JSON.parse(output)).toEqual({
      hash: ['__proto__', '__proto__x', 'toString', 'valueOf'],
      fieldValue: 'a',
      helper: ['constructor', 'isPrototypeOf'],
      server: true,
    });
  });
});
