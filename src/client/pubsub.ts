import { EventEmitter } from 'node:events';
import type { ResolvedOptions } from '../connection/options.js';
import { ArgumentError, ClientClosedError, ReplyError } from '../errors.js';
import type { RedisArg } from '../resp/types.js';
import { PubSubCommand, SubscriberConnection, type PubSubFrame, type SubscriptionKind, type Wire } from './pubsub-connection.js';
import { EventQueue, type QueueFlow } from './pubsub-queue.js';
import { emitErrorIfListened, emitSafely, rethrowLater } from '../events.js';
import type { Listener, SubscriberEvents } from './typed-events.js';

export type { SubscriptionKind } from './pubsub-connection.js';

/** A published message. `T` is `string` (UTF-8 decoded) or `Buffer` (`pubsub({ buffers: true })`). */
export interface PubSubMessage<T extends string | Buffer = string> {
  kind: 'message' | 'pmessage' | 'smessage';
  channel: T;
  message: T;
  /** The pattern that matched (`pmessage` only). */
  pattern?: T;
}

/** A subscribe/unsubscribe confirmation: `count` is how many subscriptions the connection has now. */
export interface SubscriptionChange<T extends string | Buffer = string> {
  kind: SubscriptionKind;
  /** null for an UNSUBSCRIBE that found nothing to unsubscribe. */
  channel: T | null;
  count: number;
}

export type PubSubEvent<T extends string | Buffer = string> = PubSubMessage<T> | SubscriptionChange<T>;

/** A message as it came off the wire, before delivery. */
export type MessageFrame = Extract<PubSubFrame, { message: Wire }>;

/**
 * Sees each message before anyone else and delivers it — exactly once, with the message text to deliver —
 * by calling `deliver` (telemetry unwraps trace context there and runs the delivery inside a span).
 */
export type MessageInterceptor = (frame: MessageFrame, deliver: (message: Wire) => void) => void;

/** Called for each message on the channel (or pattern) it was registered with. */
export type MessageHandler<T extends string | Buffer = string> = (message: PubSubMessage<T>) => void;

export interface SubscriberOptions {
  /** Leave subscribe/unsubscribe confirmations out of `for await` loops (redis-py's ignore_subscribe_messages). Default false. */
  ignoreSubscribeMessages?: boolean;
  /**
   * Channels and messages as Buffers (binary-safe). The subscriber then speaks RESP2, because the RESP3 decoder
   * reads push frames as UTF-8 text.
   */
  buffers?: boolean;
  /**
   * Backpressure for `for await` loops: when this many events wait unread in a loop, the subscriber stops
   * reading its socket (Redis then buffers, up to its `client-output-buffer-limit pubsub`) and reads again once
   * the loop is down to half. Default 1,000. Handlers and events are never paused for: they run as messages arrive.
   */
  highWaterMark?: number;
}

const DEFAULT_HIGH_WATER_MARK = 1000;

export type SubscribeCommand = 'SUBSCRIBE' | 'PSUBSCRIBE' | 'SSUBSCRIBE' | 'UNSUBSCRIBE' | 'PUNSUBSCRIBE' | 'SUNSUBSCRIBE';
type Family = 'channel' | 'pattern' | 'shard';
type Channel = string | Buffer;
type SubscribeArgs<T extends string | Buffer> = [...channels: Channel[]] | [...channels: Channel[], handler: MessageHandler<T>];

interface Subscription<T extends string | Buffer> {
  /** The name as the caller gave it (re-sent after a reconnect). */
  name: Channel;
  handlers: Set<MessageHandler<T>>;
}

interface PendingCommand {
  family: Family;
  subscribing: boolean;
  keys: string[];
}

const COMMANDS: Record<Family, { on: SubscribeCommand; off: SubscribeCommand }> = {
  channel: { on: 'SUBSCRIBE', off: 'UNSUBSCRIBE' },
  pattern: { on: 'PSUBSCRIBE', off: 'PUNSUBSCRIBE' },
  shard: { on: 'SSUBSCRIBE', off: 'SUNSUBSCRIBE' },
};
const FAMILY_OF: Record<SubscribeCommand, Family> = {
  SUBSCRIBE: 'channel',
  UNSUBSCRIBE: 'channel',
  PSUBSCRIBE: 'pattern',
  PUNSUBSCRIBE: 'pattern',
  SSUBSCRIBE: 'shard',
  SUNSUBSCRIBE: 'shard',
};

const toCount = (frame: unknown): number => Number((frame as unknown[])[2]);

