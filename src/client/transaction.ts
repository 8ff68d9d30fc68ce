import { commandChannel, traceCommand } from '../diagnostics/channels.js';
import type { CommandMethods, RedisKey } from '../commands/index.js';
import type { ReplyTransform } from '../connection/command.js';
import type { Connection } from '../connection/connection.js';
import { ArgumentError, ClientClosedError, WatchError } from '../errors.js';
import type { RedisArg } from '../resp/types.js';
import { parseCall } from '../commands/parse-call.js';
import { applyKeyPrefix } from '../commands/key-prefix.js';
import { installCommandMethods } from './batch-methods.js';
import { Multi } from './pipeline.js';
import type { ConnectionPool } from './pool.js';
import { optionsForAttempt, type CallOptions } from '../connection/call-options.js';

/** Default number of times `transaction()` re-runs its function after a WatchError. */
export const DEFAULT_TRANSACTION_RETRIES = 100;

/** Refuses a command before it is sent (a cluster transaction: a key of another slot), or lets it through. */
export type TransactionCommandCheck = (name: string, args: readonly RedisArg[]) => Error | undefined;

export interface TransactionOptions {
  /** Keys to WATCH before each attempt. */
  watch?: RedisKey[];
  /** Re-runs after a WatchError before giving up with it. Default 100. */
  maxRetries?: number;
}

/**
 * An optimistic (WATCH) transaction on a connection leased from the pool, because WATCH state belongs to a
 * connection. Commands called on it run at once (immediate mode, for the reads that decide what to write);
 * `multi()` starts the MULTI batch, whose `exec()` rejects with WatchError if a watched key changed.
 * The connection goes back to the pool after that exec(), or after `unwatch()`.
 *
 * If the connection drops and reconnects while keys are watched, the server has forgotten the WATCH, so
 * the MULTI batch is not sent and rejects with WatchError (retry from the start).
 */
export class Transaction {
  private ended = false;
  private watchLost = false;
  private batch: Multi | undefined;
  private readonly onReconnecting = (): void => {
    this.watchLost = true;
  };

  constructor(
    private readonly pool: ConnectionPool,
    /** The leased connection. */
    readonly connection: Connection,
    private readonly check?: TransactionCommandCheck,
    /** Per-call options (withOptions on the client): every command of the transaction, and its exec(), carry them. */
    private readonly callOptions?: CallOptions,
  ) {
    connection.on('reconnecting', this.onReconnecting);
  }

  /** Leases a connection and WATCHes `keys` on it (none: WATCH later with `watch()`). */
  static async start(pool: ConnectionPool, keys: readonly RedisKey[], check?: TransactionCommandCheck, callOptions?: CallOptions): Promise<Transaction> {
    optionsForAttempt(callOptions, Date.now(), 'WATCH'); // an aborted signal leases nothing
    const connection = await pool.acquire();
    const transaction = new Transaction(pool, connection, check, callOptions);
    if (keys.length > 0) {
      try {
        await transaction.watch(...keys);
      } catch (error) {
        await transaction.unwatch();
        throw error;
      }
    }
    return transaction;
  }

  /** False once the transaction's batch ran or `unwatch()` was called: the connection is back in the pool. */
  get isActive(): boolean {
    return !this.ended;
  }

  /** The MULTI batch started by `multi()` and not executed yet, if any. */
  get pendingBatch(): Multi | undefined {
    return this.batch !== undefined && !this.batch.isExecuted ? this.batch : undefined;
  }

  /** WATCHes more keys. */
  watch(...keys: RedisKey[]): Promise<'OK'> {
    if (keys.length === 0) return Promise.reject(new ArgumentError('watch: at least one key is required'));
    return this.sendCommand<'OK'>('WATCH', keys);
  }

  /** Forgets the watched keys and gives the connection back to the pool; ends the transaction. */
  async unwatch(): Promise<void> {
    if (this.ended) return;
    this.end();
    try {
      await this.connection.send('UNWATCH', []);
    } catch {
      this.pool.destroy(this.connection);
      return;
    }
    this.pool.release(this.connection);
  }

  /** Starts the MULTI batch: queue the writes on it, then `exec()` it (or let `transaction()` do that). */
  multi(): Multi {
    const batch: Multi = new Multi(this.connection, {
      beforeSend: (): Error | undefined => {
        if (this.ended) return new ClientClosedError('This transaction has already ended (exec() or unwatch() was called)');
        if (this.watchLost || this.connection.status !== 'ready') return new WatchError();
        return this.refusal(batch.commands);
      },
      afterExec: (answered) => {
        if (this.ended) return;
        if (!answered) {
          // Nothing reached EXEC: the server may still hold our WATCHes.
          void this.unwatch();
          return;
        }
        this.end(); // EXEC (even a failed one) clears every WATCH
        this.pool.release(this.connection);
      },
    });
    batch.callOptions = this.callOptions;
    this.batch = batch;
    return batch;
  }

