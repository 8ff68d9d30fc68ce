// Snapshotting from the redis-py tutorial ("Persistence and Snapshotting"), in ocredis: LASTSAVE, BGSAVE (the
// save runs in a forked child), then LASTSAVE again once the background save has finished.
//
//   node --import tsx examples/persistence.ts [redis://127.0.0.1:6379/1]      (or REDIS_URL=…)
import { pathToFileURL } from 'node:url';
import { Redis } from '../src/index.js';

export interface SaveReport {
  before: Date;
  /** The server's status line, e.g. "Background saving started". */
  started: string;
  after: Date;
  /** rdb_last_bgsave_status from INFO persistence: "ok" or "err". */
  status: string;
}

/** Resolves once no background save is running; returns INFO persistence as fields. */
async function bgsaveFinished(r: Redis, timeoutMs = 30_000): Promise<Record<string, string>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const info = Object.fromEntries(
      (await r.info('persistence'))
        .split('\r\n')
        .filter((line) => line.includes(':'))
        .map((line) => line.split(':', 2) as [string, string]),
    );
    if (info.rdb_bgsave_in_progress === '0') return info;
    if (Date.now() > deadline) throw new Error('BGSAVE did not finish in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function main(redisUrl: string): Promise<SaveReport> {
  const r = new Redis(redisUrl);
  try {
    await r.set('persistence:demo', new Date().toISOString()); // something to save
    const before = await r.lastsave();
    console.log('lastsave before:', before.toISOString());
    await bgsaveFinished(r); // BGSAVE refuses to start while another one runs
    const started = await r.bgsave();
    console.log('bgsave:', started);
    const info = await bgsaveFinished(r);
    const after = await r.lastsave();
    console.log('lastsave after:', after.toISOString(), `(status ${info.rdb_last_bgsave_status})`);
    return { before, started, after, status: info.rdb_last_bgsave_status ?? 'unknown' };
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
