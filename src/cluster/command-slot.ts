import { keyIndexes } from '../commands/key-positions.js';
import { CrossSlotError } from '../errors.js';
import type { RedisArg } from '../resp/types.js';
import { keySlot } from './slot.js';

/** Shard channels are "not keys" in the key specs, but route like keys. */
const SHARD_CHANNEL_COMMANDS = new Set(['SPUBLISH', 'SSUBSCRIBE', 'SUNSUBSCRIBE', 'spublish', 'ssubscribe', 'sunsubscribe']);
const WITH_SHARD_CHANNELS = { includeNotKeys: true };

/**
 * The slot a command must run on, from its key positions; -1 for commands without keys. A command whose keys
 * hash to different slots throws CrossSlotError before anything is sent.
 */
export function commandSlot(name: string, args: readonly RedisArg[]): number {
  const positions = keyIndexes(name, args, SHARD_CHANNEL_COMMANDS.has(name) ? WITH_SHARD_CHANNELS : undefined);
  const count = positions.length;
  if (count === 0) return -1;
  const slot = keySlot(args[positions[0] as number] as RedisArg);
  for (let i = 1; i < count; i++) {
    if (keySlot(args[positions[i] as number] as RedisArg) !== slot) throw new CrossSlotError(name);
  }
  return slot;
}
