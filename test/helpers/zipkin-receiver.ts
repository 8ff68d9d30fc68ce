// A local Zipkin v2 collector for tests: accepts POST /api/v2/spans on 127.0.0.1, validates every payload
// against the Zipkin API schema (test/fixtures/zipkin), answers 202 like Zipkin, and records what it got.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { isIPv4, isIPv6, type AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject } from 'ajv';

/** A span as Zipkin v2 JSON (the fields tests read). */
export interface ZipkinSpan {
  traceId: string;
  id: string;
  parentId?: string;
  name?: string;
  kind?: 'CLIENT' | 'SERVER' | 'PRODUCER' | 'CONSUMER';
  timestamp?: number;
  duration?: number;
  localEndpoint?: { serviceName?: string; ipv4?: string; ipv6?: string; port?: number };
  remoteEndpoint?: { serviceName?: string; ipv4?: string; ipv6?: string; port?: number };
  annotations?: { timestamp: number; value: string }[];
  tags?: Record<string, string>;
}

/** One POST the receiver got: the raw body, and the schema errors (empty when valid). */
export interface ZipkinPayload {
  body: string;
  contentType: string | undefined;
  errors: ErrorObject[];
}

export interface ZipkinReceiver {
  /** `http://127.0.0.1:<port>/api/v2/spans`: pass it to ZipkinExporter({ url }). */
  readonly url: string;
  readonly port: number;
  /** Every span of every valid payload, in arrival order. */
  readonly spans: ZipkinSpan[];
  /** Every POST to /api/v2/spans, valid or not. */
  readonly payloads: ZipkinPayload[];
  /** Schema errors of all payloads, flattened with the payload index (empty when all were valid). */
  readonly validationErrors: { payload: number; error: ErrorObject }[];
  /** Resolves once `predicate(spans)` holds (checked after each payload); rejects after `timeoutMs`. */
  waitForSpans(predicate: (spans: readonly ZipkinSpan[]) => boolean, timeoutMs?: number): Promise<ZipkinSpan[]>;
  /** Forgets everything received so far. */
  clear(): void;
  stop(): Promise<void>;
}

const here = dirname(fileURLToPath(import.meta.url));
const SCHEMA_PATH = join(here, '..', 'fixtures', 'zipkin', 'zipkin2-listofspans.schema.json');

let validator: ReturnType<Ajv['compile']> | undefined;

/** The compiled schema validator (also usable on its own: `validateZipkinPayload(json)`). */
export function validateZipkinPayload(payload: unknown): ErrorObject[] {
  if (validator === undefined) {
    const ajv = new Ajv({ allErrors: true, strict: true });
    ajv.addFormat('ipv4', isIPv4);
    ajv.addFormat('ipv6', isIPv6);
    ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isSafeInteger(n) });
    validator = ajv.compile(JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as object);
  }
  return validator(payload) ? [] : [...(validator.errors ?? [])];
}

export async function startZipkinReceiver(): Promise<ZipkinReceiver> {
  const spans: ZipkinSpan[] = [];
  const payloads: ZipkinPayload[] = [];
  const validationErrors: { payload: number; error: ErrorObject }[] = [];
  const listeners = new Set<() => void>();

  const server = createServer((req, res) => {
    void handle(req, res);
  });
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST' || req.url?.split('?')[0] !== '/api/v2/spans') {
      res.writeHead(404).end();
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    let errors: ErrorObject[];
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
      errors = validateZipkinPayload(parsed);
    } catch (error) {
      errors = [{ instancePath: '', schemaPath: '', keyword: 'json', params: {}, message: `not JSON: ${(error as Error).message}` }];
    }
    const index = payloads.push({ body, contentType: req.headers['content-type'], errors }) - 1;
    for (const error of errors) validationErrors.push({ payload: index, error });
    if (errors.length === 0) spans.push(...(parsed as ZipkinSpan[]));
    res.writeHead(errors.length === 0 ? 202 : 400).end();
    for (const listener of [...listeners]) listener();
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/api/v2/spans`,
    port,
    spans,
    payloads,
    validationErrors,
    waitForSpans(predicate, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          if (!predicate(spans)) return;
          cleanup();
          resolve([...spans]);
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`Zipkin receiver: condition not met within ${timeoutMs} ms (${spans.length} spans received)`));
        }, timeoutMs);
        const cleanup = (): void => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        check();
      });
    },
    clear() {
      spans.length = 0;
      payloads.length = 0;
      validationErrors.length = 0;
    },
    stop() {
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