/**
 * A subscriber on its own connection (`redis.pubsub()`): subscribe to channels, patterns and shard channels,
 * with a handler per channel, events, or `for await (const msg of sub)`. After a reconnect every channel and
 * pattern is subscribed again (then `resubscribed` is emitted).
 *
 * Events: `message` (channel, message), `pmessage` (pattern, channel, message), `smessage` (channel, message),
 * `subscribe` / `unsubscribe` / `psubscribe` / … (channel, count), `resubscribed`, `ready`, `reconnecting`,
 * `error`, `end`, `push` (other RESP3 pushes).
 */
export class Subscriber<T extends string | Buffer = string> extends EventEmitter implements AsyncIterable<PubSubEvent<T>> {
  readonly connection: SubscriberConnection;
  private readonly buffers: boolean;
  private readonly ignoreSubscribeMessages: boolean;
  private readonly subscriptions: Record<Family, Map<string, Subscription<T>>> = { channel: new Map(), pattern: new Map(), shard: new Map() };
  private readonly pending = new Set<PendingCommand>();
  private readonly queues = new Set<EventQueue<PubSubEvent<T>>>();
  /** Loops over their high-water mark: while any is, the socket is not read. */
  private readonly fullQueues = new Set<EventQueue<PubSubEvent<T>>>();
  private readonly flow: QueueFlow<PubSubEvent<T>>;
  /** Set by OcRedis when it propagates trace context; undefined: messages are delivered as received. */
  messageInterceptor: MessageInterceptor | undefined = undefined;

  constructor(clientOptions: ResolvedOptions, options: SubscriberOptions = {}) {
    super();
    const highWaterMark = options.highWaterMark ?? DEFAULT_HIGH_WATER_MARK;
    if (!Number.isInteger(highWaterMark) || highWaterMark < 1) {
      throw new ArgumentError('Option highWaterMark must be a positive integer (events waiting in a for-await loop)');
    }
    this.flow = {
      highWaterMark,
      lowWaterMark: Math.floor(highWaterMark / 2),
      onFull: (queue) => {
        this.fullQueues.add(queue);
        if (this.fullQueues.size === 1) this.connection.pauseReading();
      },
      onDrain: (queue) => {
        if (this.fullQueues.delete(queue) && this.fullQueues.size === 0) this.connection.resumeReading();
      },
    };
    this.buffers = options.buffers === true;
    this.ignoreSubscribeMessages = options.ignoreSubscribeMessages === true;
    const protocol = this.buffers ? 2 : clientOptions.protocol;
    this.connection = new SubscriberConnection({ ...clientOptions, protocol, lazyConnect: true, ...SUBSCRIBER_HEALTH }, (frame) => this.onFrame(frame));
    for (const event of ['connect', 'reconnecting', 'push'] as const) {
      this.connection.on(event, (...payload: unknown[]) => this.emit(event, ...payload));
    }
    this.connection.on('ready', () => {
      // A new socket reads; a loop that is still full pauses it again (its resubscribe then waits for the loop).
      if (this.fullQueues.size > 0) this.connection.pauseReading();
      this.resubscribe();
      this.emit('ready');
    });
    this.connection.on('end', () => {
      for (const queue of this.queues) queue.end();
      this.queues.clear();
      this.fullQueues.clear();
      this.emit('end');
    });
    this.connection.on('error', (error: Error) => emitErrorIfListened(this, error));
  }

  get status(): SubscriberConnection['status'] {
    return this.connection.status;
  }

  /** Connects now (otherwise the first subscribe does). */
  connect(): Promise<void> {
    return this.connection.connect();
  }

  /** SUBSCRIBE channel …, with an optional handler for their messages. Resolves (with the subscription count) once confirmed. */
  subscribe(...args: SubscribeArgs<T>): Promise<number> {
    return this.add('channel', args);
  }

  /** PSUBSCRIBE pattern … (glob-style), with an optional handler for the matching messages. */
  psubscribe(...args: SubscribeArgs<T>): Promise<number> {
    return this.add('pattern', args);
  }

  /** SSUBSCRIBE shardchannel … (sharded pub/sub, Redis 7). */
  ssubscribe(...args: SubscribeArgs<T>): Promise<number> {
    return this.add('shard', args);
  }

  /** UNSUBSCRIBE the channels named, or every channel when none is named. Their handlers are dropped. */
  unsubscribe(...channels: Channel[]): Promise<number> {
    return this.remove('channel', channels);
  }

  punsubscribe(...patterns: Channel[]): Promise<number> {
    return this.remove('pattern', patterns);
  }

  sunsubscribe(...shardChannels: Channel[]): Promise<number> {
    return this.remove('shard', shardChannels);
  }

  /** PING on the subscriber connection (allowed while subscribed): 'PONG', or the message echoed. */
  ping(message?: RedisArg): Promise<string> {
    const decode = (reply: unknown): string => (Buffer.isBuffer(reply) ? reply.toString('utf8') : String(reply));
    return this.enqueue(new PubSubCommand('PING', message === undefined ? [] : [message], 1, decode));
  }

