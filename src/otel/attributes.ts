import type { Attributes } from '@opentelemetry/api';
import type { Connection } from '../connection/connection.js';
import { errorType, responseStatusCode } from './error-info.js';

/** Where a call goes, read at call time (the db index follows SELECT). */
export interface Endpoint {
  readonly db: number;
  readonly host: string;
  readonly port: number | undefined;
  /** The connected socket's remote address and port (`network.peer.*`), when known (TCP, connected). */
  readonly peer?: { readonly address: string; readonly port: number } | undefined;
}

export function endpointOf(connection: Connection): Endpoint {
  const { path, host, port } = connection.options;
  return path !== undefined ? { db: connection.db, host: path, port: undefined } : { db: connection.db, host, port, peer: connection.remote };
}

/** The semantic-convention attributes shared by the span and db.client.operation.duration. */
export function operationAttributes(operation: string, endpoint: Endpoint): Attributes {
  const attributes: Attributes = {
    'db.system.name': 'redis',
    'db.operation.name': operation,
    'db.namespace': String(endpoint.db),
    'server.address': endpoint.host,
  };
  if (endpoint.port !== undefined) attributes['server.port'] = endpoint.port;
  return attributes;
}

/** Adds `error.type` (and `db.response.status_code` for server errors) to semantic-convention attributes. */
export function withErrorAttributes(attributes: Attributes, error: unknown): Attributes {
  attributes['error.type'] = errorType(error);
  const status = responseStatusCode(error);
  if (status !== undefined) attributes['db.response.status_code'] = status;
  return attributes;
}
