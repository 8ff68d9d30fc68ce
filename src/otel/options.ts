import { diag, type Attributes, type Context, type MeterProvider, type Span, type TracerProvider } from '@opentelemetry/api';
import { ArgumentError } from '../errors.js';
import { checkOptionKeys } from '../option-check.js';
import type { RedisArg } from '../resp/types.js';

/**
 * How `db.query.text` is built from a command's arguments:
 * - `'values'` (default): keys kept, every other argument becomes `?` (`SET user:1 ?`)
 * - `'all'`: every argument becomes `?` (`SET ? ?`)
 * - `'none'`: arguments as sent (truncated) — except the secrets of AUTH, HELLO, ACL, CONFIG SET, MIGRATE
 * - a function returning the text (or undefined for none); secret-bearing commands never reach it
 */
export type RedactMode = 'values' | 'all' | 'none' | ((command: string, args: readonly RedisArg[]) => string | undefined);

/** What hooks are told about a call. `args` are the raw arguments: don't copy them into telemetry unredacted. */
export interface CommandInfoForHook {
  /** Upper-case command (`GET`), or `PIPELINE` / `MULTI` for a batch. */
  readonly command: string;
  readonly args: readonly RedisArg[];
  /** The client method that was called (`get`, `hset`, `pipeline` …): the `method` metric label. */
  readonly method: string;
  /** For a batch: the queued commands in order. */
  readonly batch?: ReadonlyArray<{ readonly name: string; readonly args: readonly RedisArg[] }>;
}

/** The `db.client.operation.exception` record OcRedis emits (a LogRecord of `@opentelemetry/api-logs`). */
export interface ExceptionLogRecord {
  eventName: string;
  severityNumber: number;
  severityText: string;
  attributes: Attributes;
  context?: Context;
}

/** A Logger of `@opentelemetry/api-logs`, as far as OcRedis uses it. */
export interface LoggerLike {
  emit(record: ExceptionLogRecord): void;
}

/**
 * A LoggerProvider of `@opentelemetry/api-logs` (the SDK's `LoggerProvider`), as far as OcRedis uses it:
 * typed here so that the logs API stays an optional peer.
 */
export interface LoggerProviderLike {
  getLogger(name: string, version?: string): LoggerLike;
}

export interface OcRedisTelemetryOptions {
  /** Default: the global tracer provider of `@opentelemetry/api`, looked up on each call. */
  tracerProvider?: TracerProvider;
  /** Default: the global meter provider of `@opentelemetry/api`, looked up on each call. */
  meterProvider?: MeterProvider;
  /**
   * Where `db.client.operation.exception` log records go (one per failed call). Default: the global logger
   * provider of `@opentelemetry/api-logs` when that optional package is installed (none is emitted otherwise).
   */
  loggerProvider?: LoggerProviderLike;
  /** Only create spans for calls that have a parent span (metrics are still recorded). Default false. */
  requireParentSpan?: boolean;
  /** How argument values appear in `db.query.text`. Default `'values'`. */
  redact?: RedactMode;
  /** Observe only these commands (case-insensitive; `PIPELINE`/`MULTI` for batches). Default: all. */
  includeCommands?: readonly string[];
  /** Never observe these commands (no span, no metrics). Default: none. */
  excludeCommands?: readonly string[];
  /** Called right after a span starts. A hook that throws is logged (diag), never fails the call. */
  requestHook?: (span: Span, info: CommandInfoForHook) => void;
  /** Called with the reply before a successful span ends. A hook that throws is only logged. */
  responseHook?: (span: Span, info: CommandInfoForHook, response: unknown) => void;
  /**
   * A root `CONNECT` span for each handshake (first connect and every reconnect): its outcome and duration.
   * Default false: root spans with no caller are noise in most trace views.
   */
  traceConnections?: boolean;
  /**
   * Messages carry the caller's trace context (W3C `traceparent` / `tracestate`, through the registered
   * propagator): PUBLISH / SPUBLISH wrap their message in an envelope that this client's subscribers unwrap,
   * XADD adds `traceparent` / `tracestate` fields. Subscribers and XREAD / XREADGROUP then make CONSUMER
   * spans linked to the producer. Default false: it changes what is stored and published.
   */
  propagateContext?: boolean;
}

/** Options after defaults: what the instrumentation reads on every call. */
export interface ResolvedTelemetryOptions {
  readonly tracerProvider: TracerProvider | undefined;
  readonly meterProvider: MeterProvider | undefined;
  readonly loggerProvider: LoggerProviderLike | undefined;
  readonly requireParentSpan: boolean;
  readonly redact: RedactMode;
  readonly include: ReadonlySet<string> | undefined;
  readonly exclude: ReadonlySet<string> | undefined;
  readonly requestHook: OcRedisTelemetryOptions['requestHook'];
  readonly responseHook: OcRedisTelemetryOptions['responseHook'];
  readonly traceConnections: boolean;
  readonly propagateContext: boolean;
}

const REDACT_MODES = new Set(['values', 'all', 'none']);