  /** What this subscriber is subscribed to (or about to be), by family. */
  get subscribed(): { channels: string[]; patterns: string[]; shardChannels: string[] } {
    const { channel, pattern, shard } = this.subscriptions;
    return { channels: [...channel.keys()], patterns: [...pattern.keys()], shardChannels: [...shard.keys()] };
  }

  /**
   * Sends one (P|S)(UN)SUBSCRIBE. The single network method of the subscriber (telemetry wraps it); resolves
   * with the subscription count from the last confirmation.
   */
  sendSubscription(command: SubscribeCommand, names: readonly RedisArg[]): Promise<number> {
    const family = FAMILY_OF[command];
    const subscribing = command === COMMANDS[family].on;
    let wire: PubSubCommand<number>;
    try {
      wire = new PubSubCommand(command, names, Math.max(1, names.length), toCount);
    } catch (error) {
      return Promise.reject(error);
    }
    // Idempotent, so a command lost with the connection is simply sent again after the reconnect.
    wire.retryable = true;
    const pending: PendingCommand = { family, subscribing, keys: names.map(keyOf) };
    this.pending.add(pending);
    return this.enqueue(wire).then(
      (count) => {
        this.pending.delete(pending);
        return count;
      },
      (error: unknown) => {
        this.pending.delete(pending);
        // Refused by the server (ACL …): the subscription does not exist, so don't restore it on reconnect.
        if (subscribing && error instanceof ReplyError) for (const key of pending.keys) this.subscriptions[family].delete(key);
        throw error;
      },
    );
  }

  /** Events as they arrive (messages, and confirmations unless ignoreSubscribeMessages). Ends when the subscriber closes. */
  [Symbol.asyncIterator](): AsyncIterableIterator<PubSubEvent<T>> {
    const queue = new EventQueue<PubSubEvent<T>>((q) => this.queues.delete(q), this.flow);
    if (this.connection.status === 'end') queue.end();
    else this.queues.add(queue);
    return queue;
  }

  /** Like iterating the subscriber, but messages only. */
  async *messages(): AsyncGenerator<PubSubMessage<T>, void, undefined> {
    for await (const event of this) if (isMessage(event)) yield event;
  }

  /** Events waiting unread in the fullest `for await` loop (at most about highWaterMark plus one socket read). */
  get buffered(): number {
    let most = 0;
    for (const queue of this.queues) most = Math.max(most, queue.size);
    return most;
  }

  /** Closes the connection after pending commands (subscriptions end with it). Reading resumes, so QUIT's reply arrives. */
  quit(): Promise<'OK'> {
    this.connection.resumeReading();
    return this.connection.quit();
  }

  /** Closes the connection now. */
  disconnect(): void {
    this.connection.disconnect();
  }

  // ---- internals --------------------------------------------------------------------------------------------

  private add(family: Family, args: SubscribeArgs<T>): Promise<number> {
    const last = args[args.length - 1];
    const handler = typeof last === 'function' ? last : undefined;
    const names = (handler === undefined ? args : args.slice(0, -1)) as Channel[];
    if (names.length === 0) return Promise.reject(new ArgumentError(`${COMMANDS[family].on}: at least one name is required`));
    for (const name of names) {
      if (typeof name !== 'string' && !Buffer.isBuffer(name)) {
        return Promise.reject(new ArgumentError(`${COMMANDS[family].on}: names must be strings or Buffers`));
      }
    }
    const map = this.subscriptions[family];
    for (const name of names) {
      const key = keyOf(name);
      let entry = map.get(key);
      if (entry === undefined) map.set(key, (entry = { name, handlers: new Set() }));
      if (handler !== undefined) entry.handlers.add(handler);
    }
    return this.sendSubscription(COMMANDS[family].on, names);
  }

  private remove(family: Family, names: Channel[]): Promise<number> {
    const map = this.subscriptions[family];
    // Named explicitly, so the number of confirmations to expect is known.
    const targets = names.length > 0 ? names : [...map.values()].map((entry) => entry.name);
    for (const name of targets) map.delete(keyOf(name));
    if (targets.length === 0) return Promise.resolve(this.subscriptionCount());
    return this.sendSubscription(COMMANDS[family].off, targets);
  }

  private enqueue<R>(command: PubSubCommand<R>): Promise<R> {
    if (this.connection.status === 'end') return Promise.reject(new ClientClosedError('The subscriber is closed'));
    this.connection.enqueue(command);
    return command.promise;
  }

