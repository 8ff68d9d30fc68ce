/**
 * A first-in first-out queue with O(1) push and shift. Array#shift is O(n) for large arrays, and the
 * command queues can hold hundreds of thousands of entries under load.
 */
export class Fifo<T> {
  private items: (T | undefined)[] = [];
  private head = 0;

  get length(): number {
    return this.items.length - this.head;
  }

  push(item: T): void {
    this.items.push(item);
  }

  peek(): T | undefined {
    return this.items[this.head];
  }

  shift(): T | undefined {
    if (this.head === this.items.length) return undefined;
    const item = this.items[this.head];
    this.items[this.head++] = undefined;
    if (this.head === this.items.length) {
      // Emptied: start over so the array does not grow without bound.
      this.items.length = 0;
      this.head = 0;
    } else if (this.head >= 4096 && this.head * 2 >= this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }

  /** Drops the items `isDead` picks, keeping the order of the rest, in place; returns the new length. */
  removeWhere(isDead: (item: T) => boolean): number {
    const items = this.items;
    let kept = 0;
    for (let i = this.head; i < items.length; i++) {
      const item = items[i] as T;
      if (!isDead(item)) items[kept++] = item;
    }
    items.length = kept;
    this.head = 0;
    return kept;
  }

  /** Removes and returns every item, oldest first. */
  drain(): T[] {
    const all = this.items.slice(this.head) as T[];
    this.items = [];
    this.head = 0;
    return all;
  }

  /** Puts `items` (oldest first) in front of what is queued. */
  prepend(items: readonly T[]): void {
    if (items.length === 0) return;
    this.items = [...items, ...this.items.slice(this.head)];
    this.head = 0;
  }

  *[Symbol.iterator](): IterableIterator<T> {
    for (let i = this.head; i < this.items.length; i++) yield this.items[i] as T;
  }
}
