// ioredis's reply shapes. This entry runs the core client on RESP2, whose raw replies already are ioredis's
// (integers as numbers, `scan` as [cursor, keys], WITHSCORES as flat strings, nested arrays for the rest), so
// only what ioredis itself reshapes is converted here: HGETALL's pairs become an object. The core's decoder
// keeps integers beyond 2^53 exact as bigints; ioredis gives numbers there (or strings with stringNumbers).
import { pairsToObject } from '../pairs-to-object.js';

export type IoReplyTransform = (reply: unknown) => unknown;

const plain: IoReplyTransform = (reply) => (typeof reply === 'bigint' ? Number(reply) : reply);
const plainAsText: IoReplyTransform = (reply) => numbersAsStrings(reply);
const hashObject: IoReplyTransform = (reply) => (Array.isArray(reply) ? pairsToObject(reply) : reply);

/** The transform that turns a raw RESP2 reply of `command` (upper-case) into what ioredis resolves (shared, not made per call). */
export function ioReplyTransform(command: string, stringNumbers: boolean): IoReplyTransform {
  if (command === 'HGETALL') return hashObject;
  return stringNumbers ? plainAsText : plain;
}

/** ioredis's `stringNumbers`: every integer, at any depth, as decimal text. */
function numbersAsStrings(reply: unknown): unknown {
  if (typeof reply === 'number' || typeof reply === 'bigint') return String(reply);
  if (Array.isArray(reply)) return reply.map(numbersAsStrings);
  return reply;
}
