import { ConnectTrace } from '../diagnostics/channels.js';
import { EventEmitter } from 'node:events';
import type { Socket } from 'node:net';
import {
  AskError,
  ClientClosedError,
  CommandOutcomeUnknownError,
  CommandTimeoutError,
  ConnectTimeoutError,
  ConnectionClosedError,
  MovedError,
  OfflineQueueFullError,
  CommandAbortedError,
  ProtocolError,
  RedisError,
  ReplyError,
} from '../errors.js';
import { isReadOnly } from '../commands/key-positions.js';
import { RespDecoder, type DecoderHandlers } from '../resp/decoder.js';
import { encodeCommand } from '../resp/encoder.js';
import type { RedisArg } from '../resp/types.js';
import { Command, CommandState, type ReplyTransform } from './command.js';
import type { CommandObserver } from './command-observer.js';
import { hasCallOptions, type CancelError } from './call-options.js';
import { optionsOf, watchWith, type CallWatch } from './call-watch.js';
import { Fifo } from './fifo.js';
import type { ResolvedOptions } from './options.js';
import { reconnectDelay } from './reconnect.js';
import { openSocket } from './socket-factory.js';
import { emitErrorIfListened, emitSafely } from '../events.js';
import { pairsToObject } from '../pairs-to-object.js';
import { isTransientHandshakeError } from '../transient-errors.js';
import { PACKAGE_NAME, PACKAGE_VERSION } from '../version.js';

/**
 * - `wait`: created with lazyConnect, nothing opened yet
 * - `connecting`: socket opening; `connect`: socket open, handshake running; `ready`: commands flow
 * - `reconnecting`: waiting out a back-off delay; `closing`: quit() sent; `end`: closed for good
 */
export type ConnectionStatus = 'wait' | 'connecting' | 'connect' | 'ready' | 'reconnecting' | 'closing' | 'end';

export interface ServerHello {
  server?: string;
  version?: string;
  proto?: number;
  id?: number;
  mode?: string;
  role?: string;
}

/**
 * One socket to one server: handshake, automatic pipelining (everything queued in one event-loop turn goes
 * out in one write), in-order reply matching, timeouts, reconnects, and the delivery promises of DESIGN §3.
 */
export class Connection extends EventEmitter implements DecoderHandlers {
  status: ConnectionStatus = 'wait';
  /** The RESP version in use (3 after a successful HELLO 3, else 2). */
  protocol: 2 | 3;
  /** The database index in use; follows successful SELECTs so reconnects and telemetry agree with the server. */
  db: number;
  /** What the server said in reply to HELLO (empty on servers without HELLO). */
  hello: ServerHello = {};
  /**
   * Runs before every connection attempt, first and reconnects alike (Sentinel asks where the master is now
   * and updates `options.host`/`port`). A rejection counts as a failed attempt.
   */
  beforeConnect: (() => Promise<void>) | undefined = undefined;

  private socket: Socket | undefined;
  /** The connection attempt being published on ocredis:connect, until it is ready or fails. */
  private connectTrace: ConnectTrace | undefined;
  private readonly decoder: RespDecoder;
  /** Not yet written: the offline queue while not ready, the current turn's batch when ready. */
  private readonly unsent = new Fifo<Command<any>>();
  /** Written and awaiting replies, in the order the server will answer. Protected: SubscriberConnection peeks at the head. */
  protected readonly inflight = new Fifo<Command<any>>();
  private flushScheduled = false;
  /**
   * An AUTH or HELLO is written alone: set while one waits for the replies owed before it, or for its own reply.
   * Redis 7.4.1 and Valkey 8.0.1 (not 7.0.15) send no reply to a failed AUTH / HELLO … AUTH when more commands
   * follow it in the same read, which would hand every later reply to the wrong caller; written alone, it is
   * always answered.
   */
  private isolating = false;
  private reconnectAttempt = 0;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private connectTimer: NodeJS.Timeout | undefined;
  private timeoutTimer: NodeJS.Timeout | undefined;
  private lastError: Error | undefined;
  /** Commands the server answered with -LOADING, waiting to be sent again. */
  private readonly loadingHeld: Command<any>[] = [];
  private loadingTimer: NodeJS.Timeout | undefined;
  /** Set after a protocol error until the next socket: bytes still buffered in the decoder are ignored. */
  private discarding = false;
  /** How many times the connection became ready (each time on a new socket); 0: never yet. */
  private readySockets = 0;
  /** Failed connection attempts since the connection was last ready. */
  private failedAttempts = 0;
  /**
   * The session the application set up with commands, restored on every new socket (reconnect or reopen):
   * the RESP version of the last HELLO (or RESET), and the arguments of a CLIENT TRACKING ON still in force.
   */
  private sessionProtocol: 2 | 3;
  private trackingArgs: readonly RedisArg[] | undefined = undefined;
  /** The client-side cache of this connection's client (see src/cache): told of pushes and of tracking changes. */
  private trackingObserver: TrackingObserver | undefined = undefined;
  /** quit() was called during a connection attempt: when it fails, end quietly instead of reconnecting. */
  private quitRequested = false;
  /** Replies received so far: how the stall check sees whether the server is still answering. */
  private repliesReceived = 0;
  /** Since when the head of the reply order has been a timed-out command with no reply arriving (see checkTimeouts). */
  private stall: { replies: number; since: number } | undefined = undefined;
  /** false after unref(): the socket and the reconnect timers don't keep the process alive. */
  private referenced = true;
  /** pingInterval: the idle check's timer, and the reply count it saw last (no new reply = idle since). */
  private pingTimer: NodeJS.Timeout | undefined;
  private repliesAtLastPingCheck = -1;
  /** A blocking command is waiting on this connection: socketTimeout is suspended (see setBlockingWait). */
  private blockingWait = false;
  /**
   * reconnectOnError asked for a reconnect: nothing more is written; once the replies already owed have
   * arrived, the socket is closed and the connection reconnects. `errorResends` are the commands to send
   * again on the new connection (their error replies said they did not run).
   */
  private drainingForReconnect: ReplyError | undefined = undefined;
  private readonly errorResends: Command<any>[] = [];
  private readonly flushBound = () => this.flush();
  private readonly checkTimeoutsBound = () => this.checkTimeouts();

  constructor(readonly options: ResolvedOptions) {
    super();
    this.protocol = options.protocol;
    this.sessionProtocol = options.protocol;
    this.db = options.db;
    const { maxBulkLength, maxAggregateLength, maxDepth } = options;
    this.decoder = new RespDecoder(this, { maxBulkLength, maxAggregateLength, maxDepth });
  }

  // ---- public API ---------------------------------------------------------------------------------------

