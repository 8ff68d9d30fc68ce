// Seeded fuzzing of the decoder. The default seed is fixed, so every run (and CI) checks the same 130,000
// frames; set RESP_FUZZ_SEED to explore others or to replay a failure (the seed is in every message).
import { describe, expect, it } from 'vitest';
import { ProtocolError } from '../../../src/errors.js';
import { RespDecoder } from '../../../src/resp/decoder.js';
import { encode, expected, Gen, prng, type Node } from '../../fixtures/resp/generate.js';
import { canon } from '../../fixtures/resp/harness.js';

const SEED = Number(process.env.RESP_FUZZ_SEED ?? 20_261_130);
const VALID_CASES = 30_000;
const MUTATED_FRAMES = 100_000;

function topEvent(node: Node, buffers: boolean): unknown[] {
  let n = node;
  while (n.t === 'attr') n = n.value;
  return n.t === 'push' ? ['push', canon(expected(n, false))] : ['reply', canon(expected(n, buffers))];
}

/** Cuts `bytes` into 1..6 random pieces (sometimes byte by byte). */
function randomChunks(g: Gen, bytes: Buffer): Buffer[] {
  if (bytes.length > 1 && g.int(20) === 0) {
    return Array.from({ length: bytes.length }, (_, i) => bytes.subarray(i, i + 1));
  }
  const cuts = Array.from({ length: g.int(6) }, () => g.int(bytes.length + 1)).sort((a, b) => a - b);
  const chunks: Buffer[] = [];
  let at = 0;
  for (const c of [...cuts, bytes.length]) {
    chunks.push(bytes.subarray(at, c));
    at = c;
  }
  return chunks;
}

const SPECIAL = Buffer.from('\r\n\r\n0123456789-?.;+-:$*_#,(!=%~>|');

function mutate(g: Gen, input: Buffer): Buffer {
  let b = Buffer.from(input);
  const count = 1 + g.int(3);
  for (let m = 0; m < count && b.length > 0; m++) {
    const at = g.int(b.length);
    switch (g.int(7)) {
      case 0:
        b[at] = g.int(256);
        break;
      case 1:
        b[at] = SPECIAL[g.int(SPECIAL.length)]!;
        break;
      case 2:
        b = b.subarray(0, at);
        break;
      case 3: {
        const end = Math.min(b.length, at + 1 + g.int(16));
        b = Buffer.concat([b.subarray(0, end), b.subarray(at, end), b.subarray(end)]);
        break;
      }
      case 4:
        b = Buffer.concat([b.subarray(0, at), b.subarray(Math.min(b.length, at + 1 + g.int(8)))]);
        break;
      case 5: {
        const junk = Buffer.from(Array.from({ length: 1 + g.int(4) }, () => g.int(256)));
        b = Buffer.concat([b.subarray(0, at), junk, b.subarray(at)]);
        break;
      }
      default: {
        // a length digit changed into a big or negative number
        const text = g.pick(['9999999999', '-1', '-2', '2147483647', '0', '?', '']);
        b = Buffer.concat([b.subarray(0, at), Buffer.from(text), b.subarray(at + 1)]);
      }
    }
  }
  return b;
}

describe(`RespDecoder fuzz (seed ${SEED})`, () => {
  it(`round-trips ${VALID_CASES} random valid streams fed in random chunks`, () => {
    const g = new Gen(prng(SEED));
    for (let c = 0; c < VALID_CASES; c++) {
      const buffers = g.int(2) === 0;
      const nodes = Array.from({ length: 1 + g.int(3) }, () => g.node(g.int(4)));
      const bytes = Buffer.concat(nodes.flatMap((n) => encode(n)));
      const want = nodes.map((n) => topEvent(n, buffers));
      const got: unknown[] = [];
      const d = new RespDecoder({
        onReply: (v) => got.push(['reply', canon(v)]),
        onPush: (v) => got.push(['push', canon(v)]),
        returnBuffers: () => buffers,
      });
      try {
        for (const chunk of randomChunks(g, bytes)) d.feed(chunk);
      } catch (err) {
        throw new Error(`seed ${SEED} case ${c}: ${String(err)} for ${JSON.stringify(bytes.toString('latin1'))}`);
      }
      expect(got, `seed ${SEED} case ${c}: ${JSON.stringify(bytes.toString('latin1'))}`).toEqual(want);
    }
  });

  it(`${MUTATED_FRAMES} mutated frames give only values or ProtocolErrors, never anything else`, () => {
    const g = new Gen(prng(SEED ^ 0x5bd1e995));
    let frames = 0;
    let protocolErrors = 0;
    let values = 0;
    for (let c = 0; frames < MUTATED_FRAMES; c++) {
      const nodes = Array.from({ length: 1 + g.int(3) }, () => g.node(g.int(4)));
      frames += nodes.length;
      const bytes = mutate(g, Buffer.concat(nodes.flatMap((n) => encode(n))));
      const d = new RespDecoder(
        { onReply: () => values++, onPush: () => values++, returnBuffers: () => g.int(2) === 0 },
        g.int(4) === 0 ? { maxBulkLength: 64, maxDepth: 3, maxLineLength: 16 } : {},
      );
      let failed = false;
      for (const chunk of randomChunks(g, bytes)) {
        try {
          d.feed(chunk);
        } catch (err) {
          if (!(err instanceof ProtocolError)) {
            throw new Error(`seed ${SEED} case ${c}: ${String(err)} for ${JSON.stringify(bytes.toString('latin1'))}`);
          }
          failed = true;
          protocolErrors++;
          break;
        }
      }
      if (failed) expect(() => d.feed(Buffer.from('+OK\r\n'))).toThrow(ProtocolError);
    }
    // Sanity: the mutations produce both outcomes in bulk.
    expect(protocolErrors).toBeGreaterThan(MUTATED_FRAMES / 20);
    expect(values).toBeGreaterThan(MUTATED_FRAMES / 20);
  });
});
