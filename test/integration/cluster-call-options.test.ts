// Per-call options (withOptions: signal, timeout) on a real 3+3 cluster: a cancelled command is never sent
// again, wherever it waits (a node's queue, the first topology, a MOVED redirect); a written one rejects at
// once and its reply is still consumed on its node; blocking commands, fan-outs, pipelines, MULTI, WATCH
// transactions and the cluster scan carry the options too.
import { tracingChannel, type TracingChannelSubscribers } from 'node:diagnostics_channel';
import { getEventListeners } from 'node:events';
import { expect, it } from 'vitest';
import { BatchError, CommandAbortedError, CommandTimeoutError, OcRedisCluster, Redis } from '../../src/index.js';
import { keySlot } from '../../src/cluster/slot.js';
import { useCluster } from '../helpers/cluster-clients.js';
import { waitFor } from '../helpers/wait-for.js';

const under = useCluster();

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** 'pending' if `promise` has not settled yet (checked after pending microtasks ran). */
async function stateOf(promise: Promise<unknown>): Promise<'pending' | 'settled'> {
  const marker = Symbol('pending');
  const winner = await Promise.race([promise.then(() => 'settled' as const, () => 'settled' as const), Promise.resolve().then(() => marker)]);
  return winner === marker ? 'pending' : 'settled';
}


/** Connections blocked right now in `cmd` on the node listening on `port` (flags=b). */
async function blockedOn(port: number, cmd: string): Promise<number> {
  const text = await under.cluster.node(port).cli('CLIENT', 'LIST');
  return text.split('\n').filter((line) => /\bflags=\S*b/.test(line) && new RegExp(`\\bcmd=${cmd}\\b`).test(line)).length;
}

it('a command queued on its node and cancelled in the same turn is never sent; the others get their own replies', async () => {
  const c = under.client();
  await c.connect();
  const node = c.nodeForKey('{q}:cancelled');
  const controller = new AbortController();
  const before = c.set('{q}:before', 'b');
  const cancelled = c.withOptions({ signal: controller.signal }).incr('{q}:cancelled');
  const after = c.get('{q}:before');
  expect(node.connection.queuedCount).toBe(3);
  const reason = new Error('request gone');
  controller.abort(reason);
  const error = await cancelled.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(CommandAbortedError);
  expect(error).toMatchObject({ sent: false, reason });
  expect(node.connection.queuedCount).toBe(2);
  expect(await before).toBe('OK');
  expect(await after).toBe('b');
  expect(await c.exists('{q}:cancelled')).toBe(0);
});

it('cancelled while it waits for the first topology: rejects at once and is not sent once the map is known', async () => {
  const c = under.client({ lazyConnect: true });
  const controller = new AbortController();
  const cancelled = c.withOptions({ signal: controller.signal }).incr('{t}:counter');
  controller.abort();
  await expect(cancelled).rejects.toMatchObject({ name: 'AbortError', sent: false });
  await c.connect();
  expect(await c.get('{t}:counter')).toBeNull();
});

it('an already-aborted signal sends nothing', async () => {
  const c = under.client();
  await c.connect();
  const view = c.withOptions({ signal: AbortSignal.abort() });
  await expect(view.set('{a}:k', 'v')).rejects.toMatchObject({ sent: false });
  await expect(view.dbsize()).rejects.toBeInstanceOf(CommandAbortedError); // fanned out to every primary
  await expect(view.blpop('{a}:list', 0)).rejects.toBeInstanceOf(CommandAbortedError);
  await expect(view.watch('{a}:k')).rejects.toBeInstanceOf(CommandAbortedError);
  let ran = false;
  await expect(view.transaction(() => (ran = true), '{a}:k')).rejects.toBeInstanceOf(CommandAbortedError);
  expect(ran).toBe(false);
  expect(await c.exists('{a}:k')).toBe(0);
});