  /**
   * The number (from 1) of the socket a command sent now is written on: the current one when ready, else the
   * next. A new socket may reach a restarted server that lost its script cache (registered scripts use it).
   */
  get nextCommandSocket(): number {
    return this.status === 'ready' ? this.readySockets : this.readySockets + 1;
  }

  /** Starts connecting (if not started) without waiting. */
  start(): void {
    if (this.status === 'wait') this.openSocket();
  }

  /**
   * Opens the connection if it is not open or opening; resolves when ready. After quit() or disconnect() it
   * opens it again (waiting for a quit() in progress to finish), with the session the connection tracks
   * (database, protocol, client tracking), as a reconnect would.
   */
  connect(): Promise<void> {
    if (this.status === 'ready') return Promise.resolve();
    // Still closing (quit() under way, or disconnect()'s socket not closed yet, its commands not settled): a new
    // socket now would hand its replies to the old commands.
    const closing = this.status === 'closing' || (this.status === 'end' && this.socket !== undefined);
    if (closing) return new Promise<void>((resolve) => this.once('end', () => resolve())).then(() => this.connect());
    if (this.status === 'end') this.reopen();
    const ready = new Promise<void>((resolve, reject) => {
      const settle = (error: Error | undefined) => {
        this.off('ready', onReady);
        this.off('end', onEnd);
        this.off(CONNECT_FAILED, onFailed);
        if (error === undefined) resolve();
        else reject(error);
      };
      const onReady = () => settle(undefined);
      const onEnd = () => settle(this.lastError ?? new ClientClosedError());
      // Queued commands were given up on (wrong password, server unreachable): so is this wait.
      const onFailed = (error: Error) => settle(error);
      this.once('ready', onReady);
      this.once('end', onEnd);
      this.once(CONNECT_FAILED, onFailed);
    });
    if (this.status === 'wait') this.openSocket();
    return ready;
  }

  /**
   * Turns on CLIENT TRACKING (default mode: the keys this connection reads) at every handshake from now on,
   * and tells `observer` of every push and of every change of whether tracking is live (see trackingLive).
   */
  observeTracking(observer: TrackingObserver): void {
    this.trackingObserver = observer;
    this.trackingArgs = [];
  }

  /**
   * Whether invalidation pushes now reach this connection for every key it reads: ready, RESP3, and CLIENT
   * TRACKING ON in the default mode (not OPTIN / OPTOUT / BCAST / NOLOOP / REDIRECT, which skip some keys).
   */
  get trackingLive(): boolean {
    return this.status === 'ready' && this.socket !== undefined && this.protocol === 3 && this.trackingArgs !== undefined && this.trackingArgs.length === 0;
  }

  /** Back to 'wait' after the end, as if new; commands are refused (ClientClosedError) until this is called. */
  private reopen(): void {
    this.setStatus('wait');
    this.reconnectAttempt = 0;
    this.failedAttempts = 0;
    this.lastError = undefined;
    this.quitRequested = false;
    this.stall = undefined;
  }

  /** Builds, queues and returns a command's promise. Bad arguments reject before anything is queued. */
  send<T>(name: string, args: readonly RedisArg[], returnBuffers = false, transform?: ReplyTransform<T>): Promise<T> {
    let command: Command<T>;
    try {
      command = new Command<T>(name, args, encodeCommand(name, args), returnBuffers, transform);
    } catch (error) {
      return Promise.reject(error);
    }
    this.enqueue(command);
    return command.promise;
  }

  /**
   * send() for an observed call: `observer` hears about the command's LOADING waits and re-sends; with
   * per-call options (or its share of a call's group) if given.
   */
  sendObserved<T>(name: string, args: readonly RedisArg[], returnBuffers: boolean, transform: ReplyTransform<T> | undefined, options: CallWatch | undefined, observer: CommandObserver): Promise<T> {
    let command: Command<T>;
    try {
      command = new Command<T>(name, args, encodeCommand(name, args), returnBuffers, transform);
    } catch (error) {
      return Promise.reject(error);
    }
    command.observer = observer;
    if (options === undefined) this.enqueue(command);
    else this.enqueueCall([command], options);
    return command.promise;
  }

  /** send() with per-call options (a signal that cancels it, a timeout of its own), or its share of a call's group. */
  sendWith<T>(name: string, args: readonly RedisArg[], returnBuffers: boolean, transform: ReplyTransform<T> | undefined, options: CallWatch): Promise<T> {
    let command: Command<T>;
    try {
      command = new Command<T>(name, args, encodeCommand(name, args), returnBuffers, transform);
    } catch (error) {
      return Promise.reject(error);
    }
    this.enqueueCall([command], options);
    return command.promise;
  }

  /**
   * Queues the commands of one call (one command, or a batch's commands in order) under per-call options. On
   * cancellation (signal aborted, or the call's own timeout expired) every command of the call still pending
   * settles at once: unsent ones leave the queue and are never written; written ones reject but stay in the
   * reply order as settled placeholders, so their replies are consumed and never handed to a later command.
   */
  enqueueCall(commands: readonly Command<any>[], watch: CallWatch | undefined): void {
    const options = watch === undefined ? undefined : optionsOf(watch);
    if (watch === undefined || !hasCallOptions(options)) {
      for (const command of commands) this.enqueue(command);
      return;
    }
    const signal = options.signal;
    if (signal?.aborted === true) {
      for (const command of commands) command.reject(new CommandAbortedError(command.name, signal.reason, false));
      return;
    }
    for (const command of commands) this.enqueue(command);
    const live = commands.filter((command) => command.state !== CommandState.Settled);
    if (live.length === 0) return;
    // The call's own timeout replaces commandTimeout for these commands.
    if (options.timeout !== undefined) for (const command of live) command.deadline = 0;
    const stop = watchWith(watch, (error) => this.cancel(live, error));
    let pending = live.length;
    const settledOne = (): void => {
      if (--pending === 0) stop();
    };
    for (const command of live) command.afterSettle = settledOne;
  }

  /**
   * Settles cancelled commands of this connection: unsent ones leave the queue (never written); written ones
   * reject and stay in the reply order as placeholders. Also the cluster's path for a command queued here.
   */
  cancel(commands: readonly Command<any>[], error: CancelError): void {
    let unsent: Set<Command<any>> | undefined;
    for (const command of commands) {
      if (command.state === CommandState.Settled) continue;
      const sent = command.state === CommandState.Written;
      if (!sent) (unsent ??= new Set()).add(command);
      command.reject(error(command.name, sent));
    }
    if (unsent === undefined) return;
    const removed = unsent;
    // Rejected already, so flush would skip them; removing them keeps the offline queue's count true.
    this.unsent.removeWhere((command) => removed.has(command));
    for (let i = this.loadingHeld.length - 1; i >= 0; i--) if (removed.has(this.loadingHeld[i] as Command<any>)) this.loadingHeld.splice(i, 1);
  }

