import type { MethodsOf } from './define.js';
import { hashCommands } from './hashes.js';
import { keyCommands } from './keys.js';
import { listCommands } from './lists.js';
import { pubsubCommands } from './pubsub.js';
import { scriptingCommands } from './scripting.js';
import { serverCommands } from './server.js';
import { setCommands } from './sets.js';
import { sortedSetCommands } from './sorted-sets.js';
import { streamCommands } from './streams.js';
import { stringCommands } from './strings.js';

/** Every typed command, by method name. */
export const commandSpecs = {
  ...stringCommands,
  ...keyCommands,
  ...hashCommands,
  ...listCommands,
  ...setCommands,
  ...sortedSetCommands,
  ...streamCommands,
  ...pubsubCommands,
  ...scriptingCommands,
  ...serverCommands,
};

export type CommandSpecs = typeof commandSpecs;
/** The typed command methods of Redis (and their `…Buffer` variants). */
export type CommandMethods = MethodsOf<CommandSpecs>;
export type { CommandSpec, RedisArg, RedisKey } from './define.js';
export type { ScoredMember, StreamEntry, StreamMessages } from './replies.js';
