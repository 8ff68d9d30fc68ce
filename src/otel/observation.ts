// One observed network call (a command, or a whole pipeline / MULTI batch): its span (when tracing is on and
// allowed), its metrics (when a meter records), ended exactly once with the reply or the error. On a cluster it
// is also the call's CommandObserver: the node that answers, MOVED / ASK redirects and retries reach it.
import { context, SpanKind, SpanStatusCode, trace, type Attributes, type HrTime, type Span, type Tracer } from '@opentelemetry/api';
import type { CommandObserver, RedirectEvent, RetryEvent } from '../cluster/cluster-command.js';
import type { NodeAddress } from '../cluster/topology.js';
import { keyIndexes } from '../commands/key-positions.js';
import type { RedisArg } from '../resp/types.js';
import { operationAttributes, withErrorAttributes, type Endpoint } from './attributes.js';
import { ReplyError } from '../errors.js';
import { takeHandledError } from '../handled-errors.js';
import { boundedCode, errorType, exceptionType } from './error-info.js';
import type { Instruments } from './instruments.js';
import { recordArgLengths, recordReplyLengths } from './lengths.js';
import { runHook, type CommandInfoForHook, type ResolvedTelemetryOptions } from './options.js';
import { batchQueryText, queryText } from './query-text.js';
import { storedProcedureName } from './stored-procedure.js';
import { emitExceptionLog } from './exception-log.js';
import { batchHasSecrets, isSecretBearing } from './secret-commands.js';

const NO_ARGS: readonly RedisArg[] = [];

export interface QueuedCommandInfo {
  readonly name: string;
  readonly args: readonly RedisArg[];
}

export class Observation implements CommandInfoForHook, CommandObserver {
  private readonly startedAt = performance.now();
  /** Key positions per queued command of a batch, found on first use. */
  private batchKeys: (readonly number[])[] | undefined;

  private constructor(
    private readonly options: ResolvedTelemetryOptions,
    private readonly instruments: Instruments | undefined,
    /** The call's span (undefined when tracing is off or not allowed): a produced message carries its context. */
    readonly span: Span | undefined,
    /** Where the call went; a cluster call updates it to the node that answered (onNode). */
    private endpoint: Endpoint,
    readonly method: string,
    readonly command: string,
    readonly args: readonly RedisArg[],
    readonly batch: readonly QueuedCommandInfo[] | undefined,
    /** Key positions of `args` when the caller knows better than the command table (pub/sub channel names). */
    private readonly argKeys: readonly number[] | undefined,
  ) {}

  /**
   * Starts observing a call in the caller's current context, with the tracer and instruments the caller
   * found (at least one of them defined: with neither, the caller just runs the call). `keys`: the key
   * positions of `args`, to use instead of the command table's.
   */
  static start(
    options: ResolvedTelemetryOptions,
    tracer: Tracer | undefined,
    instruments: Instruments | undefined,
    endpoint: () => Endpoint,
    method: string,
    command: string,
    args: readonly RedisArg[],
    batch?: readonly QueuedCommandInfo[],
    keys?: readonly number[],
  ): Observation {
    const where = endpoint();
    let span: Span | undefined;
    let batchKeys: (readonly number[])[] | undefined;
    if (tracer !== undefined) {
      const parent = context.active();
      if (!options.requireParentSpan || trace.getSpan(parent) !== undefined) {
        const attributes = operationAttributes(command, where);
        if (where.peer !== undefined) {
          attributes['network.peer.address'] = where.peer.address;
          attributes['network.peer.port'] = where.peer.port;
        }
        if (batch === undefined) {
          const text = safeQueryText(options, command, args, keys);
          if (text !== undefined) attributes['db.query.text'] = text;
          const procedure = storedProcedureName(command, args);
          if (procedure !== undefined) attributes['db.stored_procedure.name'] = procedure;
        } else {
          if (batch.length > 1) attributes['db.operation.batch.size'] = batch.length;
          batchKeys = [];
          const text = safeBatchText(options, batch, keysOfQueued(batch, batchKeys));
          if (text !== undefined) attributes['db.query.text'] = text;
          const only = batch.length === 1 ? (batch[0] as QueuedCommandInfo) : undefined;
          const procedure = only !== undefined ? storedProcedureName(only.name, only.args) : undefined;
          if (procedure !== undefined) attributes['db.stored_procedure.name'] = procedure;
        }
        span = tracer.startSpan(command, { kind: SpanKind.CLIENT, attributes }, parent);
      }
    }
    const observation = new Observation(options, instruments, span, where, method, command, batch === undefined ? args : NO_ARGS, batch, keys);
    observation.batchKeys = batchKeys;
    const hook = options.requestHook;
    if (span !== undefined && hook !== undefined) runHook('requestHook', () => hook(span, observation));
    return observation;
  }

