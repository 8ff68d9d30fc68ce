// The `db.client.operation.exception` log record of the database conventions: one per failed call that OcRedis
// observes, severity WARN, with the error's type (its message and stack under the same rule as the span's
// exception event) and the call's bounded attributes, in the call span's context. Emitted only where the
// application has logs: through `telemetry.loggerProvider`, or the global LoggerProvider of
// `@opentelemetry/api-logs` — an optional peer, loaded on the first failure; absent, nothing is emitted.
// Only on the failure path: a successful call never reaches this module.
import { ROOT_CONTEXT, trace, type Attributes, type Span } from '@opentelemetry/api';
import { requireOptional } from '../telemetry/require-here.js';
import type { ExceptionLogRecord, LoggerLike, LoggerProviderLike, ResolvedTelemetryOptions } from './options.js';
import { SCOPE_NAME, SCOPE_VERSION } from './scope.js';

export const EXCEPTION_EVENT_NAME = 'db.client.operation.exception';
/** SeverityNumber.WARN of @opentelemetry/api-logs, as the conventions ask. */
const SEVERITY_WARN = 13;

interface LogsApi {
  readonly logs: { getLoggerProvider(): LoggerProviderLike };
}

/** undefined: not looked up yet; null: not installed. */
let logsApi: LogsApi | null | undefined;
const loggers = new WeakMap<LoggerProviderLike, LoggerLike>();

/**
 * Emits the record for a failed call. `attributes`: the call's bounded ones (operation, endpoint, error type), built only when there is a logger;
 * `message` / `stack`: only when they may be shown. Never throws.
 */
export function emitExceptionLog(options: ResolvedTelemetryOptions, span: Span | undefined, type: string, attributes: () => Attributes, message?: string, stack?: string): void {
  try {
    const logger = loggerFor(options);
    if (logger === undefined) return;
    const recordAttributes: Attributes = { ...attributes(), 'exception.type': type };
    if (message !== undefined) recordAttributes['exception.message'] = message;
    if (stack !== undefined) recordAttributes['exception.stacktrace'] = stack;
    const record: ExceptionLogRecord = { eventName: EXCEPTION_EVENT_NAME, severityNumber: SEVERITY_WARN, severityText: 'WARN', attributes: recordAttributes };
    // In the call span's context: backends link the record to the trace.
    if (span !== undefined) record.context = trace.setSpan(ROOT_CONTEXT, span);
    logger.emit(record);
  } catch {
    // Telemetry never fails a call.
  }
}

function loggerFor(options: ResolvedTelemetryOptions): LoggerLike | undefined {
  const provider = options.loggerProvider ?? globalLoggerProvider();
  if (provider === undefined) return undefined;
  let logger = loggers.get(provider);
  if (logger === undefined) {
    logger = provider.getLogger(SCOPE_NAME, SCOPE_VERSION);
    loggers.set(provider, logger);
  }
  return logger;
}

/** The global LoggerProvider (a no-op one until the application registers its own), if the logs API is installed. */
function globalLoggerProvider(): LoggerProviderLike | undefined {
  if (logsApi === undefined) logsApi = requireOptional<LogsApi>('@opentelemetry/api-logs') ?? null;
  return logsApi?.logs.getLoggerProvider();
}
