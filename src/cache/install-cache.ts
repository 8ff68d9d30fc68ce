// Client-side caching on a client: its connections turn CLIENT TRACKING on at every handshake and hand
// invalidation pushes to the cache, and the client gets a sendCommand of its own (an instance property, so
// clients without the option keep the prototype's, untouched) that answers cacheable reads from the cache.
// A Redis client has one connection; a RedisCluster one per node, all feeding the client's one cache.
import type { Redis } from '../client/redis.js';
import type { CommandObserver, RedirectEvent, RetryEvent } from '../cluster/cluster-command.js';
import type { RedisCluster } from '../cluster/cluster.js';
import type { NodeAddress } from '../cluster/topology.js';
import type { ReplyTransform } from '../connection/command.js';
import type { Connection } from '../connection/connection.js';
import type { KeyPrefix } from '../commands/key-prefix.js';
import type { RedisArg } from '../resp/types.js';
import type { ResolvedCacheOptions } from './cache-options.js';
import { CACHEABLE_COMMANDS } from './cacheable-commands.js';
import { ClientCache, MISS } from './client-cache.js';
import { cloneReply } from './clone-reply.js';

type SendCommand = <T>(name: string, args: readonly RedisArg[], returnBuffers?: boolean, transform?: ReplyTransform<T>, observer?: CommandObserver) => Promise<T>;

/** How a miss learns whether the connection that answered it is tracked (so its reply may be kept). */
interface Answer {
  /** Passed to the client's sendCommand (a cluster reports the node that answered to it). */
  readonly observer: CommandObserver | undefined;
  tracked(): boolean;
}

/** Feeds `connection`'s invalidations to `cache`, and clears it whenever the connection's tracking is not live. */
export function trackInto(cache: ClientCache, connection: Connection): void {
  connection.observeTracking({
    onPush: (push) => {
      if (push.length >= 2 && isInvalidate(push[0])) cache.invalidate(push[1]);
    },
    // Not live any more: invalidations may be missed from now on. Live again: nothing to do (see endRead).
    onTrackingChanged: () => {
      if (!connection.trackingLive) cache.clear();
    },
  });
}

/** Sets up caching on a Redis client (before it connects) and returns its cache. */
export function installClientCache(client: Redis, options: ResolvedCacheOptions): ClientCache {
  const cache = new ClientCache(options, directPrefix(client.options.keyPrefix));
  const connection = client.connection;
  trackInto(cache, connection);
  const tracked = (): boolean => connection.trackingLive;
  const unobserved: Answer = { observer: undefined, tracked };
  // The caller's observer (OcRedis: LOADING waits and re-sends as span events) goes on with the command.
  const answerFor = (observer: CommandObserver | undefined): Answer => (observer === undefined ? unobserved : { observer, tracked });
  client.sendCommand = cachedSendCommand(cache, client.options.keyPrefix, client.sendCommand, answerFor);
  return cache;
}

/** Sets up caching on a RedisCluster: each node connection is passed to trackInto() as it is made. */
export function installClusterCache(cluster: RedisCluster, options: ResolvedCacheOptions): ClientCache {
  const cache = new ClientCache(options, directPrefix(cluster.options.keyPrefix));
  const send = cluster.sendCommand as SendCommand;
  cluster.sendCommand = cachedSendCommand(cache, cluster.options.keyPrefix, send, (observer) => new AnsweringNode(cluster, observer));
  return cache;
}

/** Follows a cluster call to the node whose reply settles it, passing everything on to the call's own observer. */
class AnsweringNode implements CommandObserver {
  private node: NodeAddress | undefined;

  constructor(
    private readonly cluster: RedisCluster,
    private readonly outer: CommandObserver | undefined,
  ) {}

  get observer(): CommandObserver {
    return this;
  }

  tracked(): boolean {
    return this.node !== undefined && this.cluster.nodeTrackingLive(this.node);
  }

  onNode(node: NodeAddress): void {
    this.node = node;
    this.outer?.onNode?.(node);
  }

  onRedirect(event: RedirectEvent): void {
    this.outer?.onRedirect?.(event);
  }

  onRetry(event: RetryEvent): void {
    this.outer?.onRetry?.(event);
  }
}

