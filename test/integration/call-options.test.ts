// Per-call options (withOptions: signal, timeout): a queued command that is cancelled is never sent; a written
// one rejects at once and its reply is still consumed; a cancelled blocking command does not leave its pooled
// connection blocked for the next caller.
import { tracingChannel } from 'node:diagnostics_channel';
import { describe, expect, it } from 'vitest';
import { ArgumentError, BatchError, CommandAbortedError, CommandTimeoutError, OcRedis, Redis } from '../../src/index.js';
import { useSharedServer } from '../helpers/shared-server.js';
import { waitFor } from '../helpers/wait-for.js';

const shared = useSharedServer();

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Settles with 'pending' if `promise` has not settled yet (checked after pending microtasks ran). */
async function stateOf(promise: Promise<unknown>): Promise<'pending' | 'settled'> {
  const marker = Symbol('pending');
  const winner = await Promise.race([promise.then(() => 'settled' as const, () => 'settled' as const), Promise.resolve().then(() => marker)]);
  return winner === marker ? 'pending' : 'settled';
}

async function blockedClients(cmd: string): Promise<number> {
  const text = await shared.server.cli('CLIENT', 'LIST');
  // flags=b: blocked right now (cmd= alone is only the last command the connection ran).
  return text.split('\n').filter((line) => /\bflags=\S*b/.test(line) && new RegExp(`\\bcmd=${cmd}\\b`).test(line)).length;
}


describe('withOptions: validation', () => {
  it('refuses bad options before anything is sent', () => {
    expect(() => shared.r.withOptions({ timeout: -1 })).toThrow(ArgumentError);
    expect(() => shared.r.withOptions({ signal: {} as AbortSignal })).toThrow(ArgumentError);
    expect(() => shared.r.withOptions({ sginal: new AbortController().signal } as never)).toThrow(/unknown option 'sginal'/);
  });

  it('an already-aborted signal rejects without queueing anything', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    const error = await shared.r.withOptions({ signal: controller.signal }).set('never:1', 'x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommandAbortedError);
    expect((error as CommandAbortedError).sent).toBe(false);
    expect(await shared.r.exists('never:1')).toBe(0);
  });
});

describe('withOptions: cancelling a queued command', () => {
  it('removes it from the offline queue: it is never sent, and the others get their own replies', async () => {
    const c = new Redis({ port: shared.server.port, lazyConnect: true });
    try {
      const controller = new AbortController();
      const before = c.set('queued:before', 'b');
      const cancelled = c.withOptions({ signal: controller.signal }).set('queued:cancelled', 'x');
      const after = c.get('queued:before');
      expect(c.connection.queuedCount).toBe(3);
      const reason = new Error('user navigated away');
      controller.abort(reason);
      const error = await cancelled.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CommandAbortedError);
      expect(error).toMatchObject({ name: 'AbortError', code: 'ABORT_ERR', sent: false, reason });
      expect(c.connection.queuedCount).toBe(2);
      expect(await before).toBe('OK');
      expect(await after).toBe('b');
      expect(await shared.r.exists('queued:cancelled')).toBe(0);
    } finally {
      c.disconnect();
    }
  });

  it('a MULTI cancelled before it was written runs nothing', async () => {
    const c = new Redis({ port: shared.server.port, lazyConnect: true });
    try {
      const controller = new AbortController();
      const multi = c.withOptions({ signal: controller.signal }).multi();
      multi.set('multi:cancelled', '1');
      multi.incr('multi:counter');
      const exec = multi.exec();
      controller.abort();
      await expect(exec).rejects.toBeInstanceOf(CommandAbortedError);
      expect(await c.ping()).toBe('PONG');
      expect(await shared.r.exists('multi:cancelled', 'multi:counter')).toBe(0);
    } finally {
      c.disconnect();
    }
  });
});