it('a written command cancelled rejects at once; its late reply is consumed: the next command on that node gets its own', async () => {
  const c = under.client();
  await c.connect();
  const node = c.nodeForKey('{w}:counter');
  await c.set('{w}:marker', 'marker-value');
  const controller = new AbortController();
  const sleeping = node.call('DEBUG', 'SLEEP', '0.3');
  const cancelled = c.withOptions({ signal: controller.signal }).incr('{w}:counter');
  const next = c.get('{w}:marker');
  await nextTurn(); // all three are written now
  expect(node.connection.queuedCount).toBe(0);
  controller.abort();
  expect(await cancelled.catch((e: unknown) => e)).toMatchObject({ name: 'AbortError', sent: true });
  expect(await stateOf(sleeping)).toBe('pending'); // rejected before the node answered anything
  expect(await sleeping).toBe('OK');
  expect(await next).toBe('marker-value'); // not INCR's integer
  expect(await c.get('{w}:counter')).toBe('1'); // a written command may still run: `sent: true` says so
  expect(node.connection.inflightCount).toBe(0);
});

it('aborted during a MOVED redirect: the command is not sent to the new owner', async () => {
  const c = under.client();
  await c.connect();
  const key = '{moved-abort}:counter';
  const slot = keySlot(key);
  const owner = await under.cluster.primaryOf(slot);
  let heir = owner;
  for (let i = 0; heir === owner; i++) heir = await under.cluster.primaryOf(keySlot(`heir:${i}`));
  await under.cluster.moveSlot(slot, owner, heir); // the client's map still names the old owner
  const controller = new AbortController();
  const redirects: string[] = [];
  c.on('redirect', (event) => {
    redirects.push(event.kind);
    controller.abort();
  });
  const error = await c.withOptions({ signal: controller.signal }).incr(key).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(CommandAbortedError);
  expect(redirects).toEqual(['MOVED']);
  expect(c.nodeForKey(key).address.port).toBe(heir); // the MOVED was still learned
  expect(await c.get(key)).toBeNull(); // INCR never reached the heir
});

it('a MULTI aborted during its MOVED redirect sends no further attempt', async () => {
  const c = under.client();
  await c.connect();
  const key = '{multi-moved}:counter';
  const slot = keySlot(key);
  const owner = await under.cluster.primaryOf(slot);
  let heir = owner;
  for (let i = 0; heir === owner; i++) heir = await under.cluster.primaryOf(keySlot(`heir:${i}`));
  await under.cluster.moveSlot(slot, owner, heir);
  const controller = new AbortController();
  const multi = c.withOptions({ signal: controller.signal }).multi();
  const redirects: string[] = [];
  multi.observer = {
    onRedirect: (event) => {
      redirects.push(event.kind);
      controller.abort();
    },
  };
  const incr = multi.incr(key);
  expect(await multi.exec().catch((e: unknown) => e)).toMatchObject({ name: 'AbortError', sent: false });
  await expect(incr).rejects.toBeInstanceOf(CommandAbortedError);
  expect(redirects).toEqual(['MOVED']);
  expect(await c.get(key)).toBeNull(); // the block never ran on the heir
});

it('a blocking command cancelled while parked on its node: rejects, and its pooled connection is closed', async () => {
  const c = under.client();
  await c.connect();
  const node = c.nodeForKey('{bl}:list');
  const controller = new AbortController();
  const pop = c.withOptions({ signal: controller.signal }).blpop('{bl}:list', 0);
  await waitFor(async () => (await blockedOn(node.address.port, 'blpop')) === 1);
  controller.abort();
  expect(await pop.catch((e: unknown) => e)).toMatchObject({ name: 'AbortError', sent: true });
  await waitFor(async () => (await blockedOn(node.address.port, 'blpop')) === 0);
  expect(await c.rpush('{bl}:list', 'x')).toBe(1);
  expect(await c.lrange('{bl}:list', 0, -1)).toEqual(['x']); // nobody is left blocked to take it
});

