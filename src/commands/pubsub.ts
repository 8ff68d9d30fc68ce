import { command, type RedisArg } from './define.js';

export const pubsubCommands = {
  /** PUBLISH channel message: how many subscribers received it. */
  publish: command<[channel: RedisArg, message: RedisArg], number>('PUBLISH'),
  /** SPUBLISH shardchannel message (sharded pub/sub). */
  spublish: command<[shardChannel: RedisArg, message: RedisArg], number>('SPUBLISH'),
  pubsubChannels: command<[pattern?: RedisArg], string[]>('PUBSUB CHANNELS'),
  pubsubNumsub: command<RedisArg[], Record<string, number>>('PUBSUB NUMSUB', {
    reply: (raw: unknown) => {
      const out: Record<string, number> = {};
      const items = Array.isArray(raw) ? raw : Object.entries(raw as object).flat();
      for (let i = 0; i + 1 < items.length; i += 2) out[String(items[i])] = Number(items[i + 1]);
      return out;
    },
  }),
};
