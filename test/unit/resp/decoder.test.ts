import { describe, expect, it, vi } from 'vitest';
import { ProtocolError, ReplyError } from '../../../src/errors.js';
import { RespDecoder } from '../../../src/resp/decoder.js';
import { canon, chunkings, run } from '../../fixtures/resp/harness.js';
import { malformedFixtures } from '../../fixtures/resp/malformed.js';
import { expectedEvents, validFixtures } from '../../fixtures/resp/valid.js';

const bytes = (input: string | Buffer): Buffer => (typeof input === 'string' ? Buffer.from(input) : input);

describe('RespDecoder: valid fixtures, whole / every split / byte by byte', () => {
  for (const fixture of validFixtures) {
    for (const buffers of [false, true]) {
      it(`${fixture.name} (returnBuffers ${buffers})`, () => {
        const expected = expectedEvents(fixture, buffers);
        const input = bytes(fixture.input);
        const replies = fixture.events.filter(([kind]) => kind === 'reply').length;
        for (const [how, chunks] of chunkings(input)) {
          const out = run(chunks, buffers);
          if (out.error !== null) throw new Error(`${how}: ${String(out.error)}`);
          expect(out.events, how).toEqual(expected);
          expect(out.asks, `${how}: returnBuffers() asked once per reply`).toBe(replies);
        }
      });
    }
  }

  it('all fixtures back to back, in one stream', () => {
    const input = Buffer.concat(validFixtures.map((f) => bytes(f.input)));
    const expected = validFixtures.flatMap((f) => expectedEvents(f, false));
    for (const [how, chunks] of [...chunkings(input)].filter((_, i) => i % 97 === 0 || i > input.length)) {
      expect(run(chunks).events, how).toEqual(expected);
    }
  });
});

