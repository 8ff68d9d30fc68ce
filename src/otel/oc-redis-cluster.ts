import { observeCache } from './cache-metrics.js';
import { brandClasses } from '../brand.js';
import { RedisCluster } from '../cluster/cluster.js';
import type { ClusterOptions } from '../cluster/options.js';
import { connectionObserver } from './connection-metrics.js';
import { instrumentClient } from './instrument-client.js';
import { resolveTelemetryOptions, type OcRedisTelemetryOptions } from './options.js';

export interface OcRedisClusterOptions extends ClusterOptions {
  /** How calls are observed (providers, redaction, hooks …). Default: the global providers, values redacted. */
  telemetry?: OcRedisTelemetryOptions;
}

/**
 * `RedisCluster`, observed: the same constructor, options, methods and events (`instanceof RedisCluster`
 * holds), with every call observed as OcRedis observes a single server — one CLIENT span and one metrics record
 * per command, and per pipeline / MULTI `exec()`. On top of that, a span's `server.address` / `server.port` are
 * those of the node that finally answered, each MOVED / ASK followed is a `redirect` span event (kind, slot,
 * from, to) and counts in `redis/redirects` by `kind`, and each retry (TRYAGAIN, CLUSTERDOWN, a node down …)
 * is a `retry` span event (reason, attempt, delay). Each node connection and node pool counts in the connection
 * metrics under the node's pool name.
 */
export class OcRedisCluster extends RedisCluster {
  constructor(options: OcRedisClusterOptions) {
    const { telemetry, ...clusterOptions } = options;
    // Checked before super() starts fetching the topology: a bad telemetry option leaves nothing open behind.
    const resolved = resolveTelemetryOptions(telemetry);
    super(clusterOptions);
    // Node connections are made once the topology is known (later): each is counted and timed from its start.
    this.observeConnections(connectionObserver(resolved));
    // One cache for every node: reported under the first root node's address.
    const root = this.options.rootNodes[0];
    if (this.cache !== undefined && root !== undefined) observeCache(this.cache, `${root.host}:${root.port}`);
    // The constructor returns the instrumentation proxy: `new OcRedisCluster()` is the observed client.
    return instrumentClient(this, telemetry);
  }
}

brandClasses({ OcRedisCluster });
