import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ArgumentError, BatchError, Redis, ReplyError } from '../../src/index.js';
import { useSharedServer } from '../helpers/shared-server.js';

const shared = useSharedServer();
let r: Redis;
beforeAll(() => ({ r } = shared));

const INCR_BY_ARG = "return redis.call('INCRBY', KEYS[1], ARGV[1])";

describe('registerScript', () => {
  it('runs with EVALSHA, and after SCRIPT FLUSH loads the script and retries once', async () => {
    await r.del('s:counter');
    const incr = r.registerScript(INCR_BY_ARG);
    expect(incr.sha).toMatch(/^[0-9a-f]{40}$/);
    expect(incr.sha).toBe(await r.scriptLoad(INCR_BY_ARG)); // the server names it the same way
    await r.scriptFlush();

    const sent = vi.spyOn(r, 'sendCommand');
    try {
      expect(await incr({ keys: ['s:counter'], args: [5] })).toBe(5);
      expect(sent.mock.calls.map(([name, args]) => [name, ...args.slice(0, 1)])).toEqual([
        ['EVALSHA', incr.sha], // NOSCRIPT
        ['SCRIPT', 'LOAD'],
        ['EVALSHA', incr.sha],
      ]);
      sent.mockClear();
      expect(await incr({ keys: ['s:counter'], args: [2] })).toBe(7);
      expect(sent.mock.calls.map(([name]) => name)).toEqual(['EVALSHA']); // loaded now: one round trip
    } finally {
      sent.mockRestore();
    }
    expect(await r.scriptExists(incr.sha)).toEqual([true]);
  });

  it('passes keys and args, returns Buffers with .buffer(), and surfaces script errors as ReplyError', async () => {
    const echo = r.registerScript('return {KEYS[1], ARGV[1], ARGV[2]}');
    expect(await echo({ keys: ['k'], args: ['a', 3] })).toEqual(['k', 'a', '3']);
    expect(await echo.buffer({ keys: ['k'], args: [Buffer.from([0xff])] })).toEqual([Buffer.from('k'), Buffer.from([0xff])]);
    const failing = r.registerScript("return redis.call('INCR', KEYS[1])");
    await r.set('s:text', 'not a number');
    await expect(failing({ keys: ['s:text'] })).rejects.toBeInstanceOf(ReplyError);
    await expect(echo({ keys: 'k' as unknown as string[] })).rejects.toBeInstanceOf(ArgumentError);
    expect(() => r.registerScript('')).toThrow(ArgumentError);
  });

  it('read-only scripts use EVALSHA_RO, which refuses writes', async () => {
    const get = r.registerScript("return redis.call('GET', KEYS[1])", { readOnly: true });
    await r.set('s:ro', 'x');
    expect(await get({ keys: ['s:ro'] })).toBe('x');
    const write = r.registerScript("return redis.call('SET', KEYS[1], 'y')", { readOnly: true });
    await expect(write({ keys: ['s:ro'] })).rejects.toMatchObject({ name: 'ReplyError' });
  });

  it('queues onto pipelines and MULTI batches (even right after SCRIPT FLUSH)', async () => {
    await r.del('s:p');
    const incr = r.registerScript(INCR_BY_ARG);
    await r.scriptFlush();
    const pipe = r.pipeline();
    const first = incr.on(pipe)({ keys: ['s:p'], args: [1] });
    pipe.get('s:p');
    const second = incr.on(pipe)({ keys: ['s:p'], args: [10] });
    expect(await pipe.exec()).toEqual([1, '1', 11]);
    expect([await first, await second]).toEqual([1, 11]);

    await r.scriptFlush();
    const multi = r.multi();
    const inTx = incr.on(multi)({ keys: ['s:p'], args: [100] });
    multi.get('s:p');
    expect(await multi.exec()).toEqual([111, '111']);
    expect(await inTx).toBe(111);

    const bad = r.pipeline();
    bad.get('s:p');
    const refused = incr.on(bad)({ keys: ['s:p'], args: [{} as unknown as string] });
    await expect(refused).rejects.toBeInstanceOf(ArgumentError);
    await expect(bad.exec()).rejects.toBeInstanceOf(ArgumentError); // nothing sent

    const failing = r.pipeline();
    incr.on(failing)({ keys: ['s:text-2'], args: ['x'] });
    await expect(failing.exec()).rejects.toBeInstanceOf(BatchError);
  });
});
