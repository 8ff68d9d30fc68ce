// What the ioredis-style Redis and Cluster of this entry share: commands on the core's single path with
// ioredis's argument and reply shapes, node-style callbacks, pipeline() / multi() / WATCH, defineCommand(),
// and ioredis's connection events. Each instance wraps one core client (Redis, OcRedis, RedisCluster …).
import { EventEmitter } from 'node:events';
import { connectionModeError } from '../commands/connection-mode.js';
import { parseCall } from '../commands/parse-call.js';
import { ArgumentError } from '../errors.js';
import { emitErrorIfListened } from '../events.js';
import { isInstance } from '../brand.js';
import type { RedisArg } from '../resp/types.js';
import { ioArguments, splitCallback, withCallback, type NodeCallback } from './arguments.js';
import { installIoCommands, IO_COMMAND_NAMES, type IoCommandHost } from './commands.js';
import type { ScriptDefinition } from './constructor-args.js';
import type { CoreBatch, CoreClient, CoreTransaction } from './core.js';
import { Pipeline, type PipelineOwner } from './pipeline.js';
import { ioReplyTransform } from './reply-shapes.js';
import { ScanStream, type ScanStreamOptions } from './scan-stream.js';
import { defineScript, scriptArguments, scriptCall, type DefinedScript } from './scripts.js';

export abstract class IoClient<Core extends CoreClient = CoreClient> extends EventEmitter implements IoCommandHost, PipelineOwner {
  /** The core client every call goes through. */
  readonly core: Core;
  readonly stringNumbers: boolean;
  readonly definedScripts = new Map<string, DefinedScript>();
  /** Commands added with addBuiltinCommand() (their methods are on this client and its pipelines). */
  readonly addedCommands = new Set<string>();
  /** The transaction lent by the core for WATCH, until exec() or unwatch() ends it. */
  private watching: Promise<CoreTransaction> | undefined;
  /** A socket was open since the last 'close' event: ioredis emits 'close' once per closed connection. */
  private closeOwed = false;

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
    return withCallback(this.send(name, rest, returnBuffers), callback);
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

  /** A chainable MULTI/EXEC batch (after watch(), on the watching connection). exec() resolves null on a WATCH conflict. */
  multi(commands?: readonly (readonly unknown[])[]): Pipeline {
    return new Pipeline(this, 'multi', commands);
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
        const call = scriptCall(scriptArguments(defined, split.params));
        promise = returnBuffers ? defined.script.buffer(call) : defined.script(call);
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
    return withCallback(this.core.quit(), callback);
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
    return new ScanStream((args) => this.sendIo(command, args, returnBuffers), key, options);
  }

  private send(name: string, params: unknown[], returnBuffers: boolean): Promise<unknown> {
    let args: RedisArg[];
    try {
      args = ioArguments(name, params);
    } catch (error) {
      return Promise.reject(error);
    }
    const refusal = connectionModeError(name, args);
    if (refusal !== undefined) return Promise.reject(refusal);
    return this.core.sendCommand(name, args, returnBuffers, ioReplyTransform(name, this.stringNumbers));
  }

  private callWith(command: string, params: unknown[], returnBuffers: boolean): Promise<unknown> {
    const { params: rest, callback } = splitCallback(params);
    const parsed = parseCall(command, []);
    const promise = parsed instanceof ArgumentError ? Promise.reject(parsed) : this.send(parsed.name, [...parsed.args, ...rest], returnBuffers);
    return withCallback(promise, callback);
  }

  /** ioredis's events: connect, ready, error, close, reconnecting (delay), end. */
  private forwardEvents(): void {
    const core = this.core;
    core.on('connect', () => {
      this.closeOwed = true;
      this.emit('connect');
    });
    core.on('ready', () => this.emit('ready'));
    core.on('error', (error: Error) => emitErrorIfListened(this, error));
    core.on('reconnecting', (event: { delay: number } | undefined) => {
      this.emitClose();
      this.emit('reconnecting', event?.delay ?? 0);
    });
    core.on('end', () => {
      this.emitClose();
      this.emit('end');
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
