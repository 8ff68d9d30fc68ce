// ioredis's reply shapes. This entry runs the core client on RESP2, whose raw replies already are ioredis's
// (integers as numbers, `scan` as [cursor, keys], WITHSCORES as flat strings, nested arrays for the rest), so
// only what ioredis itself reshapes is converted here: HGETALL's pairs become an object. The core's decoder
// keeps integers beyond 2^53 exact as bigints; ioredis gives numbers there (or strings with stringNumbers).
import { pairsToObject } from '../pairs-to-object.js';

export type IoReplyTransform = (reply: unknown) => unknown;

const plain: IoReplyTransform = (reply) => (typeof reply === 'bigint' ? Number(reply) : reply);
const plainAsText: IoReplyTransform = (reply) => numbersAsStrings(reply);
const hashObject: IoReplyTransform = (reply) => (Array.isArray(reply) ? pairsToObject(reply) : reply);

// The `…Buffer` methods: ioredis gives status replies (`+OK`, `+QUEUED`, TYPE's `+hash`) as Buffers too.
const hashObjectBuffers: IoReplyTransform = (reply) => hashObject(statusAsBuffers(reply));
const plainBuffers: IoReplyTransform = (reply) => statusAsBuffers(plain(reply));
const plainAsTextBuffers: IoReplyTransform = (reply) => numbersAsStrings(statusAsBuffers(reply));

/**
 * The transform that turns a raw RESP2 reply of `command` (upper-case) into what ioredis resolves (shared, not
 * made per call); `returnBuffers` for the `…Buffer` methods.
 */
export function ioReplyTransform(command: string, stringNumbers: boolean, returnBuffers = false): IoReplyTransform {
  if (command === 'HGETALL') return returnBuffers ? hashObjectBuffers : hashObject;
  if (returnBuffers) return stringNumbers ? plainAsTextBuffers : plainBuffers;
  return stringNumbers ? plainAsText : plain;
}

/** With returnBuffers the core gives bulk strings as Buffers and status replies as text: these become Buffers. */
function statusAsBuffers(reply: unknown): unknown {
  if (typeof reply === 'string') return Buffer.from(reply);
  if (Array.isArray(reply)) return reply.map(statusAsBuffers);
  return reply;
}

/** ioredis's `stringNumbers`: every integer, at any depth, as decimal text. */
function numbersAsStrings(reply: unknown): unknown {
  if (typeof reply === 'number' || typeof reply === 'bigint') return String(reply);
  if (Array.isArray(reply)) return reply.map(numbersAsStrings);
  return reply;
}
