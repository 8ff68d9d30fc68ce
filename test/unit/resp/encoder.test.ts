import { describe, expect, it } from 'vitest';
import { ArgumentError } from '../../../src/errors.js';
import { RespDecoder } from '../../../src/resp/decoder.js';
import { encodeCommand } from '../../../src/resp/encoder.js';
import { Gen, prng } from '../../fixtures/resp/generate.js';

const flat = (e: string | Array<string | Buffer>): Buffer =>
  typeof e === 'string' ? Buffer.from(e) : Buffer.concat(e.map((c) => (typeof c === 'string' ? Buffer.from(c) : c)));

/** Decodes an encoded command as a server would see it: an array of bulk strings, as Buffers. */
function decodeCommand(bytes: Buffer): Buffer[] {
  const out: unknown[] = [];
  const d = new RespDecoder({ onReply: (v) => out.push(v), onPush: () => {}, returnBuffers: () => true });
  d.feed(bytes);
  expect(out).toHaveLength(1);
  return out[0] as Buffer[];
}

describe('encodeCommand: exact bytes', () => {
  it('a command without arguments', () => {
    expect(encodeCommand('PING', [])).toBe('*1\r\n$4\r\nping\r\n');
  });

  it('strings', () => {
    expect(encodeCommand('GET', ['key'])).toBe('*2\r\n$3\r\nget\r\n$3\r\nkey\r\n');
    expect(encodeCommand('SET', ['key', 'value'])).toBe('*3\r\n$3\r\nset\r\n$3\r\nkey\r\n$5\r\nvalue\r\n');
  });

  it('empty strings', () => {
    expect(encodeCommand('SET', ['', ''])).toBe('*3\r\n$3\r\nset\r\n$0\r\n\r\n$0\r\n\r\n');
  });

  it('unicode lengths are UTF-8 byte lengths', () => {
    expect(encodeCommand('SET', ['ké', '世界🎉'])).toBe('*3\r\n$3\r\nset\r\n$3\r\nké\r\n$10\r\n世界🎉\r\n');
    const long = 'é'.repeat(40); // above the short-string counting path
    expect(encodeCommand('GET', [long])).toBe(`*2\r\n$3\r\nget\r\n$80\r\n${long}\r\n`);
  });

  it('strings containing CRLF are binary safe', () => {
    expect(encodeCommand('SET', ['k', 'a\r\nb'])).toBe('*3\r\n$3\r\nset\r\n$1\r\nk\r\n$4\r\na\r\nb\r\n');
  });

  it('long arguments and many arguments (headers beyond the prebuilt tables)', () => {
    const big = 'x'.repeat(5000);
    expect(encodeCommand('SET', ['k', big])).toBe(`*3\r\n$3\r\nset\r\n$1\r\nk\r\n$5000\r\n${big}\r\n`);
    const args = Array.from({ length: 100 }, (_, i) => String(i));
    const bytes = flat(encodeCommand('DEL', args));
    expect(bytes.toString().startsWith('*101\r\n$3\r\ndel\r\n$1\r\n0\r\n')).toBe(true);
    expect(decodeCommand(bytes).map(String)).toEqual(['del', ...args]);
  });

  it('numbers become their decimal text; infinities become +inf / -inf', () => {
    expect(encodeCommand('EXPIRE', ['k', 100])).toBe('*3\r\n$6\r\nexpire\r\n$1\r\nk\r\n$3\r\n100\r\n');
    expect(encodeCommand('INCRBYFLOAT', ['k', -1.5])).toBe('*3\r\n$11\r\nincrbyfloat\r\n$1\r\nk\r\n$4\r\n-1.5\r\n');
    expect(encodeCommand('X', [0, -0, 1e21, 0.1])).toBe(
      '*5\r\n$1\r\nx\r\n$1\r\n0\r\n$1\r\n0\r\n$5\r\n1e+21\r\n$3\r\n0.1\r\n',
    );
    expect(encodeCommand('ZADD', ['z', Infinity, 'a', -Infinity, 'b'])).toBe(
      '*6\r\n$4\r\nzadd\r\n$1\r\nz\r\n$4\r\n+inf\r\n$1\r\na\r\n$4\r\n-inf\r\n$1\r\nb\r\n',
    );
  });

  it('Buffers are passed through without copying, strings coalesce around them', () => {
    const a = Buffer.from([0, 13, 10, 255]);
    const b = Buffer.from('xyz');
    const out = encodeCommand('SET', ['key', a, 'mid', 7, b]);
    expect(Array.isArray(out)).toBe(true);
    const chunks = out as Array<string | Buffer>;
    expect(chunks).toEqual([
      '*6\r\n$3\r\nset\r\n$3\r\nkey\r\n$4\r\n',
      a,
      '\r\n$3\r\nmid\r\n$1\r\n7\r\n$3\r\n',
      b,
      '\r\n',
    ]);
    expect(chunks[1]).toBe(a);
    expect(chunks[3]).toBe(b);
  });

  it('command names go out in lower case, whatever case they are given in, with UTF-8 byte lengths', () => {
    expect(encodeCommand('Get', ['k'])).toBe('*2\r\n$3\r\nget\r\n$1\r\nk\r\n');
    expect(encodeCommand('ÁÉŰ', [])).toBe('*1\r\n$6\r\náéű\r\n');
    // Past the name cache's bound (call() takes any name) every name is still encoded right.
    for (let i = 0; i < 1500; i++) expect(encodeCommand(`CMD${i}`, [])).toBe(`*1\r\n$${String(i).length + 3}\r\ncmd${i}\r\n`);
  });

  it('an empty Buffer is inlined', () => {
    expect(encodeCommand('SET', ['k', Buffer.alloc(0), Buffer.from('v')])).toEqual([
      '*4\r\n$3\r\nset\r\n$1\r\nk\r\n$0\r\n\r\n$1\r\n',
      Buffer.from('v'),
      '\r\n',
    ]);
  });
});

