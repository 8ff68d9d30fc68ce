// The stream half of telemetry.propagateContext on the reading side: an XREAD / XREADGROUP reply whose
// entries carry `traceparent` fields becomes, per stream, one CONSUMER span `receive <stream>` with one link
// per such entry (link attribute messaging.message.id: the entry id). One span per read, not per entry: a
// read returns a batch (COUNT 1000 would otherwise be 1000 spans), and links, unlike parents, can be many.
// Its parent is the caller's context, its start the moment the read was sent, its end the reply. Entries
// without (valid) context add no link; a reply with none makes no span. The fields stay in the entries.
import { SpanKind, type Context, type Link, type Tracer } from '@opentelemetry/api';
import type { ReplyTransform } from '../connection/command.js';
import type { Endpoint } from './attributes.js';
import { messagingSpan } from './messaging-attributes.js';
import type { TraceHeaders } from './trace-envelope.js';
import { extractProducerContext } from './trace-headers.js';

/** Whether `command` reads stream entries that may carry trace context. */
export function readsStream(command: string): boolean {
  return command === 'XREAD' || command === 'XREADGROUP';
}

/**
 * `transform` preceded by a look at the raw reply, where the receive spans are made. The reply reaches the
 * caller unchanged; a failure here only costs the spans.
 */
export function withReceiveSpans<T>(tracer: Tracer, parent: Context, endpoint: () => Endpoint, transform: ReplyTransform<T> | undefined): ReplyTransform<T | unknown> {
  const startTime = performance.timeOrigin + performance.now();
  return (raw: unknown) => {
    try {
      for (const [stream, entries] of streamsOf(raw)) {
        const links = linksOf(entries);
        if (links.length === 0) continue;
        const { name, attributes } = messagingSpan('receive', stream, endpoint());
        if (entries.length > 1) attributes['messaging.batch.message_count'] = entries.length;
        tracer.startSpan(name, { kind: SpanKind.CONSUMER, attributes, links, startTime }, parent).end();
      }
    } catch {
      // Telemetry never fails a call.
    }
    return transform === undefined ? raw : transform(raw);
  };
}

/** RESP2 `[[stream, entries], …]` or RESP3 `{ stream: entries }` (null: BLOCK timed out). */
function streamsOf(raw: unknown): [string, unknown[]][] {
  if (raw === null || typeof raw !== 'object') return [];
  const pairs = Array.isArray(raw) ? (raw as unknown[]).map((item) => (Array.isArray(item) ? [item[0], item[1]] : [undefined, undefined])) : Object.entries(raw);
  const out: [string, unknown[]][] = [];
  for (const [stream, entries] of pairs) {
    if ((typeof stream === 'string' || Buffer.isBuffer(stream)) && Array.isArray(entries)) out.push([String(stream), entries]);
  }
  return out;
}

/** One link per entry `[id, [field, value, …]]` whose fields carry a valid trace context. */
function linksOf(entries: readonly unknown[]): Link[] {
  const links: Link[] = [];
  for (const entry of entries) {
    if (!Array.isArray(entry)) continue;
    const [id, fields] = entry as [unknown, unknown];
    if (!Array.isArray(fields)) continue; // a pending entry deleted since: [id, null]
    const headers = headersOf(fields);
    if (headers === undefined) continue;
    const producer = extractProducerContext(headers);
    if (producer !== undefined) links.push({ context: producer.spanContext, attributes: { 'messaging.message.id': String(id) } });
  }
  return links;
}

function headersOf(fields: readonly unknown[]): TraceHeaders | undefined {
  let headers: TraceHeaders | undefined;
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const name = fields[i];
    if (name === undefined || name === null) continue;
    const field = String(name); // a Buffer of a …Buffer read, decoded as UTF-8
    if (field !== 'traceparent' && field !== 'tracestate') continue;
    (headers ??= {})[field] = String(fields[i + 1]);
  }
  return headers;
}
