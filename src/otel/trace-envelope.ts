// The envelope a pub/sub message travels in when OcRedis propagates trace context (telemetry.propagateContext):
//
//   RS  {"traceparent":"00-<trace-id>-<span-id>-<flags>","tracestate":"…"}  LF  <payload, unchanged>
//
// RS is the byte 0x1E and LF 0x0A (the framing of one RFC 7464 JSON text sequence element), and the header
// is a single-line JSON object of string values: the W3C Trace Context headers. Any subscriber can unwrap it:
// the header ends at the first LF (JSON text never holds a raw LF), the payload is every byte after it. Pure
// and free of OpenTelemetry: telemetry decides what goes in the header.
import type { RedisArg } from '../resp/types.js';

/** The W3C Trace Context headers a message carries (what a propagator injected, or what a subscriber read). */
export interface TraceHeaders {
  traceparent?: string;
  tracestate?: string;
}

const RS = 0x1e;
const LF = 0x0a;
const RS_TEXT = '\u001e';
const LF_TEXT = '\n';

/** Whether a message sent as is would look like an envelope to a subscriber (its first byte is RS). */
export function looksEnveloped(message: RedisArg): boolean {
  if (typeof message === 'string') return message.charCodeAt(0) === RS;
  if (Buffer.isBuffer(message)) return message[0] === RS;
  return false; // a number is sent as decimal text
}

/** `message` in an envelope with `headers`: a string stays a string, a Buffer a Buffer, a number becomes text. */
export function wrapMessage(headers: TraceHeaders, message: RedisArg): RedisArg {
  const header = RS_TEXT + JSON.stringify(headers) + LF_TEXT;
  if (Buffer.isBuffer(message)) return Buffer.concat([Buffer.from(header, 'utf8'), message]);
  return header + String(message);
}

/** A message taken out of its envelope. */
export interface Unwrapped<W extends string | Buffer> {
  readonly headers: TraceHeaders;
  readonly payload: W;
}

/**
 * The headers and payload of an enveloped message, or undefined when `message` is no envelope (no leading
 * RS, no LF, or a header that is not a JSON object): such a message is delivered whole. Header members other
 * than `traceparent` and `tracestate`, or not strings, are ignored (room for later additions).
 */
export function unwrapMessage<W extends string | Buffer>(message: W): Unwrapped<W> | undefined {
  if (typeof message === 'string') {
    if (message.charCodeAt(0) !== RS) return undefined;
    const end = message.indexOf(LF_TEXT);
    if (end < 0) return undefined;
    const headers = parseHeaders(message.slice(1, end));
    return headers === undefined ? undefined : { headers, payload: message.slice(end + 1) as W };
  }
  if (message[0] !== RS) return undefined;
  const end = message.indexOf(LF);
  if (end < 0) return undefined;
  const headers = parseHeaders(message.toString('utf8', 1, end));
  return headers === undefined ? undefined : { headers, payload: message.subarray(end + 1) as W };
}

function parseHeaders(text: string): TraceHeaders | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
  const { traceparent, tracestate } = parsed as Record<string, unknown>;
  const headers: TraceHeaders = {};
  if (typeof traceparent === 'string') headers.traceparent = traceparent;
  if (typeof tracestate === 'string') headers.tracestate = tracestate;
  return headers;
}