it('a pipeline over several nodes and a MULTI cancelled after they were written: every handle rejects, replies stay matched', async () => {
  const c = under.client();
  await c.connect();
  const busy = c.nodeForKey('{p1}:a');
  let other = '{p2}:a';
  for (let i = 3; c.nodeForKey(other) === busy; i++) other = `{p${i}}:a`;
  await c.set('{p1}:marker', 'pm');
  const controller = new AbortController();
  const view = c.withOptions({ signal: controller.signal });
  const sleeping = busy.call('DEBUG', 'SLEEP', '0.3');
  const pipeline = view.pipeline();
  const a = pipeline.incr('{p1}:a');
  const b = pipeline.incr(other);
  const pipelineExec = pipeline.exec();
  const multi = view.multi();
  multi.incr('{p1}:m');
  multi.get('{p1}:marker');
  const multiExec = multi.exec();
  const next = c.get('{p1}:marker');
  await nextTurn();
  expect(busy.connection.queuedCount).toBe(0); // everything is written on the busy node
  controller.abort();
  expect(await pipelineExec.catch((e: unknown) => e)).toBeInstanceOf(BatchError);
  await expect(a).rejects.toMatchObject({ sent: true });
  expect(await multiExec.catch((e: unknown) => e)).toBeInstanceOf(CommandAbortedError);
  expect(await sleeping).toBe('OK');
  expect(await next).toBe('pm');
  await b.catch(() => undefined); // the other node may have answered before the abort
  expect(await c.get('{p1}:marker')).toBe('pm');
  expect(busy.connection.inflightCount).toBe(0);
});

it('a pipeline or a fan-out watches its signal once, not once per command (Node warns past 10 listeners on one signal)', async () => {
  const c = under.client();
  await c.connect();
  const controller = new AbortController();
  const pipeline = c.withOptions({ signal: controller.signal, timeout: 5_000 }).pipeline();
  for (let i = 0; i < 30; i++) pipeline.set(`{many${i}}:k`, String(i));
  const exec = pipeline.exec();
  expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
  expect(await exec).toHaveLength(30);
  expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0); // settled: no longer watched
  const fanned = c.withOptions({ signal: controller.signal }).call('DBSIZE'); // to every primary
  expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
  expect(await fanned).toBeGreaterThanOrEqual(30);
  expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
});

it('a per-call timeout on a paused node: CommandTimeoutError for a routed and a fanned-out command; later replies stay matched', async () => {
  const c = under.client();
  await c.connect();
  await c.set('{pause}:k', 'v');
  await c.set('{pause}:marker', 'm');
  const port = c.nodeForKey('{pause}:k').address.port;
  const pauser = new Redis({ port });
  let next: Promise<string | null> | undefined;
  try {
    // Redis 7.0 holds CLIENT UNPAUSE too until the pause ends: a pause long enough for the 100 ms timeouts, short
    // enough that the finally below does not wait long.
    await pauser.call('CLIENT', 'PAUSE', '3000', 'ALL');
    await expect(c.withOptions({ timeout: 100 }).get('{pause}:k')).rejects.toBeInstanceOf(CommandTimeoutError);
    await expect(c.withOptions({ timeout: 100 }).dbsize()).rejects.toBeInstanceOf(CommandTimeoutError);
    next = c.get('{pause}:marker');
  } finally {
    await pauser.call('CLIENT', 'UNPAUSE');
    pauser.disconnect();
  }
  expect(await next).toBe('m'); // behind the two timed-out placeholders, which consumed their replies
  expect(await c.get('{pause}:k')).toBe('v');
});

it('scanIter: every SCAN page carries the options; an abort mid-scan ends it with CommandAbortedError', async () => {
  const c = under.client();
  await c.connect();
  const total = 60;
  await Promise.all(Array.from({ length: total }, (_, i) => c.set(`scan-abort:${i}`, '1')));
  const controller = new AbortController();
  const seen: string[] = [];
  const error = await (async () => {
    for await (const key of c.withOptions({ signal: controller.signal }).scanIter({ match: 'scan-abort:*', count: 5 })) {
      seen.push(key);
      if (seen.length === 3) controller.abort();
    }
  })().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(CommandAbortedError);
  expect(seen.length).toBeLessThan(total);
});

