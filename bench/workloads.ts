// The six workloads as loops over a BenchClient. Each runs `ops` operations; the worker times one call after a
// warm-up call. Replies are checked once per run (cheaply) so a client that silently returns nothing can't win.
import type { BenchClient } from './clients.js';
import { BIG_KEY, BIG_VALUE_BYTES, HASH_FIELDS, HASH_KEY, LIST_KEY, LIST_LENGTH, PIPELINE_VALUE, STRING_VALUE, pipelineKey, stringKey } from './dataset.js';
import type { WorkloadName, WorkloadSize } from './workload-names.js';

type Workload = (client: BenchClient, ops: number, size: WorkloadSize) => Promise<void>;

function expect(condition: boolean, what: string): void {
  if (!condition) throw new Error(`unexpected reply: ${what}`);
}

const sequentialGet: Workload = async (client, ops) => {
  let last: unknown;
  for (let i = 0; i < ops; i++) last = await client.get(stringKey(i));
  expect(last === STRING_VALUE, 'GET value');
};

const concurrentGet: Workload = async (client, ops, { batch }) => {
  const keys = Array.from({ length: batch }, (_, i) => stringKey(i));
  let last: unknown[] = [];
  for (let done = 0; done < ops; done += batch) {
    const wave = Math.min(batch, ops - done);
    const pending = new Array<Promise<unknown>>(wave);
    for (let i = 0; i < wave; i++) pending[i] = client.get(keys[i] as string);
    last = await Promise.all(pending);
  }
  expect(last[0] === STRING_VALUE, 'GET value in a wave');
};

const pipeline: Workload = async (client, ops, { batch }) => {
  const keys = Array.from({ length: batch }, (_, i) => pipelineKey(i));
  let last: unknown;
  for (let i = 0; i < ops; i++) last = await client.setGetBatch(keys, PIPELINE_VALUE);
  expect(Array.isArray(last) && last.length === batch * 2, 'pipeline result length');
};

const getBig: Workload = async (client, ops) => {
  let last: unknown;
  let touched = 0;
  for (let i = 0; i < ops; i++) {
    last = await client.get(BIG_KEY);
    // Read a character, as any use of the value would: a client that hands back an unflattened rope of
    // chunk strings pays for joining them here, not never.
    touched += (last as string).charCodeAt(BIG_VALUE_BYTES >> 1);
  }
  expect(typeof last === 'string' && last.length === BIG_VALUE_BYTES && touched > 0, '1 MiB GET length');
};

const lrange: Workload = async (client, ops) => {
  let last: unknown;
  for (let i = 0; i < ops; i++) last = await client.lrange(LIST_KEY);
  expect(Array.isArray(last) && last.length === LIST_LENGTH, 'LRANGE length');
};

const hgetall: Workload = async (client, ops) => {
  let last: unknown;
  for (let i = 0; i < ops; i++) last = await client.hgetall(HASH_KEY);
  expect(typeof last === 'object' && last !== null && Object.keys(last).length === HASH_FIELDS, 'HGETALL field count');
};

/** One hot key, read over and over: with clientSideCache every call after the first is served locally. */
const cachedGet: Workload = async (client, ops) => {
  const key = stringKey(0);
  let last: unknown;
  for (let i = 0; i < ops; i++) last = await client.get(key);
  expect(last === STRING_VALUE, 'cached GET value');
};

let uncachedRun = 0;

/**
 * GETs of keys no call read before (absent: nil replies), in concurrent waves: with clientSideCache every one is
 * a miss that is then stored (and, past maxEntries, evicts one), so this is what the cache adds to a network call.
 */
const uncachedGet: Workload = async (client, ops, { batch }) => {
  const run = uncachedRun++; // the warm-up and the timed loop read different keys
  let last: unknown[] = [];
  for (let done = 0; done < ops; done += batch) {
    const wave = Math.min(batch, ops - done);
    const pending = new Array<Promise<unknown>>(wave);
    for (let i = 0; i < wave; i++) pending[i] = client.get(`bench:miss:${run}:${done + i}`);
    last = await Promise.all(pending);
  }
  expect(last.length > 0 && last[0] === null, 'GET of an absent key');
};

/**
 * Commands the cache never serves, in concurrent waves: SET of a fresh key and INCR of one counter, alternating.
 * With clientSideCache each pays only the check that it is not cacheable (and the tracking the server does).
 */
const uncacheableWrite: Workload = async (client, ops, { batch }) => {
  let last: unknown[] = [];
  for (let done = 0; done < ops; done += batch) {
    const wave = Math.min(batch, ops - done);
    const pending = new Array<Promise<unknown>>(wave);
    for (let i = 0; i < wave; i++) pending[i] = (done + i) % 2 === 0 ? client.set(`bench:write:${(done + i) % WRITE_KEYS}`, STRING_VALUE) : client.incr('bench:write:counter');
    last = await Promise.all(pending);
  }
  expect(last[0] === 'OK' && typeof last[1] === 'number', 'SET / INCR replies');
};

/** SET keys of uncacheable-write, reused so a run does not grow the server's dataset. */
const WRITE_KEYS = 10_000;

export const WORKLOAD_RUNNERS: Record<WorkloadName, Workload> = {
  'sequential-get': sequentialGet,
  'concurrent-get': concurrentGet,
  pipeline,
  'get-1mib': getBig,
  'lrange-1000': lrange,
  'hgetall-100': hgetall,
  'cached-get': cachedGet,
  'uncached-get': uncachedGet,
  'uncacheable-write': uncacheableWrite,
};
