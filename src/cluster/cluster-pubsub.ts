// Sharded pub/sub across a Redis Cluster: each shard channel is SSUBSCRIBEd on the primary serving its slot,
// through one Subscriber per node, and follows the slot when it moves (migration, failover, node loss).
import { EventEmitter } from 'node:events';
import { Subscriber, type MessageHandler, type PubSubMessage } from '../client/pubsub.js';
import { EventQueue } from '../client/pubsub-queue.js';
import { ArgumentError, AskError, ClientClosedError, MovedError, ReplyError } from '../errors.js';
import type { RedisCluster } from './cluster.js';
import { parseRedirect } from './redirect.js';
import { keySlot } from './slot.js';
import { nodeKey, type NodeAddress } from './topology.js';
import { emitErrorIfListened, emitSafely, rethrowLater } from '../events.js';
import type { Listener, ClusterSubscriberEvents } from '../client/typed-events.js';
import { isRetryableClusterError } from '../transient-errors.js';

export interface ClusterSubscriberOptions {
  /** Channels and messages as Buffers (binary-safe); the node subscribers then speak RESP2. */
  buffers?: boolean;
}

/** Why shard channels were subscribed again elsewhere. */
export type FollowReason =
  /** The server sent a `sunsubscribe` we didn't ask for: its node no longer serves the slot. */
  | 'sunsubscribe'
  /** A topology refresh names another primary for the slot (failover, resharding). */
  | 'refresh'
  /** The node's connection ended for good. */
  | 'node-lost';

/** Emitted as `moved` once shard channels are subscribed on their slot's current owner. */
export interface ShardChannelsMovedEvent {
  channels: string[];
  slot: number;
  from: NodeAddress | undefined;
  to: NodeAddress;
  reason: FollowReason;
}

type Channel = string | Buffer;
type SubscribeArgs<T extends string | Buffer> = [...channels: Channel[]] | [...channels: Channel[], handler: MessageHandler<T>];

interface ShardChannel<T extends string | Buffer> {
  readonly key: string;
  /** The name as the caller gave it (sent again when the channel moves). */
  readonly name: Channel;
  readonly slot: number;
  readonly handlers: Set<MessageHandler<T>>;
  /** nodeKey of the node it is subscribed on (or being subscribed on); undefined while homeless. */
  node: string | undefined;
  /** A subscribe is under way: topology checks leave it alone until it settles. */
  placing: boolean;
}

interface NodeSubscriber<T extends string | Buffer> {
  readonly key: string;
  readonly address: NodeAddress;
  readonly sub: Subscriber<T>;
  /** Keys of the shard channels placed here. */
  readonly channels: Set<string>;
  /** We are closing it: its `end` is not a loss. */
  closing: boolean;
}

/** While a node subscriber is down, the topology is re-read this often (ms) to notice a promoted replica. */
const LOST_NODE_POLL_MS = 250;
const ignore = (): void => undefined;

/**
 * Sharded pub/sub on a cluster (`cluster.pubsub()`): `ssubscribe` / `sunsubscribe`, per-channel handlers,
 * `smessage` events and `for await (const msg of sub)` (messages only). Channels are grouped per owning
 * primary, one subscriber connection per node, created on demand with the cluster's `nodeOptions`.
 *
 * Events: `smessage` (channel, message), `moved` (ShardChannelsMovedEvent), `error` (only when listened to),
 * `end`.
 */
