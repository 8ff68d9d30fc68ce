// Incremental RESP2/RESP3 decoder: bytes in, values out. Replies that arrive whole are parsed straight out of
// the chunk by offset; only an unfinished line (copied, bounded by maxLineLength) or an unfinished bulk body
// (copied into a body buffer reused from reply to reply) outlive a feed() call, so the caller may reuse its
// read buffer. Aggregates live on an explicit frame stack,
// so partial arrays resume where they stopped and deep nesting cannot overflow the JS stack. No allocation
// is ever sized from a declared length: lengths are untrusted until the bytes are there.

import { isAscii } from 'node:buffer';
import { ProtocolError, ReplyError } from '../errors.js';
import { finishOwnObject, startOwnObject } from './own-property.js';
import type { DecoderHandlers, DecoderOptions } from './types.js';

export type { DecoderHandlers, DecoderOptions } from './types.js';

const CR = 13;
const LF = 10;
const QUESTION = 63; // '?': streamed length
const COLON = 58;

const T_SIMPLE = 43; // +
const T_ERROR = 45; // -
const T_INTEGER = 58; // :
const T_BULK = 36; // $
const T_ARRAY = 42; // *
const T_NULL = 95; // _
const T_BOOLEAN = 35; // #
const T_DOUBLE = 44; // ,
const T_BIGNUM = 40; // (
const T_BLOB_ERROR = 33; // !
const T_VERBATIM = 61; // =
const T_MAP = 37; // %
const T_SET = 126; // ~
const T_PUSH = 62; // >
const T_ATTRIBUTE = 124; // |
const T_CHUNK = 59; // ; (a piece of a streamed string)
const T_END = 46; // . (end of a streamed aggregate)

// Per type byte: 0 = not RESP, 1 = the line is a length (short), 2 = the line is text or a number.
const LINE_KIND = new Uint8Array(256);
for (const t of [T_BULK, T_ARRAY, T_BLOB_ERROR, T_VERBATIM, T_MAP, T_SET, T_PUSH, T_ATTRIBUTE, T_CHUNK]) {
  LINE_KIND[t] = 1;
}
for (const t of [T_SIMPLE, T_ERROR, T_INTEGER, T_NULL, T_BOOLEAN, T_DOUBLE, T_BIGNUM, T_END]) LINE_KIND[t] = 2;
/** '-' plus 15 digits (always exact in a double) and some slack: longer length lines are garbage. */
const LENGTH_LINE_MAX = 20;

const F_ARRAY = 0; // arrays, sets, nested pushes
const F_MAP = 1;
const F_PUSH = 2; // a top-level push: goes to onPush
const F_ATTRIBUTE = 3; // parsed and dropped; never an element of its parent
const F_STRING = 4; // a streamed string collecting ';' chunks

const M_IDLE = 0;
const M_LINE = 1; // this.lineParts hold an unfinished line
const M_BULK = 2; // a bulk body is still arriving

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER);
const DOUBLE_SYNTAX = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const NO_ITEMS: unknown[] = [];
const NO_MAP: Record<string, unknown> = {};
const NO_PARTS: Buffer[] = [];
const NO_BODY = Buffer.alloc(0);
/** The body buffer starts this big (or at the declared length, if smaller). */
const BODY_MIN = 64 * 1024;
/** Largest body buffer kept for the next reply (1 MiB values, with room); larger ones are dropped after use. */
const BODY_KEEP = 2 * 1024 * 1024 + 64;
/** The body buffer is released after this many top-level replies that did not need it. */
const BODY_IDLE_REPLIES = 1024;

// utf8Slice/latin1Slice skip toString()'s encoding lookup and argument checks (offsets are ours, in range).
interface SliceBuffer {
  utf8Slice(start: number, end: number): string;
  latin1Slice(start: number, end: number): string;
}
const latin1 = (buf: Buffer, start: number, end: number): string =>
  (buf as unknown as SliceBuffer).latin1Slice(start, end);