describe('encodeCommand: bad arguments', () => {
  const cases: Array<[unknown, string]> = [
    [undefined, 'undefined'],
    [null, 'null'],
    [true, 'a boolean'],
    [{}, 'an object'],
    [new Date(0), 'an object (Date)'],
    [new Uint8Array(2), 'an object (Uint8Array)'],
    [Object.create(null), 'an object'],
    [['a'], 'an array'],
    [1n, 'a bigint'],
    [Symbol('s'), 'a symbol'],
    [() => 1, 'a function'],
    [NaN, 'NaN'],
  ];
  for (const [value, described] of cases) {
    it(`${described} throws ArgumentError naming the command and position`, () => {
      for (const args of [['key', value], [Buffer.from('key'), value]]) {
        let thrown: unknown;
        try {
          encodeCommand('SET', args);
        } catch (err) {
          thrown = err;
        }
        expect(thrown).toBeInstanceOf(ArgumentError);
        expect(thrown).toBeInstanceOf(TypeError);
        expect((thrown as ArgumentError).code).toBe('EARGUMENT');
        expect((thrown as Error).message).toBe(`SET: argument 2 is ${described}; expected string, Buffer or number`);
      }
      // after a Buffer (the chunked path) too, at the right position
      expect(() => encodeCommand('MSET', ['k', Buffer.from('v'), 'k2', value])).toThrow(
        `MSET: argument 4 is ${described}; expected string, Buffer or number`,
      );
    });
  }

  it('messages never contain argument values', () => {
    try {
      encodeCommand('AUTH', ['secret-password', { password: 'secret-password' }]);
      expect.unreachable();
    } catch (err) {
      expect((err as Error).message).not.toContain('secret');
    }
  });

  it('a non-string command name is rejected', () => {
    expect(() => encodeCommand(undefined as unknown as string, [])).toThrow(ArgumentError);
  });
});

describe('encodeCommand: round trip through the decoder', () => {
  it('random commands decode back to the same arguments', () => {
    const seed = Number(process.env.RESP_FUZZ_SEED ?? 20_261_130); // fixed: every run checks the same cases
    const g = new Gen(prng(seed));
    for (let c = 0; c < 5000; c++) {
      const args: Array<string | Buffer | number> = [];
      const n = g.int(6);
      for (let i = 0; i < n; i++) {
        const r = g.int(4);
        args.push(r === 0 ? g.bytes(40) : r === 1 ? (g.int(2) ? g.int(1e6) - 5e5 : (g.int(1e6) - 5e5) / 7) : g.text(30));
      }
      const name = g.pick(['GET', 'SET', 'HSET', 'ZADD', 'CLIENT', 'X']);
      const want = [name.toLowerCase(), ...args].map((a) => (Buffer.isBuffer(a) ? a : Buffer.from(String(a))));
      const encoded = encodeCommand(name, args);
      expect(typeof encoded === 'string', `seed ${seed}`).toBe(!args.some((a) => Buffer.isBuffer(a)));
      expect(decodeCommand(flat(encoded)), `seed ${seed} case ${c}`).toEqual(want);
    }
  });
});
