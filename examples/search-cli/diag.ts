// Telemetry problems after start-up (Zipkin stopped mid-session, a failed flush) arrive through the
// OpenTelemetry diag logger. The demo reports the first one and hides the rest: it keeps answering queries.
import { diag, DiagLogLevel } from '@opentelemetry/api';

export function warnOnceOnTelemetryProblems(write: (line: string) => void): void {
  let warned = false;
  const report = (message: string, ...args: unknown[]): void => {
    if (warned) return;
    warned = true;
    const text = [message, ...args].map(describe).join(' ').replace(/^ocredis telemetry: /, '');
    write(`warning: telemetry: ${text} (further telemetry warnings are hidden)`);
  };
  const ignore = (): void => undefined;
  diag.setLogger(
    { error: report, warn: report, info: ignore, debug: ignore, verbose: ignore },
    { logLevel: DiagLogLevel.WARN, suppressOverrideMessage: true },
  );
}

/** One line for an Error, an SDK-stringified error ('{"message": …}') or anything else. */
function describe(value: unknown): string {
  if (value instanceof Error) return value.message;
  if (typeof value !== 'string') return JSON.stringify(value) ?? String(value);
  try {
    const parsed = JSON.parse(value) as { message?: unknown };
    if (typeof parsed.message === 'string') return parsed.message;
  } catch {
    // plain text
  }
  return value.split('\n')[0] ?? '';
}