function cachedSendCommand(cache: ClientCache, prefix: KeyPrefix | undefined, send: SendCommand, answerFor: (observer: CommandObserver | undefined) => Answer): SendCommand {
  return function cachedSendCommand<T>(this: { pendingCallOptions?: unknown }, name: string, args: readonly RedisArg[], returnBuffers = false, transform?: ReplyTransform<T>, observer?: CommandObserver): Promise<T> {
    const first = args[0];
    // One argument (GET key): its own text is the id. Several: joined, unless that could be ambiguous.
    const id = !CACHEABLE_COMMANDS.has(name) ? undefined : args.length === 1 ? (typeof first === 'string' ? first : typeof first === 'number' ? String(first) : undefined) : joinedArguments(args);
    if (id === undefined) {
      cache.lastHit = undefined;
      return send.call(this, name, args, returnBuffers, transform, observer) as Promise<T>;
    }
    const table = cache.table(name, returnBuffers, args.length === 1);
    const cached = cache.lookup(table, id);
    if (cached !== MISS) {
      if (this.pendingCallOptions !== undefined) this.pendingCallOptions = undefined; // taken, as a sent command would take them
      return transform === undefined ? Promise.resolve(cloneReply(cached) as T) : shaped(cached, transform);
    }
    const ticket = cache.beginRead();
    const answer = answerFor(observer);
    // The reply is stored as decoded, synchronously while the replies are read (so before any push that
    // follows it in the stream), and each caller gets its own copy, shaped by the caller's transform. (An
    // anonymous arrow: a named one is wrapped per call when the source runs through esbuild's keepNames.)
    return send.call(
      this,
      name,
      args,
      returnBuffers,
      (raw: unknown): T => {
        cache.endRead(ticket, table, id, args.length === 1 && isDirect(prefix, first as string | number) ? undefined : indexKey(prefix, first as string | number), answer.tracked(), raw);
        const copy = cloneReply(raw);
        return transform === undefined ? (copy as T) : transform(copy);
      },
      answer.observer,
    ) as Promise<T>;
  };
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
 * The id of a call with several arguments: them joined by NUL. Undefined (not cached) when one is a Buffer or
 * holds a NUL, so two different calls can never share an id.
 */
function joinedArguments(args: readonly RedisArg[]): string | undefined {
  let id = '';
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (typeof arg === 'number') id += i === 0 ? String(arg) : '\u0000' + arg;
    else if (typeof arg === 'string' && !arg.includes('\u0000')) id += i === 0 ? arg : '\u0000' + arg;
    else return undefined;
  }
  return id;
}

const SURROGATE = /[\uD800-\uDFFF]/;

/** Whether a string has no lone surrogate (then its UTF-8 bytes decode back to it). O(1) for one-byte strings. */
const wellFormed: (text: string) => boolean =
  typeof (String.prototype as { isWellFormed?: unknown }).isWellFormed === 'function'
    ? (text) => (text as unknown as { isWellFormed(): boolean }).isWellFormed()
    : (text) => !SURROGATE.test(text);

/** The cache's keyPrefix for direct entries: a string prefix, or undefined for a Buffer one (no direct entries). */
function directPrefix(prefix: KeyPrefix | undefined): string | undefined {
  return typeof prefix === 'object' ? undefined : (prefix ?? '');
}

/** Whether a one-argument read of `key` may be a direct entry: invalidations name it as prefix + its text. */
function isDirect(prefix: KeyPrefix | undefined, key: string | number): boolean {
  return typeof prefix !== 'object' && (typeof key === 'number' || wellFormed(key));
}

/**
 * The key as invalidation pushes name it (the server's bytes, decoded as UTF-8): with the key prefix, and
 * lone surrogates or a binary prefix normalised the way the decoder would see them.
 */
function indexKey(prefix: KeyPrefix | undefined, key: string | number): string {
  const text = typeof key === 'number' ? String(key) : key;
  if (typeof prefix !== 'object' && wellFormed(text)) return prefix === undefined ? text : prefix + text;
  return Buffer.concat([prefix === undefined ? Buffer.alloc(0) : Buffer.from(prefix), Buffer.from(text)]).toString();
}
