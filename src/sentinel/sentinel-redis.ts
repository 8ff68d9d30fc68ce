import { brandClasses } from '../brand.js';
import { Redis } from '../client/redis.js';
import { Connection } from '../connection/connection.js';
import { REDIS_OPTION_KEYS, resolveOptions, type RedisOptions } from '../connection/options.js';
import { ArgumentError } from '../errors.js';
import { FOREIGN_SENTINEL_OPTIONS } from '../foreign-options.js';
import { checkOptionKeys } from '../option-check.js';
import { nodeKey, type NodeAddress } from '../cluster/topology.js';
import { checkAddressMap, type NodeAddressMap } from '../address-map.js';
import { resolveMaster, resolveReplicas, type ResolveSettings } from './resolve.js';
import { emitErrorIfListened } from '../events.js';

export interface SentinelOptions extends Omit<RedisOptions, 'host' | 'port' | 'path'> {
  /** The sentinels, tried in order (the one that answers moves to the front). */
  sentinels: ReadonlyArray<NodeAddress>;
  /** The monitored master's name (`sentinel monitor <name> …`). */
  name: string;
  /** `'replica'`: connect to one of the master's healthy replicas instead (reads). Default `'master'`. */
  role?: 'master' | 'replica';
  /** ms allowed per sentinel query and per ROLE check. Default 500. */
  sentinelTimeout?: number;
  /** Options for the sentinel connections (e.g. their own password). */
  sentinelOptions?: RedisOptions;
  /** Subscribe to `+switch-master` on a sentinel to move to a new master at once. Default true. */
  watchSwitchMaster?: boolean;
  /**
   * Announced → reachable address, for servers behind NAT or in containers: applied to every address a
   * sentinel names (master, replicas, other sentinels). `{ 'host:port': { host, port } }` or a function.
   */
  nodeAddressMap?: NodeAddressMap;
  /**
   * With `role: 'replica'`: which replica to use. A list (reachable addresses, best first: the first one the
   * sentinels report healthy wins), or a function given the healthy replicas that returns one (undefined:
   * a random one). Default: a random healthy replica.
   */
  preferredReplicas?: ReadonlyArray<NodeAddress> | ((replicas: readonly NodeAddress[]) => NodeAddress | undefined);
}

const ignore = (): void => undefined;
/** Pause before watching the next sentinel, so a set of sentinels all down is not polled in a tight loop. */
const WATCHER_RETRY_MS = 250;

/** Every key of SentinelOptions: the client options but where to connect, and the sentinel ones. */
const SENTINEL_OPTION_KEYS: Readonly<Record<keyof SentinelOptions, true>> = (() => {
  const { host: _host, port: _port, path: _path, ...clientKeys } = REDIS_OPTION_KEYS;
  const own = { sentinels: true, name: true, role: true, sentinelTimeout: true, sentinelOptions: true, watchSwitchMaster: true, nodeAddressMap: true, preferredReplicas: true } as const;
  return { ...clientKeys, ...own };
})();

/**
 * A Redis client whose server is found through Sentinel: before every connection attempt (the first and each
 * reconnect) the sentinels are asked where the master is and the answer is confirmed with ROLE; a
 * `+switch-master` announcement moves the client to the new master right away. Everything else is the plain
 * Redis client. Event: `switch-master` ({ from, to }).
 */
export class SentinelRedis extends Redis {
  private readonly settings: ResolveSettings;
  private readonly connectTo: 'master' | 'replica';
  private readonly preferredReplicas: SentinelOptions['preferredReplicas'];
  private resolving: Promise<void> | undefined;
  private watcher: Connection | undefined;
  private stopped = false;
  /** The options as given (for duplicate()). */
  private readonly given: SentinelOptions;

  constructor(options: SentinelOptions) {
    if (options === null || typeof options !== 'object') throw new ArgumentError('SentinelRedis: give sentinels (at least one { host, port }) and the master name');
    checkOptionKeys('SentinelRedis', options, SENTINEL_OPTION_KEYS, FOREIGN_SENTINEL_OPTIONS);
    if (!Array.isArray(options.sentinels) || options.sentinels.length === 0 || typeof options.name !== 'string') {
      throw new ArgumentError('SentinelRedis: give sentinels (at least one { host, port }) and the master name');
    }
    const { sentinels, name, role, sentinelTimeout, sentinelOptions, watchSwitchMaster, lazyConnect, nodeAddressMap, preferredReplicas, ...nodeOptions } = options;
    if (role !== undefined && role !== 'master' && role !== 'replica') throw new ArgumentError("SentinelRedis: role must be 'master' or 'replica' (ioredis's 'slave' is 'replica')");
    if (sentinelOptions !== undefined) resolveOptions(sentinelOptions); // checked now, not at the first sentinel query
    const addressMap = checkAddressMap('SentinelRedis', nodeAddressMap);
    checkPreferredReplicas(preferredReplicas);
    super({ ...nodeOptions, lazyConnect: true });
    this.given = { ...options, sentinels: sentinels.map((s) => ({ host: s.host, port: s.port })) };
    this.connectTo = role ?? 'master';
    this.settings = {
      sentinels: sentinels.map((s) => ({ host: s.host, port: s.port })),
      name,
      timeout: sentinelTimeout ?? 500,
      sentinelOptions: sentinelOptions ?? {},
      nodeOptions,
      addressMap,
    };
    this.preferredReplicas = preferredReplicas;
    this.connection.beforeConnect = () => this.resolveAddress();
    // After the first connection, so the watcher subscribes on a sentinel that is known to answer.
    if (watchSwitchMaster !== false) this.once('ready', () => this.watchSwitchMaster());
    if (lazyConnect !== true) this.connection.start();
  }

