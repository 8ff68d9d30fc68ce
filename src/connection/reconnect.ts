/** `false`: never reconnect. A number: a fixed delay in ms. A function: the delay for this attempt, or false to stop. */
export type ReconnectStrategy = false | number | ((attempt: number, cause: Error | undefined) => number | false);

const BASE_DELAY_MS = 50;
const MAX_DELAY_MS = 2_000;

/** Exponential backoff with "equal jitter": half the step is fixed, half random, so clients don't reconnect in lockstep. */
export function defaultReconnectDelay(attempt: number): number {
  const step = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.min(attempt - 1, 16));
  return Math.round(step / 2 + Math.random() * (step / 2));
}

/** The delay before reconnect attempt `attempt` (1-based), or false to give up. */
export function reconnectDelay(strategy: ReconnectStrategy | undefined, attempt: number, cause: Error | undefined): number | false {
  if (strategy === undefined) return defaultReconnectDelay(attempt);
  if (strategy === false) return false;
  if (typeof strategy === 'number') return strategy;
  const delay = strategy(attempt, cause);
  if (delay === false) return false;
  if (typeof delay !== 'number' || !Number.isFinite(delay) || delay < 0) return false;
  return delay;
}
