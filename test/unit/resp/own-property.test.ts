import { afterEach, describe, expect, it } from 'vitest';
import { finishOwnObject, setOwn, startOwnObject } from '../../../src/resp/own-property.js';

const TRICKY = ['__proto__', 'toString', 'constructor', 'hasOwnProperty', 'valueOf', 'trap', 'plain', '0'];

/** Every key, as an own enumerable writable data property with its value. */
function expectOwnFields(o: object): void {
  expect(Object.getPrototypeOf(o)).toBe(Object.prototype);
  expect(Object.keys(o).sort()).toEqual([...TRICKY].sort());
  for (const key of TRICKY) {
    expect(Object.getOwnPropertyDescriptor(o, key), key).toEqual({ value: `v-${key}`, writable: true, enumerable: true, configurable: true });
  }
}

describe('own-property helpers', () => {
  const calls: unknown[] = [];
  // An inherited setter (a polyfill, an attack): building a reply object must never run it.
  Object.defineProperty(Object.prototype, 'trap', { set: (v: unknown) => calls.push(v), configurable: true });
  afterEach(() => expect(calls).toEqual([]));

  it('startOwnObject + assignment + finishOwnObject make own fields of keys that name Object.prototype properties', () => {
    const o = startOwnObject();
    for (const key of TRICKY) o[key] = `v-${key}`;
    expectOwnFields(finishOwnObject(o));
  });

  it('setOwn does the same on an ordinary object', () => {
    const o = {};
    for (const key of TRICKY) setOwn(o, key, `v-${key}`);
    expectOwnFields(o);
  });

  it('the shared prototype of unfinished objects cannot be polluted', () => {
    const o = startOwnObject();
    expect(Object.isFrozen(Object.getPrototypeOf(o))).toBe(true);
    expect(Object.getPrototypeOf(Object.getPrototypeOf(o))).toBeNull();
  });
});
