// The IP watcher from the redis-py tutorial (realpython.com/python-redis, "PyHats.com, Part 2"), in ocredis.
// Middleware LPUSHes every visitor's address onto the "ips" list; the watcher BLPOPs them one by one, counts
// visits per address per minute with INCRBY on "<addr>:<minute>" (kept 60 s with EXPIRE), and flags an
// address as a hat bot once it reaches MAXVISITS in one minute. BLPOP runs on a pooled connection, so it
// never holds up other commands of the same client.
//
//   node --import tsx examples/ip-watcher.ts [redis://127.0.0.1:6379/5]      (or REDIS_URL=…)
import { isIP } from 'node:net';
import { pathToFileURL } from 'node:url';
import { Redis } from '../src/index.js';

export const MAXVISITS = 15;

export interface WatchResult {
  /** Addresses in the order they were processed. */
  processed: string[];
  /** Addresses flagged as hat bots (each once). */
  blacklist: string[];
}

/**
 * Processes addresses from "ips" until none arrived for `idleSeconds` (the tutorial loops forever; a demo
 * has to stop). Returns what it saw.
 */
export async function watchIps(ipwatcher: Redis, idleSeconds = 1, log: (line: string) => void = console.log): Promise<WatchResult> {
  const blacklist = new Set<string>();
  const processed: string[] = [];
  for (;;) {
    const popped = await ipwatcher.blpop('ips', idleSeconds);
    if (popped === null) break;
    const addr = popped.element;
    if (isIP(addr) === 0) {
      log(`not an IP address, skipped: ${JSON.stringify(addr)}`);
      continue;
    }
    processed.push(addr);
    const now = new Date();
    const addrts = `${addr}:${now.getUTCMinutes()}`;
    const n = await ipwatcher.incrby(addrts, 1);
    if (n >= MAXVISITS) {
      if (!blacklist.has(addr)) log(`Hat bot detected!:  ${addr}`);
      blacklist.add(addr);
    } else {
      log(`${now.toISOString()}:  saw ${addr}`);
    }
    await ipwatcher.expire(addrts, 60);
  }
  return { processed, blacklist: [...blacklist] };
}

export async function main(redisUrl: string): Promise<WatchResult> {
  const r = new Redis(redisUrl); // the website's middleware
  const ipwatcher = new Redis(redisUrl); // the watcher, a separate client as in the tutorial
  try {
    await r.del('ips');
    // Counts are per minute of the hour: keep the scraper's burst inside one minute (wait before any push,
    // so the watcher's idle timeout can't end the run during the wait).
    const second = new Date().getUTCSeconds();
    if (second >= 58) await new Promise((resolve) => setTimeout(resolve, (61 - second) * 1000));
    for (const ip of ['51.218.112.236', '90.213.45.98', '115.215.230.176', '51.218.112.236']) await r.lpush('ips', ip);
    const watching = watchIps(ipwatcher);
    for (let i = 0; i < 20; i++) await r.lpush('ips', '104.174.118.18'); // a page scraper
    const result = await watching;
    console.log(`processed ${result.processed.length} visits; blacklist: ${JSON.stringify(result.blacklist)}`);
    return result;
  } finally {
    await Promise.all([r.quit(), ipwatcher.quit()]);
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv[2] ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/5').catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
