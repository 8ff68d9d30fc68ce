// A full offline queue refuses further calls in O(1): no scan of the queue per refused call. Commands that
// time out while queued still free their room.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CommandTimeoutError, OfflineQueueFullError, Redis } from '../../src/index.js';
import { Fifo } from '../../src/connection/fifo.js';
import { freePort } from '../helpers/free-port.js';

const clients: Redis[] = [];

afterEach(() => {
  vi.restoreAllMocks();
  for (const c of clients.splice(0)) c.disconnect();
});

/** A client whose server is not listening: everything waits in the offline queue. */
async function offlineClient(maxOfflineQueue: number, commandTimeout = 0): Promise<Redis> {
  const c = new Redis({ port: await freePort(), maxOfflineQueue, commandTimeout, reconnectStrategy: 60_000, offlineQueueAttempts: 1_000 });
  c.on('error', () => undefined);
  clients.push(c);
  return c;
}

/** Counts the queue entries that Fifo.removeWhere visits (the scan a refused call used to make). */
function countScannedEntries(): { visited: number } {
  const counter = { visited: 0 };
  const original = Fifo.prototype.removeWhere;
  vi.spyOn(Fifo.prototype, 'removeWhere').mockImplementation(function (this: Fifo<unknown>, isDead: (item: unknown) => boolean) {
    counter.visited += this.length;
    return original.call(this, isDead);
  });
  return counter;
}

describe('a full offline queue', () => {
  it('refuses 10,000 further calls without scanning the queue for each', async () => {
    const QUEUE = 1_000;
    const c = await offlineClient(QUEUE);
    const queued = Array.from({ length: QUEUE }, (_, i) => c.get(`k${i}`));
    for (const p of queued) p.catch(() => undefined);
    const counter = countScannedEntries();
    const refused = await Promise.allSettled(Array.from({ length: 10_000 }, (_, i) => c.get(`r${i}`)));
    expect(refused.every((r) => r.status === 'rejected' && r.reason instanceof OfflineQueueFullError)).toBe(true);
    expect(c.connection.queuedCount).toBe(QUEUE);
    // Before: every refused call filtered the whole queue (10,000 × 1,000 entries visited).
    expect(counter.visited).toBe(0);
  });

  it('commands that time out while queued make room for new ones', async () => {
    const c = await offlineClient(100, 200);
    const queued = Array.from({ length: 100 }, (_, i) => c.get(`k${i}`));
    await expect(c.get('over')).rejects.toBeInstanceOf(OfflineQueueFullError);
    const settled = await Promise.allSettled(queued);
    expect(settled.every((r) => r.status === 'rejected' && r.reason instanceof CommandTimeoutError)).toBe(true);
    expect(c.connection.queuedCount).toBe(0);
    await expect(c.get('room again')).rejects.toBeInstanceOf(CommandTimeoutError);
  });
});
