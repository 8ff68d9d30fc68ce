// RESP command encoder: `name` + `args` as an array of bulk strings. This runs once per command, so the
// common all-string case builds a single string by concatenation (V8 ropes: no per-arg arrays).

import { ArgumentError } from '../errors.js';
import type { EncodedCommand } from './types.js';

const CRLF = '\r\n';
// Prebuilt '*N\r\n' and '$N\r\n' headers: each saves two short-string concatenations per use.
const ARRAY_HEADERS: string[] = [];
for (let i = 0; i < 64; i++) ARRAY_HEADERS.push('*' + i + CRLF);
const BULK_HEADERS: string[] = [];
for (let i = 0; i < 1024; i++) BULK_HEADERS.push('$' + i + CRLF);
const arrayHeader = (n: number): string => (n < 64 ? ARRAY_HEADERS[n]! : '*' + n + CRLF);
const bulkHeader = (n: number): string => (n < 1024 ? BULK_HEADERS[n]! : '$' + n + CRLF);

// Command names go out in lower case, as ioredis writes them (servers ignore the case; MONITOR, proxies and
// mock servers written for ioredis see what they expect). Callers keep upper-case names for every lookup.
// The name's bulk string is built once per name: cheaper than encoding it per command. Bounded, because
// call() takes any name.
const NAME_CACHE_LIMIT = 1024;
const NAME_BULKS = new Map<string, string>();
function nameBulk(name: string): string {
  let bulk = NAME_BULKS.get(name);
  if (bulk === undefined) {
    const wire = name.toLowerCase();
    bulk = bulkHeader(utf8Length(wire)) + wire + CRLF;
    if (NAME_BULKS.size < NAME_CACHE_LIMIT) NAME_BULKS.set(name, bulk);
  }
  return bulk;
}

/**
 * Encodes `name` + `args` as a RESP array of bulk strings. Fast path: returns ONE string when no arg is a
 * Buffer; otherwise an array of chunks (strings and Buffers, Buffers passed through without copying).
 * Throws ArgumentError (a TypeError) naming the command and the 1-based argument position for any argument
 * that is not a string, Buffer or number (NaN included), before anything is returned.
 */
export function encodeCommand(name: string, args: readonly unknown[]): EncodedCommand {
  if (typeof name !== 'string') throw new ArgumentError('command name must be a string');
  const count = args.length;
  let out = arrayHeader(count + 1) + nameBulk(name);
  for (let i = 0; i < count; i++) {
    const arg = args[i];
    if (typeof arg === 'string') {
      out += bulkHeader(utf8Length(arg)) + arg + CRLF; // grouped: one rope node per argument
    } else if (typeof arg === 'number') {
      const text = numberText(arg);
      if (text === undefined) throw badArgument(name, i, arg);
      out += bulkHeader(text.length) + text + CRLF;
    } else if (Buffer.isBuffer(arg)) {
      return encodeChunks(name, args, out, i);
    } else {
      throw badArgument(name, i, arg);
    }
  }
  return out;
}

/** The slow path once a Buffer shows up: strings keep coalescing between the Buffers. */
function encodeChunks(name: string, args: readonly unknown[], head: string, from: number): Array<string | Buffer> {
  const chunks: Array<string | Buffer> = [];
  let out = head;
  for (let i = from; i < args.length; i++) {
    const arg = args[i];
    if (typeof arg === 'string') {
      out += bulkHeader(utf8Length(arg)) + arg + CRLF; // grouped: one rope node per argument
    } else if (typeof arg === 'number') {
      const text = numberText(arg);
      if (text === undefined) throw badArgument(name, i, arg);
      out += bulkHeader(text.length) + text + CRLF;
    } else if (Buffer.isBuffer(arg)) {
      if (arg.length === 0) {
        out += '$0\r\n\r\n';
      } else {
        chunks.push(out + bulkHeader(arg.length), arg);
        out = CRLF;
      }
    } else {
      throw badArgument(name, i, arg);
    }
  }
  chunks.push(out);
  return chunks;
}

/** Decimal text Redis parses back exactly; undefined for NaN (there is no NaN argument in Redis). */
function numberText(n: number): string | undefined {
  if (n - n === 0) {
    // finite (Infinity - Infinity and NaN - NaN are NaN). Integers past 2^53 are sent as their exact value:
    // String(2 ** 60) would round to 1152921504606847000.
    return Number.isSafeInteger(n) || !Number.isInteger(n) || Math.abs(n) >= 1e21 ? String(n) : BigInt(n).toString();
  }
  if (n === Infinity) return '+inf';
  if (n === -Infinity) return '-inf';
  return undefined;
}

/** UTF-8 byte length. Short ASCII strings (keys, small values) are counted in JS, cheaper than the binding. */
function utf8Length(s: string): number {
  const len = s.length;
  if (len > 24) return Buffer.byteLength(s, 'utf8');
  for (let i = 0; i < len; i++) {
    if (s.charCodeAt(i) > 0x7f) return Buffer.byteLength(s, 'utf8');
  }
  return len;
}

function badArgument(name: string, index: number, arg: unknown): ArgumentError {
  return new ArgumentError(`${name}: argument ${index + 1} is ${describe(arg)}; expected string, Buffer or number`);
}

/** Names the type only: argument values never go into messages (they may be secrets). */
function describe(arg: unknown): string {
  if (arg === undefined) return 'undefined';
  if (arg === null) return 'null';
  if (Array.isArray(arg)) return 'an array';
  switch (typeof arg) {
    case 'number':
      return 'NaN';
    case 'boolean':
      return 'a boolean';
    case 'bigint':
      return 'a bigint';
    case 'symbol':
      return 'a symbol';
    case 'function':
      return 'a function';
    default:
      return describeObject(arg as object);
  }
}

function describeObject(arg: object): string {
  let ctor: string | undefined;
  try {
    const proto: unknown = Object.getPrototypeOf(arg);
    const c: unknown = proto === null ? undefined : (proto as { constructor?: unknown }).constructor;
    if (typeof c === 'function' && c.name !== '' && c.name !== 'Object') ctor = c.name;
  } catch {
    // a Proxy may throw from getPrototypeOf: the generic wording is enough
  }
  return ctor === undefined ? 'an object' : `an object (${ctor})`;
}
