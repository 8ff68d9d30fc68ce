// One observed network call (a command, or a whole pipeline / MULTI batch): its span (when tracing is on and
// allowed), its metrics (when a meter records), ended exactly once with the reply or the error.
import { context, SpanKind, SpanStatusCode, trace, type Attributes, type Span } from '@opentelemetry/api';
import type { RedisArg } from '../resp/types.js';
import { metricLabels, operationAttributes, withErrorAttributes, type Endpoint } from './attributes.js';
import { errorType, safeMessage } from './error-info.js';
import type { Instruments } from './instruments.js';
import { recordArgLengths, recordReplyLengths } from './lengths.js';
import { runHook, type CommandInfoForHook, type ResolvedTelemetryOptions } from './options.js';
import { currentInstruments, currentTracer } from './providers.js';
import { queryText } from './query-text.js';

const NO_ARGS: readonly RedisArg[] = [];

export interface QueuedCommandInfo {
  readonly name: string;
  readonly args: readonly RedisArg[];
}

export class Observation implements CommandInfoForHook {
  private readonly startedAt = performance.now();

  private constructor(
    private readonly options: ResolvedTelemetryOptions,
    private readonly instruments: Instruments | undefined,
    private readonly span: Span | undefined,
    private readonly endpoint: Endpoint,
    readonly method: string,
    readonly command: string,
    readonly args: readonly RedisArg[],
    readonly batch: readonly QueuedCommandInfo[] | undefined,
  ) {}

  /**
   * Starts observing a call in the caller's current context, or returns undefined when nothing would be
   * recorded (no SDK registered, or the command is excluded): the caller then just runs the call.
   */
  static start(
    options: ResolvedTelemetryOptions,
    endpoint: () => Endpoint,
    method: string,
    command: string,
    args: readonly RedisArg[],
    batch?: readonly QueuedCommandInfo[],
  ): Observation | undefined {
    const tracer = currentTracer(options);
    const instruments = currentInstruments(options);
    if (tracer === undefined && instruments === undefined) return undefined;
    const where = endpoint();
    let span: Span | undefined;
    if (tracer !== undefined) {
      const parent = context.active();
      if (!options.requireParentSpan || trace.getSpan(parent) !== undefined) {
        const attributes = operationAttributes(command, where);
        if (batch === undefined) {
          const text = safeQueryText(options, command, args);
          if (text !== undefined) attributes['db.query.text'] = text;
        } else if (batch.length > 1) {
          attributes['db.operation.batch.size'] = batch.length;
        }
        span = tracer.startSpan(command, { kind: SpanKind.CLIENT, attributes }, parent);
      }
    }
    const observation = new Observation(options, instruments, span, where, method, command, batch === undefined ? args : NO_ARGS, batch);
    const hook = options.requestHook;
    if (span !== undefined && hook !== undefined) runHook('requestHook', () => hook(span, observation));
    return observation;
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
      const span = this.span;
      if (span !== undefined) {
        const reveal = this.options.redact === 'none';
        const message = safeMessage(error, reveal);
        const type = errorType(error);
        span.setAttributes(withErrorAttributes({}, error));
        span.recordException({ name: type, message, ...(reveal && error instanceof Error && error.stack !== undefined ? { stack: error.stack } : {}) });
        span.setStatus({ code: SpanStatusCode.ERROR, message });
        if (this.batch !== undefined) this.addBatchEvents(span, error);
        span.end();
      }
      this.record(undefined, error, true);
    } catch {
      // Telemetry never fails a call.
    }
  }

  private record(reply: unknown, error: unknown, failed: boolean): void {
    const instruments = this.instruments;
    if (instruments === undefined) return;
    const ms = performance.now() - this.startedAt;
    const labels = metricLabels(this.method, error, failed);
    instruments.latency.record(ms, labels);
    instruments.calls.add(1, labels);
    if (this.batch === undefined) {
      recordArgLengths(this.command, this.args, instruments.keyLengths, instruments.valueLengths, labels);
    } else {
      for (const queued of this.batch) recordArgLengths(queued.name, queued.args, instruments.keyLengths, instruments.valueLengths, labels);
    }
    if (!failed) recordReplyLengths(reply, instruments.valueLengths, labels);
    const semconv = operationAttributes(this.command, this.endpoint);
    instruments.operationDuration.record(ms / 1000, failed ? withErrorAttributes(semconv, error) : semconv);
  }

  /** One event per queued command, in order, with its sanitized text and, if it failed, its error type. */
  private addBatchEvents(span: Span, error: unknown): void {
    const replies = batchReplies(error);
    this.batch?.forEach((queued, i) => {
      const attributes: Attributes = { 'db.operation.name': queued.name };
      const text = safeQueryText(this.options, queued.name, queued.args);
      if (text !== undefined) attributes['db.query.text'] = text;
      const reply = replies?.[i];
      if (reply instanceof Error) attributes['error.type'] = errorType(reply);
      span.addEvent(queued.name, attributes);
    });
  }
}

/** The per-command replies of a BatchError (errors in place), if that is what failed the batch. */
function batchReplies(error: unknown): readonly unknown[] | undefined {
  if (error === null || typeof error !== 'object') return undefined;
  const replies = (error as { replies?: unknown }).replies;
  return Array.isArray(replies) ? replies : undefined;
}

function safeQueryText(options: ResolvedTelemetryOptions, command: string, args: readonly RedisArg[]): string | undefined {
  try {
    return queryText(command, args, options.redact);
  } catch {
    return undefined; // a throwing redact function leaves the attribute out
  }
}