const fromCharCode = String.fromCharCode;
/** A native slice costs ~80 ns on Node 20 whatever the size; above this, ASCII goes through latin1Slice. */
const LARGE_STRING = 64 * 1024;
/**
 * Node makes latin1 strings at or above ~1,031,913 bytes external (malloc'd, outside the V8 heap): they are
 * cheap to make but the external-memory pressure sets off extra full GCs. utf8Slice makes a heap string.
 */
const EXTERNAL_STRING_BYTES = 1_000_000;
/**
 * Default maxAggregateLength: 2^32 - 1, the most elements a JS array can hold (and the most Redis keeps in one
 * set or hash), so no reply a client could represent is refused. A header above it (`*999999999999`) can
 * only come from a broken or hostile server; waiting for its elements would swallow every later reply.
 */
export const DEFAULT_MAX_AGGREGATE_LENGTH = 2 ** 32 - 1;

/** One open aggregate. Frames are pooled per depth, so nesting does not allocate frame objects. */
class Frame {
  kind = F_ARRAY;
  /** Elements still expected (a map counts keys and values); -1 for a streamed aggregate. */
  remaining = 0;
  items: unknown[] = NO_ITEMS;
  map: Record<string, unknown> = NO_MAP;
  key = '';
  hasKey = false;
  parts: Buffer[] = NO_PARTS;
  size = 0;
}

export class RespDecoder {
  private readonly handlers: DecoderHandlers;
  private readonly maxBulkLength: number;
  private readonly maxAggregateLength: number;
  private readonly maxDepth: number;
  private readonly maxLineLength: number;

  private readonly stack: Frame[] = [];
  private depth = 0;
  private top: Frame | null = null;
  /** Bulk strings of the current top-level reply decode as Buffers. */
  private buffers = false;
  private mode = M_IDLE;
  private lineParts: Buffer[] = NO_PARTS; // copies: the first starts with the type byte
  private lineSize = 0;
  private lineEndsWithCr = false;
  private bulkType = 0;
  private bulkLength = 0;
  /** Bytes of the bulk body still arriving (bulkHave of them so far), reused from one reply to the next. */
  private body: Buffer = NO_BODY;
  private bulkHave = 0;
  /** Top-level replies since the body buffer was last needed (it is released after BODY_IDLE_REPLIES). */
  private bodyIdle = 0;
  private failure: ProtocolError | null = null;
  private handlerError: { error: unknown } | null = null;
  private feeding = false;
  /** reset() was called from a handler: the rest of the current chunk is dropped. */
  private abandoned = false;

  constructor(handlers: DecoderHandlers, options: DecoderOptions = {}) {
    this.handlers = handlers;
    this.maxBulkLength = options.maxBulkLength ?? 512 * 1024 * 1024;
    this.maxAggregateLength = options.maxAggregateLength ?? DEFAULT_MAX_AGGREGATE_LENGTH;
    this.maxDepth = options.maxDepth ?? 1024;
    this.maxLineLength = options.maxLineLength ?? 64 * 1024;
  }

  /**
   * Feed bytes as they arrive. Throws ProtocolError on malformed input; after that the decoder refuses
   * input until reset(). Nothing keeps a view of `chunk` after feed() returns (what outlives the call is
   * copied), so the caller may read the socket into one reused buffer. A handler that throws does not derail decoding: the
   * rest of the chunk is decoded, then the first such error is re-thrown and the decoder stays usable.
   * A handler may call reset(): decoding of the current chunk stops there.
   */
  feed(chunk: Buffer): void {
    if (this.failure !== null) {
      throw new ProtocolError(`decoder stopped after an earlier protocol error (${this.failure.message}); reset() it`);
    }
    this.feeding = true;
    this.abandoned = false;
    try {
      const len = chunk.length;
      let pos = this.mode === M_IDLE ? 0 : this.resume(chunk);
      while (pos < len && !this.abandoned) pos = this.step(chunk, pos);
    } catch (err) {
      this.reset(); // free partial state; only the failure is kept
      // Not malformed input but a failure inside the decoder (a bug, a hostile environment): the stream is
      // no longer trustworthy either, so the caller gets the same ProtocolError and resets the connection.
      const failure = err instanceof ProtocolError ? err : new ProtocolError('the RESP decoder failed', { cause: err });
      this.failure = failure;
      throw failure;
    } finally {
      this.feeding = false;
    }
    const handlerError = this.handlerError;
    if (handlerError !== null) {
      this.handlerError = null;
      throw handlerError.error;
    }
  }

