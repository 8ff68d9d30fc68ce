// The hat store from the redis-py tutorial (realpython.com/python-redis), in ocredis: hashes written with a
// pipeline, and a purchase that checks stock and updates it atomically with WATCH / MULTI / EXEC, retried
// when another buyer got there first.
//
//   node --import tsx examples/hat-store.ts [redis://127.0.0.1:6379/1]      (or REDIS_URL=…)
import { pathToFileURL } from 'node:url';
import { Redis, WatchError } from '../src/index.js';

export class OutOfStockError extends Error {
  constructor(itemId: string) {
    super(`Sorry, ${itemId} is out of stock!`);
    this.name = 'OutOfStockError';
  }
}

type Hat = { color: string; price: number; style: string; quantity: number; npurchased: number };

export const hats: Record<string, Hat> = {
  'hat:1326692461': { color: 'black', price: 49.99, style: 'fitted', quantity: 1000, npurchased: 0 },
  'hat:1236154736': { color: 'maroon', price: 59.99, style: 'hipster', quantity: 500, npurchased: 0 },
  'hat:56854717': { color: 'green', price: 99.99, style: 'baseball', quantity: 200, npurchased: 0 },
};

/** Writes every hat in one round trip. */
export async function stockHats(r: Redis): Promise<unknown[]> {
  const pipe = r.pipeline();
  for (const [id, hat] of Object.entries(hats)) pipe.hset(id, hat);
  return pipe.exec();
}

/**
 * Buys one hat: WATCH the hat, read its stock, then decrement / increment in MULTI. If the hat changed in
 * between (another buyer), EXEC fails with WatchError and we try again. Returns how many retries it took.
 */
export async function buyItem(r: Redis, itemId: string, logRetries = true): Promise<number> {
  for (let errorCount = 0; ; errorCount++) {
    const tx = await r.watch(itemId); // a pooled connection, watching the hat
    const left = Number(await tx.hget(itemId, 'quantity'));
    if (!(left > 0)) {
      await tx.unwatch();
      throw new OutOfStockError(itemId);
    }
    const pipe = tx.multi();
    pipe.hincrby(itemId, 'quantity', -1);
    pipe.hincrby(itemId, 'npurchased', 1);
    try {
      await pipe.exec();
      return errorCount;
    } catch (error) {
      if (!(error instanceof WatchError)) throw error;
      if (logRetries) console.warn(`WatchError #${errorCount + 1}: ${itemId}; retrying`);
    }
  }
}

/** The same purchase with r.transaction(), which does the WATCH / retry loop. */
export function buyItemWithTransaction(r: Redis, itemId: string): Promise<void> {
  return r.transaction(async (tx) => {
    const left = Number(await tx.hget(itemId, 'quantity'));
    if (!(left > 0)) throw new OutOfStockError(itemId);
    const pipe = tx.multi();
    pipe.hincrby(itemId, 'quantity', -1);
    pipe.hincrby(itemId, 'npurchased', 1);
  }, itemId);
}

export async function main(url: string): Promise<void> {
  const r = new Redis(url);
  try {
    const itemId = 'hat:56854717';
    await r.del(...Object.keys(hats));
    console.log('stocked:', JSON.stringify(await stockHats(r)));
    console.log(`${itemId}:`, JSON.stringify(await r.hgetall(itemId)));

    console.log('quantity after one hincrby:', await r.hincrby(itemId, 'quantity', -1));
    await r.hincrby(itemId, 'npurchased', 1);
    for (let i = 0; i < 3; i++) await buyItem(r, itemId);
    console.log('after 4 purchases:', JSON.stringify(await r.hmget(itemId, 'quantity', 'npurchased')));

    // The remaining 196 hats, bought by 10 concurrent shoppers (each on its own pooled connection at a time).
    let retries = 0;
    const shopper = async (): Promise<void> => {
      for (;;) {
        try {
          retries += await buyItem(r, itemId, false);
        } catch (error) {
          if (error instanceof OutOfStockError) return;
          throw error;
        }
      }
    };
    await Promise.all(Array.from({ length: 10 }, shopper));
    console.log('sold out:', JSON.stringify(await r.hmget(itemId, 'quantity', 'npurchased')), `(${retries} WatchError retries)`);

    try {
      await buyItemWithTransaction(r, itemId);
    } catch (error) {
      if (!(error instanceof OutOfStockError)) throw error;
      console.log(`late buyer: ${error.name}: ${error.message}`);
    }
  } finally {
    await r.quit();
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv[2] ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/1').catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
