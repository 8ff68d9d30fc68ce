import { execFile } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { Redis } from '../../src/index.js';
import { main as ipWatcher, MAXVISITS } from '../../examples/ip-watcher.js';
import { main as keyExpiry } from '../../examples/key-expiry.js';
import { main as jsonValues, restaurant484272 } from '../../examples/json-values.js';
import { main as persistence } from '../../examples/persistence.js';
import type { RedisServerHandle } from '../helpers/redis-server.js';
import { useSharedServer } from '../helpers/shared-server.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const shared = useSharedServer();
let server: RedisServerHandle;
let r: Redis;
beforeAll(() => ({ server, r } = shared));

beforeEach(() => {
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
  return () => vi.restoreAllMocks();
});

const url = (db: number): string => `redis://127.0.0.1:${server.port}/${db}`;

function runExample(file: string, redisUrl: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', 'tsx', file, redisUrl], { cwd: root, timeout: 60_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${file} exited with ${error.message}\n${stderr}${stdout}`));
      else resolve(stdout);
    });
  });
}

describe('tutorial examples', () => {
  it('ip-watcher: BLPOPs every address, counts visits per minute with INCRBY + EXPIRE, and flags the scraper', async () => {
    const result = await ipWatcher(url(5));
    expect(result.processed).toHaveLength(24);
    expect(result.processed.filter((ip) => ip === '104.174.118.18')).toHaveLength(20);
    expect(result.blacklist).toEqual(['104.174.118.18']);
    const db5 = r.duplicate({ db: 5 });
    try {
      expect(await db5.llen('ips')).toBe(0);
      const counters: string[] = [];
      for await (const key of db5.scanIter({ match: '104.174.118.18:*' })) counters.push(key);
      expect(counters).toHaveLength(1);
      expect(Number(await db5.get(counters[0] as string))).toBe(20);
      expect(MAXVISITS).toBe(15); // 20 visits in one minute cross it
      const ttl = await db5.ttl(counters[0] as string);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(60);
    } finally {
      await db5.quit();
    }
  });

  it('key-expiry: setex, ttl/pttl, expire (the key really goes), expireat with a Date, persist', async () => {
    const report = await keyExpiry(url(6));
    expect(report.ttlAfterSetex).toBeGreaterThan(55);
    expect(report.ttlAfterSetex).toBeLessThanOrEqual(60);
    expect(report.pttlAfterSetex).toBeGreaterThan(55_000);
    expect(report.valueBeforeExpiry).toBe("now you see me, now you don't");
    expect(report.valueAfterExpiry).toBeNull();
    expect(report.existsAfterExpiry).toBe(0);
    expect(report.ttlAfterExpireat).toBeGreaterThan(3_590);
    expect(report.persisted).toBe(true);
    expect(report.ttlAfterPersist).toBe(-1);
    const db6 = r.duplicate({ db: 6 });
    try {
      expect(await db6.ttl('sale')).toBe(-1);
      expect(await db6.exists('runner')).toBe(0);
    } finally {
      await db6.quit();
    }
  });

  it('json-values: JSON round trip, and the flattened-keys variant (run as a script, leaves come back as strings)', async () => {
    const { fromJson, fromFlatKeys } = await jsonValues(url(7));
    expect(fromJson).toEqual(restaurant484272);
    expect(fromFlatKeys).toEqual({ ...restaurant484272, address: { ...(restaurant484272.address as object), zip: '10016' } });
    const db7 = r.duplicate({ db: 7 });
    try {
      expect(await db7.get('484272:address:street:line1')).toBe('11 E 30th St');
      expect(JSON.parse((await db7.get('484272')) ?? '')).toEqual(restaurant484272);
    } finally {
      await db7.quit();
    }
    const stdout = await runExample('examples/json-values.ts', url(8));
    expect(stdout).toContain('option 2 (7 flat keys)');
  });

  it('persistence: BGSAVE writes dump.rdb and LASTSAVE moves forward', async () => {
    const dump = join(server.dir, 'dump.rdb');
    expect(existsSync(dump)).toBe(false);
    const report = await persistence(url(1));
    expect(report.started).toMatch(/Background saving started/);
    expect(report.status).toBe('ok');
    expect(report.after.getTime()).toBeGreaterThanOrEqual(report.before.getTime());
    expect(statSync(dump).size).toBeGreaterThan(0);
  });
});
