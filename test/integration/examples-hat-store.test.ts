import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Redis } from '../../src/index.js';
import { startRedisServer, type RedisServerHandle } from '../helpers/redis-server.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
let server: RedisServerHandle;

beforeAll(async () => {
  server = await startRedisServer();
});

afterAll(async () => {
  await server?.stop();
});

function runExample(url: string): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', 'tsx', 'examples/hat-store.ts', url], { cwd: root, timeout: 60_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`hat-store exited with ${error.message}\n${stderr}${stdout}`));
      else resolve({ stdout, stderr });
    });
  });
}

it('examples/hat-store.ts stocks the hats, sells out without overselling, and turns away a late buyer', async () => {
  const { stdout } = await runExample(`redis://127.0.0.1:${server.port}/1`);
  expect(stdout).toContain('stocked: [5,5,5]');
  expect(stdout).toContain('hat:56854717: {"color":"green","price":"99.99","style":"baseball","quantity":"200","npurchased":"0"}');
  expect(stdout).toContain('after 4 purchases: ["196","4"]');
  expect(stdout).toMatch(/sold out: \["0","200"\] \(\d+ WatchError retries\)/);
  expect(stdout).toContain('late buyer: OutOfStockError: Sorry, hat:56854717 is out of stock!');

  // The example used database 1, as the tutorial does.
  const r = new Redis({ port: server.port, db: 1 });
  expect(await r.hmget('hat:56854717', 'quantity', 'npurchased')).toEqual(['0', '200']);
  expect(await r.hget('hat:1326692461', 'quantity')).toBe('1000');
  await r.quit();
});