  /** CommandObserver: the node the call was (last) routed to, whose reply settles it. */
  onNode(node: NodeAddress): void {
    const where = this.endpoint;
    if (where.host === node.host && where.port === node.port) return;
    this.endpoint = { db: where.db, host: node.host, port: node.port };
    try {
      this.span?.setAttributes({ 'server.address': node.host, 'server.port': node.port });
    } catch {
      // Telemetry never fails a call.
    }
  }

  /** The call was a cacheable read: answered from the client-side cache (true) or sent to the server (false). */
  noteCacheHit(hit: boolean): void {
    try {
      this.span?.setAttribute('db.redis.cache_hit', hit);
    } catch {
      // Telemetry never fails a call.
    }
  }

  /** CommandObserver: a MOVED / ASK followed: a span event (no argument values) and a count by kind. */
  onRedirect(event: RedirectEvent): void {
    try {
      this.span?.addEvent('redirect', { kind: event.kind, slot: event.slot, from: addressText(event.from), to: addressText(event.to) });
      this.instruments?.recordRedirect(event.kind);
    } catch {
      // Telemetry never fails a call.
    }
  }

  /** CommandObserver: the call is sent again after a pause (TRYAGAIN, CLUSTERDOWN, a node down …). */
  onRetry(event: RetryEvent): void {
    try {
      this.span?.addEvent('retry', { reason: boundedCode(event.reason), attempt: event.attempt, delay: event.delay });
    } catch {
      // Telemetry never fails a call.
    }
  }

  /** Ends the observation with the call's reply. Never throws. */
  succeed(reply: unknown): void {
    try {
      const span = this.span;
      if (span !== undefined) {
        if (this.batch !== undefined) this.addBatchEvents(span, undefined);
        const hook = this.options.responseHook;
        if (hook !== undefined) runHook('responseHook', () => hook(span, this, reply));
        span.end();
      }
      this.record(reply, undefined, false);
    } catch {
      // Telemetry never fails a call.
    }
  }

  /** Ends the observation with the call's error. Never throws. */
  fail(error: unknown): void {
    try {
      if (this.isHandled(error) || this.isHandledInBatch(error)) return;
      const span = this.span;
      // The message and stack only when redaction is off, and never for a secret-bearing call: the server
      // quotes a refused ACL rule or CONFIG value back.
      const reveal = this.options.redact === 'none' && !this.carriesSecrets() && error instanceof Error;
      const exception = exceptionOf(error, reveal);
      const attributes = (): Attributes => withErrorAttributes(operationAttributes(this.command, this.endpoint), error);
      emitExceptionLog(this.options, span, exception.name, attributes, exception.message, exception.stack);
      if (span !== undefined) {
        span.setAttributes(withErrorAttributes({}, error));
        span.recordException(exception);
        // The description adds what error.type does not say, so only the message (when it may be shown).
        span.setStatus(reveal ? { code: SpanStatusCode.ERROR, message: (error as Error).message } : { code: SpanStatusCode.ERROR });
        if (this.batch !== undefined) this.addBatchEvents(span, error);
        span.end();
      }
      this.record(undefined, error, true);
    } catch {
      // Telemetry never fails a call.
    }
  }

  /**
   * An error the caller handles itself (a registered script's NOSCRIPT, followed by the call re-sent as EVAL):
   * not a failure of the caller's call, so no ERROR status and no error series; the span shows it as a
   * `retry` event and ends. True if so (the observation is then over).
   */
  private isHandled(error: unknown): boolean {
    if (this.batch !== undefined || !(error instanceof ReplyError) || takeHandledError(this.args) !== error.code) return false;
    const span = this.span;
    if (span !== undefined) {
      span.addEvent('retry', { reason: errorType(error), 'error.type': errorType(error) });
      span.end();
    }
    return true;
  }

  /**
   * A batch whose only failed commands are ones the caller recovers from itself (the ioredis entry re-sends a
   * script's NOSCRIPT after the pipeline): the batch did its work, so it is recorded as a success; each such
   * command's event keeps its error.type, and a `retry` event says it is re-sent. True if so.
   */
  private isHandledInBatch(error: unknown): boolean {
    const batch = this.batch;
    const replies = batchReplies(error);
    if (batch === undefined || replies === undefined) return false;
    const recovered = (reply: unknown, i: number): boolean => !(reply instanceof Error) || (reply instanceof ReplyError && takeHandledError((batch[i] as QueuedCommandInfo).args) === reply.code);
    if (!replies.every(recovered)) return false;
    const span = this.span;
    if (span !== undefined) {
      this.addBatchEvents(span, error);
      for (const reply of replies) if (reply instanceof Error) span.addEvent('retry', { reason: errorType(reply), 'error.type': errorType(reply) });
      span.end();
    }
    this.record(replies, undefined, false);
    return true;
  }