  /** Runs one command now on the leased connection. The path every method of the transaction goes through. */
  sendCommand<T = unknown>(name: string, args: readonly RedisArg[], returnBuffers = false, transform?: ReplyTransform<T>): Promise<T> {
    if (this.ended) return Promise.reject(new ClientClosedError('This transaction has ended: its connection went back to the pool'));
    args = applyKeyPrefix(this.connection.options.keyPrefix, name, args);
    const refusal = this.refusal([{ name, args }]);
    if (refusal !== undefined) return Promise.reject(refusal);
    if (commandChannel.hasSubscribers) return traceCommand(this.connection, name, args, () => this.send(name, args, returnBuffers, transform));
    return this.send(name, args, returnBuffers, transform);
  }

  private send<T>(name: string, args: readonly RedisArg[], returnBuffers: boolean, transform: ReplyTransform<T> | undefined): Promise<T> {
    const options = this.callOptions;
    return options === undefined ? this.connection.send(name, args, returnBuffers, transform) : this.connection.sendWith(name, args, returnBuffers, transform, options);
  }

  /** Runs any command now: `call('OBJECT', 'ENCODING', 'key')`. */
  call(command: string, ...args: RedisArg[]): Promise<unknown> {
    return this.callWith(command, args, false);
  }

  /** Like call(), with bulk strings as Buffers. */
  callBuffer(command: string, ...args: RedisArg[]): Promise<unknown> {
    return this.callWith(command, args, true);
  }

  private callWith(command: string, args: RedisArg[], returnBuffers: boolean): Promise<unknown> {
    const parsed = parseCall(command, args);
    if (parsed instanceof ArgumentError) return Promise.reject(parsed);
    return this.sendCommand(parsed.name, parsed.args, returnBuffers);
  }

  private refusal(commands: ReadonlyArray<{ readonly name: string; readonly args: readonly RedisArg[] }>): Error | undefined {
    if (this.check === undefined) return undefined;
    for (const { name, args } of commands) {
      const error = this.check(name, args);
      if (error !== undefined) return error;
    }
    return undefined;
  }

  private end(): void {
    this.ended = true;
    this.connection.off('reconnecting', this.onReconnecting);
  }

  static {
    installCommandMethods<Promise<unknown>>(Transaction.prototype, {
      dispatch: (target, name, args, returnBuffers, transform) => (target as Transaction).sendCommand(name, args, returnBuffers, transform),
      refuse: (_target, _name, error) => Promise.reject(error),
    });
  }
}

// The typed command methods are installed on the prototype from the specs; this interface gives them types.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Transaction extends CommandMethods {}

/**
 * `r.transaction(fn, ...watchKeys)`: leases a connection, WATCHes the keys, runs `fn(tx)`, executes the MULTI
 * batch `fn` started (if `fn` did not exec it itself), and re-runs everything on WatchError, up to
 * `maxRetries` times. Resolves to what `fn` returned. Any other error (from `fn` or the batch) ends it.
 *
 * Don't return a handle from an async `fn` (`return m.incr(k)`): the function's promise would wait for the
 * handle, which waits for the exec that runs after the function. Return `m.exec()` or plain values.
 */
export async function runTransaction<T>(
  pool: ConnectionPool,
  fn: (tx: Transaction) => T | PromiseLike<T>,
  rest: readonly (RedisKey | TransactionOptions)[],
  check?: TransactionCommandCheck,
  /** Per-call options (withOptions): every command of every attempt carries them; once aborted, no attempt starts. */
  callOptions?: CallOptions,
): Promise<T> {
  const { watch, maxRetries } = parseTransactionArgs(rest);
  for (let attempt = 0; ; attempt++) {
    const tx = await Transaction.start(pool, watch, check, callOptions);
    try {
      const value = await fn(tx);
      await tx.pendingBatch?.exec();
      return value;
    } catch (error) {
      if (!(error instanceof WatchError) || attempt >= maxRetries) throw error;
    } finally {
      await tx.unwatch(); // no-op when the batch ran
    }
  }
}

export function parseTransactionArgs(rest: readonly (RedisKey | TransactionOptions)[]): { watch: RedisKey[]; maxRetries: number } {
  const first = rest[0];
  if (rest.length === 1 && first !== undefined && typeof first === 'object' && !Buffer.isBuffer(first)) {
    const options = first as TransactionOptions;
    const maxRetries = options.maxRetries ?? DEFAULT_TRANSACTION_RETRIES;
    if (!Number.isInteger(maxRetries) || maxRetries < 0) throw new ArgumentError('transaction: maxRetries must be a non-negative integer');
    return { watch: [...(options.watch ?? [])], maxRetries };
  }
  for (const key of rest) {
    if (typeof key !== 'string' && !Buffer.isBuffer(key)) throw new ArgumentError('transaction: watch keys must be strings or Buffers (or pass one options object)');
  }
  return { watch: rest as RedisKey[], maxRetries: DEFAULT_TRANSACTION_RETRIES };
}