  /** Drop all partial state (used when the connection is reset). */
  reset(): void {
    this.stack.length = 0;
    this.depth = 0;
    this.top = null;
    this.buffers = false;
    this.mode = M_IDLE;
    this.lineParts = NO_PARTS;
    this.body = NO_BODY;
    this.bulkHave = 0;
    this.failure = null;
    if (this.feeding) this.abandoned = true;
  }

  /** Parses one value or aggregate header at `pos`; returns where the next one starts (or the chunk end). */
  private step(buf: Buffer, pos: number): number {
    const len = buf.length;
    const type = buf[pos]!;
    const kind = LINE_KIND[type]!;
    if (kind === 0) throw new ProtocolError(`unknown RESP type byte ${excerpt(buf, pos, pos + 1)}`);
    const cap = kind === 1 ? LENGTH_LINE_MAX : this.maxLineLength;
    const start = pos + 1;
    const stop = Math.min(len, start + cap + 1);
    let cr = start;
    while (cr < stop && buf[cr] !== CR) cr++;
    if (cr === stop) {
      if (cr - start > cap) throw lineTooLong(buf, start, cap, kind);
      return this.saveLine(buf, pos);
    }
    if (cr + 1 === len) return this.saveLine(buf, pos);
    if (buf[cr + 1] !== LF) throw new ProtocolError(`expected LF after CR in ${excerpt(buf, pos, cr + 2)}`);
    const next = cr + 2;

    const top = this.top;
    if (top === null) {
      this.buffers = type !== T_PUSH && type !== T_ATTRIBUTE && this.askBuffers();
    } else if (top.kind === F_STRING && type !== T_CHUNK) {
      throw new ProtocolError(`expected a ';' chunk inside a streamed string, got ${excerpt(buf, pos, pos + 1)}`);
    }

    switch (type) {
      case T_BULK:
      case T_VERBATIM:
      case T_BLOB_ERROR:
      case T_CHUNK:
        return this.bulkHeader(buf, type, start, cr, next);
      case T_SIMPLE:
        this.emit(cr - start === 2 && buf[start] === 79 && buf[start + 1] === 75 ? 'OK' : utf8(buf, start, cr));
        return next;
      case T_ERROR:
        this.emit(new ReplyError(utf8(buf, start, cr)));
        return next;
      case T_INTEGER:
        this.emit(parseInteger(buf, start, cr));
        return next;
      case T_NULL:
        if (cr !== start) throw badLine(buf, pos, cr);
        this.emit(null);
        return next;
      case T_BOOLEAN: {
        const c = buf[start];
        if (cr - start !== 1 || (c !== 116 && c !== 102)) throw badLine(buf, pos, cr);
        this.emit(c === 116);
        return next;
      }
      case T_DOUBLE:
        this.emit(parseDouble(buf, pos, start, cr));
        return next;
      case T_BIGNUM:
        if (!isIntegerText(buf, start, cr)) throw badLine(buf, pos, cr);
        this.emit(BigInt(latin1(buf, start, cr)));
        return next;
      case T_END:
        this.endStreamedAggregate(buf, pos, start, cr);
        return next;
      default: // T_ARRAY, T_SET, T_MAP, T_PUSH, T_ATTRIBUTE
        this.aggregateHeader(buf, type, start, cr);
        return next;
    }
  }

