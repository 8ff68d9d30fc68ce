// A local OTLP/HTTP receiver for tests: takes what the OTLP exporters POST to /v1/traces and /v1/metrics,
// in protobuf or JSON, and decodes both into the same shape (span names, ids, scopes, resource attributes;
// metric names and sum points), so a test checks what was sent, not only that something arrived.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedSpan {
  name: string;
  scope: string;
  spanId: string;
  parentSpanId: string;
}

export interface ReceivedMetric {
  name: string;
  scope: string;
  /** Sum data points: attributes (string values) and value. */
  sums: { attributes: Record<string, string>; value: number }[];
}

export interface ReceivedRequest {
  path: string;
  contentType: string;
  headers: IncomingHttpHeaders;
}

export interface OtlpReceiver {
  readonly url: string;
  readonly requests: ReceivedRequest[];
  readonly spans: ReceivedSpan[];
  readonly metrics: ReceivedMetric[];
  readonly resourceAttributes: Record<string, string>[];
  stop(): Promise<void>;
}

export async function startOtlpReceiver(): Promise<OtlpReceiver> {
  const requests: ReceivedRequest[] = [];
  const spans: ReceivedSpan[] = [];
  const metrics: ReceivedMetric[] = [];
  const resourceAttributes: Record<string, string>[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      const contentType = request.headers['content-type'] ?? '';
      const path = request.url ?? '';
      requests.push({ path, contentType, headers: request.headers });
      const json = contentType.startsWith('application/json');
      const decoded = json ? fromJson(JSON.parse(body.toString('utf8')) as JsonRequest) : fromProtobuf(body, path === '/v1/traces');
      if (path === '/v1/traces') spans.push(...decoded.spans);
      if (path === '/v1/metrics') metrics.push(...decoded.metrics);
      resourceAttributes.push(...decoded.resources);
      response.writeHead(200, { 'content-type': contentType }).end(json ? '{}' : Buffer.alloc(0));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    spans,
    metrics,
    resourceAttributes,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

interface Decoded {
  spans: ReceivedSpan[];
  metrics: ReceivedMetric[];
  resources: Record<string, string>[];
}

// ---- JSON (OTLP/HTTP JSON: camelCase fields, hex ids, int64 as strings) ----

interface JsonKeyValue {
  key: string;
  value: { stringValue?: string; intValue?: string | number; boolValue?: boolean; doubleValue?: number };
}
interface JsonScoped<T> {
  scope?: { name?: string };
  spans?: T[];
  metrics?: T[];
}
interface JsonRequest {
  resourceSpans?: { resource?: { attributes?: JsonKeyValue[] }; scopeSpans?: JsonScoped<{ name: string; spanId: string; parentSpanId?: string }>[] }[];
  resourceMetrics?: {
    resource?: { attributes?: JsonKeyValue[] };
    scopeMetrics?: JsonScoped<{ name: string; sum?: { dataPoints?: { attributes?: JsonKeyValue[]; asInt?: string | number; asDouble?: number }[] } }>[];
  }[];
}

function jsonAttributes(list: JsonKeyValue[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { key, value } of list ?? []) out[key] = String(value.stringValue ?? value.intValue ?? value.boolValue ?? value.doubleValue);
  return out;
}

function fromJson(request: JsonRequest): Decoded {
  const decoded: Decoded = { spans: [], metrics: [], resources: [] };
  for (const resourceSpans of request.resourceSpans ?? []) {
    decoded.resources.push(jsonAttributes(resourceSpans.resource?.attributes));
    for (const scoped of resourceSpans.scopeSpans ?? []) {
      for (const span of scoped.spans ?? []) {
        decoded.spans.push({ name: span.name, scope: scoped.scope?.name ?? '', spanId: span.spanId, parentSpanId: span.parentSpanId ?? '' });
      }
    }
  }
  for (const resourceMetrics of request.resourceMetrics ?? []) {
    decoded.resources.push(jsonAttributes(resourceMetrics.resource?.attributes));
    for (const scoped of resourceMetrics.scopeMetrics ?? []) {
      for (const metric of scoped.metrics ?? []) {
        const sums = (metric.sum?.dataPoints ?? []).map((p) => ({ attributes: jsonAttributes(p.attributes), value: Number(p.asInt ?? p.asDouble) }));
        decoded.metrics.push({ name: metric.name, scope: scoped.scope?.name ?? '', sums });
      }
    }
  }
  return decoded;
}

// ---- protobuf (the wire format, read field by field: no generated code) ----

type Field = { wire: 0; value: bigint } | { wire: 1; value: Buffer } | { wire: 2; value: Buffer } | { wire: 5; value: Buffer };

/** Fields of one message by number, in order. */
function fields(buffer: Buffer): Map<number, Field[]> {
  const out = new Map<number, Field[]>();
  let at = 0;
  const varint = (): bigint => {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      const byte = buffer[at++];
      if (byte === undefined) throw new Error('truncated varint');
      result |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return result;
      shift += 7n;
    }
  };
  while (at < buffer.length) {
    const tag = varint();
    const number = Number(tag >> 3n);
    const wire = Number(tag & 7n);
    let field: Field;
    if (wire === 0) field = { wire, value: varint() };
    else if (wire === 1) field = { wire, value: buffer.subarray(at, (at += 8)) };
    else if (wire === 2) {
      const length = Number(varint());
      field = { wire, value: buffer.subarray(at, (at += length)) };
    } else if (wire === 5) field = { wire, value: buffer.subarray(at, (at += 4)) };
    else throw new Error(`unsupported wire type ${wire}`);
    out.set(number, [...(out.get(number) ?? []), field]);
  }
  return out;
}

const messages = (message: Map<number, Field[]>, number: number): Map<number, Field[]>[] => (message.get(number) ?? []).map((f) => fields(f.value as Buffer));
const bytesOf = (message: Map<number, Field[]>, number: number): Buffer => (message.get(number)?.[0]?.value as Buffer | undefined) ?? Buffer.alloc(0);
const stringOf = (message: Map<number, Field[]>, number: number): string => bytesOf(message, number).toString('utf8');

/** KeyValue { key = 1; AnyValue value = 2 }, AnyValue { string = 1; bool = 2; int = 3; double = 4 }. */
function protobufAttributes(list: Map<number, Field[]>[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const keyValue of list) {
    const value = messages(keyValue, 2)[0] ?? new Map<number, Field[]>();
    const [kind, field] = [...value.entries()][0] ?? [];
    const first = field?.[0];
    out[stringOf(keyValue, 1)] =
      kind === 1 ? stringOf(value, 1) : kind === 4 ? String((first?.value as Buffer).readDoubleLE(0)) : String(first?.value instanceof Buffer ? first.value.toString('hex') : first?.value);
  }
  return out;
}

function fromProtobuf(body: Buffer, traces: boolean): Decoded {
  const decoded: Decoded = { spans: [], metrics: [], resources: [] };
  const request = fields(body);
  // ExportTraceServiceRequest / ExportMetricsServiceRequest: resource_spans / resource_metrics = 1.
  for (const resourceLevel of messages(request, 1)) {
    const resource = messages(resourceLevel, 1)[0];
    decoded.resources.push(protobufAttributes(resource === undefined ? [] : messages(resource, 1)));
    // scope_spans / scope_metrics = 2; InstrumentationScope scope = 1 (name = 1); spans / metrics = 2.
    for (const scoped of messages(resourceLevel, 2)) {
      const scopeMessage = messages(scoped, 1)[0];
      const scope = scopeMessage === undefined ? '' : stringOf(scopeMessage, 1);
      for (const item of messages(scoped, 2)) {
        if (traces) {
          // Span: span_id = 2, parent_span_id = 4, name = 5.
          decoded.spans.push({ name: stringOf(item, 5), scope, spanId: bytesOf(item, 2).toString('hex'), parentSpanId: bytesOf(item, 4).toString('hex') });
        } else {
          // Metric: name = 1, sum = 7 { data_points = 1 { attributes = 7, as_double = 4, as_int = 6 } }.
          const sum = messages(item, 7)[0];
          const sums = (sum === undefined ? [] : messages(sum, 1)).map((point) => {
            const asInt = point.get(6)?.[0]?.value as Buffer | undefined;
            const asDouble = point.get(4)?.[0]?.value as Buffer | undefined;
            return { attributes: protobufAttributes(messages(point, 7)), value: asInt !== undefined ? Number(asInt.readBigInt64LE(0)) : (asDouble?.readDoubleLE(0) ?? NaN) };
          });
          decoded.metrics.push({ name: stringOf(item, 1), scope, sums });
        }
      }
    }
  }
  return decoded;
}
