// ioredis's `Redis` class, as an adapter over the core Redis (or OcRedis, in the observed flavour).
import type { Socket } from 'node:net';
import { Redis as CoreRedis } from '../client/redis.js';
import type { Monitor } from '../client/monitor.js';
import type { Subscriber } from '../client/pubsub.js';
import { getCommandInfo } from '../commands/command-info.js';
import type { RedisArg } from '../resp/types.js';
import type { RedisOptions } from '../connection/options.js';
import { ArgumentError, ConnectionClosedError, RedisError } from '../errors.js';
import type { ReconnectingEvent } from '../client/typed-events.js';
import { OcRedis as CoreOcRedis } from '../otel/oc-redis.js';
import { instrumentClient } from '../otel/instrument-client.js';
import { SentinelRedis, type SentinelOptions } from '../sentinel/sentinel-redis.js';
import type { OcRedisTelemetryOptions } from '../otel/options.js';
import { ioArguments, splitCallback, withCallback, type NodeCallback } from './arguments.js';
import { AutoPipelineQueue } from './auto-pipeline-queue.js';
import { IoClient } from './client-base.js';
import { resolveIoArgs, type IoRedisOptions } from './constructor-args.js';
import { MonitorEmitter } from './monitor.js';
import { relayMessages, runSubscription, type SubscribeMethod } from './pubsub.js';
import type { IoCommands } from './types.js';

export type { IoRedisOptions };

/** ioredis's connection states. */
/** The core's events that end a handshake, one way or another. */
const HANDSHAKE_END_EVENTS = ['ready', 'reconnecting', 'end'] as const;

/** What ioredis lets a subscribed client send. */
const VALID_IN_SUBSCRIBER_MODE: ReadonlySet<string> = new Set(['SUBSCRIBE', 'PSUBSCRIBE', 'SSUBSCRIBE', 'UNSUBSCRIBE', 'PUNSUBSCRIBE', 'SUNSUBSCRIBE', 'PING', 'QUIT']);

export type IoRedisStatus = 'wait' | 'connecting' | 'connect' | 'ready' | 'close' | 'reconnecting' | 'end';

export class Redis extends IoClient<CoreRedis> {
  /** ioredis's `Redis.Cluster` (set by the entry's index, which imports both). */
  static Cluster: typeof import('./cluster.js').Cluster;
  /** The observed Cluster of this entry. */
  static OcCluster: typeof import('./cluster.js').OcCluster;
  /** The options as given (ioredis names), merged from the constructor arguments. */
  readonly options: IoRedisOptions;
  private subscriber: Subscriber<Buffer> | undefined;
  /** Set while disconnect(true) reopens the subscriber's connection. */
  private subscriberReconnecting: Promise<void> | undefined;

  constructor();
  constructor(port: number, host?: string, options?: IoRedisOptions);
  constructor(port: number, options?: IoRedisOptions);
  constructor(urlOrPath: string, options?: IoRedisOptions);
  constructor(options: IoRedisOptions);
  constructor(...args: unknown[]) {
    const { telemetry, rest } = takeTelemetry(args);
    const resolved = resolveIoArgs(rest);
    const factory = new.target as unknown as { createCore(options: RedisOptions, telemetry: OcRedisTelemetryOptions | undefined, sentinel: SentinelOptions | undefined): CoreRedis };
    super(factory.createCore(resolved.core, telemetry, resolved.sentinel), resolved.stringNumbers, resolved.scripts);
    this.options = telemetry === undefined ? resolved.given : ({ ...resolved.given, telemetry } as IoRedisOptions);
    this.selectedDb = resolved.core.db ?? 0;
    if (resolved.given.enableAutoPipelining === true) this.autoPipeline = new AutoPipelineQueue(resolved.given.autoPipeliningIgnoredCommands);
  }

