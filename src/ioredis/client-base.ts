// What the ioredis-style Redis and Cluster of this entry share: commands on the core's single path with
// ioredis's argument and reply shapes, node-style callbacks, pipeline() / multi() / WATCH, defineCommand(),
// and ioredis's connection events. Each instance wraps one core client (Redis, OcRedis, RedisCluster …).
import { EventEmitter } from 'node:events';
import { connectionModeError } from '../commands/connection-mode.js';
import { parseCall } from '../commands/parse-call.js';
import { ArgumentError, type RedisError } from '../errors.js';
import { emitErrorIfListened } from '../events.js';
import { isInstance } from '../brand.js';
import type { RedisArg } from '../resp/types.js';
import { ioArguments, splitCallback, withCallback, type NodeCallback } from './arguments.js';
import { installIoCommands, IO_COMMAND_NAMES, type IoCommandHost } from './commands.js';
import type { ScriptDefinition } from './constructor-args.js';
import type { CoreBatch, CoreClient, CoreTransaction } from './core.js';
import type { AutoPipelineQueue } from './auto-pipeline-queue.js';
import { withIoErrors } from './io-errors.js';
import { Pipeline, type PipelineOwner } from './pipeline.js';
import { ioReplyTransform } from './reply-shapes.js';
import { ScanStream, type ScanStreamOptions } from './scan-stream.js';
import { checkNumberOfKeys, defineScript, scriptArguments, type DefinedScript } from './scripts.js';
import { runnerOf } from '../client/script-runner.js';

export abstract class IoClient<Core extends CoreClient = CoreClient> extends EventEmitter implements IoCommandHost, PipelineOwner {
  /** The core client every call goes through. */
  readonly core: Core;
  /** The options as given (ioredis names). */
  abstract readonly options: object;
  readonly stringNumbers: boolean;
  readonly definedScripts = new Map<string, DefinedScript>();
  /** Commands added with addBuiltinCommand() (their methods are on this client and its pipelines). */
  readonly addedCommands = new Set<string>();
  /** The transaction lent by the core for WATCH, until exec() or unwatch() ends it. */
  private watching: Promise<CoreTransaction> | undefined;
  /** The db SELECT last chose (ioredis's 'select' event fires when a SELECT changes it). */
  protected selectedDb = 0;
  /** An attempt or a connection since the last 'close' event (false while waiting to reconnect after disconnect()). */
  protected closeOwed = true;
  /** Set while disconnect(true) reopens the connection: commands wait for it. */
  protected reconnecting: Promise<void> | undefined;
  /** Set for the next 'ready': it is emitted once this settled (after disconnect(true), the resubscription). */
  protected readyGate: Promise<void> | undefined;
  /** The quit() under way: 'end' is emitted once it settled. */
  private quitting: Promise<unknown> | undefined;
  /** Set with `enableAutoPipelining`: keeps ioredis's autoPipelineQueueSize. */
  protected autoPipeline: AutoPipelineQueue | undefined;

  protected constructor(core: Core, stringNumbers: boolean, scripts: Record<string, ScriptDefinition>) {
    super();
    this.core = core;
    this.stringNumbers = stringNumbers;
    for (const [name, definition] of Object.entries(scripts)) this.defineCommand(name, definition);
    this.forwardEvents();
  }

  /** The path of every command method: ioredis's arguments in, ioredis's reply shape out. */
  sendIo(name: string, params: unknown[], returnBuffers: boolean): Promise<unknown> {
    const { params: rest, callback } = splitCallback(params);
    const reply = this.send(name, rest, returnBuffers);
    this.autoPipeline?.track(name, reply);
    return withCallback(reply, callback);
  }

  /** ioredis's count of commands waiting for the next auto-pipeline flush (0 without enableAutoPipelining). */
  get autoPipelineQueueSize(): number {
    return this.autoPipeline?.size ?? 0;
  }

  /** Runs any command: `call('OBJECT', 'ENCODING', 'key')`; replies in RESP2 shapes, as with ioredis. */
  call(command: string, ...params: unknown[]): Promise<unknown> {
    return this.callWith(command, params, false);
  }