  /** The address in use (as last resolved; the replica's with `role: 'replica'`). `options` keeps what was configured. */
  get masterAddress(): NodeAddress {
    const { host, port } = this.connection.options;
    return { host, port };
  }

  /** The sentinels known now: those given, then those they named (SENTINEL SENTINELS), the last one that answered first. */
  get sentinels(): readonly NodeAddress[] {
    return this.settings.sentinels.map(({ host, port }) => ({ host, port }));
  }

  /** A new SentinelRedis for the same master (and overrides): its own connection, found through the sentinels. */
  override duplicate(overrides: Partial<SentinelOptions> = {}): this {
    const Ctor = this.constructor as new (options: SentinelOptions) => this;
    return new Ctor({ ...this.given, ...overrides });
  }

  override async quit(): Promise<'OK'> {
    this.stop();
    return super.quit();
  }

  override disconnect(options?: { afterReplies?: boolean }): void {
    this.stop();
    super.disconnect(options);
  }

  /** Asks the sentinels again and points the connection there (before every connection attempt). */
  private resolveAddress(): Promise<void> {
    this.resolving ??= (async () => {
      try {
        const address = this.connectTo === 'master' ? await resolveMaster(this.settings) : await this.pickReplica();
        // The connection's own options (its pool's too), never the client's `options`: users read those.
        this.connection.options.host = address.host;
        this.connection.options.port = address.port;
      } finally {
        this.resolving = undefined;
      }
    })();
    return this.resolving;
  }

  private async pickReplica(): Promise<NodeAddress> {
    const replicas = await resolveReplicas(this.settings);
    const replica = this.preferredAmong(replicas) ?? replicas[Math.floor(Math.random() * replicas.length)];
    return replica ?? resolveMaster(this.settings);
  }

  private preferredAmong(replicas: readonly NodeAddress[]): NodeAddress | undefined {
    const preferred = this.preferredReplicas;
    if (preferred === undefined || replicas.length === 0) return undefined;
    if (typeof preferred === 'function') {
      const chosen = preferred(replicas.map(({ host, port }) => ({ host, port })));
      // Only one of those offered: a function cannot send the client to a replica the sentinels did not list.
      return chosen === undefined || chosen === null ? undefined : replicas.find((replica) => nodeKey(replica) === nodeKey(chosen));
    }
    for (const wanted of preferred) {
      const found = replicas.find((replica) => nodeKey(replica) === nodeKey(wanted));
      if (found !== undefined) return found;
    }
    return undefined;
  }


  /** `+switch-master <name> <old ip> <old port> <new ip> <new port>` from any sentinel: move now. */
  private watchSwitchMaster(attempt = 0): void {
    if (this.stopped) return;
    const list = this.settings.sentinels;
    const sentinel = list[attempt % list.length] as NodeAddress;
    // No reconnects: when this sentinel goes away, the next one known (given or discovered) is watched instead.
    const watcher = new Connection(
      resolveOptions({ ...this.settings.sentinelOptions, host: sentinel.host, port: sentinel.port, protocol: 3, lazyConnect: true, reconnectStrategy: false, connectTimeout: this.settings.timeout }),
    );
    this.watcher = watcher;
    watcher.on('error', ignore);
    watcher.on('end', () => {
      if (this.stopped || this.watcher !== watcher) return;
      setTimeout(() => this.watchSwitchMaster(attempt + 1), WATCHER_RETRY_MS).unref();
    });
    watcher.on('ready', () => {
      // RESP3: the subscription is confirmed with a push, not a reply, so this command's promise stays pending;
      // nothing else is ever sent on this connection.
      watcher.send('SUBSCRIBE', ['+switch-master']).catch(ignore);
    });
    watcher.on('push', (push: unknown[]) => {
      if (push.length < 3 || String(push[0]) !== 'message' || String(push[1]) !== '+switch-master') return;
      const [name, , , host, port] = String(push[2]).split(' ');
      if (name !== this.settings.name || host === undefined || port === undefined || this.connectTo !== 'master') return;
      const from = this.masterAddress;
      this.resolveAddress()
        .then(() => {
          this.emit('switch-master', { from, to: this.masterAddress });
          if (nodeKey(from) !== nodeKey(this.masterAddress)) this.dropFrom(from);
        })
        .catch((error: unknown) => emitErrorIfListened(this, error));
    });
    watcher.start();
  }

  /** The old master may still be up (a manual failover): close our connection there so we reconnect to the new one. */
  private dropFrom(old: NodeAddress): void {
    const id = this.connection.hello.id;
    if (id === undefined || this.connection.status !== 'ready') return;
    const killer = new Connection(resolveOptions({ ...this.settings.nodeOptions, host: old.host, port: old.port, lazyConnect: true, reconnectStrategy: false, connectTimeout: this.settings.timeout }));
    killer
      .send('CLIENT', ['KILL', 'ID', String(id)])
      .catch(ignore)
      .finally(() => killer.disconnect());
  }

  private stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.watcher?.disconnect();
  }
}

function checkPreferredReplicas(preferred: SentinelOptions['preferredReplicas']): void {
  if (preferred === undefined || typeof preferred === 'function') return;
  const valid = Array.isArray(preferred) && preferred.every((address: unknown) => address !== null && typeof address === 'object' && typeof (address as NodeAddress).host === 'string' && typeof (address as NodeAddress).port === 'number');
  if (!valid) throw new ArgumentError('SentinelRedis: preferredReplicas must be a list of { host, port } (best first) or a function (replicas) => replica');
}
brandClasses({ SentinelRedis });
