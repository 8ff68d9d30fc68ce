// Trace context in and out of messages, through the propagator the application registered with the
// OpenTelemetry API (propagation.setGlobalPropagator; NodeTracerProvider.register(), the NodeSDK and
// startTelemetry() register the W3C one). Only its W3C Trace Context headers travel: `traceparent` and
// `tracestate` (baggage stays in the process). With no W3C propagator registered nothing is injected, and
// nothing is extracted: ocredis has no propagator of its own (@opentelemetry/core is not its dependency).
import { diag, isSpanContextValid, propagation, ROOT_CONTEXT, trace, type Context, type SpanContext } from '@opentelemetry/api';
import type { TraceHeaders } from './trace-envelope.js';

let warnedNoPropagator = false;

/** The W3C headers for `ctx` (its span), or undefined when it has none to send (no span, no W3C propagator). */
export function injectTraceHeaders(ctx: Context): TraceHeaders | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(ctx, carrier);
  const traceparent = carrier['traceparent'];
  if (traceparent === undefined) {
    warnOnceWithoutPropagator(ctx);
    return undefined;
  }
  const tracestate = carrier['tracestate'];
  return tracestate === undefined || tracestate === '' ? { traceparent } : { traceparent, tracestate };
}

/** The producer's span context carried by `headers`, or undefined (absent, malformed, or no W3C propagator). */
export function extractProducerContext(headers: TraceHeaders): { context: Context; spanContext: SpanContext } | undefined {
  if (headers.traceparent === undefined) return undefined;
  const carrier: Record<string, string> = { traceparent: headers.traceparent };
  if (headers.tracestate !== undefined) carrier['tracestate'] = headers.tracestate;
  const context = propagation.extract(ROOT_CONTEXT, carrier);
  const spanContext = trace.getSpanContext(context);
  if (spanContext === undefined || !isSpanContextValid(spanContext)) return undefined;
  return { context, spanContext };
}

/** A span to propagate and no traceparent written: say once that no W3C propagator is registered. */
function warnOnceWithoutPropagator(ctx: Context): void {
  if (warnedNoPropagator) return;
  const spanContext = trace.getSpanContext(ctx);
  if (spanContext === undefined || !isSpanContextValid(spanContext)) return;
  warnedNoPropagator = true;
  diag.warn('ocredis: telemetry.propagateContext is on but the registered propagator wrote no traceparent: register the W3C one (propagation.setGlobalPropagator) for messages to carry trace context');
}
