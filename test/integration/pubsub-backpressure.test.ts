// A for-await loop that does not keep up makes the subscriber stop reading its socket: Redis buffers the
// messages (and applies its client-output-buffer-limit), the client does not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArgumentError, Redis, type PubSubMessage } from '../../src/index.js';
import { startRedisServer, type RedisServerHandle } from '../helpers/redis-server.js';

const MESSAGES = 200_000;
const HIGH_WATER = 100;
const PAYLOAD = 'p'.repeat(100);
/** A socket read is at most 64 KiB; each frame is longer than its payload. */
const ONE_READ_OF_MESSAGES = Math.ceil((64 * 1024) / PAYLOAD.length);

let unlimited: RedisServerHandle;
let limited: RedisServerHandle;
beforeAll(async () => {
  [unlimited, limited] = await Promise.all([
    startRedisServer({ config: { 'client-output-buffer-limit': 'pubsub 0 0 0' } }),
    startRedisServer({ config: { 'client-output-buffer-limit': 'pubsub 1mb 0 0' } }),
  ]);
});
afterAll(() => Promise.all([unlimited?.stop(), limited?.stop()]));

/** Publishes `count` numbered messages, in batches of 1,000 (each batch in one write), until `stop()` says so. */
async function publish(r: Redis, channel: string, from: number, count: number, stop: () => Promise<boolean> = async () => false): Promise<number> {
  let sent = from;
  while (sent < from + count) {
    const batch = Array.from({ length: Math.min(1000, from + count - sent) }, (_, i) => r.publish(channel, `${sent + i}:${PAYLOAD}`));
    sent += batch.length;
    await Promise.all(batch);
    if (await stop()) break;
  }
  return sent;
}

const seq = (m: PubSubMessage): number => Number(m.message.slice(0, m.message.indexOf(':')));

/** The pub/sub clients the server has (CLIENT LIST TYPE pubsub), with their output-buffer memory. */
async function pubsubClients(r: Redis): Promise<{ omem: number }[]> {
  const list = (await r.call('CLIENT', 'LIST', 'TYPE', 'pubsub')) as string;
  return list
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => ({ omem: Number(/ omem=(\d+)/.exec(line)?.[1]) }));
}

describe.each([2, 3] as const)('pub/sub backpressure over RESP%i', (protocol) => {
  it(`an unread for-await loop holds at most highWaterMark (+ one socket read) of ${MESSAGES} messages; Redis holds the rest; all arrive in order`, async () => {
    const publisher = new Redis({ port: unlimited.port, protocol });
    const sub = publisher.pubsub({ highWaterMark: HIGH_WATER, ignoreSubscribeMessages: true });
    try {
      const loop = sub[Symbol.asyncIterator]() as AsyncIterableIterator<PubSubMessage>; // confirmations are ignored
      let mostBuffered = 0;
      // Handlers run for every message as it is read, so they see the loop's queue at its fullest.
      await sub.subscribe('bp', () => {
        mostBuffered = Math.max(mostBuffered, sub.buffered);
      });
      await publish(publisher, 'bp', 0, MESSAGES);
      expect(mostBuffered).toBeGreaterThanOrEqual(HIGH_WATER - 1);
      expect(mostBuffered).toBeLessThanOrEqual(HIGH_WATER + ONE_READ_OF_MESSAGES);
      // What the client does not hold waits in Redis (the kernel's socket buffers hold a few MB at most).
      const [server] = await pubsubClients(publisher);
      expect(server!.omem).toBeGreaterThan((MESSAGES * PAYLOAD.length) / 4);

      let expected = 0;
      for await (const message of loop) {
        expect(seq(message)).toBe(expected++);
        if (expected === MESSAGES) break;
      }
      expect(sub.buffered).toBeLessThanOrEqual(HIGH_WATER + ONE_READ_OF_MESSAGES);
    } finally {
      sub.disconnect();
      publisher.disconnect();
    }
  });

  it("with a small client-output-buffer-limit pubsub, Redis disconnects the slow subscriber; it resubscribes and the loop goes on", async () => {
    const publisher = new Redis({ port: limited.port, protocol });
    const sub = publisher.pubsub({ highWaterMark: HIGH_WATER, ignoreSubscribeMessages: true });
    try {
      const loop = sub[Symbol.asyncIterator]() as AsyncIterableIterator<PubSubMessage>; // confirmations are ignored
      let mostBuffered = 0;
      await sub.subscribe('slow', () => {
        mostBuffered = Math.max(mostBuffered, sub.buffered);
      });
      const resubscribed = new Promise((resolve) => sub.once('resubscribed', resolve));
      let reconnects = 0;
      sub.on('reconnecting', () => reconnects++);
      // Publish until Redis has dropped the subscriber for overrunning its output buffer (1 MB).
      const sent = await publish(publisher, 'slow', 0, MESSAGES, async () => (await pubsubClients(publisher)).length === 0);
      expect(sent).toBeLessThan(MESSAGES);
      expect((await pubsubClients(publisher)).length).toBe(0);
      expect(mostBuffered).toBeLessThanOrEqual(HIGH_WATER + ONE_READ_OF_MESSAGES);

      // Reading on finds the close, reconnects and resubscribes; messages published after that arrive.
      let last = -1;
      let resumed = false;
      const after = resubscribed.then(async () => {
        resumed = true;
        return publisher.publish('slow', `${MESSAGES}:after`);
      });
      for await (const message of loop) {
        const n = seq(message);
        if (n === MESSAGES) break;
        expect(n).toBeGreaterThan(last); // in order; the ones Redis dropped are missing
        last = n;
      }
      expect(resumed).toBe(true);
      expect(await after).toBe(1);
      expect(reconnects).toBe(1);
      expect(last).toBeLessThan(sent);
    } finally {
      sub.disconnect();
      publisher.disconnect();
    }
  });
});

it('highWaterMark must be a positive integer', () => {
  const r = new Redis({ lazyConnect: true });
  expect(() => r.pubsub({ highWaterMark: 0 })).toThrow(ArgumentError);
  expect(() => r.pubsub({ highWaterMark: 1.5 })).toThrow(ArgumentError);
  r.disconnect();
});