describe('RespDecoder: value details', () => {
  const decodeOne = (input: string, buffers = false): unknown => {
    const values: unknown[] = [];
    const d = new RespDecoder({ onReply: (v) => values.push(v), onPush: () => {}, returnBuffers: () => buffers });
    d.feed(Buffer.from(input));
    expect(values).toHaveLength(1);
    return values[0];
  };

  it('error replies are ReplyError instances with a parsed code', () => {
    const e = decodeOne('-WRONGTYPE Operation against a key\r\n');
    expect(e).toBeInstanceOf(ReplyError);
    expect((e as ReplyError).code).toBe('WRONGTYPE');
    expect((e as ReplyError).message).toBe('WRONGTYPE Operation against a key');
  });

  it('maps are plain objects and a __proto__ key never touches a prototype', () => {
    const m = decodeOne('%1\r\n+__proto__\r\n%1\r\n+isAdmin\r\n#t\r\n') as Record<string, unknown>;
    expect(Object.getPrototypeOf(m)).toBe(Object.prototype);
    expect(Object.prototype.hasOwnProperty.call(m, '__proto__')).toBe(true);
    expect((m as { isAdmin?: unknown }).isAdmin).toBeUndefined();
    expect(({} as { isAdmin?: unknown }).isAdmin).toBeUndefined();
  });

  it('returned Buffers are copies that do not alias the fed chunk', () => {
    const chunk = Buffer.from('$3\r\nbar\r\n$40\r\n' + 'x'.repeat(40) + '\r\n');
    const values: Buffer[] = [];
    const d = new RespDecoder({ onReply: (v) => values.push(v as Buffer), onPush: () => {}, returnBuffers: () => true });
    d.feed(chunk);
    chunk.fill(0);
    expect(values.map((v) => v.toString())).toEqual(['bar', 'x'.repeat(40)]);
  });

  it('decodes a large bulk split into 64 KiB chunks (string and Buffer)', () => {
    const body = Buffer.alloc(1024 * 1024 + 3, 'y');
    body.write('é', 70000); // a non-ASCII character across no particular boundary
    const frame = Buffer.concat([Buffer.from(`$${body.length}\r\n`), body, Buffer.from('\r\n+OK\r\n')]);
    const chunks: Buffer[] = [];
    for (let i = 0; i < frame.length; i += 65536) chunks.push(frame.subarray(i, i + 65536));
    for (const buffers of [false, true]) {
      const out: unknown[] = [];
      const d = new RespDecoder({ onReply: (v) => out.push(v), onPush: () => {}, returnBuffers: () => buffers });
      for (const c of chunks) d.feed(c);
      expect(out).toHaveLength(2);
      if (buffers) expect((out[0] as Buffer).equals(body)).toBe(true);
      else expect(out[0]).toBe(body.toString());
      expect(out[1]).toBe('OK');
    }
    // the pure-ASCII large path
    const ascii = Buffer.alloc(200_000, 'a');
    const d = new RespDecoder({ onReply: (v) => expect(v).toBe(ascii.toString()), onPush: () => {}, returnBuffers: () => false });
    d.feed(Buffer.concat([Buffer.from(`$${ascii.length}\r\n`), ascii, Buffer.from('\r\n')]));
  });

  it('a 1,000-element array split over many chunks is not re-parsed', () => {
    const frame = Buffer.from('*1000\r\n' + '$3\r\nbar\r\n'.repeat(1000));
    const out: unknown[] = [];
    const d = new RespDecoder({ onReply: (v) => out.push(v), onPush: () => {}, returnBuffers: () => false });
    let steps = 0;
    // Count calls of the private per-value parser through an own-property wrapper.
    const step = (Object.getPrototypeOf(d) as { step: (...a: unknown[]) => number }).step;
    (d as unknown as { step: (...a: unknown[]) => number }).step = function (this: unknown, ...a: unknown[]) {
      steps++;
      return step.apply(this, a);
    };
    for (let i = 0; i < frame.length; i += 7) d.feed(frame.subarray(i, i + 7));
    expect(out).toEqual([Array(1000).fill('bar')]);
    // one header + 1000 elements, plus at most one re-dispatch of each split line
    expect(steps).toBeLessThan(1001 + 1001);
  });

  it('a handler that throws does not derail decoding; the error is re-thrown at the end of feed', () => {
    const out: unknown[] = [];
    const d = new RespDecoder({
      onReply: (v) => {
        out.push(v);
        if (v === 'boom') throw new Error('handler failed');
      },
      onPush: () => {},
      returnBuffers: () => false,
    });
    expect(() => d.feed(Buffer.from('+boom\r\n:1\r\n$1\r\n'))).toThrow('handler failed');
    d.feed(Buffer.from('x\r\n'));
    expect(out).toEqual(['boom', 1, 'x']);
  });

  it('reset() from inside a handler stops decoding the current chunk', () => {
    const out: unknown[] = [];
    const d: RespDecoder = new RespDecoder({
      onReply: (v) => {
        out.push(v);
        if (v === 'reset') d.reset();
      },
      onPush: () => {},
      returnBuffers: () => false,
    });
    d.feed(Buffer.from('+a\r\n+reset\r\n+dropped\r\n*2\r\n'));
    d.feed(Buffer.from('$3\r\nab'));
    d.feed(Buffer.from('c\r\n+reset\r\n:1\r\n'));
    d.feed(Buffer.from(':2\r\n'));
    expect(out).toEqual(['a', 'reset', 'abc', 'reset', 2]);
  });

  it('after a ProtocolError the decoder refuses input until reset()', () => {
    const out: unknown[] = [];
    const d = new RespDecoder({ onReply: (v) => out.push(v), onPush: () => {}, returnBuffers: () => false });
    d.feed(Buffer.from('*2\r\n:1\r\n$3\r\nab'));
    expect(() => d.feed(Buffer.from('cXY'))).toThrow(ProtocolError); // 'abc' then 'XY' instead of CRLF
    expect(() => d.feed(Buffer.from('+OK\r\n'))).toThrow(ProtocolError);
    d.reset();
    d.feed(Buffer.from('+OK\r\n'));
    expect(out).toEqual(['OK']);
  });

  it('reset() drops partial state', () => {
    const out: unknown[] = [];
    const d = new RespDecoder({ onReply: (v) => out.push(v), onPush: () => {}, returnBuffers: () => false });
    for (const partial of ['*3\r\n:1\r\n', '$10\r\nabc', '+OK', '$?\r\n;1\r\na\r\n', '|1\r\n+a\r\n']) {
      d.feed(Buffer.from(partial));
      d.reset();
      d.feed(Buffer.from(':7\r\n'));
    }
    expect(out).toEqual([7, 7, 7, 7, 7]);
  });

  it('protocol error messages quote at most 32 escaped bytes of payload', () => {
    const d = new RespDecoder({ onReply: () => {}, onPush: () => {}, returnBuffers: () => false });
    const secret = 'S'.repeat(10) + '\x01\x02';
    try {
      d.feed(Buffer.from(`$1${secret}\r\n`));
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ProtocolError);
      const msg = (err as Error).message;
      expect(msg).toContain('\\x01');
      expect(msg).not.toContain('\x01');
    }
    const d2 = new RespDecoder({ onReply: () => {}, onPush: () => {}, returnBuffers: () => false });
    try {
      d2.feed(Buffer.from(`:${'7'.repeat(100)}x\r\n`));
      expect.unreachable();
    } catch (err) {
      expect((err as Error).message).not.toContain('7'.repeat(33));
    }
  });
});