  /** Queues a built command. It is written at the end of this event-loop turn, together with every other one. */
  enqueue(command: Command<any>): void {
    const status = this.status;
    if (status !== 'ready') {
      if (status === 'end' || status === 'closing') {
        command.reject(new ClientClosedError());
        return;
      }
      // Commands that timed out while queued are dropped by checkTimeouts, so the length is the real count:
      // a refused call costs O(1), not a scan of the full queue.
      if (this.unsent.length >= this.options.maxOfflineQueue) {
        command.reject(new OfflineQueueFullError(this.options.maxOfflineQueue));
        return;
      }
      if (status === 'wait') this.openSocket();
    }
    if (this.options.commandTimeout > 0) this.startTimeoutClock(command);
    this.unsent.push(command);
    if (status === 'ready' && !this.flushScheduled) {
      this.flushScheduled = true;
      process.nextTick(this.flushBound);
    }
  }

  /** A SELECT ran inside MULTI … EXEC: follow it as a plain SELECT would be followed. */
  noteSelected(db: number): void {
    this.db = db;
  }

  /** Commands written and not yet answered (plus timed-out ones whose replies are still owed). */
  get inflightCount(): number {
    return this.inflight.length;
  }

  /** Commands waiting to be written. */
  get queuedCount(): number {
    return this.unsent.length;
  }

  /** Sends QUIT after everything already queued and closes once it is answered. Pending commands complete. */
  async quit(): Promise<'OK'> {
    if (this.status === 'end') return 'OK';
    if (this.status === 'connecting' || this.status === 'connect') {
      // Let this attempt finish so QUIT goes after the handshake and the queue; if it fails, the connection
      // ends there, quietly: no 'error', no reconnect strategy, no 'reconnecting'.
      this.quitRequested = true;
      await new Promise<void>((resolve) => {
        const done = () => {
          for (const event of ATTEMPT_OUTCOMES) this.off(event, done);
          resolve();
        };
        for (const event of ATTEMPT_OUTCOMES) this.once(event, done);
      });
      this.quitRequested = false;
      return this.quit();
    }
    if (this.status === 'closing') {
      await new Promise<void>((resolve) => this.once('end', () => resolve()));
      return 'OK';
    }
    if (this.status === 'wait' || this.status === 'reconnecting' || this.socket === undefined) {
      this.terminate(new ClientClosedError('quit() was called before the connection was ready'));
      return 'OK';
    }
    const quit = new Command<'OK'>('QUIT', [], encodeCommand('QUIT', []), false, undefined);
    quit.retryable = false;
    this.unsent.push(quit);
    this.setStatus('closing');
    this.flush();
    const closed = new Promise<void>((resolve) => this.once('end', () => resolve()));
    // A server that never answers QUIT must not hold quit() forever.
    const limit = this.options.commandTimeout || this.options.connectTimeout;
    const timer = limit > 0 ? setTimeout(() => quit.reject(new CommandTimeoutError('QUIT', limit)), limit) : undefined;
    try {
      await quit.promise;
      this.socket?.end();
    } catch {
      // Closed before QUIT was answered, or QUIT timed out: close now; still a completed quit.
      this.socket?.destroy();
    } finally {
      if (timer !== undefined) clearTimeout(timer);
    }
    await closed;
    return 'OK';
  }

  /**
   * Stops reading the socket until resumeReading() (pub/sub backpressure: the server buffers instead, up to its
   * own limits). Replies wait too. A reconnect's new socket reads again.
   */
  pauseReading(): void {
    this.socket?.pause();
  }

  resumeReading(): void {
    this.socket?.resume();
  }

  /** Lets the process exit while this connection is open (its socket and timers no longer keep it alive). */
  unref(): void {
    this.setReferenced(false);
  }

  /** Undoes unref(): the open connection keeps the process alive again. */
  ref(): void {
    this.setReferenced(true);
  }

  private setReferenced(referenced: boolean): void {
    this.referenced = referenced;
    for (const handle of [this.socket, this.reconnectTimer, this.connectTimer, this.loadingTimer]) {
      if (referenced) handle?.ref();
      else handle?.unref();
    }
  }

  /**
   * A blocking command (BLPOP …) waits on this connection: socketTimeout is suspended until it is answered, so
   * a long wait the caller asked for is not mistaken for a dead socket (the caller's guard bounds it instead).
   */
  setBlockingWait(waiting: boolean): void {
    this.blockingWait = waiting;
    const timeout = this.options.socketTimeout;
    if (timeout > 0) this.socket?.setTimeout(waiting ? 0 : timeout);
  }

  /**
   * The current socket (undefined while there is none): for diagnostics and ioredis's `redis.stream`. Ending or destroying it is a lost connection (the client reconnects).
   */
  get currentSocket(): Socket | undefined {
    return this.socket;
  }

  /** The connected TCP socket's remote address and port (telemetry's network.peer.*), else undefined. */
  get remote(): { readonly address: string; readonly port: number } | undefined {
    const socket = this.socket;
    const address = socket?.remoteAddress;
    const port = socket?.remotePort;
    return address !== undefined && port !== undefined ? { address, port } : undefined;
  }

  /** Closes the socket now. Commands in flight reject with ConnectionClosedError; no reconnect. */
  disconnect(): void {
    if (this.status === 'end') return;
    this.terminate(new ConnectionClosedError('disconnect() was called'));
  }

  /**
   * Half-closes: the commands already queued are written, no more are taken, and the replies of commands in
   * flight still arrive until the server closes its side (those left unanswered then reject); no reconnect.
   * ioredis's disconnect() closes so. A server that keeps its side open is cut off after connectTimeout.
   */
  disconnectAfterReplies(): void {
    const socket = this.socket;
    const handshaking = this.status === 'connect';
    if ((this.status !== 'ready' && !handshaking) || socket === undefined || (this.isolating && !handshaking)) {
      this.disconnect();
      return;
    }
    this.setStatus('closing');
    if (handshaking) {
      // The handshake stops at its next step (nothing is written after end()); the replies it is owed still
      // arrive, so the server is never answered with a reset. Queued user commands were never sent.
      this.clearConnectTimer();
      this.rejectUnsent(new ConnectionClosedError('disconnect() was called before the connection was ready'));
    } else {
      this.flush();
    }
    socket.end();
    const limit = this.options.connectTimeout;
    if (limit > 0) {
      const timer = setTimeout(() => socket.destroy(), limit);
      timer.unref();
      socket.once('close', () => clearTimeout(timer));
    }
  }

  // ---- decoder handlers (called for every reply) ----------------------------------------------------------

