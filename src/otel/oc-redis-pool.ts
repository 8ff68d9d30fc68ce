import { PooledClient, RedisPool } from '../client/redis-pool.js';
import type { RedisOptions } from '../connection/options.js';
import { endpointOf } from './attributes.js';
import { connectionObserver } from './connection-metrics.js';
import { instrumentWith } from './instrument-client.js';
import { splitTelemetryArgs, type OcRedisTelemetryOptions, type ResolvedTelemetryOptions } from './options.js';

export interface OcRedisPoolOptions extends RedisOptions {
  /** How calls are observed (providers, redaction, hooks …). Default: the global providers, values redacted. */
  telemetry?: OcRedisTelemetryOptions;
}

/**
 * `RedisPool` (`createPool()`), observed: every call of a lent client — commands, `call()`, pipelines and MULTI
 * (one span per `exec()`) — is one span and one record in the ocredis metrics, as on OcRedis; the pool's
 * connections count in the connection metrics (pool name `host:port (pool)`), with
 * `db.client.connection.create_time` per connect and `db.client.connection.wait_time` per `acquire()`.
 */
export class OcRedisPool extends RedisPool {
  private readonly telemetry: ResolvedTelemetryOptions;
  /** The instrumented client handed out, to the one the pool lent (release() takes either). */
  private readonly lentClients = new WeakMap<PooledClient, PooledClient>();

  constructor(options?: OcRedisPoolOptions);
  constructor(url: string, options?: OcRedisPoolOptions);
  constructor(urlOrOptions?: string | OcRedisPoolOptions, maybeOptions?: OcRedisPoolOptions) {
    // Checked first: a bad telemetry option throws before anything exists.
    const { url, options: poolOptions, resolved } = splitTelemetryArgs(urlOrOptions, maybeOptions);
    if (url !== undefined) super(url, poolOptions);
    else super(poolOptions);
    this.telemetry = resolved;
    this.observeConnections(connectionObserver(resolved));
  }

  /** Lends a connection as an observed client; give it back with release(). */
  override async acquire(): Promise<PooledClient> {
    const client = await super.acquire();
    const observed = instrumentWith(client, this.telemetry, () => endpointOf(client.connection));
    this.lentClients.set(observed, client);
    return observed;
  }

  override release(client: PooledClient): void {
    super.release(this.lentClients.get(client) ?? client);
  }
}
