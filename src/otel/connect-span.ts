// A CONNECT span for each handshake of an OcRedis connection (HELLO / AUTH / SETNAME / SELECT after the socket
// opens, on the first connect and every reconnect): from the socket being open to the connection being ready,
// or to the failure that ended the attempt. A root span: a reconnect belongs to no caller. Never carries
// the password or a server message: a failure is its error type only.
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, type Span } from '@opentelemetry/api';
import type { Connection } from '../connection/connection.js';
import { ConnectionClosedError } from '../errors.js';
import { endpointOf, operationAttributes } from './attributes.js';
import { errorType } from './error-info.js';
import { isObserved, type ResolvedTelemetryOptions } from './options.js';
import { currentTracer } from './providers.js';

export function traceHandshakes(connection: Connection, options: ResolvedTelemetryOptions): void {
  let span: Span | undefined;
  const end = (error: unknown): void => {
    const open = span;
    span = undefined;
    if (open === undefined) return;
    try {
      if (error !== undefined) {
        open.setAttribute('error.type', errorType(error));
        open.setStatus({ code: SpanStatusCode.ERROR });
      }
      open.end();
    } catch {
      // Telemetry never fails a connection.
    }
  };
  connection.on('connect', () => {
    end(new ConnectionClosedError()); // (an attempt that never reported its end)
    const tracer = currentTracer(options);
    if (tracer === undefined || !isObserved(options, 'CONNECT')) return;
    try {
      const where = endpointOf(connection);
      const attributes = operationAttributes('CONNECT', where);
      if (where.peer !== undefined) {
        attributes['network.peer.address'] = where.peer.address;
        attributes['network.peer.port'] = where.peer.port;
      }
      span = tracer.startSpan('CONNECT', { kind: SpanKind.CLIENT, attributes }, ROOT_CONTEXT);
    } catch {
      span = undefined;
    }
  });
  connection.on('ready', () => end(undefined));
  connection.on('reconnecting', (event: { error?: unknown }) => end(event.error ?? new ConnectionClosedError()));
  connection.on('end', () => end(new ConnectionClosedError()));
}