  onReply(reply: unknown): void {
    if (this.discarding) return;
    this.repliesReceived++;
    const command = this.inflight.shift();
    if (this.isolating && this.inflight.length === 0) this.endIsolation();
    if (command === undefined) {
      this.failProtocol(new ProtocolError('Received a reply with no command waiting for it'));
      return;
    }
    if (command.state === CommandState.Settled) {
      // Timed out or cancelled: its late reply is dropped here, in order. It may be the last reply a
      // reconnectOnError drain was waiting for.
      if (this.drainingForReconnect !== undefined && this.inflight.length === 0) this.reconnectAfterDrain();
      return;
    }
    try {
      if (reply instanceof ReplyError) {
        if (reply.code === 'LOADING' && this.holdWhileLoading(command)) return;
        const shaped = this.shapeReplyError(reply, command);
        if (this.options.reconnectOnError !== undefined && this.reconnectAfterError(command, shaped)) return;
        command.reject(shaped);
        return;
      }
      if (SESSION_COMMANDS.has(command.name) && this.status === 'ready') this.followSession(command, reply);
      command.resolve(reply);
    } catch (error) {
      // Whatever failed while settling it, the command was answered: it must not wait forever.
      command.reject(error);
    } finally {
      if (this.drainingForReconnect !== undefined && this.inflight.length === 0) this.reconnectAfterDrain();
    }
  }

  /**
   * Keeps what the client reports (db, protocol) and restores on reconnect (db, protocol, tracking) in step
   * with session commands the application sent itself. RESET returns the server session to its defaults:
   * database 0, RESP2, tracking off (the name and user are cleared too; a new socket sets them from the
   * options again).
   */
  private followSession(command: Command, reply: unknown): void {
    switch (command.name) {
      case 'SELECT':
        if (reply === 'OK') this.db = Number(command.args[0]);
        return;
      case 'RESET':
        if (reply !== 'RESET') return;
        this.db = 0;
        this.protocol = 2;
        this.sessionProtocol = 2;
        this.hello = { ...this.hello, proto: 2 };
        this.trackingArgs = undefined;
        this.trackingObserver?.onTrackingChanged();
        return;
      case 'HELLO': {
        const hello = toHello(reply);
        if (hello.proto !== 2 && hello.proto !== 3) return;
        this.protocol = hello.proto;
        this.sessionProtocol = hello.proto;
        this.hello = hello;
        this.trackingObserver?.onTrackingChanged();
        return;
      }
      case 'CLIENT': {
        if (reply !== 'OK' || String(command.args[0]).toUpperCase() !== 'TRACKING') return;
        const mode = String(command.args[1]).toUpperCase();
        if (mode === 'ON') this.trackingArgs = command.args.slice(2);
        else if (mode === 'OFF') this.trackingArgs = undefined;
        this.trackingObserver?.onTrackingChanged();
        return;
      }
    }
  }

  /**
   * `-LOADING`: the server (just restarted, or resyncing) refused the command without running it, so it is
   * safe to send again, reads and writes alike. Held commands go back in front of the queue, in order.
   */
  private holdWhileLoading(command: Command<any>): boolean {
    if (command.retryable === false || command.loadingWaits >= MAX_LOADING_WAITS) return false;
    command.loadingWaits++;
    command.observer?.onRetry?.({ reason: 'LOADING', command: command.name, attempt: command.loadingWaits, delay: LOADING_RETRY_MS });
    command.state = CommandState.Queued;
    this.loadingHeld.push(command);
    this.loadingTimer ??= setTimeout(() => {
      this.loadingTimer = undefined;
      const held = this.loadingHeld.splice(0);
      this.unsent.prepend(held);
      if (this.status === 'ready') this.flush();
    }, LOADING_RETRY_MS);
    if (!this.referenced) this.loadingTimer.unref();
    return true;
  }

  onPush(push: unknown[]): void {
    if (this.discarding) return;
    // Before any listener: a listener that throws must not keep an invalidation from the cache.
    this.trackingObserver?.onPush(push);
    if (this.listenerCount('push') > 0) emitSafely(this, 'push', push);
  }

  returnBuffers(): boolean {
    const head = this.inflight.peek();
    return head !== undefined && head.returnBuffers;
  }

  // ---- socket life cycle -------------------------------------------------------------------------------

  private setStatus(status: ConnectionStatus): void {
    this.status = status;
  }

  private openSocket(): void {
    this.setStatus('connecting');
    this.discarding = false;
    const before = this.beforeConnect;
    if (before === undefined) {
      this.openSocketNow();
      return;
    }
    before().then(
      () => {
        if (this.status === 'connecting' && this.socket === undefined) this.openSocketNow();
      },
      (error: unknown) => {
        if (this.status !== 'connecting' || this.socket !== undefined) return;
        // A failed look-up is a failed attempt: back off and try again, like a refused connection.
        const cause = error instanceof Error ? error : new RedisError(String(error), 'EBEFORECONNECT');
        this.lastError = cause;
        if (!this.quitRequested) emitErrorIfListened(this, cause);
        if (this.readySockets === 0 && !this.quitRequested) {
          // Never connected yet: say why at once (e.g. "no sentinel knows this master") instead of after
          // offlineQueueAttempts; attempts go on in the background.
          this.rejectUnsent(cause);
          this.emit(CONNECT_FAILED, cause);
        }
        this.onSocketClosed();
      },
    );
  }

  private openSocketNow(): void {
    // ocredis:connect subscribers (diagnostics_channel) see each attempt; undefined when there are none.
    this.connectTrace = ConnectTrace.start(this, this.readySockets > 0);
    this.emit('connecting'); // an attempt starts: its socket opens now (telemetry times it to 'ready')
    const { socket, readyEvent } = openSocket(this.options);
    this.socket = socket;
    socket.setNoDelay(true);
    if (this.options.keepAlive !== false) socket.setKeepAlive(true, this.options.keepAlive);
    if (this.options.connectTimeout > 0) {
      this.connectTimer = setTimeout(() => {
        this.connectTimer = undefined;
        this.lastError = new ConnectTimeoutError(this.options.connectTimeout);
        socket.destroy(this.lastError);
      }, this.options.connectTimeout);
      if (!this.referenced) this.connectTimer.unref();
    }
    if (!this.referenced) socket.unref();
    socket.once(readyEvent, () => {
      if (this.socket !== socket) return;
      this.setStatus('connect');
      this.emit('connect');
      this.handshake(socket).then(
        () => this.onHandshakeDone(socket),
        (error: unknown) => this.onHandshakeFailed(socket, error),
      );
    });
    socket.on('data', (chunk: Buffer) => {
      if (this.socket === socket) this.onData(chunk);
    });
    socket.on('error', (error: Error) => {
      if (this.socket !== socket) return;
      this.lastError = error;
      if (!this.quitRequested) emitErrorIfListened(this, error);
    });
    socket.once('close', () => {
      if (this.socket === socket) this.onSocketClosed();
    });
  }