  private bulkHeader(buf: Buffer, type: number, start: number, end: number, next: number): number {
    if (type === T_BULK && end - start === 1 && buf[start] === QUESTION) {
      this.open(F_STRING, -1);
      return next;
    }
    if (type === T_CHUNK && this.top?.kind !== F_STRING) {
      throw new ProtocolError("';' chunk outside a streamed string");
    }
    const n = parseLength(buf, type, start, end);
    if (n <= 0) {
      if (n === -1) {
        if (type !== T_BULK) throw badLine(buf, start - 1, end);
        this.emit(null);
        return next;
      }
      if (type === T_CHUNK) {
        this.endStreamedString();
        return next;
      }
    }
    if (n > this.maxBulkLength) {
      throw new ProtocolError(`'${String.fromCharCode(type)}' length ${n} exceeds maxBulkLength ${this.maxBulkLength}`);
    }
    if (type === T_VERBATIM && n < 4) throw new ProtocolError(`verbatim string too short for its format (${n})`);
    const bodyEnd = next + n;
    const len = buf.length;
    if (bodyEnd + 2 <= len) {
      if (buf[bodyEnd] !== CR || buf[bodyEnd + 1] !== LF) throw missingBodyCrlf();
      this.bulkValue(type, buf, next, bodyEnd);
      return bodyEnd + 2;
    }
    // The body continues in later chunks: its bytes are copied into the body buffer as they arrive.
    this.mode = M_BULK;
    this.bulkType = type;
    this.bulkLength = n;
    this.bulkHave = 0;
    this.appendBody(buf, next, len);
    return len;
  }

  /**
   * Copies buf[start, end) after the body bytes received so far. The buffer grows with the bytes that arrived
   * (at most doubling, never past the declared length): a declared length alone allocates nothing.
   */
  private appendBody(buf: Buffer, start: number, end: number): void {
    const have = this.bulkHave;
    const need = have + (end - start);
    let body = this.body;
    if (need > body.length) {
      const grown = Buffer.allocUnsafeSlow(Math.min(this.bulkLength + 2, Math.max(need, body.length * 2, BODY_MIN)));
      if (have > 0) body.copy(grown, 0, 0, have);
      this.body = body = grown;
    }
    buf.copy(body, have, start, end);
    this.bulkHave = need;
  }

  /**
   * A complete bulk-like body in buf[start, end): the caller's chunk or the reused body buffer, so what is
   * kept is copied (a returned Buffer never pins a socket chunk).
   */
  private bulkValue(type: number, buf: Buffer, start: number, end: number): void {
    switch (type) {
      case T_BULK:
        this.emit(this.buffers ? copy(buf, start, end) : utf8(buf, start, end));
        return;
      case T_VERBATIM:
        if (buf[start + 3] !== COLON) throw new ProtocolError(`verbatim string without 'fmt:' prefix`);
        start += 4;
        this.emit(this.buffers ? copy(buf, start, end) : utf8(buf, start, end));
        return;
      case T_BLOB_ERROR:
        this.emit(new ReplyError(utf8(buf, start, end)));
        return;
      default: {
        // T_CHUNK: its bytes join the streamed string; the final concat copies them.
        const f = this.top!;
        f.size += end - start;
        if (f.size > this.maxBulkLength) {
          throw new ProtocolError(`streamed string exceeds maxBulkLength ${this.maxBulkLength}`);
        }
        f.parts.push(copy(buf, start, end)); // the chunk's buffer may be reused once feed() returns
      }
    }
  }