describe('RespDecoder: malformed input gives ProtocolError however it is split', () => {
  for (const fixture of malformedFixtures) {
    it(fixture.name, () => {
      const input = bytes(fixture.input);
      for (const [how, chunks] of chunkings(input)) {
        const out = run(chunks, false, fixture.options);
        expect(out.error, how).toBeInstanceOf(ProtocolError);
        expect(out.events.length, how).toBe(fixture.before ?? 0);
      }
    });
  }
});

describe('RespDecoder: untrusted lengths and nesting', () => {
  it('2,000,000-deep nesting with the default maxDepth is a ProtocolError, not a stack overflow', () => {
    const input = Buffer.from('*1\r\n'.repeat(2_000_000) + ':1\r\n');
    const out = run([input]);
    expect(out.error).toBeInstanceOf(ProtocolError);
    expect((out.error as Error).message).toMatch(/maxDepth 1024/);
  });

  it('1,000,000-deep nesting decodes without recursion when maxDepth allows it', () => {
    const depth = 1_000_000;
    let value: unknown;
    const d = new RespDecoder(
      { onReply: (v) => (value = v), onPush: () => {}, returnBuffers: () => false },
      { maxDepth: depth },
    );
    d.feed(Buffer.from('*1\r\n'.repeat(depth) + ':1\r\n'));
    let levels = 0;
    while (Array.isArray(value)) {
      value = value[0];
      levels++;
    }
    expect(levels).toBe(depth);
    expect(value).toBe(1);
  });

  it('huge declared counts and lengths allocate nothing up front', () => {
    const headers = ['*2147483647\r\n', '%2147483647\r\n', '~2147483647\r\n', '>2147483647\r\n', '$536870912\r\n'];
    const decoders: RespDecoder[] = [];
    globalThis.gc?.();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 20; i++) {
      for (const h of headers) {
        const d = new RespDecoder({ onReply: () => {}, onPush: () => {}, returnBuffers: () => false });
        d.feed(Buffer.from(h));
        d.feed(Buffer.from(h.startsWith('$') ? 'abc' : ':1\r\n'));
        decoders.push(d);
      }
    }
    const grown = process.memoryUsage().heapUsed - before;
    expect(grown).toBeLessThan(10 * 1024 * 1024);
    expect(decoders).toHaveLength(100);
  });

  it('a declared bulk length over the default 512 MiB is refused from its header alone', () => {
    expect(run([Buffer.from('$536870913\r\n')]).error).toBeInstanceOf(ProtocolError);
    expect(run([Buffer.from('$536870912\r\n')]).error).toBeNull();
  });

  it('a long line and a long bulk trickling in byte by byte decode whole', () => {
    const text = 'a'.repeat(60 * 1024);
    const out: unknown[] = [];
    const d = new RespDecoder({ onReply: (v) => out.push(v), onPush: () => {}, returnBuffers: () => false });
    const frame = Buffer.from(`+${text}\r\n$${text.length}\r\n${text}\r\n`);
    for (let i = 0; i < frame.length; i++) d.feed(frame.subarray(i, i + 1));
    expect(out).toEqual([text, text]);
  });

  it('an unterminated line is bounded by maxLineLength (default 64 KiB)', () => {
    const d = new RespDecoder({ onReply: () => {}, onPush: () => {}, returnBuffers: () => false });
    d.feed(Buffer.from('+' + 'a'.repeat(60 * 1024)));
    expect(() => d.feed(Buffer.from('a'.repeat(8 * 1024)))).toThrow(ProtocolError);
  });

  it('values of the decoded stream match canon for sanity', () => {
    expect(canon([1, 'a', Buffer.from('b'), -0, NaN, 1n])).toEqual({
      array: [1, 'a', { buffer: '62' }, { negativeZero: true }, { nan: true }, { bigint: '1' }],
    });
  });
});