  private onData(chunk: Buffer): void {
    try {
      this.decoder.feed(chunk);
    } catch (error) {
      // Listener errors never get here (emitSafely re-throws them later) and command settling is guarded, so
      // anything else is a failure while routing a reply: which reply belongs to which command is no longer
      // known, so reset like a malformed frame instead of leaving commands waiting forever.
      this.failProtocol(error instanceof ProtocolError ? error : new ProtocolError('failed to handle a reply', { cause: error }));
    }
  }

  /**
   * HELLO (with AUTH and SETNAME) — or AUTH and CLIENT SETNAME — then SELECT, READONLY and INFO as configured,
   * written ahead of every queued user command.
   */
  private async handshake(socket: Socket): Promise<void> {
    const { name } = this.options;
    if (this.options.handshake === 'auth') {
      const auth = this.authenticate(socket);
      const named = name !== undefined ? this.sendInternal(socket, 'CLIENT', ['SETNAME', name]) : undefined;
      const announced = this.options.clientInfo ? this.announceClient(socket) : undefined;
      this.protocol = 2;
      this.hello = {};
      // Every reply awaited (none left unhandled), AUTH's first: its error explains the others.
      const settled = await Promise.allSettled([auth, named]);
      for (const result of settled) if (result.status === 'rejected') throw result.reason;
      await announced;
    } else {
      await this.greet(socket);
    }
    // this.db, not options.db: a reconnect returns to the database the application last SELECTed.
    if (this.db !== 0) await this.sendInternal(socket, 'SELECT', [String(this.db)]);
    if (this.trackingArgs !== undefined) await this.restoreTracking(socket, this.trackingArgs);
    // A server without cluster mode refuses READONLY; reads work on it all the same.
    if (this.options.readOnly) await this.sendInternal(socket, 'READONLY', []).catch(() => undefined);
    if (this.options.readyCheck) await this.sendInternal(socket, 'INFO', []);
  }

  /** HELLO with AUTH and SETNAME; on servers without HELLO, AUTH and CLIENT SETNAME on RESP2. */
  private async greet(socket: Socket): Promise<void> {
    const { username, password, name } = this.options;
    const helloArgs: RedisArg[] = [String(this.sessionProtocol)];
    if (password !== undefined) helloArgs.push('AUTH', username ?? 'default', password);
    if (name !== undefined) helloArgs.push('SETNAME', name);
    const helloReply = this.sendInternal(socket, 'HELLO', helloArgs);
    // Written right behind HELLO, so the handshake still takes one round trip.
    const announced = this.options.clientInfo ? this.announceClient(socket) : undefined;
    try {
      const hello = await helloReply;
      this.protocol = this.sessionProtocol;
      this.hello = toHello(hello);
    } catch (error) {
      if (!(error instanceof ReplyError) || !isMissingHello(error)) throw error;
      // A server without HELLO (Redis < 6, or HELLO renamed away): RESP2 with AUTH and CLIENT SETNAME.
      this.protocol = 2;
      this.hello = {};
      await this.authenticate(socket);
      if (name !== undefined) await this.sendInternal(socket, 'CLIENT', ['SETNAME', name]);
    }
    await announced;
  }

  /**
   * AUTH [username] password, when a password is set; `acceptAuthError` may let a refusal pass. In the 'auth'
   * handshake a username without a password is sent alone, as ioredis does: the server refuses it (WRONGPASS)
   * rather than the client connecting as the default user unnoticed.
   */
  private async authenticate(socket: Socket): Promise<void> {
    const { username, password, acceptAuthError } = this.options;
    let args: string[];
    if (password !== undefined) args = username !== undefined ? [username, password] : [password];
    else if (this.options.handshake === 'auth' && username !== undefined) args = [username];
    else return;
    try {
      await this.sendInternal(socket, 'AUTH', args);
    } catch (error) {
      if (!(error instanceof ReplyError) || acceptAuthError === undefined || !acceptAuthError(error)) throw error;
    }
  }

  /**
   * CLIENT SETINFO lib-name / lib-ver, so operators see which client library is connected (CLIENT LIST /
   * CLIENT INFO). Servers before 7.2 (no SETINFO), an ACL that forbids it, or a server that wants AUTH first
   * (no HELLO: Redis < 6) answer with an error: ignored.
   */
  private async announceClient(socket: Socket): Promise<void> {
    // Never rejects: a lost connection fails the handshake through HELLO's own reply.
    await Promise.allSettled([
      this.sendInternal(socket, 'CLIENT', ['SETINFO', 'LIB-NAME', PACKAGE_NAME]),
      this.sendInternal(socket, 'CLIENT', ['SETINFO', 'LIB-VER', PACKAGE_VERSION]),
    ]);
  }

  /**
   * Turns CLIENT TRACKING back on with the arguments the application last used. When the server refuses them
   * (a REDIRECT to a client id that no longer exists: ids change on reconnect) tracking stays off and an
   * 'error' event says so; the connection is usable all the same.
   */
  private async restoreTracking(socket: Socket, args: readonly RedisArg[]): Promise<void> {
    try {
      await this.sendInternal(socket, 'CLIENT', ['TRACKING', 'ON', ...args]);
    } catch (error) {
      if (!(error instanceof ReplyError)) throw error;
      this.trackingArgs = undefined;
      this.trackingObserver?.onTrackingChanged();
      emitErrorIfListened(this, new RedisError(`CLIENT TRACKING could not be turned back on after reconnecting: ${error.message}`, 'ETRACKING', { cause: error }));
    }
  }

  /** Writes a handshake command straight to the socket, ahead of the queued user commands. */
  private sendInternal(socket: Socket, name: string, args: RedisArg[]): Promise<unknown> {
    if (socket.writableEnded) return Promise.reject(new ConnectionClosedError('The connection is closing'));
    const command = new Command(name, args, encodeCommand(name, args), false, undefined);
    command.retryable = false;
    command.state = CommandState.Written;
    this.inflight.push(command);
    socket.write(command.encoded as string);
    return command.promise;
  }

  private onHandshakeDone(socket: Socket): void {
    if (this.socket !== socket || this.status !== 'connect') return;
    this.clearConnectTimer();
    this.reconnectAttempt = 0;
    this.failedAttempts = 0;
    this.readySockets++;
    this.lastError = undefined;
    this.connectTrace?.succeed(this.protocol);
    this.connectTrace = undefined;
    this.setStatus('ready');
    this.startHealthChecks(socket);
    this.trackingObserver?.onTrackingChanged();
    this.emit('ready');
    if (this.unsent.length > 0) this.flush();
  }

