import { ArgumentError } from '../errors.js';
import type { RedisArg } from '../resp/types.js';
import { argIs } from './key-positions.js';

/** Commands that switch a connection into a mode where replies no longer follow requests one for one. */
const CONNECTION_MODE_COMMANDS = new Set(['SUBSCRIBE', 'PSUBSCRIBE', 'SSUBSCRIBE', 'UNSUBSCRIBE', 'PUNSUBSCRIBE', 'SUNSUBSCRIBE', 'MONITOR']);

/**
 * An error for commands that would break in-order reply matching on a shared connection (pub/sub, MONITOR,
 * CLIENT REPLY OFF|SKIP), or undefined when the command is fine. Pub/sub has its own client: r.pubsub().
 */
export function connectionModeError(name: string, args: readonly RedisArg[]): ArgumentError | undefined {
  if (CONNECTION_MODE_COMMANDS.has(name) || (name === 'CLIENT' && args[0] !== undefined && argIs(args[0], 'reply'))) {
    return new ArgumentError(`${name} changes how the connection replies; use r.pubsub() for pub/sub, or a dedicated connection`);
  }
  return undefined;
}
