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

  constructor(private readonly onClose: (queue: EventQueue<E>) => void) {}

  push(event: E): void {
    if (this.ended) return;
    const waiting = this.waiting;
    if (waiting !== undefined) {
      this.waiting = undefined;
      waiting({ value: event, done: false });
      return;
    }
    this.items.push(event);
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
    this.end();
    this.onClose(this);
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<E> {
    return this;
  }
}
