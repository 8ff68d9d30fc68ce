// The pub/sub trace envelope: RS + one-line JSON header + LF + the payload, unchanged, for strings and Buffers.
import { describe, expect, it } from 'vitest';
import { looksEnveloped, unwrapMessage, wrapMessage } from '../../../src/otel/trace-envelope.js';

const TRACEPARENT = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';

describe('trace envelope', () => {
  it('is RS, the JSON header, LF, then the payload as published', () => {
    expect(wrapMessage({ traceparent: TRACEPARENT, tracestate: 'k=v;x' }, 'hello')).toBe(`\u001e{"traceparent":"${TRACEPARENT}","tracestate":"k=v;x"}\nhello`);
    expect(wrapMessage({ traceparent: TRACEPARENT }, 42)).toBe(`\u001e{"traceparent":"${TRACEPARENT}"}\n42`);
  });

  it('gives back the exact payload: text with LFs and RS, empty, binary', () => {
    for (const payload of ['line 1\nline 2\n', '', '\u001e{"traceparent":"x"}\nnot a header', 'ünïcødé ✓']) {
      const wrapped = wrapMessage({ traceparent: TRACEPARENT }, payload) as string;
      expect(unwrapMessage(wrapped)).toEqual({ headers: { traceparent: TRACEPARENT }, payload });
      expect(unwrapMessage(Buffer.from(wrapped))?.payload).toEqual(Buffer.from(payload));
    }
    const binary = Buffer.from([0x1e, 0x0a, 0x00, 0xff, 0x0a]);
    const wrapped = wrapMessage({ traceparent: TRACEPARENT }, binary) as Buffer;
    expect(Buffer.isBuffer(wrapped)).toBe(true);
    expect(unwrapMessage(wrapped)).toEqual({ headers: { traceparent: TRACEPARENT }, payload: binary });
  });

  it('an empty header (a message that starts with RS, sent with no context) unwraps to no headers', () => {
    expect(unwrapMessage(wrapMessage({}, '\u001eraw') as string)).toEqual({ headers: {}, payload: '\u001eraw' });
  });

  it('anything else is no envelope: delivered whole', () => {
    for (const message of ['plain', '{"traceparent":"x"}\npayload', '\u001e{"traceparent":"x"}', '\u001enot json\npayload', '\u001e["traceparent"]\npayload', '\u001enull\np', '']) {
      expect(unwrapMessage(message)).toBeUndefined();
      expect(unwrapMessage(Buffer.from(message))).toBeUndefined();
    }
  });

  it('ignores header members it does not know, or that are not strings', () => {
    expect(unwrapMessage(`\u001e{"traceparent":7,"tracestate":"a=b","future":"x","__proto__":{"polluted":1}}\np`)).toEqual({ headers: { tracestate: 'a=b' }, payload: 'p' });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('looksEnveloped: a first byte of RS', () => {
    expect(looksEnveloped('\u001ex')).toBe(true);
    expect(looksEnveloped(Buffer.from([0x1e]))).toBe(true);
    expect(looksEnveloped('x\u001e')).toBe(false);
    expect(looksEnveloped(Buffer.alloc(0))).toBe(false);
    expect(looksEnveloped(30)).toBe(false);
  });
});
