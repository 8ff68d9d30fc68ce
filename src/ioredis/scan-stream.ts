// ioredis's scanStream() family: a Readable object stream that emits each page of SCAN / SSCAN / HSCAN /
// ZSCAN results as an array, reading the next page only when the consumer asks for more.
import { Readable } from 'node:stream';
import type { RedisArg } from '../resp/types.js';

export interface ScanStreamOptions {
  /** MATCH pattern. */
  match?: string;
  /** COUNT hint per page. */
  count?: number;
  /** TYPE filter (SCAN only). */
  type?: string;
  /** HSCAN: NOVALUES (fields only; Redis 7.4+). */
  noValues?: boolean;
}

/** Sends one page request: `[cursor, items]` back. */
export type ScanPage = (args: RedisArg[]) => Promise<unknown>;

export class ScanStream extends Readable {
  private cursor: string = '0';
  private drained = false;

  constructor(
    private readonly page: ScanPage,
    /** The key of SSCAN / HSCAN / ZSCAN; undefined for SCAN. */
    private readonly key: RedisArg | undefined,
    private readonly options: ScanStreamOptions = {},
  ) {
    super({ objectMode: true });
  }

  override _read(): void {
    if (this.drained) {
      this.push(null);
      return;
    }
    const { match, count, type, noValues } = this.options;
    const args: RedisArg[] = this.key === undefined ? [this.cursor] : [this.key, this.cursor];
    if (match !== undefined) args.push('MATCH', match);
    if (count !== undefined) args.push('COUNT', count);
    if (type !== undefined) args.push('TYPE', type);
    if (noValues === true) args.push('NOVALUES');
    this.page(args).then(
      (reply) => {
        const [cursor, items] = reply as [string | Buffer, unknown[]];
        this.cursor = cursor.toString();
        if (this.cursor === '0') this.drained = true;
        this.push(items);
      },
      (error: Error) => this.destroy(error),
    );
  }

  /** Stops after the page being read (ioredis's close()). */
  close(): void {
    this.drained = true;
  }
}
