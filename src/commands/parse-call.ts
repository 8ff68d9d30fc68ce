// The one parser behind every `call()` / `callBuffer()` (Redis, Transaction, pipelines and MULTI, the cluster,
// a cluster node, cluster batches): so the rules below reach every host at once.
import { ArgumentError } from '../errors.js';
import type { RedisArg } from '../resp/types.js';
import { connectionModeError } from './connection-mode.js';

export interface ParsedCall {
  /** Upper-case command name (`OBJECT`). */
  readonly name: string;
  /** The words after the name in `command` (`'OBJECT ENCODING'`), then `args`. */
  readonly args: readonly RedisArg[];
}

/**
 * `call('object encoding', 'key')` → `{ name: 'OBJECT', args: ['encoding', 'key'] }`, or an ArgumentError for a
 * missing name or a command that would break in-order reply matching on a shared connection (SUBSCRIBE,
 * MONITOR, CLIENT REPLY …). Returns the error rather than throwing: each host reports it its own way
 * (a rejected promise, a failed batch handle).
 */
export function parseCall(command: unknown, args: readonly RedisArg[]): ParsedCall | ArgumentError {
  if (typeof command !== 'string') return new ArgumentError('call: the command name must be a non-empty string');
  // Most names are one word: skip the split (it is most of this function's cost).
  const words = /\s/.test(command) ? command.trim().split(/\s+/) : [command];
  const first = words[0] as string;
  if (first.length === 0) return new ArgumentError('call: the command name must be a non-empty string');
  const name = first.toUpperCase();
  // The common case (one word) passes `args` through without a copy.
  const fullArgs = words.length > 1 ? [...words.slice(1), ...args] : args;
  return connectionModeError(name, fullArgs) ?? { name, args: fullArgs };
}