  /** The core client of this flavour: Redis, or SentinelRedis when `sentinels` is given (OcRedis: observed). */
  protected static createCore(options: RedisOptions, telemetry: OcRedisTelemetryOptions | undefined, sentinel: SentinelOptions | undefined): CoreRedis {
    if (telemetry !== undefined) throw new ArgumentError("Redis: 'telemetry' is an option of OcRedis (import { OcRedis } from 'ocredis/ioredis')");
    return sentinel !== undefined ? new SentinelRedis(sentinel) : new CoreRedis(options);
  }

  /**
   * ioredis's `stream`: the socket of the client's connection (undefined while there is none). Ending or
   * destroying it is a lost connection: the client reconnects.
   */
  get stream(): Socket | undefined {
    return this.core.connection.currentSocket;
  }

  /** ioredis's status: wait, connecting, connect, ready, close, reconnecting, end. */
  get status(): IoRedisStatus {
    const status = this.core.status;
    return status === 'closing' ? 'close' : status;
  }

  /** A new client with the same options (and overrides), on its own connection. */
  duplicate(overrides: IoRedisOptions = {}): this {
    const Ctor = this.constructor as new (options: IoRedisOptions) => this;
    return new Ctor({ ...this.options, ...overrides });
  }

  /**
   * MONITOR on a connection of its own: resolves to a client in monitor mode, an emitter of 'monitor' (time,
   * args, source, database) whose commands reject.
   */
  monitor(callback?: NodeCallback<MonitorEmitter>): Promise<MonitorEmitter> {
    const open = (): Promise<Monitor> => this.core.monitor();
    return withCallback(
      open().then((monitor) => new MonitorEmitter(monitor, open)),
      callback,
    );
  }

  subscribe(...params: unknown[]): Promise<number> {
    return this.subscription('subscribe', params);
  }

  psubscribe(...params: unknown[]): Promise<number> {
    return this.subscription('psubscribe', params);
  }

  ssubscribe(...params: unknown[]): Promise<number> {
    return this.subscription('ssubscribe', params);
  }

  unsubscribe(...params: unknown[]): Promise<number> {
    return this.subscription('unsubscribe', params);
  }

  punsubscribe(...params: unknown[]): Promise<number> {
    return this.subscription('punsubscribe', params);
  }

  sunsubscribe(...params: unknown[]): Promise<number> {
    return this.subscription('sunsubscribe', params);
  }

  override quit(callback?: NodeCallback<'OK'>): Promise<'OK'> {
    const subscriber = this.subscriber;
    this.subscriber = undefined;
    this.subscriptionCount = 0;
    return this.endAfter(withCallback(Promise.all([super.quit(), subscriber?.quit()]).then(([reply]) => reply), callback));
  }

  /** quit() with ioredis's Buffer reply: the client's own graceful close, not a QUIT sent as a command. */
  quitBuffer(callback?: NodeCallback<Buffer>): Promise<Buffer> {
    return withCallback(this.quit().then((reply) => Buffer.from(reply)), callback);
  }

  /**
   * Connects (with lazyConnect, or after disconnect() / quit()), as ioredis does: rejects when already
   * connecting or connected, and when the first attempt fails (the client then goes on reconnecting, as
   * retryStrategy says).
   */
  override connect(callback?: NodeCallback<void>): Promise<void> {
    const status = this.core.status;
    if (status === 'connecting' || status === 'connect' || status === 'ready') {
      return withCallback(Promise.reject(new RedisError('Redis is already connecting/connected', 'EALREADYCONNECTED')), callback);
    }
    const core = this.core;
    // As ioredis: a connection that closes before it is ready rejects with 'Connection is closed.' (the why
    // is the error's cause, and was emitted as 'error').
    const closed = (cause: unknown): ConnectionClosedError => new ConnectionClosedError('Connection is closed.', { cause });
    const attempt = new Promise<void>((resolve, reject) => {
      const onReconnecting = (event: ReconnectingEvent): void => {
        reject(closed(event.error));
      };
      core.once('reconnecting', onReconnecting);
      core.connect().then(
        () => {
          core.off('reconnecting', onReconnecting);
          resolve();
        },
        (error: unknown) => {
          core.off('reconnecting', onReconnecting);
          reject(closed(error));
        },
      );
    });
    return withCallback(attempt, callback);
  }

