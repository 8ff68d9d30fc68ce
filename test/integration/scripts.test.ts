import { once } from 'node:events';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ArgumentError, BatchError, Redis, ReplyError } from '../../src/index.js';
import { useSharedServer } from '../helpers/shared-server.js';

const shared = useSharedServer();
let r: Redis;
beforeAll(() => ({ r } = shared));

const INCR_BY_ARG = "return redis.call('INCRBY', KEYS[1], ARGV[1])";

/** The script's calls as sent (name and first argument), while `run` runs. */
async function sentBy(run: () => Promise<unknown>): Promise<string[][]> {
  const sent = vi.spyOn(r, 'sendCommand');
  try {
    await run();
    return sent.mock.calls.map(([name, args]) => [name, String(args[0])]);
  } finally {
    sent.mockRestore();
  }
}

describe('registerScript', () => {
  it('runs first as EVAL with the source (which caches it in the server), then as EVALSHA (seen by MONITOR)', async () => {
    const lua = "return redis.call('INCRBY', KEYS[1], ARGV[1]) -- first-eval";
    await r.del('s:first');
    const incr = r.registerScript(lua);
    const monitor = await r.monitor();
    try {
      expect(await incr({ keys: ['s:first'], args: [2] })).toBe(2);
      expect(await incr({ keys: ['s:first'], args: [3] })).toBe(5);
      const calls: string[][] = [];
      for await (const event of monitor) {
        if (event.source !== 'lua' && /^evalsha$|^eval$/i.test(event.args[0] ?? '')) calls.push(event.args);
        if (calls.length === 2) break;
      }
      expect(calls.map(([name, ...rest]) => [name?.toUpperCase(), ...rest])).toEqual([
        ['EVAL', lua, '1', 's:first', '2'],
        ['EVALSHA', incr.sha, '1', 's:first', '3'],
      ]);
    } finally {
      await monitor.close();
    }
    expect(incr.sha).toBe(await r.scriptLoad(lua)); // the server names it the same way
  });

  it('after SCRIPT FLUSH, the EVALSHA that gets NOSCRIPT is re-sent once as EVAL; then EVALSHA again', async () => {
    await r.del('s:counter');
    const incr = r.registerScript(INCR_BY_ARG);
    expect(await incr({ keys: ['s:counter'], args: [1] })).toBe(1);
    await r.scriptFlush();
    expect(await sentBy(async () => expect(await incr({ keys: ['s:counter'], args: [5] })).toBe(6))).toEqual([
      ['EVALSHA', incr.sha], // NOSCRIPT
      ['EVAL', INCR_BY_ARG], // no SCRIPT LOAD: the EVAL caches it
    ]);
    expect(await sentBy(async () => expect(await incr({ keys: ['s:counter'], args: [2] })).toBe(8))).toEqual([['EVALSHA', incr.sha]]);
    expect(await r.scriptExists(incr.sha)).toEqual([true]);
  });

  it('a call made before the connection is ready is the EVAL; calls after it on that socket are EVALSHA', async () => {
    const client = new Redis({ port: shared.server.port }); // connecting: the first call waits for ready
    try {
      const script = client.registerScript("return 'early' -- before-ready");
      const sent = vi.spyOn(client, 'sendCommand');
      expect(await script()).toBe('early');
      expect(await script()).toBe('early');
      expect(sent.mock.calls.map(([name]) => name)).toEqual(['EVAL', 'EVALSHA']);
    } finally {
      await client.quit();
    }
  });

  it('after a reconnect the first call is EVAL again (the new socket may reach a server without the script)', async () => {
    const client = new Redis({ port: shared.server.port });
    try {
      await client.connect();
      const lua = "return 'again' -- after-reconnect";
      const script = client.registerScript(lua);
      expect(await script()).toBe('again'); // EVAL
      const id = (await client.call('CLIENT', 'ID')) as number;
      const readyAgain = once(client, 'ready');
      await r.call('CLIENT', 'KILL', 'ID', String(id));
      await r.scriptFlush(); // as a restarted server would be
      await readyAgain;
      const sent = vi.spyOn(client, 'sendCommand');
      expect(await script()).toBe('again');
      expect(await script()).toBe('again');
      expect(sent.mock.calls.map(([name]) => name)).toEqual(['EVAL', 'EVALSHA']); // no NOSCRIPT round trip
    } finally {
      await client.quit();
    }
  });

  it('load() sends SCRIPT LOAD: the first call is then EVALSHA', async () => {
    const lua = "return 'loaded' -- load-first";
    const script = r.registerScript(lua);
    expect(await script.load()).toBe(script.sha);
    expect(await sentBy(async () => expect(await script()).toBe('loaded'))).toEqual([['EVALSHA', script.sha]]);
  });

  it('a script error of the first EVAL is the caller\'s; the script is then loaded all the same', async () => {
    const failing = r.registerScript("return redis.call('INCR', KEYS[1]) -- runtime-error");
    await r.set('s:not-a-number', 'text');
    expect(await sentBy(() => expect(failing({ keys: ['s:not-a-number'] })).rejects.toBeInstanceOf(ReplyError))).toEqual([['EVAL', failing.lua]]);
    expect(await sentBy(() => expect(failing({ keys: ['s:not-a-number'] })).rejects.toMatchObject({ code: 'ERR' }))).toEqual([['EVALSHA', failing.sha]]);
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

  it('read-only scripts use EVAL_RO, then EVALSHA_RO (and EVAL_RO again after NOSCRIPT), which refuse writes', async () => {
    const get = r.registerScript("return redis.call('GET', KEYS[1])", { readOnly: true });
    await r.set('s:ro', 'x');
    expect(await sentBy(async () => expect(await get({ keys: ['s:ro'] })).toBe('x'))).toEqual([['EVAL_RO', get.lua]]);
    expect(await sentBy(async () => expect(await get({ keys: ['s:ro'] })).toBe('x'))).toEqual([['EVALSHA_RO', get.sha]]);
    await r.scriptFlush();
    expect(await sentBy(async () => expect(await get({ keys: ['s:ro'] })).toBe('x'))).toEqual([
      ['EVALSHA_RO', get.sha],
      ['EVAL_RO', get.lua],
    ]);
    const write = r.registerScript("return redis.call('SET', KEYS[1], 'y')", { readOnly: true });
    await expect(write({ keys: ['s:ro'] })).rejects.toMatchObject({ name: 'ReplyError' });
    await expect(write({ keys: ['s:ro'] })).rejects.toMatchObject({ name: 'ReplyError' }); // as EVALSHA_RO
    expect(await r.get('s:ro')).toBe('x');
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

  it("a batch's EVAL marks the script loaded: the next single call is EVALSHA", async () => {
    await r.del('s:batch-then-single');
    const incr = r.registerScript(`${INCR_BY_ARG} -- batch-then-single`);
    const pipe = r.pipeline();
    incr.on(pipe)({ keys: ['s:batch-then-single'], args: [1] });
    expect(pipe.commands.map(({ name }) => name)).toEqual(['EVAL']);
    expect(await pipe.exec()).toEqual([1]);
    expect(await sentBy(async () => expect(await incr({ keys: ['s:batch-then-single'], args: [1] })).toBe(2))).toEqual([['EVALSHA', incr.sha]]);
  });
});