  private onHandshakeFailed(socket: Socket, error: unknown): void {
    if (this.socket !== socket) return;
    if (this.status === 'closing') return; // disconnectAfterReplies() ended the socket: it closes by itself
    const cause = error instanceof Error ? error : new RedisError(String(error), 'EHANDSHAKE');
    this.lastError = cause;
    if (error instanceof ReplyError && !isTransientHandshakeError(error) && !this.quitRequested) {
      // Wrong password, missing permission …: queued commands cannot succeed on this configuration.
      emitErrorIfListened(this, error);
      this.rejectUnsent(error);
      this.emit(CONNECT_FAILED, error);
    }
    socket.destroy();
  }

  private onSocketClosed(): void {
    this.socket = undefined;
    // First: invalidations sent while no socket was there are lost, so nothing cached may be served from here on.
    this.trackingObserver?.onTrackingChanged();
    this.isolating = false;
    this.connectTrace?.fail(this.lastError ?? new ConnectionClosedError('Connection closed before the handshake completed'));
    this.connectTrace = undefined;
    this.clearConnectTimer();
    this.decoder.reset();
    const cause = this.lastError;
    const wasReady = this.status === 'ready';
    this.stall = undefined;
    this.stopHealthChecks();
    this.settleInflightAfterLoss(cause);
    this.releaseErrorResends();
    if (this.status === 'closing' || this.status === 'end') {
      this.finish(new ClientClosedError());
      return;
    }
    if (this.quitRequested) {
      this.finish(new ClientClosedError('quit() was called before the connection was ready'));
      return;
    }
    const attempt = ++this.reconnectAttempt;
    const delay = reconnectDelay(this.options.reconnectStrategy, attempt, cause);
    if (delay === false) {
      this.finish(new ConnectionClosedError('Connection closed and reconnecting was given up', { cause }));
      return;
    }
    if (!wasReady && ++this.failedAttempts >= this.options.offlineQueueAttempts) {
      // The server has been unreachable for a while: don't let queued commands wait forever.
      const gaveUp = new ConnectionClosedError(`Could not connect after ${this.failedAttempts} attempts`, { cause });
      this.rejectUnsent(gaveUp);
      this.emit(CONNECT_FAILED, gaveUp);
    }
    this.setStatus('reconnecting');
    this.emit('reconnecting', { attempt, delay, error: cause });
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      if (this.status === 'reconnecting') this.openSocket();
    }, delay);
    if (!this.referenced) this.reconnectTimer.unref();
  }

  /**
   * The socket died. Unanswered read-only commands go back to the front of the queue to be sent again once
   * ready; writes are rejected, because they may or may not have run and re-sending could apply them twice.
   */
  private settleInflightAfterLoss(cause: Error | undefined): void {
    const retry: Command<any>[] = [];
    const closingOnPurpose = this.status === 'closing' || this.status === 'end';
    // Once a SELECT is given up on, the commands behind it may not run in the database they were meant for.
    let databaseUnknown = false;
    for (const command of this.inflight.drain()) {
      if (command.state === CommandState.Settled) continue;
      if (closingOnPurpose) {
        command.reject(new ConnectionClosedError('The connection was closed by the client before the reply came', { cause }));
      } else if (!databaseUnknown && this.isResendable(command)) {
        if (command.retries < this.options.maxReadRetries) {
          command.retries++;
          command.observer?.onRetry?.({ reason: lossCode(cause), command: command.name, attempt: command.retries, delay: 0 });
          command.state = CommandState.Queued;
          retry.push(command);
        } else {
          command.reject(new ConnectionClosedError(`${command.name} got no reply after ${command.retries} re-sends`, { cause }));
        }
      } else {
        if (command.name === 'SELECT') databaseUnknown = true;
        command.reject(new CommandOutcomeUnknownError(command.name, { cause }));
      }
    }
    this.unsent.prepend(retry);
  }

  /** Safe to send again after a connection loss: reads, and SELECT (running it twice changes nothing). */
  private isResendable(command: Command): boolean {
    if (command.retryable !== undefined) return command.retryable;
    return command.name === 'SELECT' || isReadOnly(command.name, command.args);
  }

  private writeable(): Socket | undefined {
    const socket = this.socket;
    // Between a destroy() and its 'close' event the status is still 'ready': those writes would vanish.
    if (this.drainingForReconnect !== undefined) return undefined; // reconnectOnError: wait for the owed replies, then reconnect
    return this.status === 'ready' && !this.discarding && socket !== undefined && !socket.destroyed && socket.writable ? socket : undefined;
  }

  /**
   * Writes every queued command: small batches (the common case) as one string in one write; text beyond
   * MAX_TEXT_CHUNK is cut into several writes under cork(), so a huge batch never builds a string longer
   * than V8 allows. Runs in process.nextTick: it must never throw.
   */
  /** The replies owed before an AUTH / HELLO, or its own, have arrived: writing goes on. */
  private endIsolation(): void {
    this.isolating = false;
    if (this.unsent.length > 0 && !this.flushScheduled) {
      this.flushScheduled = true;
      process.nextTick(this.flushBound);
    }
  }

  private flush(): void {
    this.flushScheduled = false;
    if (this.isolating) return; // endIsolation() flushes
    const socket = this.writeable() ?? (this.status === 'closing' ? this.socket : undefined);
    if (socket === undefined) return;
    let text = '';
    let parts: (string | Buffer)[] | undefined;
    for (let command = this.unsent.shift(); command !== undefined; command = this.unsent.shift()) {
      if (command.state === CommandState.Settled) continue; // timed out while queued: never sent
      const isolated = command.name === 'AUTH' || command.name === 'HELLO';
      if (isolated) {
        this.isolating = true;
        if (this.inflight.length > 0) {
          this.unsent.prepend([command]); // after every reply owed before it
          break;
        }
      }
      command.state = CommandState.Written;
      this.inflight.push(command);
      const encoded = command.encoded;
      if (typeof encoded === 'string') {
        if (text.length + encoded.length > MAX_TEXT_CHUNK && text.length > 0) {
          (parts ??= []).push(text);
          text = '';
        }
        text += encoded;
        if (isolated) break; // and nothing behind it until it is answered
        continue;
      }
      parts ??= [];
      for (const part of encoded) {
        if (typeof part === 'string' && text.length + part.length <= MAX_TEXT_CHUNK) {
          text += part;
          continue;
        }
        if (text.length > 0) parts.push(text);
        text = '';
        if (typeof part === 'string') text = part;
        else parts.push(part);
      }
      if (isolated) break;
    }
    try {
      if (parts === undefined) {
        if (text.length > 0) socket.write(text);
        return;
      }
      if (text.length > 0) parts.push(text);
      socket.cork();
      for (const part of parts) socket.write(part);
      socket.uncork();
    } catch (error) {
      // Part of the batch may be on the wire: the stream is no longer trustworthy. Closing the socket settles
      // the written commands by the loss rules (writes: outcome unknown; reads: sent again).
      this.lastError = error instanceof Error ? error : new RedisError(String(error), 'EWRITE');
      socket.destroy();
    }
  }

  // ---- failures -----------------------------------------------------------------------------------------

  /** A malformed frame: reject everything in flight (never retried: the stream is untrustworthy) and reconnect. */
  private failProtocol(error: ProtocolError): void {
    if (this.discarding) return;
    this.discarding = true;
    this.lastError = error;
    emitErrorIfListened(this, error);
    for (const command of this.inflight.drain()) command.reject(error);
    this.decoder.reset();
    this.socket?.destroy();
  }

  private shapeReplyError(error: ReplyError, command: Command): ReplyError {
    let shaped = error;
    if (error.code === 'MOVED') shaped = new MovedError(error.message);
    else if (error.code === 'ASK') shaped = new AskError(error.message);
    shaped.command = command.name;
    return shaped;
  }

  /** Ends the connection for good: every pending command rejects with `reason`. */
  private terminate(reason: Error): void {
    this.setStatus('end');
    this.lastError = reason;
    if (this.reconnectTimer !== undefined) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = undefined;
    const socket = this.socket;
    if (socket !== undefined) {
      socket.destroy(); // onSocketClosed finishes the job
      return;
    }
    this.settleInflightAfterLoss(reason);
    this.finish(reason);
  }

  private finish(reason: Error): void {
    this.setStatus('end');
    this.clearConnectTimer();
    this.stopHealthChecks();
    if (this.timeoutTimer !== undefined) clearTimeout(this.timeoutTimer);
    this.timeoutTimer = undefined;
    if (this.loadingTimer !== undefined) clearTimeout(this.loadingTimer);
    this.loadingTimer = undefined;
    this.rejectUnsent(reason instanceof ClientClosedError ? reason : new ClientClosedError(reason.message));
    this.emit('end');
  }

  private rejectUnsent(error: Error): void {
    for (const command of this.loadingHeld.splice(0)) command.reject(error);
    for (const command of this.unsent.drain()) command.reject(error);
  }

  private clearConnectTimer(): void {
    if (this.connectTimer !== undefined) clearTimeout(this.connectTimer);
    this.connectTimer = undefined;
  }

  // ---- command timeouts -----------------------------------------------------------------------------------

  private startTimeoutClock(command: Command): void {
    command.deadline = Date.now() + this.options.commandTimeout;
    if (this.timeoutTimer === undefined) {
      this.timeoutTimer = setTimeout(this.checkTimeoutsBound, this.options.commandTimeout);
      this.timeoutTimer.unref();
    }
  }

  /**
   * One timer for all commands. A timed-out command that was written stays in the reply order as a settled
   * placeholder, so its late reply is consumed by it and never handed to the next command; one that was not
   * written yet leaves the queue (so a full offline queue frees room).
   *
   * The wedge rule: when the next reply owed is for a command that already timed out, and no reply at all has
   * arrived for another commandTimeout since, the server is not answering (a hung server, or a frame that will
   * never complete: a bulk whose body never comes, an absurd array length) and every later command would time
   * out too. The socket is reset: the placeholders are dropped, the written commands settle by the loss rules
   * (writes: CommandOutcomeUnknownError; reads: sent again). The same happens when the placeholders outnumber
   * maxOfflineQueue, so they cannot pile up without bound while the server is silent.
   */
  private checkTimeouts(): void {
    this.timeoutTimer = undefined;
    const now = Date.now();
    const limit = this.options.commandTimeout;
    // First: a stalled connection settles its written commands by the loss rules, not as timeouts.
    if (this.watchingStall() && this.stall?.replies === this.repliesReceived && now - this.stall.since >= limit) {
      this.resetStalled(`No reply came for ${limit} ms after a command timed out: the connection was reset`);
    }
    let next = Infinity;
    let placeholders = 0;
    const expire = (command: Command): boolean => {
      if (command.state !== CommandState.Settled && command.deadline !== 0) {
        if (command.deadline <= now) command.reject(new CommandTimeoutError(command.name, limit));
        else next = Math.min(next, command.deadline);
      }
      return command.state === CommandState.Settled;
    };
    if (!this.discarding) for (const command of this.inflight) if (expire(command)) placeholders++;
    this.unsent.removeWhere(expire);
    for (const command of this.loadingHeld) expire(command);
    if (placeholders > this.options.maxOfflineQueue && this.watchingStall()) {
      this.resetStalled(`${placeholders} timed-out commands still owed replies (more than maxOfflineQueue): the connection was reset`);
    }
    if (this.watchingStall()) {
      if (this.stall === undefined || this.stall.replies !== this.repliesReceived) this.stall = { replies: this.repliesReceived, since: now };
      next = Math.min(next, this.stall.since + limit);
    } else {
      this.stall = undefined;
    }
    if (next !== Infinity) {
      this.timeoutTimer = setTimeout(this.checkTimeoutsBound, Math.max(1, next - now));
      this.timeoutTimer.unref();
    }
  }

  /** Whether the next reply owed belongs to a command that already timed out, on a live socket. */
  private watchingStall(): boolean {
    const head = this.inflight.peek();
    return head !== undefined && head.state === CommandState.Settled && this.socket !== undefined && !this.discarding;
  }

  private resetStalled(reason: string): void {
    const error = new ConnectionClosedError(reason);
    this.stall = undefined;
    this.lastError = error;
    emitErrorIfListened(this, error);
    this.discarding = true; // stop reading and writing on this socket: its reply order is lost
    this.socket?.destroy();
  }

  // ---- health checks (pingInterval, socketTimeout) ------------------------------------------------------

  private startHealthChecks(socket: Socket): void {
    const { pingInterval, socketTimeout } = this.options;
    if (socketTimeout > 0) {
      socket.setTimeout(this.blockingWait ? 0 : socketTimeout);
      socket.on('timeout', () => {
        if (this.socket !== socket || this.blockingWait) return;
        this.resetStalled(`The socket saw no traffic for ${socketTimeout} ms (socketTimeout): the connection was reset`);
      });
    }
    if (pingInterval > 0) this.schedulePingCheck(pingInterval);
  }

  private stopHealthChecks(): void {
    if (this.pingTimer !== undefined) clearTimeout(this.pingTimer);
    this.pingTimer = undefined;
    this.repliesAtLastPingCheck = -1;
  }

  private schedulePingCheck(delay: number): void {
    // Unref'd: a health check alone never keeps the process alive (the socket does, unless unref()'d).
    this.pingTimer = setTimeout(() => this.checkIdle(), delay);
    this.pingTimer.unref();
  }

  /**
   * Every pingInterval: when no reply came since the last check and nothing is pending, the connection has
   * been idle for at least pingInterval, so a PING goes out. Counting replies keeps the command path free of
   * clock reads.
   */
  private checkIdle(): void {
    this.pingTimer = undefined;
    const interval = this.options.pingInterval;
    const socket = this.socket;
    if (this.status !== 'ready' || socket === undefined) return;
    const idle = this.repliesReceived === this.repliesAtLastPingCheck && this.inflight.length === 0 && this.unsent.length === 0;
    this.repliesAtLastPingCheck = this.repliesReceived;
    if (idle) this.sendHealthPing(socket, Math.max(interval, PING_REPLY_FLOOR_MS));
    this.schedulePingCheck(interval);
  }

  /** A PING that fails or gets no reply within `limit` ms resets the connection (the loss rules settle what was in flight). */
  private sendHealthPing(socket: Socket, limit: number): void {
    const ping = new Command('PING', [], encodeCommand('PING', []), false, undefined);
    ping.retryable = false;
    this.enqueue(ping);
    ping.deadline = 0; // judged here, not by commandTimeout
    const reset = (why: string): void => {
      if (this.socket === socket && !this.discarding) this.resetStalled(why);
    };
    const timer = setTimeout(() => reset(`PING got no reply within ${limit} ms (pingInterval): the connection was reset`), limit);
    timer.unref();
    ping.promise.then(
      () => clearTimeout(timer),
      (error: unknown) => {
        clearTimeout(timer);
        if (error instanceof ReplyError) reset(`PING was answered with an error (${error.code}): the connection was reset`);
      },
    );
  }

  // ---- reconnectOnError ---------------------------------------------------------------------------------

  /**
   * Asks options.reconnectOnError about an error reply. On yes, the connection stops writing, lets the replies
   * already owed arrive, then reconnects; with 2, the command is held to be sent again on the new connection
   * when that is safe (see mayResendAfterError). Returns true when the command was held (not rejected).
   */
  private reconnectAfterError(command: Command<any>, error: ReplyError): boolean {
    if (this.status !== 'ready') return false; // a handshake reply: the handshake's own rules apply
    let decision: boolean | 1 | 2;
    try {
      decision = (this.options.reconnectOnError as (error: ReplyError) => boolean | 1 | 2)(error);
    } catch (thrown) {
      emitErrorIfListened(this, new RedisError('reconnectOnError threw; treated as false', 'ERECONNECTONERROR', { cause: thrown }));
      return false;
    }
    if (decision !== true && decision !== 1 && decision !== 2) return false;
    this.drainingForReconnect ??= error;
    if (decision !== 2 || !mayResendAfterError(command, error) || command.errorResends >= MAX_ERROR_RESENDS) return false;
    command.errorResends++;
    command.state = CommandState.Queued;
    this.errorResends.push(command);
    return true;
  }

  /** Every reply owed has arrived: close the socket; onSocketClosed reconnects and queues the held commands first. */
  private reconnectAfterDrain(): void {
    const cause = this.drainingForReconnect;
    const socket = this.socket;
    if (socket === undefined) return;
    this.lastError = new RedisError(`Reconnecting after the error reply ${cause?.code ?? ''} (reconnectOnError)`, 'ERECONNECTONERROR', { cause });
    this.discarding = true; // the rest of this chunk (if any) belongs to no command
    socket.destroy();
  }

  /** The commands held by reconnectOnError go in front of the queue (they were answered before anything queued was written). */
  private releaseErrorResends(): void {
    this.drainingForReconnect = undefined;
    this.unsent.prepend(this.errorResends.splice(0));
  }
}


