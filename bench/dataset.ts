// The keys the workloads read, and how run.ts seeds them once per server (ioredis, so a bug in the client
// under test can't break the data every client reads).
import { createRequire } from 'node:module';

export const STRING_KEYS = 1_000;
export const stringKey = (i: number): string => `bench:str:${i % STRING_KEYS}`;
export const STRING_VALUE = 'v'.repeat(100);

export const BIG_KEY = 'bench:1mib';
export const BIG_VALUE_BYTES = 1024 * 1024;

export const LIST_KEY = 'bench:list:1000';
export const LIST_LENGTH = 1_000;

export const HASH_KEY = 'bench:hash:100';
export const HASH_FIELDS = 100;

/** Keys the pipeline workload writes then reads (SET k v; GET k), cycling through this many. */
export const PIPELINE_KEYS = 100;
export const pipelineKey = (i: number): string => `bench:pipe:${i % PIPELINE_KEYS}`;
export const PIPELINE_VALUE = 'p'.repeat(32);

interface SeedClient {
  set(key: string, value: string): Promise<unknown>;
  del(key: string): Promise<unknown>;
  rpush(key: string, ...values: string[]): Promise<unknown>;
  hset(key: string, fields: Record<string, string>): Promise<unknown>;
  strlen(key: string): Promise<number>;
  llen(key: string): Promise<number>;
  hlen(key: string): Promise<number>;
  quit(): Promise<unknown>;
}

/** Printable, non-repeating-looking ASCII so no client gets a shortcut on a trivial value. */
function bigValue(): string {
  let out = '';
  const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  let x = 12345;
  const chunk: string[] = [];
  for (let i = 0; i < 1024; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    chunk.push(alphabet[x % alphabet.length] as string);
  }
  const block = chunk.join('');
  while (out.length < BIG_VALUE_BYTES) out += block;
  return out.slice(0, BIG_VALUE_BYTES);
}

export async function seed(port: number): Promise<void> {
  const require = createRequire(import.meta.url);
  const IORedis = require('ioredis') as new (options: { host: string; port: number }) => SeedClient;
  const r = new IORedis({ host: '127.0.0.1', port });
  try {
    await Promise.all(Array.from({ length: STRING_KEYS }, (_, i) => r.set(stringKey(i), STRING_VALUE)));
    await r.set(BIG_KEY, bigValue());
    await r.del(LIST_KEY);
    await r.rpush(LIST_KEY, ...Array.from({ length: LIST_LENGTH }, (_, i) => `item-${String(i).padStart(6, '0')}`));
    await r.del(HASH_KEY);
    await r.hset(HASH_KEY, Object.fromEntries(Array.from({ length: HASH_FIELDS }, (_, i) => [`field-${i}`, `value-${i}-${'h'.repeat(12)}`])));
    const [big, list, hash] = await Promise.all([r.strlen(BIG_KEY), r.llen(LIST_KEY), r.hlen(HASH_KEY)]);
    if (big !== BIG_VALUE_BYTES || list !== LIST_LENGTH || hash !== HASH_FIELDS) {
      throw new Error(`seeding failed: strlen ${big}, llen ${list}, hlen ${hash}`);
    }
  } finally {
    await r.quit();
  }
}