describe('withOptions: cancelling a written command', () => {
  it('rejects at once, while the server is still busy; its late reply is consumed, not given to the next command', async () => {
    await shared.r.set('written:marker', 'marker-value');
    const controller = new AbortController();
    const sleeping = shared.r.call('DEBUG', 'SLEEP', '0.3');
    const cancelled = shared.r.withOptions({ signal: controller.signal }).incr('written:counter');
    const next = shared.r.get('written:marker');
    await nextTurn(); // all three are written now
    expect(shared.r.connection.queuedCount).toBe(0);
    controller.abort();
    const error = await cancelled.catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'AbortError', sent: true });
    expect(await stateOf(sleeping)).toBe('pending'); // rejected before the server answered anything
    expect(await sleeping).toBe('OK');
    expect(await next).toBe('marker-value'); // not INCR's integer
    expect(await shared.r.get('written:counter')).toBe('1'); // a written command may still run: `sent: true` says so
    expect(shared.r.connection.inflightCount).toBe(0);
  });

  it('a per-call timeout rejects with CommandTimeoutError and the next command gets its own reply', async () => {
    await shared.r.set('timeout:marker', 'm');
    const slow = shared.r.withOptions({ timeout: 50 }).call('DEBUG', 'SLEEP', '0.3');
    const next = shared.r.get('timeout:marker');
    await expect(slow).rejects.toBeInstanceOf(CommandTimeoutError);
    expect(await stateOf(next)).toBe('pending');
    expect(await next).toBe('m');
    expect(await shared.r.ping()).toBe('PONG');
  });

  it('a pipeline cancelled after it was written rejects every handle and exec(); the next commands are matched right', async () => {
    await shared.r.set('pipe:marker', 'pm');
    const controller = new AbortController();
    const sleeping = shared.r.call('DEBUG', 'SLEEP', '0.3');
    const pipeline = shared.r.withOptions({ signal: controller.signal }).pipeline();
    const a = pipeline.incr('pipe:a');
    const b = pipeline.get('pipe:marker');
    const exec = pipeline.exec();
    const next = shared.r.get('pipe:marker');
    await nextTurn();
    controller.abort();
    const error = await exec.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BatchError);
    await expect(a).rejects.toBeInstanceOf(CommandAbortedError);
    await expect(b).rejects.toBeInstanceOf(CommandAbortedError);
    expect(await sleeping).toBe('OK');
    expect(await next).toBe('pm');
    expect(await shared.r.incr('pipe:a')).toBe(2);
  });

  it('settling normally stops watching the signal: a later abort changes nothing', async () => {
    const controller = new AbortController();
    const view = shared.r.withOptions({ signal: controller.signal });
    expect(await view.set('watch:k', 'v')).toBe('OK');
    controller.abort();
    expect(await shared.r.get('watch:k')).toBe('v');
    expect(await shared.r.ping()).toBe('PONG');
  });
});

describe('withOptions: cancelling a blocking command', () => {
  it('BLPOP 0 cancelled while the server blocks it: the pooled connection is closed, not reused while blocked', async () => {
    const controller = new AbortController();
    const popping = shared.r.withOptions({ signal: controller.signal }).blpop('blocked:list', 0);
    await waitFor(async () => (await blockedClients('blpop')) === 1);
    controller.abort('done waiting');
    const error = await popping.catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'AbortError', sent: true, reason: 'done waiting' });
    await waitFor(async () => (await blockedClients('blpop')) === 0); // the server no longer blocks for it
    // Nothing is popped by a ghost waiter: the element stays until the next BLPOP takes it.
    expect(await shared.r.rpush('blocked:list', 'a')).toBe(1);
    expect(await shared.r.llen('blocked:list')).toBe(1);
    expect(await shared.r.blpop('blocked:list', 1)).toEqual({ key: 'blocked:list', element: 'a' });
  });

  it('cancelled while waiting for a pool connection: nothing is sent and the connection returns to the pool', async () => {
    const c = new Redis({ port: shared.server.port, poolSize: 1 });
    try {
      await c.connect();
      const holder = c.blpop('pool:holder', 0);
      await waitFor(async () => (await blockedClients('blpop')) === 1);
      expect(c.pool.total).toBe(1);
      const controller = new AbortController();
      const waitingBlock = c.withOptions({ signal: controller.signal }).blpop('pool:never', 0);
      controller.abort();
      const error = await waitingBlock.catch((e: unknown) => e);
      expect(error).toMatchObject({ name: 'AbortError', sent: false });
      await shared.r.rpush('pool:holder', 'h');
      expect(await holder).toEqual({ key: 'pool:holder', element: 'h' });
      // The pool's only connection serves the next blocking call (it was not lost to the cancelled waiter).
      await shared.r.rpush('pool:next', 'n');
      expect(await c.blpop('pool:next', 1)).toEqual({ key: 'pool:next', element: 'n' });
      expect(c.pool.total).toBe(1);
    } finally {
      c.disconnect();
    }
  });

  it('a per-call timeout on BLPOP 0 rejects with CommandTimeoutError and frees the server side', async () => {
    const error = await shared.r.withOptions({ timeout: 100 }).blpop('timeout:list', 0).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommandTimeoutError);
    await waitFor(async () => (await blockedClients('blpop')) === 0);
    await shared.r.rpush('timeout:list', 'x');
    expect(await shared.r.lrange('timeout:list', 0, -1)).toEqual(['x']);
  });
});

describe('withOptions on the instrumented client', () => {
  it('OcRedis views carry the options through the instrumentation proxy', async () => {
    const c = new OcRedis({ port: shared.server.port, lazyConnect: true });
    try {
      const controller = new AbortController();
      const cancelled = c.withOptions({ signal: controller.signal }).set('oc:cancelled', 'x');
      const timedOut = c.withOptions({ timeout: 50 }).call('DEBUG', 'SLEEP', '0.2');
      controller.abort();
      await expect(cancelled).rejects.toMatchObject({ name: 'AbortError', sent: false });
      await expect(timedOut).rejects.toBeInstanceOf(CommandTimeoutError);
      expect(await c.get('oc:cancelled')).toBeNull();
    } finally {
      c.disconnect();
    }
  });
});