/** Every key of OcRedisTelemetryOptions (the compiler keeps this list complete): anything else is refused. */
const TELEMETRY_OPTION_KEYS: Readonly<Record<keyof OcRedisTelemetryOptions, true>> = {
  tracerProvider: true,
  meterProvider: true,
  loggerProvider: true,
  requireParentSpan: true,
  redact: true,
  includeCommands: true,
  excludeCommands: true,
  requestHook: true,
  responseHook: true,
  traceConnections: true,
  propagateContext: true,
};

/** Option names of @opentelemetry/instrumentation-ioredis and -redis, and ours. */
const FOREIGN_TELEMETRY_OPTIONS: Readonly<Record<string, string>> = {
  dbStatementSerializer: "use 'redact': 'values' | 'all' | 'none' | (command, args) => text",
  enabled: 'not an option: use OcRedis to observe, Redis not to',
};

/**
 * Validates and fills defaults. Pure (nothing is opened), so OcRedis calls it before its connection exists: a
 * bad option throws while there is nothing to close yet.
 */
export function resolveTelemetryOptions(options: OcRedisTelemetryOptions = {}): ResolvedTelemetryOptions {
  if (typeof options !== 'object' || options === null) throw new ArgumentError('OcRedis: telemetry must be an object');
  checkOptionKeys('OcRedis telemetry', options, TELEMETRY_OPTION_KEYS, FOREIGN_TELEMETRY_OPTIONS);
  const redact = options.redact ?? 'values';
  if (typeof redact !== 'function' && !REDACT_MODES.has(redact)) {
    throw new ArgumentError(`OcRedis: telemetry.redact must be 'values', 'all', 'none' or a function (command, args) => text`);
  }
  for (const flag of ['requireParentSpan', 'traceConnections', 'propagateContext'] as const) {
    if (options[flag] !== undefined && typeof options[flag] !== 'boolean') throw new ArgumentError(`OcRedis: telemetry.${flag} must be a boolean`);
  }
  for (const hook of ['requestHook', 'responseHook'] as const) {
    if (options[hook] !== undefined && typeof options[hook] !== 'function') throw new ArgumentError(`OcRedis: telemetry.${hook} must be a function`);
  }
  for (const provider of ['tracerProvider', 'meterProvider', 'loggerProvider'] as const) {
    if (options[provider] !== undefined && (typeof options[provider] !== 'object' || options[provider] === null)) throw new ArgumentError(`OcRedis: telemetry.${provider} must be a provider object`);
  }
  if (options.loggerProvider !== undefined && typeof options.loggerProvider.getLogger !== 'function') {
    throw new ArgumentError('OcRedis: telemetry.loggerProvider must be a LoggerProvider of @opentelemetry/api-logs (with getLogger)');
  }
  return {
    tracerProvider: options.tracerProvider,
    meterProvider: options.meterProvider,
    loggerProvider: options.loggerProvider,
    requireParentSpan: options.requireParentSpan === true,
    redact,
    include: upperSet('includeCommands', options.includeCommands),
    exclude: upperSet('excludeCommands', options.excludeCommands),
    requestHook: options.requestHook,
    responseHook: options.responseHook,
    traceConnections: options.traceConnections === true,
    propagateContext: options.propagateContext === true,
  };
}

/** Whether a command (or `PIPELINE` / `MULTI`) is observed under these options. */
export function isObserved(options: ResolvedTelemetryOptions, command: string): boolean {
  if (options.include !== undefined && !options.include.has(command)) return false;
  return options.exclude === undefined || !options.exclude.has(command);
}

/** Runs a user hook; a throwing hook is logged and otherwise ignored. */
export function runHook(kind: string, hook: () => void): void {
  try {
    hook();
  } catch (error) {
    diag.error(`ocredis: ${kind} threw`, error);
  }
}

function upperSet(option: string, names: readonly string[] | undefined): ReadonlySet<string> | undefined {
  if (names === undefined) return undefined;
  if (!Array.isArray(names) || !names.every((name) => typeof name === 'string')) {
    throw new ArgumentError(`OcRedis: telemetry.${option} must be an array of command names, e.g. ['GET', 'SET']`);
  }
  return new Set(names.map((name) => name.toUpperCase()));
}

/**
 * The observed classes' `(options)` / `(url, options)` arguments, split into the url, the options for the
 * plain class, and the telemetry options, checked now: a bad one throws before the plain constructor opens
 * anything.
 */
export function splitTelemetryArgs<O extends { telemetry?: OcRedisTelemetryOptions }>(
  urlOrOptions: string | O | undefined,
  maybeOptions: O | undefined,
): { url: string | undefined; options: Omit<O, 'telemetry'>; telemetry: OcRedisTelemetryOptions | undefined; resolved: ResolvedTelemetryOptions } {
  const url = typeof urlOrOptions === 'string' ? urlOrOptions : undefined;
  const given = (url !== undefined ? maybeOptions : (urlOrOptions as O | undefined)) ?? ({} as O);
  const { telemetry, ...options } = given;
  return { url, options, telemetry, resolved: resolveTelemetryOptions(telemetry) };
}
