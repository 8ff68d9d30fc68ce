// Client-side caching on a Redis client: its connection turns CLIENT TRACKING on at every handshake and hands
// invalidation pushes to the cache, and the client gets a sendCommand of its own (an instance property, so
// clients without the option keep the prototype's, untouched) that answers cacheable reads from the cache.
import type { Redis } from '../client/redis.js';
import type { ReplyTransform } from '../connection/command.js';
import type { KeyPrefix } from '../commands/key-prefix.js';
import type { RedisArg } from '../resp/types.js';
import type { ResolvedCacheOptions } from './cache-options.js';
import { CACHEABLE_COMMANDS } from './cacheable-commands.js';
import { ClientCache } from './client-cache.js';
import { cloneReply } from './clone-reply.js';

/** Sets up caching on `client` (before it connects) and returns its cache. */
export function installClientCache(client: Redis, options: ResolvedCacheOptions): ClientCache {
  const cache = new ClientCache(options);
  const connection = client.connection;
  connection.observeTracking({
    onPush: (push) => {
      if (push.length >= 2 && isInvalidate(push[0])) cache.invalidate(push[1]);
    },
    onTrackingChanged: () => cache.setLive(connection.trackingLive),
  });
  const send = client.sendCommand;
  const prefix = client.options.keyPrefix;
  client.sendCommand = function cachedSendCommand<T>(this: Redis, name: string, args: readonly RedisArg[], returnBuffers = false, transform?: ReplyTransform<T>): Promise<T> {
    const id = CACHEABLE_COMMANDS.has(name) ? entryId(name, args, returnBuffers) : undefined;
    if (id === undefined) {
      cache.lastHit = undefined;
      return send.call(this, name, args, returnBuffers, transform) as Promise<T>;
    }
    const entry = cache.lookup(id);
    if (entry !== undefined) {
      this.pendingCallOptions = undefined; // taken, as a sent command would take them
      return transform === undefined ? Promise.resolve(cloneReply(entry.value) as T) : shaped(entry.value, transform);
    }
    const ticket = cache.beginRead(indexKey(prefix, args[0] as string | number));
    // Sent without the transform: the cache keeps the reply as decoded, and each caller shapes its own copy.
    return send.call(this, name, args, returnBuffers).then(
      (raw) => {
        cache.endRead(ticket, id, true, raw);
        const copy = cloneReply(raw);
        return transform === undefined ? (copy as T) : transform(copy);
      },
      (error: unknown) => {
        cache.endRead(ticket, id, false, undefined);
        throw error;
      },
    );
  };
  return cache;
}

function shaped<T>(value: unknown, transform: ReplyTransform<T>): Promise<T> {
  try {
    return Promise.resolve(transform(cloneReply(value)));
  } catch (error) {
    return Promise.reject(error);
  }
}

function isInvalidate(kind: unknown): boolean {
  return kind === 'invalidate' || (Buffer.isBuffer(kind) && kind.toString() === 'invalidate');
}

/**
 * The cache id of a call: name, reply form, then the arguments joined by NUL. Undefined (not cached) when an
 * argument is a Buffer or holds a NUL, so two different calls can never share an id.
 */
function entryId(name: string, args: readonly RedisArg[], returnBuffers: boolean): string | undefined {
  const first = args[0];
  if (typeof first !== 'string' && typeof first !== 'number') return undefined;
  let id = (returnBuffers ? name + '\u0001' : name + '\u0000') + first;
  // One argument needs no check: everything after the first separator is that argument.
  if (args.length === 1) return id;
  if (typeof first === 'string' && first.includes('\u0000')) return undefined;
  for (let i = 1; i < args.length; i++) {
    const arg = args[i];
    if (typeof arg === 'number') id += '\u0000' + arg;
    else if (typeof arg === 'string' && !arg.includes('\u0000')) id += '\u0000' + arg;
    else return undefined;
  }
  return id;
}

const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * The key as invalidation pushes name it (the server's bytes, decoded as UTF-8): with the key prefix, and
 * lone surrogates or a binary prefix normalised the way the decoder would see them.
 */
function indexKey(prefix: KeyPrefix | undefined, key: string | number): string {
  const text = typeof key === 'number' ? String(key) : key;
  if (typeof prefix !== 'object' && !SURROGATE.test(text)) return prefix === undefined ? text : prefix + text;
  return Buffer.concat([prefix === undefined ? Buffer.alloc(0) : Buffer.from(prefix), Buffer.from(text)]).toString();
}
