// Shapes shared by the RESP encoder and decoder (kept apart so callers can import types without code).

/** What a command argument may be. Anything else is rejected before sending. */
export type RedisArg = string | Buffer | number;

/** One string when no argument is a Buffer (the common case); otherwise chunks to write in order. */
export type EncodedCommand = string | Array<string | Buffer>;

export interface DecoderHandlers {
  /** A complete top-level reply. Error replies arrive here too, as ReplyError instances (not thrown). */
  onReply(value: unknown): void;
  /** A RESP3 push frame ('>') at top level: its elements as an array. */
  onPush(value: unknown[]): void;
  /**
   * Asked once when each top-level reply begins (after its type byte is known to be not a push): true =>
   * bulk and verbatim strings of this reply decode as Buffer, else as UTF-8 string.
   */
  returnBuffers(): boolean;
}

export interface DecoderOptions {
  /** Largest accepted bulk, verbatim, blob error or streamed string, in bytes. Default 512 MiB. */
  maxBulkLength?: number;
  /**
   * Most elements accepted in one array, set or push, or pairs in one map or attribute (streamed ones
   * included). Default 2^32 - 1. A larger header is refused at once instead of waiting forever for elements.
   */
  maxAggregateLength?: number;
  /** Deepest accepted nesting of aggregates (attributes included). Default 1024. */
  maxDepth?: number;
  /** Longest accepted simple string / error / number line, in bytes. Default 64 KiB. */
  maxLineLength?: number;
}
