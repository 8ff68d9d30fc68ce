// A batch whose text is larger than the longest string V8 can build (~512 MiB) must still go out: the flush
// writes it in bounded pieces instead of joining it into one string.
import { Socket } from 'node:net';
import { describe, expect, it, vi } from 'vitest';
import { CommandOutcomeUnknownError, Redis } from '../../src/index.js';
import { useSharedServer } from '../helpers/shared-server.js';

const shared = useSharedServer();

const MIB = 1024 * 1024;
const COMMANDS = 600; // 600 × 1 MiB: more text than one V8 string may hold
const KEYS = 10; // few keys, so the server holds 10 MiB, not 600
/** 600 MiB through a loopback socket and redis-server's parser: seconds, more on a busy machine. */
const BIG_BATCH_TIMEOUT_MS = 120_000;

/** 1 MiB per key, the value of write `i` starting with `i:` (a rope: cheap to build, distinct to read back). */
function valueOf(i: number, bases: string[]): string {
  return `${i}:${bases[i % KEYS] as string}`;
}

function bases(): string[] {
  return Array.from({ length: KEYS }, (_, k) => String.fromCharCode(97 + k).repeat(MIB));
}

/** What each key holds after the batch: the last write to it. */
async function expectLastWrites(prefix: string, values: string[]): Promise<void> {
  for (let k = 0; k < KEYS; k++) {
    const last = COMMANDS - KEYS + k;
    const stored = await shared.r.get(`${prefix}:${k}`);
    expect(stored?.length).toBe(values[last]?.length);
    expect(stored === values[last]).toBe(true);
  }
}

describe('a batch larger than the longest string', () => {
  it('600 × 1 MiB SETs auto-pipelined in one turn all resolve, and a GET sent with them too', async () => {
    const b = bases();
    const values = Array.from({ length: COMMANDS }, (_, i) => valueOf(i, b));
    await shared.r.set('big:probe', 'still here');
    const sets = values.map((value, i) => shared.r.set(`big:turn:${i % KEYS}`, value));
    const probe = shared.r.get('big:probe');
    const results = await Promise.all(sets);
    expect(results.every((reply) => reply === 'OK')).toBe(true);
    expect(await probe).toBe('still here');
    await expectLastWrites('big:turn', values);
  }, BIG_BATCH_TIMEOUT_MS);

  it('600 × 1 MiB SETs in one pipeline().exec() all resolve', async () => {
    const b = bases();
    const values = Array.from({ length: COMMANDS }, (_, i) => valueOf(i, b));
    const p = shared.r.pipeline();
    for (let i = 0; i < COMMANDS; i++) p.set(`big:pipe:${i % KEYS}`, values[i] as string);
    const replies = await p.exec();
    expect(replies).toHaveLength(COMMANDS);
    expect(replies.every((reply) => reply === 'OK')).toBe(true);
    await expectLastWrites('big:pipe', values);
  }, BIG_BATCH_TIMEOUT_MS);

  it('a write that throws settles the batch by the loss rules instead of crashing the process', async () => {
    const r = new Redis({ port: shared.server.port, reconnectStrategy: 0 });
    try {
      await r.set('big:thrown:probe', 'still here');
      const spy = vi.spyOn(Socket.prototype, 'write').mockImplementationOnce(() => {
        throw new RangeError('simulated encoding failure');
      });
      const write = r.set('big:thrown', '1');
      const read = r.get('big:thrown:probe');
      await expect(write).rejects.toBeInstanceOf(CommandOutcomeUnknownError);
      expect(spy).toHaveBeenCalled();
      spy.mockRestore();
      expect(await read).toBe('still here'); // a read: sent again on the new connection
    } finally {
      r.disconnect();
    }
  });
});
