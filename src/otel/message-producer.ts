// The producer half of telemetry.propagateContext: PUBLISH / SPUBLISH send their message in the trace
// envelope, XADD appends `traceparent` (and `tracestate`) fields to the entry. Applied to the arguments of
// one command on its way out (sendCommand, so typed methods and call() alike); batches are left as they are.
import type { Context } from '@opentelemetry/api';
import type { RedisArg } from '../resp/types.js';
import { looksEnveloped, wrapMessage } from './trace-envelope.js';
import { injectTraceHeaders } from './trace-headers.js';

/** Whether `command` carries trace context under propagateContext. */
export function producesMessage(command: string): boolean {
  return command === 'PUBLISH' || command === 'SPUBLISH' || command === 'XADD';
}

/**
 * The arguments to send for a producing command in `ctx`: with the trace context added, or `args` unchanged
 * (no context to send, or arguments of an unexpected shape, left for the server to refuse).
 */
export function withTraceContext(command: string, args: readonly RedisArg[], ctx: Context): readonly RedisArg[] {
  try {
    return addTraceContext(command, args, ctx);
  } catch {
    return args; // a propagator that throws costs the context, never the call
  }
}

function addTraceContext(command: string, args: readonly RedisArg[], ctx: Context): readonly RedisArg[] {
  if (command === 'XADD') {
    // The id and field-value pairs end the command, whatever trimming options come before: append a pair.
    if (args.length < 4) return args;
    const headers = injectTraceHeaders(ctx);
    if (headers?.traceparent === undefined) return args;
    return headers.tracestate === undefined ? [...args, 'traceparent', headers.traceparent] : [...args, 'traceparent', headers.traceparent, 'tracestate', headers.tracestate];
  }
  if (args.length !== 2) return args;
  const [channel, message] = args as [RedisArg, RedisArg];
  const headers = injectTraceHeaders(ctx);
  if (headers !== undefined) return [channel, wrapMessage(headers, message)];
  // No context, but a message that starts like an envelope is wrapped anyway (empty header), so that a
  // subscriber never mistakes it for one: unwrapping gives back exactly what was published.
  return looksEnveloped(message) ? [channel, wrapMessage({}, message)] : args;
}