  private aggregateHeader(buf: Buffer, type: number, start: number, end: number): void {
    const streamable = type === T_ARRAY || type === T_SET || type === T_MAP;
    if (streamable && end - start === 1 && buf[start] === QUESTION) {
      this.open(type === T_MAP ? F_MAP : F_ARRAY, -1);
      return;
    }
    const n = parseLength(buf, type, start, end);
    if (n === -1) {
      if (type !== T_ARRAY) throw badLine(buf, start - 1, end);
      this.emit(null);
      return;
    }
    if (n > this.maxAggregateLength) throw tooLong(type, n, this.maxAggregateLength);
    const kind =
      type === T_MAP ? F_MAP : type === T_ATTRIBUTE ? F_ATTRIBUTE : type === T_PUSH && this.top === null ? F_PUSH : F_ARRAY;
    if (n > 0) {
      this.open(kind, kind === F_MAP || kind === F_ATTRIBUTE ? n * 2 : n);
      return;
    }
    // Empty: complete at once, but it still counts as a level of nesting.
    if (this.depth >= this.maxDepth) throw tooDeep(this.maxDepth);
    if (kind === F_ATTRIBUTE) return;
    if (kind === F_PUSH) this.deliverPush([]);
    else this.emit(kind === F_MAP ? {} : []);
  }

  private open(kind: number, remaining: number): void {
    const depth = this.depth;
    if (depth >= this.maxDepth) throw tooDeep(this.maxDepth);
    let f = this.stack[depth];
    if (f === undefined) {
      f = new Frame();
      this.stack.push(f);
    }
    f.kind = kind;
    f.remaining = remaining;
    f.hasKey = false;
    f.size = 0;
    if (kind === F_MAP) f.map = startOwnObject();
    else if (kind === F_STRING) f.parts = [];
    else if (kind !== F_ATTRIBUTE) f.items = [];
    this.depth = depth + 1;
    this.top = f;
  }

  /** Closes the top frame and returns its value; frames keep no references to delivered values. */
  private close(): unknown {
    const f = this.top!;
    const value = f.kind === F_MAP ? finishOwnObject(f.map) : f.items;
    f.items = NO_ITEMS;
    f.map = NO_MAP;
    f.parts = NO_PARTS;
    const depth = --this.depth;
    this.top = depth === 0 ? null : this.stack[depth - 1]!;
    return value;
  }

  /** Adds a finished value to the open aggregate, closing every aggregate it completes (no recursion). */
  private emit(value: unknown): void {
    let f = this.top;
    while (f !== null) {
      const kind = f.kind;
      if (kind === F_MAP) {
        if (f.hasKey) {
          f.map[f.key] = value; // an own property whatever the key (see startOwnObject)
          f.hasKey = false;
        } else {
          f.key = mapKey(value);
          f.hasKey = true;
        }
      } else if (kind !== F_ATTRIBUTE) {
        f.items.push(value);
      }
      if (f.remaining < 0) {
        // A streamed aggregate: count its elements (pairs for a map) against the same limit.
        if (kind !== F_MAP || !f.hasKey) {
          if (++f.size > this.maxAggregateLength) throw tooLong(kind === F_MAP ? T_MAP : T_ARRAY, f.size, this.maxAggregateLength);
        }
        return;
      }
      if (--f.remaining !== 0) return;
      value = this.close();
      if (kind === F_ATTRIBUTE) return; // it annotates the next value; it is not one itself
      if (kind === F_PUSH) {
        this.deliverPush(value as unknown[]);
        return;
      }
      f = this.top;
    }
    if (this.body !== NO_BODY && ++this.bodyIdle > BODY_IDLE_REPLIES && this.mode !== M_BULK) this.body = NO_BODY;
    try {
      this.handlers.onReply(value);
    } catch (error) {
      this.handlerError ??= { error };
    }
  }

  private deliverPush(items: unknown[]): void {
    try {
      this.handlers.onPush(items);
    } catch (error) {
      this.handlerError ??= { error };
    }
  }

  private askBuffers(): boolean {
    try {
      return this.handlers.returnBuffers() === true;
    } catch (error) {
      this.handlerError ??= { error };
      return false;
    }
  }

  private endStreamedAggregate(buf: Buffer, pos: number, start: number, end: number): void {
    const f = this.top;
    if (end !== start) throw badLine(buf, pos, end);
    if (f === null || f.remaining !== -1 || f.kind === F_STRING) {
      throw new ProtocolError("'.' outside a streamed aggregate");
    }
    if (f.hasKey) throw new ProtocolError("'.' after a map key without its value");
    this.emit(this.close());
  }