  callBuffer(command: string, ...params: unknown[]): Promise<unknown> {
    return this.callWith(command, params, true);
  }

  /** ioredis's older name of call(). */
  send_command(command: string, ...params: unknown[]): Promise<unknown> {
    return this.callWith(command, params, false);
  }

  /** A chainable pipeline; also `pipeline([['set', 'a', '1'], ['get', 'a']])`. */
  pipeline(commands?: readonly (readonly unknown[])[]): Pipeline {
    return new Pipeline(this, 'pipeline', commands);
  }

  /**
   * A chainable MULTI/EXEC batch (after watch(), on the watching connection). exec() resolves null on a WATCH
   * conflict. `multi({ pipeline: false })` is ioredis's manual transaction instead: MULTI is sent now on the
   * client's connection, the client's next commands reply 'QUEUED', and `redis.exec()` runs them.
   */
  multi(options: { pipeline: false }): Promise<'OK'>;
  multi(commands?: readonly (readonly unknown[])[], options?: { pipeline?: true }): Pipeline;
  multi(commands?: readonly (readonly unknown[])[] | { pipeline: false }): Pipeline | Promise<'OK'> {
    if (commands !== undefined && !Array.isArray(commands) && (commands as { pipeline?: unknown }).pipeline === false) {
      return this.send('MULTI', [], false) as Promise<'OK'>;
    }
    return new Pipeline(this, 'multi', commands as readonly (readonly unknown[])[] | undefined);
  }

  /** EXEC of a manual transaction (multi({ pipeline: false })): the results as `[[error, result], …]`, as ioredis. */
  exec(callback?: NodeCallback<([Error] | [null, unknown])[] | null>): Promise<([Error] | [null, unknown])[] | null> {
    const results = this.send('EXEC', [], false).then((reply) => (Array.isArray(reply) ? reply.map((result): [Error] | [null, unknown] => (result instanceof Error ? [result] : [null, result])) : (reply as null)));
    return withCallback(results, callback);
  }

  /**
   * WATCH: the keys are watched on a connection the core lends until the next multi().exec() or unwatch();
   * other commands meanwhile run on the shared connection (WATCH sees their writes like anyone's).
   */
  watch(...params: unknown[]): Promise<'OK'> {
    const { params: keys, callback } = splitCallback(params);
    let flat: RedisArg[];
    try {
      flat = ioArguments('WATCH', keys);
    } catch (error) {
      return withCallback(Promise.reject(error), callback);
    }
    const current = this.watching;
    let result: Promise<'OK'>;
    if (current === undefined) {
      const started = this.core.watch(...flat);
      this.watching = started;
      started.catch(() => {
        if (this.watching === started) this.watching = undefined;
      });
      result = started.then(() => 'OK' as const);
    } else {
      result = current.then((tx) => tx.watch(...flat));
    }
    return withCallback(result, callback);
  }

  /** Forgets every WATCHed key. */
  unwatch(callback?: NodeCallback<'OK'>): Promise<'OK'> {
    const current = this.watching;
    this.watching = undefined;
    const result = current === undefined ? Promise.resolve('OK' as const) : current.then((tx) => tx.unwatch()).then(() => 'OK' as const);
    return withCallback(result, callback);
  }

  /** @internal The core batch a pipeline of this client runs on. */
  coreBatch(kind: 'pipeline' | 'multi'): CoreBatch | Promise<CoreBatch> {
    if (kind === 'pipeline') return this.core.pipeline();
    const watching = this.watching;
    if (watching === undefined) return this.core.multi();
    this.watching = undefined; // EXEC ends the WATCH, whatever it replies
    return watching.then((tx) => (tx.isActive ? tx.multi() : this.core.multi()));
  }

