// The clients' events, name → listener arguments. Redis, Subscriber, RedisCluster and ClusterSubscriber declare
// on/once/off/… overloads from these maps, so `r.on('reconnecting', ({ attempt, delay }) => …)` is checked; other
// names (a subclass's own events, such as the sentinel client's `switch-master`) take any listener.
import type { RedirectEvent, RetryEvent } from '../cluster/cluster-command.js';
import type { ShardChannelsMovedEvent } from '../cluster/cluster-pubsub.js';

/**
 * A listener for an event with arguments `A`. Extra trailing parameters are allowed (typed `unknown`), so a
 * promise's `resolve` can be a listener: `new Promise((resolve) => r.once('ready', resolve))`.
 */
export type Listener<A extends unknown[]> = (...args: [...A, ...unknown[]]) => void;

/** `reconnecting`: the attempt about to be made, after `delay` ms, and what broke the connection. */
export interface ReconnectingEvent {
  attempt: number;
  delay: number;
  error: Error | undefined;
}

/** The events of one connection, as Redis and Subscriber forward them. */
export interface ConnectionEvents {
  /** The socket is connected (the handshake follows). */
  connect: [];
  /** The handshake is done: commands flow. */
  ready: [];
  reconnecting: [event: ReconnectingEvent];
  /** Closed for good (quit(), disconnect(), or reconnecting gave up). */
  end: [];
  /** A RESP3 push frame that is not a reply (client-side caching invalidations …). */
  push: [frame: unknown[]];
  error: [error: Error];
}

export type RedisEvents = ConnectionEvents;

export interface SubscriberEvents<T extends string | Buffer = string> extends ConnectionEvents {
  message: [channel: T, message: T];
  smessage: [channel: T, message: T];
  pmessage: [pattern: T, channel: T, message: T];
  /** Every subscription was renewed after a reconnect. */
  resubscribed: [subscribed: { channels: string[]; patterns: string[]; shardChannels: string[] }];
  /** A subscription confirmed: the channel and how many subscriptions the connection has now. */
  subscribe: [channel: T, count: number];
  psubscribe: [pattern: T, count: number];
  ssubscribe: [channel: T, count: number];
  /** null: an UNSUBSCRIBE with nothing to unsubscribe. */
  unsubscribe: [channel: T | null, count: number];
  punsubscribe: [pattern: T | null, count: number];
  sunsubscribe: [channel: T | null, count: number];
}

export interface RedisClusterEvents {
  redirect: [event: RedirectEvent];
  retry: [event: RetryEvent];
  refresh: [event: { shards: number }];
  /** A node connection's error (the cluster routes around it). */
  error: [error: Error];
  end: [];
}

export interface ClusterSubscriberEvents<T extends string | Buffer = string> {
  smessage: [channel: T, message: T];
  moved: [event: ShardChannelsMovedEvent];
  error: [error: Error];
  end: [];
}
