import { brandClasses } from '../brand.js';
import { Redis, type RedisOptions } from '../client/redis.js';
import { traceHandshakes } from './connect-span.js';
import { observeCache } from './cache-metrics.js';
import { connectionObserver, poolName } from './connection-metrics.js';
import { instrumentClient } from './instrument-client.js';
import { splitTelemetryArgs, type OcRedisTelemetryOptions } from './options.js';

export interface OcRedisOptions extends RedisOptions {
  /** How calls are observed (providers, redaction, hooks …). Default: the global providers, values redacted. */
  telemetry?: OcRedisTelemetryOptions;
}

/**
 * `Redis`, observed: the same constructor, options, methods, events and types (`instanceof Redis` holds), and
 * every network call — commands, `call()`, pipelines and transactions (one span per `exec()`) — becomes one
 * CLIENT span and one record in the ocredis metrics. With no OpenTelemetry SDK registered it costs next to
 * nothing; an SDK registered later is picked up on the next call.
 */
export class OcRedis extends Redis {
  private readonly telemetryOptions: OcRedisTelemetryOptions | undefined;

  constructor(options?: OcRedisOptions);
  constructor(url: string, options?: OcRedisOptions);
  constructor(urlOrOptions?: string | OcRedisOptions, maybeOptions?: OcRedisOptions) {
    // Checked before super() opens the connection: a bad telemetry option leaves nothing open behind.
    const { url, options: clientOptions, telemetry, resolved } = splitTelemetryArgs(urlOrOptions, maybeOptions);
    if (url !== undefined) super(url, clientOptions);
    else super(clientOptions);
    this.telemetryOptions = telemetry;
    this.observeConnections(connectionObserver(resolved));
    if (this.cache !== undefined) observeCache(this.cache, poolName(this.connection.options, 'client'));
    if (resolved.traceConnections) traceHandshakes(this.connection, resolved);
    // The constructor returns the instrumentation proxy: `new OcRedis()` is the observed client.
    return instrumentClient(this, this.telemetryOptions);
  }

  /** A new OcRedis with the same options (and overrides) and the same telemetry options. */
  override duplicate(overrides: OcRedisOptions = {}): this {
    return super.duplicate({ telemetry: this.telemetryOptions, ...overrides } as RedisOptions);
  }
}

brandClasses({ OcRedis });