  private endStreamedString(): void {
    const f = this.top!;
    const bytes = Buffer.concat(f.parts, f.size);
    this.close();
    this.emit(this.buffers ? bytes : utf8(bytes, 0, bytes.length));
  }

  /** Keeps an unfinished line (its own bytes only) until the rest arrives. */
  private saveLine(buf: Buffer, pos: number): number {
    const len = buf.length;
    this.lineParts = [copy(buf, pos, len)];
    this.lineSize = len - pos;
    this.lineEndsWithCr = buf[len - 1] === CR;
    this.mode = M_LINE;
    return len;
  }

  /** Continues an unfinished line or bulk body with a new chunk; returns where normal parsing resumes. */
  private resume(chunk: Buffer): number {
    const len = chunk.length;
    let pos = 0;
    while (pos < len && this.mode !== M_IDLE && !this.abandoned) {
      pos = this.mode === M_BULK ? this.resumeBulk(chunk, pos) : this.resumeLine(chunk, pos);
    }
    return pos;
  }

  private resumeBulk(chunk: Buffer, pos: number): number {
    const need = this.bulkLength + 2 - this.bulkHave;
    const take = Math.min(need, chunk.length - pos);
    this.appendBody(chunk, pos, pos + take);
    if (take < need) return chunk.length;
    const n = this.bulkLength;
    const body = this.body;
    this.mode = M_IDLE;
    this.bodyIdle = 0;
    // A body buffer too big to keep around for the next large reply is dropped now.
    if (body.length > BODY_KEEP) this.body = NO_BODY;
    if (body[n] !== CR || body[n + 1] !== LF) throw missingBodyCrlf();
    this.bulkValue(this.bulkType, body, 0, n);
    return pos + take;
  }

  private resumeLine(chunk: Buffer, pos: number): number {
    const len = chunk.length;
    const first = this.lineParts[0]!;
    let end: number; // end of the line (after its LF) in chunk
    if (this.lineEndsWithCr) {
      if (chunk[pos] !== LF) throw new ProtocolError(`expected LF after CR in ${excerpt(first, 0, first.length)}`);
      end = pos + 1;
    } else {
      const kind = LINE_KIND[first[0]!]!;
      const cap = kind === 1 ? LENGTH_LINE_MAX : this.maxLineLength;
      const room = cap - (this.lineSize - 1); // content bytes still allowed
      const stop = Math.min(len, pos + room + 1);
      let cr = pos;
      while (cr < stop && chunk[cr] !== CR) cr++;
      if (cr - pos > room) throw lineTooLong(first, 1, cap, kind);
      if (cr + 1 >= len) {
        // Still unfinished: keep a copy of just these bytes (parts, so a slow trickle stays linear).
        this.lineParts.push(copy(chunk, pos, len));
        this.lineSize += len - pos;
        this.lineEndsWithCr = cr === len - 1;
        return len;
      }
      if (chunk[cr + 1] !== LF) throw new ProtocolError(`expected LF after CR in ${excerpt(chunk, pos, cr + 2)}`);
      end = cr + 2;
    }
    const parts = this.lineParts;
    parts.push(chunk.subarray(pos, end));
    const line = Buffer.concat(parts, this.lineSize + end - pos);
    this.lineParts = NO_PARTS;
    this.mode = M_IDLE;
    // The completed line is parsed like any other; a bulk header leaves us in M_BULK for its body.
    this.step(line, 0);
    return end;
  }
}

function copy(buf: Buffer, start: number, end: number): Buffer {
  const n = end - start;
  const out = Buffer.allocUnsafe(n);
  if (n > 32) buf.copy(out, 0, start, end);
  else for (let i = 0; i < n; i++) out[i] = buf[start + i]!; // cheaper than the native call when short
  return out;
}