  /** After a reconnect: subscribe again to everything not already on its way. */
  private resubscribe(): void {
    const sends: Promise<number>[] = [];
    for (const family of ['channel', 'pattern', 'shard'] as const) {
      const underway = new Set<string>();
      for (const pending of this.pending) if (pending.family === family && pending.subscribing) for (const key of pending.keys) underway.add(key);
      const names = [...this.subscriptions[family]].filter(([key]) => !underway.has(key)).map(([, entry]) => entry.name);
      if (names.length > 0) sends.push(this.sendSubscription(COMMANDS[family].on, names));
    }
    if (sends.length === 0) return;
    Promise.all(sends).then(
      () => this.emit('resubscribed', this.subscribed),
      (error: unknown) => emitErrorIfListened(this, error instanceof Error ? error : new Error(String(error))),
    );
  }

  private onFrame(frame: PubSubFrame): void {
    if (frame.kind === 'message' || frame.kind === 'smessage' || frame.kind === 'pmessage') {
      const intercept = this.messageInterceptor;
      if (intercept === undefined) this.deliver(frame, frame.message);
      else intercept(frame, (message) => this.deliver(frame, message));
      return;
    }
    const confirmation = frame as Extract<PubSubFrame, { count: number }>;
    const change: SubscriptionChange<T> = { kind: confirmation.kind, channel: confirmation.channel === null ? null : this.decode(confirmation.channel), count: confirmation.count };
    emitSafely(this, frame.kind, change.channel, change.count);
    if (!this.ignoreSubscribeMessages) for (const queue of this.queues) queue.push(change);
  }

  /** Hands a message to its handlers, listeners and loops. */
  private deliver(frame: MessageFrame, wireMessage: Wire): void {
    if (frame.kind === 'pmessage') {
      const message: PubSubMessage<T> = { kind: 'pmessage', pattern: this.decode(frame.pattern), channel: this.decode(frame.channel), message: this.decode(wireMessage) };
      this.dispatch(this.subscriptions.pattern.get(keyOf(frame.pattern)), message);
      emitSafely(this, 'pmessage', message.pattern, message.channel, message.message);
      return;
    }
    const message: PubSubMessage<T> = { kind: frame.kind, channel: this.decode(frame.channel), message: this.decode(wireMessage) };
    this.dispatch(this.subscriptions[frame.kind === 'message' ? 'channel' : 'shard'].get(keyOf(frame.channel)), message);
    emitSafely(this, frame.kind, message.channel, message.message);
  }

  private dispatch(subscription: Subscription<T> | undefined, message: PubSubMessage<T>): void {
    if (subscription !== undefined) {
      for (const handler of subscription.handlers) {
        try {
          handler(message);
        } catch (error) {
          rethrowLater(error);
        }
      }
    }
    for (const queue of this.queues) queue.push(message);
  }

  private decode(wire: Wire): T {
    if (this.buffers) return (Buffer.isBuffer(wire) ? wire : Buffer.from(wire)) as T;
    return (typeof wire === 'string' ? wire : wire.toString('utf8')) as T;
  }

  private subscriptionCount(): number {
    const { channel, pattern, shard } = this.subscriptions;
    return channel.size + pattern.size + shard.size;
  }
}

function keyOf(name: RedisArg | Wire): string {
  return typeof name === 'string' ? name : Buffer.isBuffer(name) ? name.toString('utf8') : String(name);
}

function isMessage<T extends string | Buffer>(event: PubSubEvent<T>): event is PubSubMessage<T> {
  return event.kind === 'message' || event.kind === 'pmessage' || event.kind === 'smessage';
}


/**
 * A subscriber is idle by design (it waits for messages) and RESP2 answers PING in subscribed mode with a
 * frame shaped like a message: pingInterval and socketTimeout apply to command connections only.
 */
const SUBSCRIBER_HEALTH = { pingInterval: 0, socketTimeout: 0 } as const;

// Listener types for the events above.
export interface Subscriber<T extends string | Buffer = string> {
  on<K extends keyof SubscriberEvents<T> & string>(event: K, listener: Listener<SubscriberEvents<T>[K]>): this;
  on<S extends string | symbol>(event: S & (S extends keyof SubscriberEvents<T> ? never : S), listener: (...args: any[]) => void): this;
  once<K extends keyof SubscriberEvents<T> & string>(event: K, listener: Listener<SubscriberEvents<T>[K]>): this;
  once<S extends string | symbol>(event: S & (S extends keyof SubscriberEvents<T> ? never : S), listener: (...args: any[]) => void): this;
  off<K extends keyof SubscriberEvents<T> & string>(event: K, listener: Listener<SubscriberEvents<T>[K]>): this;
  off<S extends string | symbol>(event: S & (S extends keyof SubscriberEvents<T> ? never : S), listener: (...args: any[]) => void): this;
}
