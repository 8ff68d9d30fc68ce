import { brandClasses } from '../brand.js';
import { RedisError } from '../errors.js';

/** A command followed `maxRedirections` MOVED/ASK replies without reaching the node that serves its slot. */
export class ClusterRedirectionError extends RedisError {
  constructor(command: string, limit: number, options?: { cause?: unknown }) {
    super(`${command}: more than ${limit} MOVED/ASK redirections; the cluster keeps moving this slot`, 'ETOOMANYREDIRECTS', options);
  }
}

/** No node (known nodes, then root nodes) answered CLUSTER SHARDS / CLUSTER SLOTS. */
export class ClusterUnreachableError extends RedisError {
  constructor(tried: number, options?: { cause?: unknown }) {
    super(`Could not fetch the cluster topology from any of ${tried} nodes`, 'ECLUSTERUNREACHABLE', options);
  }
}

/** No node serves the slot (CLUSTERDOWN-like, seen in our own map); retried until maxRetryTime. */
export class SlotUnservedError extends RedisError {
  constructor(slot: number) {
    super(`No node serves slot ${slot}`, 'CLUSTERDOWN');
  }
}

brandClasses({ ClusterRedirectionError, ClusterUnreachableError, SlotUnservedError });
