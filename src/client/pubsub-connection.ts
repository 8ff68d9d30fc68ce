// The connection a Subscriber runs on. Pub/sub breaks the one-reply-per-command rule the base Connection relies
// on: SUBSCRIBE a b c is answered by three confirmations, messages arrive unasked, and in RESP3 confirmations
// are push frames rather than replies. This subclass routes those frames before the base class sees them.
import { Command, type ReplyTransform } from '../connection/command.js';
import { Connection } from '../connection/connection.js';
import type { ResolvedOptions } from '../connection/options.js';
import { encodeCommand } from '../resp/encoder.js';
import type { RedisArg } from '../resp/types.js';

export type SubscriptionKind = 'subscribe' | 'unsubscribe' | 'psubscribe' | 'punsubscribe' | 'ssubscribe' | 'sunsubscribe';

/** Bulk strings as they came off the wire: Buffers in RESP2 (asked for), strings in RESP3 push frames. */
export type Wire = string | Buffer;

/** One frame of the pub/sub protocol, as received. */
export type PubSubFrame =
  | { kind: 'message' | 'smessage'; channel: Wire; message: Wire }
  | { kind: 'pmessage'; pattern: Wire; channel: Wire; message: Wire }
  | { kind: SubscriptionKind; channel: Wire | null; count: number };

/** A (P|S)(UN)SUBSCRIBE or PING: answered by `expected` frames; resolves with the last one. */
export class PubSubCommand<T = unknown> extends Command<T> {
  constructor(
    name: string,
    args: readonly RedisArg[],
    /** Frames still owed: one per channel named (at least one). */
    public expected: number,
    transform: ReplyTransform<T>,
  ) {
    // Buffers: RESP2 payloads keep their bytes; the Subscriber decodes them to strings when asked to.
    super(name, args, encodeCommand(name, args), true, transform);
  }
}

const SUBSCRIPTION_KINDS = new Set<string>(['subscribe', 'unsubscribe', 'psubscribe', 'punsubscribe', 'ssubscribe', 'sunsubscribe']);

export class SubscriberConnection extends Connection {
  constructor(
    options: ResolvedOptions,
    /** Receives every message and confirmation; must not throw (the Subscriber guards user callbacks). */
    private readonly onFrame: (frame: PubSubFrame) => void,
  ) {
    super(options);
  }

  override onReply(reply: unknown): void {
    // RESP2: pub/sub frames are plain arrays, mixed in with replies.
    if (this.protocol === 2 && Array.isArray(reply) && this.route(reply, true)) return;
    super.onReply(reply);
  }

  override onPush(push: unknown[]): void {
    // RESP3: pub/sub frames are pushes; anything else (client tracking …) goes to the 'push' event.
    if (this.route(push, false)) return;
    super.onPush(push);
  }

  override returnBuffers(): boolean {
    // A frame nobody asked for (a message, in RESP2) decodes as Buffers, like the pub/sub commands' own replies.
    const head = this.inflight.peek();
    return head === undefined ? true : head.returnBuffers;
  }

  private route(frame: unknown[], isReply: boolean): boolean {
    const kind = text(frame[0]);
    if (kind === 'message' || kind === 'smessage') {
      if (frame.length !== 3 || !isWire(frame[1]) || !isWire(frame[2])) return false;
      this.onFrame({ kind, channel: frame[1] as Wire, message: frame[2] as Wire });
      return true;
    }
    if (kind === 'pmessage') {
      if (frame.length !== 4 || !isWire(frame[1]) || !isWire(frame[2]) || !isWire(frame[3])) return false;
      this.onFrame({ kind, pattern: frame[1] as Wire, channel: frame[2] as Wire, message: frame[3] as Wire });
      return true;
    }
    if (kind !== undefined && SUBSCRIPTION_KINDS.has(kind) && frame.length === 3 && (frame[1] === null || isWire(frame[1])) && typeof frame[2] === 'number') {
      this.onFrame({ kind: kind as SubscriptionKind, channel: frame[1] as Wire | null, count: frame[2] });
      this.confirm(frame);
      return true;
    }
    if (kind === 'pong' && isReply && frame.length === 2 && this.inflight.peek()?.name === 'PING') {
      // RESP2 PING while subscribed: ['pong', message] instead of +PONG.
      super.onReply(isEmpty(frame[1]) ? 'PONG' : frame[1]);
      return true;
    }
    return false;
  }

  /** Counts a confirmation against the command at the head; the last one owed settles it. */
  private confirm(frame: unknown[]): void {
    const head = this.inflight.peek();
    if (!(head instanceof PubSubCommand) || head.name === 'PING') return; // unsolicited (e.g. a server-side sunsubscribe)
    // A frame for another command (a server-side sunsubscribe arriving while an SSUBSCRIBE is in flight) is
    // unsolicited too: only frames of the head's own kind, for a channel it named, count against it.
    if (text(frame[0]) !== head.name.toLowerCase() || !namesChannel(head, frame[1])) return;
    // A timed-out command stays at the head until its last frame, so later replies still line up.
    if (--head.expected > 0) return;
    super.onReply(frame);
  }
}

/** Whether `channel` is one the command named (a command naming none, like UNSUBSCRIBE, takes any). */
function namesChannel(command: PubSubCommand, channel: unknown): boolean {
  if (command.args.length === 0) return true;
  if (typeof channel !== 'string' && !Buffer.isBuffer(channel)) return false;
  // Compare bytes: RESP2 frames carry Buffers, RESP3 pushes UTF-8 strings, arguments either.
  const name = typeof channel === 'string' ? Buffer.from(channel) : channel;
  return command.args.some((arg) => name.equals(Buffer.isBuffer(arg) ? arg : Buffer.from(String(arg))));
}

/** Frames of other shapes are not pub/sub frames (a hostile server's map in their place must not reach String()). */
function isWire(value: unknown): value is Wire {
  return typeof value === 'string' || Buffer.isBuffer(value);
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Buffer.isBuffer(value)) return value.toString('latin1');
  return undefined;
}

function isEmpty(value: unknown): boolean {
  return value === '' || (Buffer.isBuffer(value) && value.length === 0);
}
