// Key expiry from the redis-py tutorial ("Using Key Expiry"), in ocredis: SETEX, TTL / PTTL, EXPIRE, EXPIREAT
// with a Date, PERSIST, and a key that really disappears.
//
//   node --import tsx examples/key-expiry.ts [redis://127.0.0.1:6379/1]      (or REDIS_URL=…)
import { pathToFileURL } from 'node:url';
import { Redis } from '../src/index.js';

export interface ExpiryReport {
  ttlAfterSetex: number;
  pttlAfterSetex: number;
  valueBeforeExpiry: string | null;
  valueAfterExpiry: string | null;
  existsAfterExpiry: number;
  ttlAfterExpireat: number;
  persisted: boolean;
  ttlAfterPersist: number;
}

export async function main(redisUrl: string): Promise<ExpiryReport> {
  const r = new Redis(redisUrl);
  try {
    // SETEX: SET with an expiry (60 s; the tutorial's timedelta(minutes=1)).
    await r.setex('runner', 60, "now you see me, now you don't");
    const ttlAfterSetex = await r.ttl('runner'); // seconds to live
    const pttlAfterSetex = await r.pttl('runner'); // milliseconds to live
    const valueBeforeExpiry = await r.get('runner');
    console.log(`runner: ttl ${ttlAfterSetex} s, pttl ${pttlAfterSetex} ms, value ${JSON.stringify(valueBeforeExpiry)}`);

    // EXPIRE: a new, shorter window; then watch the key go.
    await r.expire('runner', 1);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const valueAfterExpiry = await r.get('runner');
    const existsAfterExpiry = await r.exists('runner');
    console.log(`after expiry: value ${JSON.stringify(valueAfterExpiry)}, exists ${existsAfterExpiry}`);

    // EXPIREAT with a Date (the tutorial's datetime), then PERSIST removes the expiry again.
    await r.set('sale', 'summer');
    await r.expireat('sale', new Date(Date.now() + 3_600_000));
    const ttlAfterExpireat = await r.ttl('sale');
    const persisted = await r.persist('sale');
    const ttlAfterPersist = await r.ttl('sale'); // -1: no expiry
    console.log(`sale: ttl ${ttlAfterExpireat} s after EXPIREAT, persisted ${persisted}, ttl ${ttlAfterPersist} after PERSIST`);

    return { ttlAfterSetex, pttlAfterSetex, valueBeforeExpiry, valueAfterExpiry, existsAfterExpiry, ttlAfterExpireat, persisted, ttlAfterPersist };
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
