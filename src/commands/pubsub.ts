import { command, type RedisArg } from './define.js';
import { pairsToObject } from '../pairs-to-object.js';

export const pubsubCommands = {
  /** PUBLISH channel message: how many subscribers received it. */
  publish: command<[channel: RedisArg, message: RedisArg], number>('PUBLISH'),
  /** SPUBLISH shardchannel message (sharded pub/sub). */
  spublish: command<[shardChannel: RedisArg, message: RedisArg], number>('SPUBLISH'),
  pubsubChannels: command<[pattern?: RedisArg], string[]>('PUBSUB CHANNELS'),
  pubsubNumsub: command<RedisArg[], Record<string, number>>('PUBSUB NUMSUB', {
    reply: (raw: unknown) => pairsToObject(Array.isArray(raw) ? raw : Object.entries(raw as object).flat(), Number),
  }),
};