describe('RespDecoder: maxAggregateLength', () => {
  it('accepts aggregates of exactly the limit, whole / split / byte by byte', () => {
    const input = Buffer.from('*2\r\n:1\r\n%2\r\n+a\r\n:1\r\n+b\r\n:2\r\n>2\r\n+x\r\n+y\r\n*?\r\n:1\r\n:2\r\n.\r\n%?\r\n+a\r\n:1\r\n+b\r\n:2\r\n.\r\n');
    for (const [how, chunks] of chunkings(input)) {
      const out = run(chunks, false, { maxAggregateLength: 2 });
      expect(out.error, how).toBeNull();
      expect(out.events, how).toEqual([
        ['reply', canon([1, { a: 1, b: 2 }])],
        ['push', canon(['x', 'y'])],
        ['reply', canon([1, 2])],
        ['reply', canon({ a: 1, b: 2 })],
      ]);
    }
  });

  it('refuses an absurd header by default, naming the limit', () => {
    const out = run([Buffer.from('*999999999999\r\n')]);
    expect(out.error).toBeInstanceOf(ProtocolError);
    expect(String(out.error)).toContain('maxAggregateLength 4294967295');
  });
});

describe('RespDecoder: a failure inside the decoder', () => {
  it('is thrown as a ProtocolError (with the cause), so the connection resets instead of hanging', () => {
    const replies: unknown[] = [];
    const d = new RespDecoder({ onReply: (v) => replies.push(v), onPush: () => {}, returnBuffers: () => false });
    const boom = new TypeError('simulated internal failure');
    const setPrototype = vi.spyOn(Object, 'setPrototypeOf').mockImplementationOnce(() => {
      throw boom;
    });
    let thrown: unknown;
    try {
      d.feed(Buffer.from('%1\r\n+__proto__\r\n:1\r\n'));
    } catch (error) {
      thrown = error;
    } finally {
      setPrototype.mockRestore();
    }
    expect(thrown).toBeInstanceOf(ProtocolError);
    expect((thrown as ProtocolError).cause).toBe(boom);
    expect(replies).toEqual([]);
    d.reset();
    d.feed(Buffer.from(':1\r\n'));
    expect(replies).toEqual([1]);
  });
});

describe('RespDecoder: the caller may reuse its read buffer after each feed()', () => {
  /** Feeds every chunk through one shared buffer, overwritten after each feed(); values are compared at the end. */
  function runReused(chunks: readonly Buffer[], buffers: boolean): unknown[] {
    const raw: Array<['reply' | 'push', unknown]> = [];
    const decoder = new RespDecoder({
      onReply: (v) => raw.push(['reply', v]),
      onPush: (v) => raw.push(['push', v]),
      returnBuffers: () => buffers,
    });
    const shared = Buffer.alloc(Math.max(1, ...chunks.map((c) => c.length)));
    for (const chunk of chunks) {
      chunk.copy(shared);
      decoder.feed(shared.subarray(0, chunk.length));
      shared.fill(0xee);
    }
    return raw.map(([kind, v]) => [kind, canon(v)]);
  }

  for (const buffers of [false, true]) {
    it(`every valid fixture, whole / split / byte by byte (returnBuffers ${buffers})`, () => {
      for (const fixture of validFixtures) {
        const expected = expectedEvents(fixture, buffers);
        for (const [how, chunks] of chunkings(bytes(fixture.input))) {
          expect(runReused(chunks, buffers), `${fixture.name}: ${how}`).toEqual(expected);
        }
      }
    });
  }

  it('a large body in 64 KiB reads of one buffer, twice in a row (the body buffer is reused too)', () => {
    const body = Buffer.alloc(1024 * 1024 + 5, 'z');
    body.write('ünïcode', 300_000);
    const frame = Buffer.concat([Buffer.from(`$${body.length}\r\n`), body, Buffer.from('\r\n')]);
    const stream = Buffer.concat([frame, frame]);
    const chunks: Buffer[] = [];
    for (let i = 0; i < stream.length; i += 65536) chunks.push(stream.subarray(i, i + 65536));
    for (const buffers of [false, true]) {
      const out = runReused(chunks, buffers);
      const value = canon(buffers ? body : body.toString('utf8'));
      expect(out).toEqual([
        ['reply', value],
        ['reply', value],
      ]);
    }
  });
});