  /** A Lua script as a method (and its `…Buffer` variant), here and on this client's pipelines. */
  defineCommand(name: string, definition: ScriptDefinition): void {
    const defined = defineScript(this.core, name, definition);
    this.definedScripts.set(name, defined);
    const run = (params: unknown[], returnBuffers: boolean): Promise<unknown> => {
      const split = splitCallback(params);
      let promise: Promise<unknown>;
      try {
        const args = scriptArguments(defined, split.params);
        checkNumberOfKeys(args);
        // Through the script's runner (EVAL / EVALSHA, the NOSCRIPT re-send), in ioredis's reply shape: as in pipelines.
        promise = runnerOf(defined.script).send(args, returnBuffers, ioReplyTransform('EVAL', this.stringNumbers, returnBuffers));
        this.autoPipeline?.track('evalsha', promise);
      } catch (error) {
        promise = Promise.reject(error);
      }
      return withCallback(promise, split.callback);
    };
    Object.defineProperty(this, name, { value: (...params: unknown[]) => run(params, false), configurable: true, writable: true });
    Object.defineProperty(this, `${name}Buffer`, { value: (...params: unknown[]) => run(params, true), configurable: true, writable: true });
  }

  /** The command names that have a method (lower-case, as ioredis lists them). */
  getBuiltinCommands(): string[] {
    return IO_COMMAND_NAMES.map((name) => name.toLowerCase());
  }

  /** Adds a method (and its `…Buffer` variant) for a command the command table does not know (a module's). */
  addBuiltinCommand(name: string): void {
    if (typeof name !== 'string' || !/^[A-Za-z][\w.-]*$/.test(name)) throw new ArgumentError('addBuiltinCommand: expected a command name');
    const command = name.toUpperCase();
    this.addedCommands.add(name);
    Object.defineProperty(this, name, { value: (...params: unknown[]) => this.sendIo(command, params, false), configurable: true, writable: true });
    Object.defineProperty(this, `${name}Buffer`, { value: (...params: unknown[]) => this.sendIo(command, params, true), configurable: true, writable: true });
  }

  /** Every key, page by page, as a Readable object stream of arrays (SCAN). */
  scanStream(options?: ScanStreamOptions): ScanStream {
    return this.scanStreamOf('SCAN', undefined, options, false);
  }

  scanBufferStream(options?: ScanStreamOptions): ScanStream {
    return this.scanStreamOf('SCAN', undefined, options, true);
  }

  /** Members of a set (SSCAN). */
  sscanStream(key: RedisArg, options?: ScanStreamOptions): ScanStream {
    return this.scanStreamOf('SSCAN', key, options, false);
  }

  sscanBufferStream(key: RedisArg, options?: ScanStreamOptions): ScanStream {
    return this.scanStreamOf('SSCAN', key, options, true);
  }

  /** Fields and values of a hash, flat (HSCAN). */
  hscanStream(key: RedisArg, options?: ScanStreamOptions): ScanStream {
    return this.scanStreamOf('HSCAN', key, options, false);
  }

  hscanBufferStream(key: RedisArg, options?: ScanStreamOptions): ScanStream {
    return this.scanStreamOf('HSCAN', key, options, true);
  }

  /** Members and scores of a sorted set, flat (ZSCAN). */
  zscanStream(key: RedisArg, options?: ScanStreamOptions): ScanStream {
    return this.scanStreamOf('ZSCAN', key, options, false);
  }

  zscanBufferStream(key: RedisArg, options?: ScanStreamOptions): ScanStream {
    return this.scanStreamOf('ZSCAN', key, options, true);
  }

  /** Connects (with lazyConnect, or after disconnect()). */
  connect(callback?: NodeCallback<void>): Promise<void> {
    return withCallback(this.core.connect(), callback);
  }

  /** Gracefully closes: pending commands complete, then QUIT. */
  quit(callback?: NodeCallback<'OK'>): Promise<'OK'> {
    return this.endAfter(withCallback(this.core.quit(), callback));
  }

  /** ioredis settles quit() (and calls its callback) before 'end': the core's 'end' waits for `quit`. */
  protected endAfter<T>(quit: Promise<T>): Promise<T> {
    this.quitting = quit;
    return quit;
  }

  /** Closes now; pending commands reject. With `reconnect`, connects again. */
  disconnect(reconnect = false): void {
    this.core.disconnect();
    if (reconnect) this.core.connect().catch(() => undefined);
  }

  /** ioredis's alias of disconnect(). */
  end(): void {
    this.disconnect();
  }