describe('withOptions: scan iterators, scripts and WATCH transactions', () => {
  it('a scan iterator sends every page with the options: an abort mid-scan ends it with CommandAbortedError', async () => {
    const total = 60;
    await Promise.all(Array.from({ length: total }, (_, i) => shared.r.set(`co-scan:${i}`, '1')));
    // Values over hash-max-listpack-value (64 bytes): a hashtable, which HSCAN pages (a listpack comes back whole).
    const fieldCount = 200;
    await shared.r.hset('co-scan:hash', Object.fromEntries(Array.from({ length: fieldCount }, (_, i) => [`f${i}`, 'v'.repeat(100)])));
    expect(await shared.r.call('OBJECT', 'ENCODING', 'co-scan:hash')).toBe('hashtable');
    const collect = async (iterable: AsyncIterable<unknown>, controller: AbortController): Promise<{ seen: number; error: unknown }> => {
      let seen = 0;
      try {
        for await (const _ of iterable) if (++seen === 3) controller.abort();
      } catch (error) {
        return { seen, error };
      }
      return { seen, error: undefined };
    };
    const keys = new AbortController();
    const keyScan = await collect(shared.r.withOptions({ signal: keys.signal }).scanIter({ match: 'co-scan:*', count: 5 }), keys);
    expect(keyScan.error).toBeInstanceOf(CommandAbortedError);
    expect(keyScan.seen).toBeLessThan(total);
    const fields = new AbortController();
    const hashScan = await collect(shared.r.withOptions({ signal: fields.signal }).hscanIter('co-scan:hash', { count: 5 }), fields);
    expect(hashScan.error).toBeInstanceOf(CommandAbortedError);
    expect(hashScan.seen).toBeLessThan(fieldCount);
  });

  it('a script registered on a view: an abort during its NOSCRIPT fallback stops it before the EVAL', async () => {
    const lua = "return redis.call('INCR', KEYS[1]) -- co-script";
    const controller = new AbortController();
    const script = shared.r.withOptions({ signal: controller.signal }).registerScript(lua);
    await script.load(); // the call below is EVALSHA
    await shared.r.call('SCRIPT', 'FLUSH');
    const commands = tracingChannel<{ command: string }>('ocredis:command');
    const sent: string[] = [];
    const onStart = (message: unknown): void => {
      const { command } = message as { command: string };
      sent.push(command);
      if (command === 'EVAL') controller.abort(); // EVALSHA got NOSCRIPT: the fallback re-sends it as EVAL
    };
    commands.start.subscribe(onStart);
    let error: unknown;
    try {
      error = await script({ keys: ['co-script:counter'] }).catch((e: unknown) => e);
    } finally {
      commands.start.unsubscribe(onStart);
    }
    expect(sent).toEqual(['EVALSHA', 'EVAL']);
    expect(error).toMatchObject({ name: 'AbortError', sent: false });
    expect(await shared.r.call('SCRIPT', 'EXISTS', script.sha)).toEqual([0]); // the EVAL was never sent
    expect(await shared.r.get('co-script:counter')).toBeNull();
    // Without an abort, a script on a view loads and runs as usual.
    expect(await shared.r.withOptions({ timeout: 1_000 }).registerScript(lua)({ keys: ['co-script:counter'] })).toBe(1);
  });

  it('transaction(): an abort inside the function ends it: EXEC is not sent and no further attempt runs', async () => {
    await shared.r.set('co-tx:k', '0');
    const controller = new AbortController();
    let attempts = 0;
    const error = await shared.r
      .withOptions({ signal: controller.signal })
      .transaction(async (tx) => {
        attempts++;
        await tx.get('co-tx:k');
        await shared.r.set('co-tx:k', String(attempts)); // changes the watched key: without the abort, WatchError and a re-run
        controller.abort();
        tx.multi().incr('co-tx:k');
      }, 'co-tx:k')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommandAbortedError);
    expect(attempts).toBe(1);
    expect(await shared.r.get('co-tx:k')).toBe('1');
  });

  it('watch(): the transaction it lends carries the options; an already-aborted signal leases nothing', async () => {
    await expect(shared.r.withOptions({ signal: AbortSignal.abort() }).watch('co-watch:k')).rejects.toMatchObject({ sent: false });
    const controller = new AbortController();
    const tx = await shared.r.withOptions({ signal: controller.signal }).watch('co-watch:k');
    expect(await tx.set('co-watch:k', 'a')).toBe('OK');
    controller.abort();
    await expect(tx.get('co-watch:k')).rejects.toBeInstanceOf(CommandAbortedError);
    const multi = tx.multi();
    multi.set('co-watch:k', 'b');
    await expect(multi.exec()).rejects.toBeInstanceOf(CommandAbortedError);
    await tx.unwatch();
    expect(await shared.r.get('co-watch:k')).toBe('a');
  });
});