/** UTF-8 text of buf[start, end), avoiding the fixed native-call cost for short ASCII. */
function utf8(buf: Buffer, start: number, end: number): string {
  const n = end - start;
  if (n <= 8) {
    const text = shortAscii(buf, start, n);
    if (text !== undefined) return text;
  } else if (n >= LARGE_STRING && n < EXTERNAL_STRING_BYTES && isAscii(buf.subarray(start, end))) {
    return latin1(buf, start, end); // same text, no UTF-8 decoding (and an external string above ~1 MB)
  }
  return (buf as unknown as SliceBuffer).utf8Slice(start, end);
}

/** 0-8 ASCII bytes as a string (undefined if any byte is not ASCII). */
function shortAscii(b: Buffer, i: number, n: number): string | undefined {
  switch (n) {
    case 0:
      return '';
    case 1:
      return b[i]! < 0x80 ? fromCharCode(b[i]!) : undefined;
    case 2: {
      const c0 = b[i]!, c1 = b[i + 1]!;
      return (c0 | c1) < 0x80 ? fromCharCode(c0, c1) : undefined;
    }
    case 3: {
      const c0 = b[i]!, c1 = b[i + 1]!, c2 = b[i + 2]!;
      return (c0 | c1 | c2) < 0x80 ? fromCharCode(c0, c1, c2) : undefined;
    }
    case 4: {
      const c0 = b[i]!, c1 = b[i + 1]!, c2 = b[i + 2]!, c3 = b[i + 3]!;
      return (c0 | c1 | c2 | c3) < 0x80 ? fromCharCode(c0, c1, c2, c3) : undefined;
    }
    case 5: {
      const c0 = b[i]!, c1 = b[i + 1]!, c2 = b[i + 2]!, c3 = b[i + 3]!, c4 = b[i + 4]!;
      return (c0 | c1 | c2 | c3 | c4) < 0x80 ? fromCharCode(c0, c1, c2, c3, c4) : undefined;
    }
    case 6: {
      const c0 = b[i]!, c1 = b[i + 1]!, c2 = b[i + 2]!, c3 = b[i + 3]!, c4 = b[i + 4]!, c5 = b[i + 5]!;
      return (c0 | c1 | c2 | c3 | c4 | c5) < 0x80 ? fromCharCode(c0, c1, c2, c3, c4, c5) : undefined;
    }
    case 7: {
      const c0 = b[i]!, c1 = b[i + 1]!, c2 = b[i + 2]!, c3 = b[i + 3]!, c4 = b[i + 4]!, c5 = b[i + 5]!;
      const c6 = b[i + 6]!;
      return (c0 | c1 | c2 | c3 | c4 | c5 | c6) < 0x80 ? fromCharCode(c0, c1, c2, c3, c4, c5, c6) : undefined;
    }
    default: {
      const c0 = b[i]!, c1 = b[i + 1]!, c2 = b[i + 2]!, c3 = b[i + 3]!, c4 = b[i + 4]!, c5 = b[i + 5]!;
      const c6 = b[i + 6]!, c7 = b[i + 7]!;
      return (c0 | c1 | c2 | c3 | c4 | c5 | c6 | c7) < 0x80
        ? fromCharCode(c0, c1, c2, c3, c4, c5, c6, c7)
        : undefined;
    }
  }
}

/** Map keys are strings. Aggregate keys (legal in RESP3, never sent by Redis) get a fixed tag: String()
 *  on a decoded map would call a server-chosen 'toString' entry. */
function mapKey(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || typeof value !== 'object') return String(value);
  if (Buffer.isBuffer(value)) return utf8(value, 0, value.length);
  if (value instanceof ReplyError) return value.message;
  return Array.isArray(value) ? '[array]' : '[map]';
}

