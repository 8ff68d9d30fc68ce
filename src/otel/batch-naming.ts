// The Redis conventions' names for a batch: `PIPELINE GET` / `MULTI SET` when every command is the same,
// `PIPELINE` / `MULTI` otherwise, and a batch of one command is that command (modelled as a single operation).
import type { RedisArg } from '../resp/types.js';

export interface NamedCommand {
  readonly name: string;
  readonly args: readonly RedisArg[];
}

export function batchOperationName(kind: 'PIPELINE' | 'MULTI', commands: readonly NamedCommand[]): string {
  const first = commands[0]?.name;
  if (first === undefined) return kind;
  for (let i = 1; i < commands.length; i++) if ((commands[i] as NamedCommand).name !== first) return kind;
  return commands.length === 1 ? first : `${kind} ${first}`;
}