export class ClusterSubscriber<T extends string | Buffer = string> extends EventEmitter implements AsyncIterable<PubSubMessage<T>> {
  private readonly channels = new Map<string, ShardChannel<T>>();
  private readonly nodes = new Map<string, NodeSubscriber<T>>();
  private readonly queues = new Set<EventQueue<PubSubMessage<T>>>();
  private readonly buffers: boolean;
  private readonly onRefresh = (): void => this.checkOwners();
  /** @internal Applied to each per-node Subscriber when it is made (OcRedisCluster observes their subscribe calls). */
  nodeSubscriberHook: ((subscriber: Subscriber<T>) => void) | undefined = undefined;
  private lostNodeTimer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly cluster: RedisCluster,
    options: ClusterSubscriberOptions = {},
  ) {
    super();
    this.buffers = options.buffers === true;
    cluster.on('refresh', this.onRefresh);
  }

  /**
   * SSUBSCRIBE shard channels, each on the primary serving its slot, with an optional handler for their messages.
   * Resolves with the number of shard channels this subscriber has once every new one is confirmed.
   */
  async ssubscribe(...args: SubscribeArgs<T>): Promise<number> {
    const last = args[args.length - 1];
    const handler = typeof last === 'function' ? last : undefined;
    const names = (handler === undefined ? args : args.slice(0, -1)) as Channel[];
    if (names.length === 0) throw new ArgumentError('SSUBSCRIBE: at least one shard channel is required');
    for (const name of names) {
      if (typeof name !== 'string' && !Buffer.isBuffer(name)) throw new ArgumentError('SSUBSCRIBE: shard channels must be strings or Buffers');
    }
    if (this.closed) throw new ClientClosedError('The cluster subscriber is closed');
    const fresh: ShardChannel<T>[] = [];
    for (const name of names) {
      const key = keyOf(name);
      let entry = this.channels.get(key);
      if (entry === undefined) {
        entry = { key, name, slot: keySlot(name), handlers: new Set(), node: undefined, placing: false };
        this.channels.set(key, entry);
        fresh.push(entry);
      }
      if (handler !== undefined) entry.handlers.add(handler);
    }
    const results = await Promise.allSettled([...bySlot(fresh)].map(([slot, group]) => this.place(slot, group)));
    const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failed !== undefined) {
      // Refused or unreachable: the caller learns it now, so don't keep (and later re-send) those channels.
      for (const entry of fresh) if (entry.node === undefined && this.channels.get(entry.key) === entry) this.channels.delete(entry.key);
      throw failed.reason;
    }
    return this.channels.size;
  }

  /** SUNSUBSCRIBE the shard channels named, or every one when none is named. Their handlers are dropped. */
  async sunsubscribe(...names: Channel[]): Promise<number> {
    const targets = names.length > 0 ? names.map(keyOf) : [...this.channels.keys()];
    const removed: ShardChannel<T>[] = [];
    for (const key of targets) {
      const entry = this.channels.get(key);
      if (entry === undefined) continue;
      this.channels.delete(key);
      removed.push(entry);
    }
    await Promise.all(removed.map((entry) => this.detach(entry)));
    return this.channels.size;
  }

  /** The shard channels subscribed (or being subscribed). */
  get subscribed(): { shardChannels: string[] } {
    return { shardChannels: [...this.channels.keys()] };
  }

  /** The node a shard channel is subscribed on now, if any. */
  nodeOf(channel: Channel): NodeAddress | undefined {
    const node = this.channels.get(keyOf(channel))?.node;
    return node === undefined ? undefined : this.nodes.get(node)?.address;
  }

  /** Messages as they arrive, from every node. Ends when the subscriber closes. */
  [Symbol.asyncIterator](): AsyncIterableIterator<PubSubMessage<T>> {
    const queue = new EventQueue<PubSubMessage<T>>((q) => this.queues.delete(q));
    if (this.closed) queue.end();
    else this.queues.add(queue);
    return queue;
  }

  /** Closes every node subscriber after its pending commands. */
  async quit(): Promise<'OK'> {
    const nodes = this.close();
    await Promise.all(nodes.map((node) => node.sub.quit().catch(ignore)));
    return 'OK';
  }

  /** Closes every node subscriber now. */
  disconnect(): void {
    for (const node of this.close()) node.sub.disconnect();
  }

  // ---- placement ----------------------------------------------------------------------------------------

  /**
   * Subscribes one slot's channels on its owner: follows MOVED, waits out unreachable nodes and unserved slots
   * (re-reading the topology) for up to the cluster's maxRetryTime. Resolves with the node they landed on.
   */
  private async place(slot: number, group: ShardChannel<T>[], refreshFirst = false): Promise<NodeAddress | undefined> {
    const { maxRetryTime, maxRedirections, retryDelay } = this.cluster.options;
    const startedAt = Date.now();
    let attempt = 0;
    let redirections = 0;
    let target: NodeAddress | undefined;
    for (const entry of group) entry.placing = true;
    try {
      if (refreshFirst) await this.cluster.refresh().catch(ignore);
      for (;;) {
        if (this.closed) throw new ClientClosedError('The cluster subscriber is closed');
        const live = group.filter((entry) => this.channels.get(entry.key) === entry);
        if (live.length === 0) return undefined;
        let node: NodeSubscriber<T> | undefined;
        try {
          target ??= (await this.cluster.primaryForSlot(slot)).address;
          node = this.nodeFor(target);
          for (const entry of live) this.attach(entry, node);
          await node.sub.ssubscribe(...live.map((entry) => entry.name));
          return target;
        } catch (error) {
          if (node !== undefined) for (const entry of live) this.unplace(entry, node);
          const moved = error instanceof MovedError && target !== undefined ? parseRedirect(error.message, target.host) : undefined;
          if (moved !== undefined && ++redirections <= maxRedirections) {
            target = { host: moved.host, port: moved.port };
            await this.cluster.learnRedirect(slot, target);
            continue;
          }
          // Other refusals (ACL, CROSSSLOT …) won't pass by waiting; ASK means the slot is migrating: wait.
          if (error instanceof ReplyError && !(error instanceof AskError) && !isRetryableClusterError(error)) throw error;
          if (error instanceof ClientClosedError && this.closed) throw error;
          if (Date.now() - startedAt >= maxRetryTime) throw error;
          await sleep(retryDelay(++attempt));
          await this.cluster.refresh().catch(ignore);
          target = undefined;
        }
      }
    } finally {
      for (const entry of group) entry.placing = false;
    }
  }

  /** Takes channels off their node and subscribes them on their slot's current owner (topology re-read first). */
  private follow(entries: ShardChannel<T>[], reason: FollowReason): void {
    const moving = entries.filter((entry) => !entry.placing && this.channels.get(entry.key) === entry);
    if (moving.length === 0 || this.closed) return;
    for (const [slot, group] of bySlot(moving)) {
      const from = group[0]?.node === undefined ? undefined : this.nodes.get(group[0].node)?.address;
      for (const entry of group) void this.detach(entry);
      for (const entry of group) entry.placing = true; // until place() takes over, right below
      this.place(slot, group, true).then(
        (to) => {
          if (to === undefined) return;
          const event: ShardChannelsMovedEvent = { channels: group.map((entry) => entry.key), slot, from, to, reason };
          emitSafely(this, 'moved', event);
        },
        (error: unknown) => {
          // Left homeless: the next topology refresh tries again.
          if (!this.closed) emitErrorIfListened(this, error instanceof Error ? error : new Error(String(error)));
        },
      );
    }
  }

  /** After every topology refresh: channels whose slot has another owner now (or none yet) move there. */
  private checkOwners(): void {
    const map = this.cluster.topology;
    if (map === undefined || this.closed) return;
    const stale: ShardChannel<T>[] = [];
    for (const entry of this.channels.values()) {
      if (entry.placing) continue;
      const index = map.slotShard[entry.slot] as number;
      const owner = index < 0 ? undefined : map.shards[index]?.primary;
      if (owner === undefined) continue;
      if (entry.node !== nodeKey(owner)) stale.push(entry);
    }
    this.follow(stale, 'refresh');
  }

  private attach(entry: ShardChannel<T>, node: NodeSubscriber<T>): void {
    entry.node = node.key;
    node.channels.add(entry.key);
  }

  /** Forgets a failed placement. */
  private unplace(entry: ShardChannel<T>, node: NodeSubscriber<T>): void {
    node.channels.delete(entry.key);
    if (entry.node === node.key) entry.node = undefined;
    // Lost with the connection rather than refused: drop it there too, or a reconnect would subscribe it again.
    if (node.sub.subscribed.shardChannels.includes(entry.key)) node.sub.sunsubscribe(entry.name).catch(ignore);
    this.closeIfIdle(node);
  }

  /** Unsubscribes a channel on its node (best effort: the node may be gone) and closes the node when idle. */
  private async detach(entry: ShardChannel<T>): Promise<void> {
    const node = entry.node === undefined ? undefined : this.nodes.get(entry.node);
    entry.node = undefined;
    if (node === undefined) return;
    node.channels.delete(entry.key);
    // Also drops it from the node subscriber's own list, so a reconnect there doesn't subscribe it again.
    const done = node.sub.sunsubscribe(entry.name).catch(ignore);
    this.closeIfIdle(node);
    await done;
  }

  private closeIfIdle(node: NodeSubscriber<T>): void {
    if (node.channels.size > 0 || node.closing) return;
    node.closing = true;
    this.nodes.delete(node.key);
    if (node.sub.status === 'ready') node.sub.quit().catch(ignore);
    else node.sub.disconnect();
  }

  // ---- node subscribers ---------------------------------------------------------------------------------

  private nodeFor(address: NodeAddress): NodeSubscriber<T> {
    const key = nodeKey(address);
    const existing = this.nodes.get(key);
    if (existing !== undefined) return existing;
    const options = this.cluster.nodeConnectionOptions(address);
    const sub = new Subscriber<T>(options, { buffers: this.buffers });
    this.nodeSubscriberHook?.(sub);
    const node: NodeSubscriber<T> = { key, address, sub, channels: new Set(), closing: false };
    sub.on('smessage', (channel: T, message: T) => this.deliver(channel, message));
    sub.on('sunsubscribe', (channel: T | null) => {
      // Still on the node subscriber's list: we didn't ask, so the server dropped it (its slot moved away).
      if (channel === null || node.closing) return;
      const entry = this.channels.get(keyOf(channel));
      if (entry !== undefined && entry.node === key && sub.subscribed.shardChannels.includes(entry.key)) this.follow([entry], 'sunsubscribe');
    });
    sub.on('reconnecting', () => this.watchLostNodes());
    let readyBefore = false;
    sub.on('ready', () => {
      // Back after an outage: it may have come back as a replica. Check who owns what.
      if (readyBefore && node.channels.size > 0) this.cluster.refresh().catch(ignore);
      readyBefore = true;
    });
    sub.on('end', () => {
      if (node.closing) return;
      node.closing = true;
      // Still listed while follow() runs, so the move event can name where the channels came from.
      this.follow([...node.channels].flatMap((channel) => this.channels.get(channel) ?? []), 'node-lost');
      this.nodes.delete(key);
    });
    sub.on('error', (error: Error) => {
      if (error instanceof MovedError) this.cluster.refresh().catch(ignore);
      emitErrorIfListened(this, error);
    });
    this.nodes.set(key, node);
    return node;
  }

  /** While some node subscriber is down, re-reads the topology periodically; each refresh runs checkOwners(). */
  private watchLostNodes(): void {
    if (this.lostNodeTimer !== undefined || this.closed) return;
    const tick = (): void => {
      const down = [...this.nodes.values()].some((node) => node.channels.size > 0 && node.sub.status !== 'ready');
      if (!down || this.closed) {
        this.lostNodeTimer = undefined;
        return;
      }
      this.cluster.refresh().catch(ignore);
      this.lostNodeTimer = setTimeout(tick, Math.max(LOST_NODE_POLL_MS, this.cluster.options.minRefreshInterval));
      this.lostNodeTimer.unref();
    };
    tick();
  }

  private deliver(channel: T, message: T): void {
    const entry = this.channels.get(keyOf(channel));
    if (entry === undefined) return; // unsubscribed meanwhile
    const event: PubSubMessage<T> = { kind: 'smessage', channel, message };
    for (const handler of entry.handlers) {
      try {
        handler(event);
      } catch (error) {
        rethrowLater(error);
      }
    }
    for (const queue of this.queues) queue.push(event);
    emitSafely(this, 'smessage', channel, message);
  }

  private close(): NodeSubscriber<T>[] {
    const nodes = [...this.nodes.values()];
    if (this.closed) return nodes;
    this.closed = true;
    this.cluster.off('refresh', this.onRefresh);
    if (this.lostNodeTimer !== undefined) clearTimeout(this.lostNodeTimer);
    this.lostNodeTimer = undefined;
    for (const node of nodes) node.closing = true;
    this.nodes.clear();
    this.channels.clear();
    for (const queue of this.queues) queue.end();
    this.queues.clear();
    emitSafely(this, 'end');
    return nodes;
  }
}

