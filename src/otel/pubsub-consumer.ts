// The pub/sub half of telemetry.propagateContext on the subscriber side: each message is taken out of its
// trace envelope before anyone sees it, and one carrying a valid trace context is delivered inside a CONSUMER
// span `process <channel>`. The span is a child of the producer's span and also links to it: a subscriber
// gets one message at a time with no caller of its own, so the producer's trace is where it belongs (and the
// link is what the conventions ask of every process span). Handlers and listeners run inside the span; a
// `for await` loop reads the message later, outside it. A message without context: delivered, no span.
import { context, SpanKind, trace, type Span } from '@opentelemetry/api';
import type { MessageInterceptor } from '../client/pubsub.js';
import type { Endpoint } from './attributes.js';
import { messagingSpan } from './messaging-attributes.js';
import type { ResolvedTelemetryOptions } from './options.js';
import { currentTracer } from './providers.js';
import { unwrapMessage } from './trace-envelope.js';
import { extractProducerContext } from './trace-headers.js';

/** What a Subscriber of an OcRedis with propagateContext does with each message before delivering it. */
export function processMessages(options: ResolvedTelemetryOptions, endpoint: () => Endpoint): MessageInterceptor {
  return (frame, deliver) => {
    const unwrapped = unwrapMessage(frame.message);
    if (unwrapped === undefined) return deliver(frame.message);
    const payload = unwrapped.payload;
    let span: Span | undefined;
    let spanContext = context.active();
    try {
      const producer = extractProducerContext(unwrapped.headers);
      const tracer = producer === undefined ? undefined : currentTracer(options);
      if (producer !== undefined && tracer !== undefined) {
        // A pattern subscription names its span by the pattern (the template of the channels it matches).
        const pattern = frame.kind === 'pmessage' ? text(frame.pattern) : undefined;
        const { name, attributes } = messagingSpan('process', text(frame.channel), endpoint(), pattern);
        attributes['messaging.message.body.size'] = Buffer.byteLength(payload);
        span = tracer.startSpan(name, { kind: SpanKind.CONSUMER, attributes, links: [{ context: producer.spanContext }] }, producer.context);
        spanContext = trace.setSpan(producer.context, span);
      }
    } catch {
      // Telemetry never stops a message: it is delivered without a span.
    }
    if (span === undefined) return deliver(payload);
    try {
      context.with(spanContext, deliver, undefined, payload);
    } finally {
      span.end();
    }
  };
}

function text(wire: string | Buffer): string {
  return typeof wire === 'string' ? wire : wire.toString('utf8');
}
