/**
 * Flow control of one queue: `onFull` when `highWaterMark` events wait unread, `onDrain` once the loop has read
 * it down to `lowWaterMark` (or left the loop).
 */
export interface QueueFlow<E> {
  highWaterMark: number;
  lowWaterMark: number;
  onFull(queue: EventQueue<E>): void;
  onDrain(queue: EventQueue<E>): void;
}

/**
 * The buffer behind one `for await (… of subscriber)` loop: events pushed while nobody awaits wait here (in
 * order); `end()` finishes the loop once what is buffered has been read. Only live loops buffer anything, so
 * a subscriber that is never iterated keeps no messages.
 */
export class EventQueue<E> implements AsyncIterableIterator<E> {
  private items: E[] = [];
  private head = 0;
  private waiting: ((result: IteratorResult<E>) => void) | undefined;
  private ended = false;
  /** Over the high-water mark (onFull called, onDrain not yet). */
  private full = false;

  constructor(
    private readonly onClose: (queue: EventQueue<E>) => void,
    private readonly flow?: QueueFlow<E>,
  ) {}

  /** Events waiting to be read. */
  get size(): number {
    return this.items.length - this.head;
  }

  push(event: E): void {
    if (this.ended) return;
    const waiting = this.waiting;
    if (waiting !== undefined) {
      this.waiting = undefined;
      waiting({ value: event, done: false });
      return;
    }
    this.items.push(event);
    const flow = this.flow;
    if (flow !== undefined && !this.full && this.size >= flow.highWaterMark) {
      this.full = true;
      flow.onFull(this);
    }
  }

  /** No more events will come: the loop ends after the buffered ones. */
  end(): void {
    this.ended = true;
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.({ value: undefined, done: true });
  }

  next(): Promise<IteratorResult<E>> {
    if (this.head < this.items.length) {
      const value = this.items[this.head++] as E;
      if (this.head === this.items.length) {
        this.items = [];
        this.head = 0;
      }
      if (this.full && this.size <= this.flow!.lowWaterMark) this.drained();
      return Promise.resolve({ value, done: false });
    }
    if (this.ended) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => {
      this.waiting = resolve;
    });
  }

  /** `break` out of the loop: stop buffering for it. */
  return(): Promise<IteratorResult<E>> {
    this.items = [];
    this.head = 0;
    if (this.full) this.drained();
    this.end();
    this.onClose(this);
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<E> {
    return this;
  }

  private drained(): void {
    this.full = false;
    this.flow!.onDrain(this);
  }
}
