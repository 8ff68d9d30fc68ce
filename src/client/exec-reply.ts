// How EXEC's reply settles the handles of a MULTI block: the one rule for MULTI on a single server, on a
// lent transaction and on a cluster node.
import type { ReplyTransform } from '../connection/command.js';
import { ProtocolError, ReplyError, WatchError } from '../errors.js';
import { entriesToObject } from '../pairs-to-object.js';
import type { Deferred } from './batch-deferred.js';

/** What the settler needs of a queued command. */
export interface ExecEntry {
  readonly name: string;
  readonly returnBuffers: boolean;
  readonly transform: ReplyTransform | undefined;
  readonly handle: Deferred<unknown>;
}

/**
 * Gives each handle its element of EXEC's reply, shaped by its command's transform; a command's error reply
 * rejects its handle (with `.command` set). Throws, settling nothing, when the block did not run: WatchError for
 * a null reply (a watched key changed), ProtocolError for a reply that does not line up with the commands.
 * The caller then rejects every handle with that error.
 */
export function settleFromExec(entries: readonly ExecEntry[], reply: unknown): void {
  if (reply === null) throw new WatchError();
  if (!Array.isArray(reply) || reply.length !== entries.length) {
    throw new ProtocolError(`EXEC replied with ${Array.isArray(reply) ? `${reply.length} replies` : 'a non-array'} for ${entries.length} queued commands`);
  }
  // EXEC's reply is decoded once, with Buffers if any command asked for them; the others get strings back.
  const buffersSent = entries.some((entry) => entry.returnBuffers);
  entries.forEach((entry, i) => {
    const raw: unknown = reply[i];
    if (raw instanceof ReplyError) {
      raw.command = entry.name;
      entry.handle.reject(raw);
      return;
    }
    try {
      const value = buffersSent && !entry.returnBuffers ? buffersToStrings(raw) : raw;
      entry.handle.resolve(entry.transform === undefined ? value : entry.transform(value));
    } catch (error) {
      entry.handle.reject(error);
    }
  });
}

/** Buffers as UTF-8 strings, through arrays and RESP3 maps. */
function buffersToStrings(value: unknown): unknown {
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  if (Array.isArray(value)) return value.map(buffersToStrings);
  if (value !== null && typeof value === 'object' && !(value instanceof Error)) {
    return entriesToObject(Object.entries(value).map(([key, item]) => [key, buffersToStrings(item)] as const));
  }
  return value;
}
