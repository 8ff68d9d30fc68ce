import { describe, expect, it } from 'vitest';
import { Fifo } from '../../../src/connection/fifo.js';

describe('Fifo', () => {
  it('keeps order across pushes, shifts, compaction and prepend', () => {
    const q = new Fifo<number>();
    const model: number[] = [];
    let next = 0;
    for (let round = 0; round < 2000; round++) {
      const pushes = (round * 7919) % 13;
      for (let i = 0; i < pushes; i++) {
        q.push(next);
        model.push(next++);
      }
      const shifts = (round * 104729) % 11;
      for (let i = 0; i < shifts; i++) expect(q.shift()).toBe(model.shift());
      if (round % 97 === 0) {
        const front = [next++, next++];
        q.prepend(front);
        model.unshift(...front);
      }
      expect(q.length).toBe(model.length);
      expect(q.peek()).toBe(model[0]);
    }
    expect([...q]).toEqual(model);
    expect(q.drain()).toEqual(model);
    expect(q.length).toBe(0);
    expect(q.shift()).toBeUndefined();
  });

  it('removeWhere drops the picked items in place, after shifts, keeping order', () => {
    const q = new Fifo<number>();
    for (let i = 0; i < 10; i++) q.push(i);
    q.shift();
    q.shift();
    expect(q.removeWhere((n) => n % 3 === 0)).toBe(5);
    expect([...q]).toEqual([2, 4, 5, 7, 8]);
    q.push(10);
    expect(q.shift()).toBe(2);
    expect(q.drain()).toEqual([4, 5, 7, 8, 10]);
  });
});