  /**
   * Closes (the subscriptions' connection too) as ioredis does, by half-closing: replies already on their way
   * still resolve their commands. With `reconnect`: closes now, connects again and subscribes again.
   */
  override disconnect(reconnect = false): void {
    if (this.core.status === 'reconnecting') this.closeOwed = false; // no attempt since the last 'close'
    const subscriber = this.subscriber;
    if (!reconnect) {
      this.subscriber = undefined;
      this.subscriptionCount = 0;
      subscriber?.disconnect();
      this.core.disconnect({ afterReplies: true });
      return;
    }
    this.core.disconnect();
    if (subscriber !== undefined) {
      // ioredis has subscribed again by its 'ready': that 'ready' waits for the subscriber to be back.
      const { channels, patterns, shardChannels } = subscriber.subscribed;
      subscriber.disconnect();
      const reopened = subscriber.connect();
      if (channels.length + patterns.length + shardChannels.length > 0) {
        // Not on 'end': the closing connection emits it. A new connection that fails opens the gate too.
        this.readyGate = new Promise<void>((resolve) => {
          subscriber.once('resubscribed', () => resolve());
          reopened.catch(() => resolve());
        });
      }
      const subscriberBack = reopened.catch(() => undefined);
      this.subscriberReconnecting = subscriberBack;
      void subscriberBack.then(() => {
        if (this.subscriberReconnecting === subscriberBack) this.subscriberReconnecting = undefined;
      });
    }
    const back = this.core.connect().catch(() => undefined);
    this.reconnecting = back;
    void back.then(() => {
      if (this.reconnecting === back) this.reconnecting = undefined;
    });
  }

  /**
   * ioredis's mode. With `protocol: 2` (ioredis 5's behaviour, ioredis 6's on RESP2) 'subscriber' from a
   * subscribe call until the last unsubscribe, and other commands are refused meanwhile, as ioredis refuses
   * them — though the subscriptions have a connection of their own here. Otherwise always 'normal', and a
   * subscribed client keeps running commands, as with ioredis 6's default (RESP3): code written for either
   * runs unchanged.
   */
  get mode(): 'normal' | 'subscriber' {
    if (this.options.protocol !== 2) return 'normal';
    return this.subscriptionsPending > 0 || this.subscriptionCount > 0 ? 'subscriber' : 'normal';
  }

  /**
   * With `enableOfflineQueue: false`, ioredis still takes the commands a loading server runs (SELECT, CLIENT,
   * INFO …) while the handshake is under way ('connect'), as from a 'connect' listener: they wait for the
   * handshake's end here, then go through the usual check (sent when ready, refused otherwise).
   */
  protected override heldForHandshake(name: string, firstArg: RedisArg | undefined): Promise<void> | undefined {
    if (this.options.enableOfflineQueue !== false || this.core.status !== 'connect') return undefined;
    if (getCommandInfo(name, firstArg)?.flags.includes('loading') !== true) return undefined;
    return new Promise<void>((resolve) => {
      const settle = (): void => {
        for (const event of HANDSHAKE_END_EVENTS) this.core.off(event, settle);
        resolve();
      };
      for (const event of HANDSHAKE_END_EVENTS) this.core.once(event, settle);
    });
  }

  protected override commandRefusal(name: string, args: readonly RedisArg[]): RedisError | undefined {
    // The replies' shapes depend on the connection's RESP version: a HELLO must not switch it under them.
    if (name === 'HELLO' && args.length > 0 && String(args[0]) !== String(this.core.protocol)) {
      return new ArgumentError(`hello: this client speaks RESP${this.core.protocol} for its reply shapes; choose RESP3 with the options protocol: 3 and replyMapping: 'resp3'`);
    }
    // While disconnect(true) reconnects, ioredis is out of subscriber mode until it has subscribed again.
    if (this.mode !== 'subscriber' || this.subscriberReconnecting !== undefined || VALID_IN_SUBSCRIBER_MODE.has(name)) return undefined;
    return new RedisError('Connection in subscriber mode, only subscriber commands may be used', 'ESUBSCRIBERMODE');
  }