it('a WATCH transaction: an abort inside the function ends it: EXEC is not sent, no further attempt', async () => {
  const c = under.client();
  await c.connect();
  await c.set('{tx}:k', '0');
  const controller = new AbortController();
  let attempts = 0;
  const error = await c
    .withOptions({ signal: controller.signal })
    .transaction(async (tx) => {
      attempts++;
      await tx.get('{tx}:k');
      await c.set('{tx}:k', String(attempts)); // changes the watched key: without the abort, WatchError and a re-run
      controller.abort();
      tx.multi().incr('{tx}:k');
    }, '{tx}:k')
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(CommandAbortedError);
  expect(attempts).toBe(1);
  expect(await c.get('{tx}:k')).toBe('1');
});

it('OcRedisCluster: views carry the options through the instrumentation proxy', async () => {
  const c = new OcRedisCluster({ rootNodes: [under.cluster.addresses[0]!] });
  try {
    await c.connect();
    expect(await c.withOptions({ timeout: 1_000 }).set('{oc}:k', 'v')).toBe('OK');
    await expect(c.withOptions({ signal: AbortSignal.abort() }).get('{oc}:k')).rejects.toBeInstanceOf(CommandAbortedError);
    const pipeline = c.withOptions({ signal: AbortSignal.abort() }).pipeline();
    const handle = pipeline.get('{oc}:k');
    await expect(pipeline.exec()).rejects.toBeInstanceOf(BatchError);
    await expect(handle).rejects.toBeInstanceOf(CommandAbortedError);
    expect(await c.get('{oc}:k')).toBe('v');
  } finally {
    c.disconnect();
  }
});

it('with ocredis:command / ocredis:batch subscribers: the published calls carry the options too', async () => {
  const ended: { channel: string; error?: unknown }[] = [];
  const ignore = (): void => undefined;
  const subscriptions = ['ocredis:command', 'ocredis:batch'].map((name) => {
    const handlers: TracingChannelSubscribers<object> = {
      start: ignore,
      end: ignore,
      asyncStart: ignore,
      error: ignore,
      asyncEnd: (message) => void ended.push({ channel: name, error: (message as { error?: unknown }).error }),
    };
    const channel = tracingChannel<object>(name);
    channel.subscribe(handlers);
    return () => channel.unsubscribe(handlers);
  });
  try {
    const c = under.client();
    await c.connect();
    await c.set('{dc}:k', 'v');
    const view = c.withOptions({ signal: AbortSignal.abort() });
    await expect(view.incr('{dc}:n')).rejects.toBeInstanceOf(CommandAbortedError);
    const pipeline = view.pipeline();
    const handle = pipeline.incr('{dc}:n');
    await expect(pipeline.exec()).rejects.toBeInstanceOf(BatchError);
    await expect(handle).rejects.toBeInstanceOf(CommandAbortedError);
    const multi = view.multi();
    multi.incr('{dc}:n');
    await expect(multi.exec()).rejects.toBeInstanceOf(CommandAbortedError);
    expect(await c.exists('{dc}:n')).toBe(0);
    const aborted = ended.filter((message) => message.error instanceof CommandAbortedError).map((message) => message.channel);
    expect(aborted).toEqual(['ocredis:command', 'ocredis:batch']);
    // A published pipeline still watches its signal once for all its commands.
    const controller = new AbortController();
    const many = c.withOptions({ signal: controller.signal }).pipeline();
    for (let i = 0; i < 30; i++) many.set(`{dc${i}}:k`, String(i));
    const exec = many.exec();
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
    expect(await exec).toHaveLength(30);
  } finally {
    for (const stop of subscriptions) stop();
  }
});