/** Strict RESP length: optional '-', 1-15 digits; >= -1. Callers decide where -1 (null) is allowed. */
function parseLength(buf: Buffer, type: number, start: number, end: number): number {
  let i = start;
  const negative = buf[i] === 45;
  if (negative) i++;
  if (i === end || end - i > 15) throw badLength(buf, type, start, end);
  let n = 0;
  for (; i < end; i++) {
    const d = buf[i]! - 48;
    if (d < 0 || d > 9) throw badLength(buf, type, start, end);
    n = n * 10 + d;
  }
  if (!negative) return n;
  if (n > 1) throw badLength(buf, type, start, end);
  return 0 - n;
}

/** ':' integer (an optional '+' or '-', then digits): a number when it is a safe integer, else a bigint. */
function parseInteger(buf: Buffer, start: number, end: number): number | bigint {
  let i = start;
  const sign = buf[i];
  const negative = sign === 45;
  if (negative || sign === 43) i++;
  if (i === end) throw badLine(buf, start - 1, end);
  if (end - i <= 15) {
    let n = 0;
    for (; i < end; i++) {
      const d = buf[i]! - 48;
      if (d < 0 || d > 9) throw badLine(buf, start - 1, end);
      n = n * 10 + d;
    }
    return negative ? 0 - n : n;
  }
  if (!isIntegerText(buf, start, end)) throw badLine(buf, start - 1, end);
  const big = BigInt(latin1(buf, start, end));
  return big >= MIN_SAFE && big <= MAX_SAFE ? Number(big) : big;
}

/** An optional '+' or '-' (RESP3 allows both), then at least one digit. */
function isIntegerText(buf: Buffer, start: number, end: number): boolean {
  const sign = buf[start];
  let i = sign === 45 || sign === 43 ? start + 1 : start;
  if (i === end) return false;
  for (; i < end; i++) {
    const c = buf[i]!;
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function parseDouble(buf: Buffer, pos: number, start: number, end: number): number {
  const text = latin1(buf, start, end);
  if (DOUBLE_SYNTAX.test(text)) return Number(text);
  switch (text.toLowerCase()) {
    case 'inf':
    case '+inf':
      return Infinity;
    case '-inf':
      return -Infinity;
    case 'nan':
    case '-nan':
      return NaN;
    default:
      throw badLine(buf, pos, end);
  }
}

/** A short, escaped, quoted excerpt of untrusted bytes for error messages (at most 32 bytes). */
function excerpt(buf: Buffer, start: number, end: number): string {
  const stop = Math.min(end, start + 32, buf.length);
  let out = '"';
  for (let i = start; i < stop; i++) {
    const c = buf[i]!;
    if (c >= 0x20 && c < 0x7f && c !== 0x22 && c !== 0x5c) out += String.fromCharCode(c);
    else if (c === CR) out += '\\r';
    else if (c === LF) out += '\\n';
    else out += '\\x' + c.toString(16).padStart(2, '0');
  }
  return out + (Math.min(end, buf.length) > stop ? '"…' : '"');
}

function badLength(buf: Buffer, type: number, start: number, end: number): ProtocolError {
  return new ProtocolError(`invalid length ${excerpt(buf, start, end)} after '${String.fromCharCode(type)}'`);
}

function badLine(buf: Buffer, pos: number, end: number): ProtocolError {
  return new ProtocolError(`malformed '${String.fromCharCode(buf[pos]!)}' line ${excerpt(buf, pos + 1, end)}`);
}

function lineTooLong(buf: Buffer, start: number, cap: number, kind: number): ProtocolError {
  return kind === 1
    ? new ProtocolError(`invalid length line ${excerpt(buf, start, start + cap + 1)} (no CRLF)`)
    : new ProtocolError(`line longer than maxLineLength ${cap} without CRLF`);
}

function missingBodyCrlf(): ProtocolError {
  return new ProtocolError('missing CRLF after a bulk body');
}

function tooLong(type: number, n: number, max: number): ProtocolError {
  return new ProtocolError(`'${String.fromCharCode(type)}' aggregate of ${n} elements exceeds maxAggregateLength ${max}`);
}

function tooDeep(maxDepth: number): ProtocolError {
  return new ProtocolError(`aggregates nested deeper than maxDepth ${maxDepth}`);
}