/** SSUBSCRIBE / SUNSUBSCRIBE take channels of one slot only: one command per slot. */
function bySlot<T extends string | Buffer>(entries: ShardChannel<T>[]): Map<number, ShardChannel<T>[]> {
  const groups = new Map<number, ShardChannel<T>[]>();
  for (const entry of entries) {
    const group = groups.get(entry.slot);
    if (group === undefined) groups.set(entry.slot, [entry]);
    else group.push(entry);
  }
  return groups;
}

function keyOf(name: Channel): string {
  return typeof name === 'string' ? name : name.toString('utf8');
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// Listener types for the events above.
export interface ClusterSubscriber<T extends string | Buffer = string> {
  on<K extends keyof ClusterSubscriberEvents<T> & string>(event: K, listener: Listener<ClusterSubscriberEvents<T>[K]>): this;
  on<S extends string | symbol>(event: S & (S extends keyof ClusterSubscriberEvents<T> ? never : S), listener: (...args: any[]) => void): this;
  once<K extends keyof ClusterSubscriberEvents<T> & string>(event: K, listener: Listener<ClusterSubscriberEvents<T>[K]>): this;
  once<S extends string | symbol>(event: S & (S extends keyof ClusterSubscriberEvents<T> ? never : S), listener: (...args: any[]) => void): this;
  off<K extends keyof ClusterSubscriberEvents<T> & string>(event: K, listener: Listener<ClusterSubscriberEvents<T>[K]>): this;
  off<S extends string | symbol>(event: S & (S extends keyof ClusterSubscriberEvents<T> ? never : S), listener: (...args: any[]) => void): this;
}