  private scanStreamOf(command: string, key: RedisArg | undefined, options: ScanStreamOptions | undefined, returnBuffers: boolean): ScanStream {
    // Each page through the client's own method (scan / sscanBuffer …) with the arguments as one array, as ioredis calls it.
    const method = `${command.toLowerCase()}${returnBuffers ? 'Buffer' : ''}`;
    const page = (this as unknown as Record<string, (args: RedisArg[]) => Promise<unknown>>)[method] as (args: RedisArg[]) => Promise<unknown>;
    return new ScanStream((args) => page.call(this, args), key, options);
  }

  private send(name: string, params: unknown[], returnBuffers: boolean): Promise<unknown> {
    let args: RedisArg[];
    try {
      args = ioArguments(name, params);
    } catch (error) {
      return Promise.reject(error);
    }
    const refusal = this.commandRefusal(name, args) ?? connectionModeError(name, args);
    if (refusal !== undefined) return Promise.reject(refusal);
    if (name === 'SELECT') this.noteSelect(args[0]);
    const run = (): Promise<unknown> => withIoErrors(this.core.sendCommand(name, args, returnBuffers, ioReplyTransform(name, this.stringNumbers, returnBuffers)));
    // During disconnect(true) the closed connection would refuse it: it waits for the new one, in call order.
    const waiting = this.reconnecting ?? this.heldForHandshake(name, args[0]);
    return waiting === undefined ? run() : waiting.then(run);
  }

  /** Settles when a command that must not be refused yet may be sent; undefined: send it now. */
  protected heldForHandshake(_name: string, _firstArg: RedisArg | undefined): Promise<void> | undefined {
    return undefined;
  }

  /** Why this client refuses the command before sending it (subscriber mode …); undefined: it may go. */
  protected commandRefusal(_name: string, _args: readonly RedisArg[]): RedisError | undefined {
    return undefined;
  }

  /** ioredis emits 'select' (the db number) as a SELECT to another db is sent. */
  private noteSelect(arg: RedisArg | undefined): void {
    const db = Number(String(arg));
    if (!Number.isInteger(db) || db === this.selectedDb) return;
    this.selectedDb = db;
    this.emit('select', db);
  }

  private callWith(command: string, params: unknown[], returnBuffers: boolean): Promise<unknown> {
    const { params: rest, callback } = splitCallback(params);
    const parsed = parseCall(command, []);
    const promise = parsed instanceof ArgumentError ? Promise.reject(parsed) : this.send(parsed.name, [...parsed.args, ...rest], returnBuffers);
    if (!(parsed instanceof ArgumentError)) this.autoPipeline?.track(parsed.name, promise);
    return withCallback(promise, callback);
  }

  /** ioredis's events: connect, ready, error, close, reconnecting (delay), end. */
  private forwardEvents(): void {
    const core = this.core;
    core.on('connect', () => this.emit('connect'));
    core.on('ready', () => {
      const gate = this.readyGate;
      this.readyGate = undefined;
      if (gate === undefined) this.emit('ready');
      else void gate.then(() => this.emit('ready'));
    });
    core.on('error', (error: Error) => emitErrorIfListened(this, error));
    // ioredis emits 'close' for every connection that ended, and for every attempt that failed: before each
    // 'reconnecting' and before 'end'.
    core.on('connect', () => {
      this.closeOwed = true;
    });
    core.on('reconnecting', (event: { delay: number } | undefined) => {
      this.emitClose();
      this.closeOwed = true; // the next attempt, unless disconnect() comes first
      this.emit('reconnecting', event?.delay ?? 0);
    });
    core.on('end', () => {
      const quitting = this.quitting;
      this.quitting = undefined;
      const emitEnd = (): void => {
        this.emitClose();
        this.emit('end');
      };
      if (quitting === undefined) emitEnd();
      else quitting.then(emitEnd, emitEnd);
    });
  }

  private emitClose(): void {
    if (!this.closeOwed) return;
    this.closeOwed = false;
    this.emit('close');
  }

  /** Also true for a client of this entry from another copy of ocredis (the ESM and CommonJS builds side by side). */
  static override [Symbol.hasInstance]<T>(this: abstract new (...args: any[]) => T, value: unknown): value is T {
    return isInstance(this, value, EventEmitter);
  }
}

installIoCommands(IoClient.prototype);