  /** The call (or a command of the batch) can carry a password or access key. */
  private carriesSecrets(): boolean {
    return this.batch !== undefined ? batchHasSecrets(this.batch) : isSecretBearing(this.command, this.args);
  }

  private record(reply: unknown, error: unknown, failed: boolean): void {
    const instruments = this.instruments;
    if (instruments === undefined) return;
    const ms = performance.now() - this.startedAt;
    const series = instruments.seriesFor(this.method, error, failed);
    series.recordCall(ms);
    const batch = this.batch;
    if (batch === undefined) {
      recordArgLengths(this.command, this.args, series, this.argKeys);
    } else {
      for (let i = 0; i < batch.length; i++) {
        const queued = batch[i] as QueuedCommandInfo;
        recordArgLengths(queued.name, queued.args, series, this.queuedKeys(i));
      }
    }
    if (!failed) recordReplyLengths(reply, series);
    instruments.recordOperationDuration(ms / 1000, this.command, this.endpoint, error, failed);
  }

  /** One event per queued command, in order, with its sanitized text and, if it failed, its error type. */
  private addBatchEvents(span: Span, error: unknown): void {
    const batch = this.batch;
    if (batch === undefined) return;
    const replies = batchReplies(error);
    const time = eventTime(span, this.startedAt);
    for (let i = 0; i < batch.length; i++) {
      const queued = batch[i] as QueuedCommandInfo;
      const attributes: Attributes = { 'db.operation.name': queued.name };
      const text = safeQueryText(this.options, queued.name, queued.args, this.queuedKeys(i));
      if (text !== undefined) attributes['db.query.text'] = text;
      const reply = replies?.[i];
      if (reply instanceof Error) attributes['error.type'] = errorType(reply);
      span.addEvent(queued.name, attributes, time);
    }
  }

  /** The key positions of queued command i, found once for its event and its length records. */
  private queuedKeys(i: number): readonly number[] {
    return queuedKeysAt(this.batch as readonly QueuedCommandInfo[], (this.batchKeys ??= []), i);
  }
}

/** Key positions of a batch's command i, looked up once into `found`. */
function queuedKeysAt(batch: readonly QueuedCommandInfo[], found: (readonly number[])[], i: number): readonly number[] {
  let keys = found[i];
  if (keys === undefined) {
    const queued = batch[i] as QueuedCommandInfo;
    keys = keyIndexes(queued.name, queued.args);
    found[i] = keys;
  }
  return keys;
}

function keysOfQueued(batch: readonly QueuedCommandInfo[], found: (readonly number[])[]): (i: number) => readonly number[] {
  return (i) => queuedKeysAt(batch, found, i);
}

/**
 * One timestamp for all of a batch's events (they happen together, when the replies arrive), on the span's
 * own clock: its start plus the time since. Saves the SDK a clock read and three arrays per event. Undefined
 * (the SDK reads the clock) for a span that does not expose its start as HrTime.
 */
function eventTime(span: Span, startedAt: number): HrTime | undefined {
  const start = (span as { startTime?: unknown }).startTime;
  if (!Array.isArray(start) || start.length !== 2 || typeof start[0] !== 'number' || typeof start[1] !== 'number') return undefined;
  const nanos = start[1] + Math.round((performance.now() - startedAt) * 1e6);
  return [start[0] + Math.floor(nanos / 1e9), nanos % 1e9];
}

/** The span's exception event: the error's class, and its message and stack only when they may be shown. */
function exceptionOf(error: unknown, reveal: boolean): { name: string; message?: string; stack?: string } {
  const name = exceptionType(error);
  if (!reveal) return { name };
  const { message, stack } = error as Error;
  return stack !== undefined ? { name, message, stack } : { name, message };
}

function addressText(address: NodeAddress): string {
  return address.host.includes(':') ? `[${address.host}]:${address.port}` : `${address.host}:${address.port}`;
}

/** The per-command replies of a BatchError (errors in place), if that is what failed the batch. */
function batchReplies(error: unknown): readonly unknown[] | undefined {
  if (error === null || typeof error !== 'object') return undefined;
  const replies = (error as { replies?: unknown }).replies;
  return Array.isArray(replies) ? replies : undefined;
}

function safeBatchText(options: ResolvedTelemetryOptions, batch: readonly QueuedCommandInfo[], keysOf: (i: number) => readonly number[]): string | undefined {
  try {
    return batchQueryText(batch, options.redact, keysOf);
  } catch {
    return undefined; // a throwing redact function leaves the attribute out
  }
}

function safeQueryText(options: ResolvedTelemetryOptions, command: string, args: readonly RedisArg[], keys?: readonly number[]): string | undefined {
  try {
    return queryText(command, args, options.redact, keys);
  } catch {
    return undefined; // a throwing redact function leaves the attribute out
  }
}