  /** Subscribe-family calls not answered yet. */
  private subscriptionsPending = 0;
  /** Channels, patterns and shard channels subscribed, as the last answered call counted them. */
  private subscriptionCount = 0;

  private subscription(method: SubscribeMethod, params: unknown[]): Promise<number> {
    const { params: names, callback } = splitCallback(params);
    let promise: Promise<number>;
    if (this.subscriber === undefined && method.includes('unsubscribe')) {
      promise = Promise.resolve(0);
    } else {
      if (this.subscriber === undefined) {
        this.subscriber = this.core.pubsub({ buffers: true });
        relayMessages(this.subscriber, this);
      }
      const subscriber = this.subscriber;
      const run = (): Promise<number> => {
        try {
          return runSubscription(subscriber, method, ioArguments('SUBSCRIBE', names));
        } catch (error) {
          return Promise.reject(error);
        }
      };
      // During disconnect(true) the subscriber's closed connection would refuse it: it waits for the new one.
      const reconnecting = this.subscriberReconnecting;
      promise = reconnecting === undefined ? run() : reconnecting.then(run);
    }
    this.subscriptionsPending++;
    promise = promise.then(
      (count) => {
        this.subscriptionsPending--;
        this.subscriptionCount = count;
        return count;
      },
      (error: unknown) => {
        this.subscriptionsPending--;
        throw error;
      },
    );
    // With stringNumbers the count is text, as every integer reply (ioredis).
    if (this.stringNumbers) promise = promise.then((count) => String(count) as unknown as number);
    return withCallback(promise, callback);
  }
}

// The command methods are installed on the prototype (commands.ts); this gives them their types. The
// hand-written methods (subscribe, monitor, quit …) keep their own signatures.
type Handwritten = 'subscribe' | 'psubscribe' | 'ssubscribe' | 'unsubscribe' | 'punsubscribe' | 'sunsubscribe' | 'monitor' | 'quit' | 'quitBuffer' | 'watch' | 'unwatch' | 'multi' | 'connect' | 'disconnect';
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Redis extends Omit<IoCommands, Handwritten> {}

export interface OcIoRedisOptions extends IoRedisOptions {
  /** How calls are observed (providers, redaction, hooks …), as for OcRedis of 'ocredis'. */
  telemetry?: OcRedisTelemetryOptions;
}

/** The observed flavour: every call is a span and a metrics record, through the core's OcRedis. */
export class OcRedis extends Redis {
  constructor();
  constructor(port: number, host?: string, options?: OcIoRedisOptions);
  constructor(port: number, options?: OcIoRedisOptions);
  constructor(urlOrPath: string, options?: OcIoRedisOptions);
  constructor(options: OcIoRedisOptions);
  constructor(...args: unknown[]) {
    // Redis's constructor reads the arguments (and takes `telemetry` out) for any subclass.
    super(...(args as [IoRedisOptions]));
  }

  protected static override createCore(options: RedisOptions, telemetry: OcRedisTelemetryOptions | undefined, sentinel: SentinelOptions | undefined): CoreRedis {
    // A Sentinel client is observed by the same proxy OcRedis returns (calls and batches; no connection metrics).
    if (sentinel !== undefined) return instrumentClient(new SentinelRedis(sentinel), telemetry);
    return new CoreOcRedis({ ...options, ...(telemetry !== undefined ? { telemetry } : {}) });
  }
}

/** The `telemetry` key of an options argument (OcRedis's), taken out before the ioredis options are read. */
function takeTelemetry(args: unknown[]): { telemetry: OcRedisTelemetryOptions | undefined; rest: unknown[] } {
  let telemetry: OcRedisTelemetryOptions | undefined;
  const rest = args.map((arg) => {
    if (typeof arg !== 'object' || arg === null || !('telemetry' in arg)) return arg;
    const { telemetry: given, ...others } = arg as { telemetry?: OcRedisTelemetryOptions };
    telemetry = given;
    return others;
  });
  return { telemetry, rest };
}
