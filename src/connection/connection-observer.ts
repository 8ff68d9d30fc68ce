// What a client tells its telemetry about the connections it opens (its own, its pool's, a cluster's per-node
// ones) and about callers waiting for a pool connection. The core only calls it; OcRedis and OcRedisCluster
// set one (src/otel/connection-metrics.ts). Never on a command's path: per connection and per pool lease.
import type { Connection } from './connection.js';
import type { ResolvedOptions } from './options.js';

/** `client`: a client's own connection (one per single server or cluster node); `pool`: one lent by a pool. */
export type ConnectionRole = 'client' | 'pool';

export interface ConnectionObserver {
  /** A connection was created (before its first attempt, or during it: a client's own connects at once). */
  created(connection: Connection, role: ConnectionRole): void;
  /** A pool lent a connection to `options`' server after the caller waited `ms` (a failed lease is not told). */
  waited(ms: number, options: ResolvedOptions): void;
}
