// Cluster key slots: CRC16-XMODEM (poly 0x1021, init 0) of the key, or of its hash tag, mod 16384.
import type { RedisArg } from '../resp/types.js';

export const SLOT_COUNT = 16384;

const TABLE = (() => {
  const table = new Uint16Array(256);
  for (let i = 0; i < 256; i++) {
    let crc = i << 8;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    table[i] = crc;
  }
  return table;
})();

/** CRC16-XMODEM of bytes[start, end). */
export function crc16(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let crc = 0;
  for (let i = start; i < end; i++) crc = ((crc << 8) & 0xffff) ^ (TABLE[((crc >> 8) ^ (bytes[i] as number)) & 0xff] as number);
  return crc;
}

/**
 * The slot of a key. Hash tags as the server does it: the bytes between the first `{` and the first `}` after
 * it, when that is non-empty; otherwise the whole key.
 */
export function keySlot(key: RedisArg): number {
  if (typeof key === 'string') {
    const ascii = asciiSlot(key);
    if (ascii >= 0) return ascii;
    return bufferSlot(Buffer.from(key, 'utf8'));
  }
  if (typeof key === 'number') return asciiSlot(String(key));
  return bufferSlot(key);
}

function bufferSlot(bytes: Uint8Array): number {
  const open = bytes.indexOf(0x7b);
  if (open >= 0) {
    const close = bytes.indexOf(0x7d, open + 1);
    if (close > open + 1) return crc16(bytes, open + 1, close) & (SLOT_COUNT - 1);
  }
  return crc16(bytes) & (SLOT_COUNT - 1);
}

/** The fast path for ASCII strings (no Buffer allocation); -1 when the string has non-ASCII characters. */
function asciiSlot(key: string): number {
  let start = 0;
  let end = key.length;
  const open = key.indexOf('{');
  if (open >= 0) {
    const close = key.indexOf('}', open + 1);
    if (close > open + 1) {
      start = open + 1;
      end = close;
    }
  }
  let crc = 0;
  for (let i = start; i < end; i++) {
    const c = key.charCodeAt(i);
    if (c > 0x7f) return -1;
    crc = ((crc << 8) & 0xffff) ^ (TABLE[((crc >> 8) ^ c) & 0xff] as number);
  }
  // UTF-8 never encodes a non-ASCII character with the bytes of '{' or '}', so characters outside the tag
  // cannot move it: only the hashed characters need to be ASCII.
  return crc & (SLOT_COUNT - 1);
}