/**
 * Most characters joined into one socket write. Far below V8's string limit (~512 MiB), far above a turn of
 * small commands, so those still go out in one write.
 */
const MAX_TEXT_CHUNK = 8 * 1024 * 1024;

const LOADING_RETRY_MS = 100;
/** How long (in LOADING_RETRY_MS steps) a command waits for a loading server: 30 s. */
const MAX_LOADING_WAITS = 300;

/** What a client-side cache hears from its connection (see Connection.observeTracking). */
export interface TrackingObserver {
  /** Every RESP3 push frame, before the 'push' listeners. */
  onPush(push: unknown[]): void;
  /** trackingLive may have changed: the socket closed, the handshake completed, tracking or RESP was switched. */
  onTrackingChanged(): void;
}

/** Emitted when the commands waiting for a connection are given up on; connect() rejects with its error. */
const CONNECT_FAILED = 'connect-failed';
/** The ways a connection attempt ends. */
const ATTEMPT_OUTCOMES = ['ready', 'reconnecting', 'end'] as const;

/**
 * The least time a health-check PING is given to be answered, whatever pingInterval is: a busy server (a slow
 * command from another client) or a loaded client must not be mistaken for a dead one.
 */
const PING_REPLY_FLOOR_MS = 1_000;

/** How often one command is sent again because reconnectOnError asked for it (a proxy still on the old primary …). */
const MAX_ERROR_RESENDS = 3;

