import { describe, expect, it } from 'vitest';
import { defaultReconnectDelay, reconnectDelay } from '../../../src/connection/reconnect.js';

describe('reconnect delays', () => {
  it('grows exponentially with jitter and is capped at 2 s', () => {
    for (let attempt = 1; attempt <= 30; attempt++) {
      const step = Math.min(2000, 50 * 2 ** (attempt - 1));
      for (let i = 0; i < 50; i++) {
        const delay = defaultReconnectDelay(attempt);
        expect(delay).toBeGreaterThanOrEqual(Math.floor(step / 2));
        expect(delay).toBeLessThanOrEqual(step);
      }
    }
  });

  it('is jittered: clients do not reconnect in lockstep', () => {
    const delays = new Set(Array.from({ length: 50 }, () => defaultReconnectDelay(6)));
    expect(delays.size).toBeGreaterThan(10);
  });

  it('honours false, a fixed number, and a function (bad results stop reconnecting)', () => {
    expect(reconnectDelay(false, 1, undefined)).toBe(false);
    expect(reconnectDelay(75, 9, undefined)).toBe(75);
    const cause = new Error('x');
    expect(reconnectDelay((attempt, err) => (err === cause ? attempt * 10 : 0), 3, cause)).toBe(30);
    expect(reconnectDelay(() => false, 1, undefined)).toBe(false);
    expect(reconnectDelay(() => Number.NaN, 1, undefined)).toBe(false);
    expect(reconnectDelay(() => -5, 1, undefined)).toBe(false);
  });
});
