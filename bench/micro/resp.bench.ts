// Micro benchmark of the RESP codec against node-redis's and ioredis's (redis-parser) codecs.
// Run: node --import tsx bench/micro/resp.bench.ts [encoder|decoder]   (default: both, encoder first)
import { createRequire } from 'node:module';
import { RespDecoder } from '../../src/resp/decoder.js';
import { encodeCommand } from '../../src/resp/encoder.js';

const require = createRequire(import.meta.url);

/** Median ns per operation over several timed rounds (after a warm-up round). */
function measure(label: string, opsPerCall: number, fn: () => void, rounds = 9, calls = 2000): number {
  for (let i = 0; i < calls; i++) fn();
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < calls; i++) fn();
    samples.push(Number(process.hrtime.bigint() - t0) / (calls * opsPerCall));
  }
  samples.sort((a, b) => a - b);
  const ns = samples[rounds >> 1]!;
  console.log(`${label.padEnd(52)} ${ns.toFixed(1).padStart(10)} ns/op`);
  return ns;
}

// Exported so the stores into it are observable and cannot be optimised away.
export let sink: unknown = null;
const handlers = {
  onReply(v: unknown): void {
    sink = v;
  },
  onPush(v: unknown[]): void {
    sink = v;
  },
  returnBuffers: (): boolean => false,
};

const manyBulks = Buffer.from('$3\r\nbar\r\n'.repeat(1000));
const bigValue = Buffer.alloc(1024 * 1024, 'x');
const bigFrame = Buffer.concat([Buffer.from(`$${bigValue.length}\r\n`), bigValue, Buffer.from('\r\n')]);
const bigChunks: Buffer[] = [];
for (let i = 0; i < bigFrame.length; i += 64 * 1024) bigChunks.push(bigFrame.subarray(i, i + 64 * 1024));
const okReplies = Buffer.from('+OK\r\n'.repeat(1000));
const arrayReply = Buffer.from('*10\r\n' + '$5\r\nvalue\r\n'.repeat(10));

function encoderBench(): void {
  console.log('--- encoder ---');
  const value100 = 'v'.repeat(100);
  const bin100 = Buffer.alloc(100, 1);
  measure('ocredis: GET key', 1, () => (sink = encodeCommand('GET', ['key'])), 9, 200_000);
  measure('ocredis: SET key <100 B string>', 1, () => (sink = encodeCommand('SET', ['key', value100])), 9, 200_000);
  measure('ocredis: SET key <100 B Buffer>', 1, () => (sink = encodeCommand('SET', ['key', bin100])), 9, 200_000);
  const nrEncode = (require('@redis/client/dist/lib/RESP/encoder') as { default: (a: unknown[]) => unknown }).default;
  measure('node-redis: GET key', 1, () => (sink = nrEncode(['GET', 'key'])), 9, 200_000);
  measure('node-redis: SET key <100 B string>', 1, () => (sink = nrEncode(['SET', 'key', value100])), 9, 200_000);
  // Writing to a socket flattens the string; include that to see the full encode cost.
  measure('ocredis: GET key + Buffer.from (flatten)', 1, () => {
    sink = Buffer.from(encodeCommand('GET', ['key']) as string);
  }, 9, 200_000);

}

function decoderBench(): void {
  console.log('--- decoder ---');
  const ours = new RespDecoder(handlers);
  measure('ocredis: 1000 x $3 bar in one chunk (per reply)', 1000, () => ours.feed(manyBulks));
  measure('ocredis: 1000 x +OK in one chunk (per reply)', 1000, () => ours.feed(okReplies));
  measure('ocredis: *10 of $5 (per reply)', 1, () => ours.feed(arrayReply), 9, 100_000);
  measure('ocredis: 1 MiB bulk in 64 KiB chunks (per reply)', 1, () => {
    for (const c of bigChunks) ours.feed(c);
  }, 9, 200);
  const oursBuf = new RespDecoder({ ...handlers, returnBuffers: () => true });
  measure('ocredis: 1000 x $3 bar, returnBuffers (per reply)', 1000, () => oursBuf.feed(manyBulks));

  const { Decoder } = require('@redis/client/dist/lib/RESP/decoder') as {
    Decoder: new (c: object) => { write(b: Buffer): void };
  };
  const nr = new Decoder({
    onReply: handlers.onReply,
    onErrorReply: handlers.onReply,
    onPush: handlers.onPush,
    getTypeMapping: () => ({}),
  });
  measure('node-redis: 1000 x $3 bar in one chunk (per reply)', 1000, () => nr.write(manyBulks));
  measure('node-redis: 1000 x +OK in one chunk (per reply)', 1000, () => nr.write(okReplies));
  measure('node-redis: *10 of $5 (per reply)', 1, () => nr.write(arrayReply), 9, 100_000);
  measure('node-redis: 1 MiB bulk in 64 KiB chunks (per reply)', 1, () => {
    for (const c of bigChunks) nr.write(c);
  }, 9, 200);

  const Parser = require('redis-parser') as new (o: object) => { execute(b: Buffer): void };
  const io = new Parser({ returnReply: handlers.onReply, returnError: handlers.onReply, returnBuffers: false });
  measure('ioredis (redis-parser): 1000 x $3 bar (per reply)', 1000, () => io.execute(manyBulks));
  measure('ioredis (redis-parser): 1000 x +OK (per reply)', 1000, () => io.execute(okReplies));
  measure('ioredis (redis-parser): *10 of $5 (per reply)', 1, () => io.execute(arrayReply), 9, 100_000);
  measure('ioredis (redis-parser): 1 MiB bulk in 64 KiB chunks', 1, () => {
    for (const c of bigChunks) io.execute(c);
  }, 9, 200);
  // redis-parser returns a rope (per-chunk strings joined by +); V8 flattens it on first real use.
  const firstUse = (): void => void (sink as string).charCodeAt(1);
  measure('ioredis (redis-parser): 1 MiB bulk + first use', 1, () => {
    for (const c of bigChunks) io.execute(c);
    firstUse();
  }, 9, 200);
  measure('ocredis: 1 MiB bulk + first use', 1, () => {
    for (const c of bigChunks) ours.feed(c);
    firstUse();
  }, 9, 200);
}

const only = process.argv[2];
if (only !== 'decoder') encoderBench();
if (only !== 'encoder') decoderBench();