/**
 * Error replies that say the command was refused before it ran: a write refused by a replica (READONLY), a
 * replica without its master (MASTERDOWN), too few good replicas for a write (NOREPLICAS).
 */
const REFUSED_BEFORE_RUNNING: ReadonlySet<string> = new Set(['READONLY', 'MASTERDOWN', 'NOREPLICAS']);

/**
 * Whether reconnectOnError's 2 may send a failed command again: never inside MULTI (the transaction was
 * discarded as a whole); reads always (running them twice changes nothing); writes only when the error says
 * they were refused before running.
 */
function mayResendAfterError(command: Command, error: ReplyError): boolean {
  if (command.retryable === false) return false;
  return REFUSED_BEFORE_RUNNING.has(error.code) || isReadOnly(command.name, command.args);
}

/** Commands that change the session state the connection follows (see followSession). */
const SESSION_COMMANDS: ReadonlySet<string> = new Set(['SELECT', 'RESET', 'HELLO', 'CLIENT']);

/** Why a connection was lost, as a code for a re-sent command's retry event: the socket's, else ECONNCLOSED. */
function lossCode(cause: Error | undefined): string {
  const code = (cause as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : 'ECONNCLOSED';
}

function isMissingHello(error: ReplyError): boolean {
  return error.code === 'NOPROTO' || /unknown command/i.test(error.message);
}

function toHello(reply: unknown): ServerHello {
  if (reply === null || typeof reply !== 'object') return {};
  const fields: Record<string, unknown> = Array.isArray(reply) ? pairsToObject(reply) : (reply as Record<string, unknown>);
  const hello: ServerHello = {};
  if (typeof fields.server === 'string') hello.server = fields.server;
  if (typeof fields.version === 'string') hello.version = fields.version;
  if (typeof fields.proto === 'number') hello.proto = fields.proto;
  if (typeof fields.id === 'number') hello.id = fields.id;
  if (typeof fields.mode === 'string') hello.mode = fields.mode;
  if (typeof fields.role === 'string') hello.role = fields.role;
  return hello;
}
