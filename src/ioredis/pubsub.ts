// ioredis's subscribe() family on the client itself: the first subscribe opens a core Subscriber (its own
// connection, resubscribed after reconnects) whose messages the client emits as ioredis does: 'message' /
// 'messageBuffer', 'pmessage' / 'pmessageBuffer', 'smessage' / 'smessageBuffer'. Unlike ioredis, the client
// keeps running other commands meanwhile.
import type { EventEmitter } from 'node:events';
import type { Subscriber } from '../client/pubsub.js';
import type { RedisArg } from '../resp/types.js';

export type SubscribeMethod = 'subscribe' | 'psubscribe' | 'ssubscribe' | 'unsubscribe' | 'punsubscribe' | 'sunsubscribe';

/** Relays a Buffer subscriber's messages to `target` in ioredis's events (text and Buffer forms). */
export function relayMessages(subscriber: Subscriber<Buffer>, target: EventEmitter): void {
  subscriber.on('message', (channel: Buffer, message: Buffer) => {
    target.emit('message', channel.toString(), message.toString());
    target.emit('messageBuffer', channel, message);
  });
  subscriber.on('pmessage', (pattern: Buffer, channel: Buffer, message: Buffer) => {
    target.emit('pmessage', pattern.toString(), channel.toString(), message.toString());
    target.emit('pmessageBuffer', pattern, channel, message);
  });
  subscriber.on('smessage', (channel: Buffer, message: Buffer) => {
    target.emit('smessage', channel.toString(), message.toString());
    target.emit('smessageBuffer', channel, message);
  });
  subscriber.on('error', () => undefined); // reconnects by itself; the client reports its own connection errors
}

/** Runs one subscribe-family command on the subscriber. */
export function runSubscription(subscriber: Subscriber<Buffer>, method: SubscribeMethod, names: RedisArg[]): Promise<number> {
  const channels = names.map((name) => (Buffer.isBuffer(name) ? name : String(name)));
  return subscriber[method](...channels);
}
