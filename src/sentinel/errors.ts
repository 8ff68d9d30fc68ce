import { brandClasses } from '../brand.js';
import { RedisError } from '../errors.js';

/** None of the sentinels answered (down, unreachable, or timed out). */
export class NoSentinelReachableError extends RedisError {
  constructor(count: number, options?: { cause?: unknown }) {
    super(`None of the ${count} sentinels could be reached`, 'ENOSENTINEL', options);
  }
}

/** Sentinels answered, but none of them monitors a master of this name (or the one named is not a master). */
export class MasterUnknownError extends RedisError {
  constructor(name: string, options?: { cause?: unknown }) {
    super(`No reachable sentinel knows a master named '${name}'`, 'EMASTERUNKNOWN', options);
  }
}

brandClasses({ NoSentinelReachableError, MasterUnknownError });
