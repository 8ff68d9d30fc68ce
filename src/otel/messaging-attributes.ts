// Attributes of the CONSUMER spans of telemetry.propagateContext, after the OpenTelemetry messaging
// semantic conventions (messaging.system is not one of their well-known values for Redis: 'redis' is ours).
import type { Attributes } from '@opentelemetry/api';
import type { Endpoint } from './attributes.js';

/** `process` for a pub/sub message pushed to the subscriber, `receive` for stream entries it read. */
export type MessagingOperation = 'process' | 'receive';

/**
 * The span name (`process news`, `receive orders`) and its attributes. `template`: the pattern a channel
 * matched, which then names the span (channel names under one pattern are many; a span name should not be).
 */
export function messagingSpan(operation: MessagingOperation, destination: string, endpoint: Endpoint, template?: string): { name: string; attributes: Attributes } {
  const attributes: Attributes = {
    'messaging.system': 'redis',
    'messaging.operation.type': operation,
    'messaging.operation.name': operation,
    'messaging.destination.name': destination,
    'server.address': endpoint.host,
  };
  if (endpoint.port !== undefined) attributes['server.port'] = endpoint.port;
  if (template !== undefined) attributes['messaging.destination.template'] = template;
  return { name: `${operation} ${template ?? destination}`, attributes };
}
