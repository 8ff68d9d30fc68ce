import { Redis } from '../client/redis.js';
import type { ReplyTransform } from '../connection/command.js';
import { Connection } from '../connection/connection.js';
import { resolveOptions, type RedisOptions } from '../connection/options.js';
import { defaultReconnectDelay } from '../connection/reconnect.js';
import { ArgumentError } from '../errors.js';
import type { RedisArg } from '../resp/types.js';
import type { NodeAddress } from '../cluster/topology.js';
import { resolveMaster, resolveReplicas, type ResolveSettings } from './resolve.js';

export interface SentinelOptions extends Omit<RedisOptions, 'host' | 'port' | 'path' | 'lazyConnect' | 'reconnectStrategy'> {
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
}

const ignore = (): void => undefined;

/**
 * A Redis client whose server is found through Sentinel: the address is resolved before the first connection
 * and again before every reconnect (then confirmed with ROLE), and a `+switch-master` announcement moves it to
 * the new master right away. Everything else is the plain Redis client. Event: `switch-master` ({ from, to }).
 */
export class SentinelRedis extends Redis {
  private readonly settings: ResolveSettings;
  private readonly connectTo: 'master' | 'replica';
  private firstResolution: Promise<void> | undefined;
  private resolving: Promise<void> | undefined;
  private watcher: Connection | undefined;
  private stopped = false;

  constructor(options: SentinelOptions) {
    if (options === null || typeof options !== 'object' || !Array.isArray(options.sentinels) || options.sentinels.length === 0 || typeof options.name !== 'string') {
      throw new ArgumentError('SentinelRedis: give sentinels (at least one { host, port }) and the master name');
    }
    const { sentinels, name, role, sentinelTimeout, sentinelOptions, watchSwitchMaster, ...nodeOptions } = options;
    const hook: { onReconnect?: () => void } = {};
    super({
      ...nodeOptions,
      lazyConnect: true,
      reconnectStrategy: (attempt) => {
        hook.onReconnect?.();
        // Long enough for the sentinels (on a short timeout) to answer before the next attempt starts.
        return Math.max(defaultReconnectDelay(attempt), 50);
      },
    });
    this.connectTo = role ?? 'master';
    this.settings = {
      sentinels: sentinels.map((s) => ({ host: s.host, port: s.port })),
      name,
      timeout: sentinelTimeout ?? 500,
      sentinelOptions: sentinelOptions ?? {},
      nodeOptions,
    };
    hook.onReconnect = () => {
      this.resolveAddress().catch((error: unknown) => this.emitError(error));
    };
    this.firstResolution = this.resolveAddress().then(() => {
      this.firstResolution = undefined;
      if (this.stopped) return;
      this.connection.start();
      // After the first answer, so the watcher subscribes on a sentinel that is known to answer.
      if (watchSwitchMaster !== false) this.watchSwitchMaster();
    });
    this.firstResolution.catch(ignore);
  }

  /** The address in use (as last resolved). */
  get masterAddress(): NodeAddress {
    return { host: this.options.host, port: this.options.port };
  }

  override async connect(): Promise<void> {
    if (this.firstResolution !== undefined) await this.firstResolution;
    return super.connect();
  }

  override sendCommand<T = unknown>(name: string, args: readonly RedisArg[], returnBuffers = false, transform?: ReplyTransform<T>): Promise<T> {
    const pending = this.firstResolution;
    if (pending === undefined) return super.sendCommand(name, args, returnBuffers, transform);
    return pending.then(() => super.sendCommand(name, args, returnBuffers, transform));
  }

  override async quit(): Promise<'OK'> {
    this.stop();
    if (this.firstResolution !== undefined) await this.firstResolution.catch(ignore);
    return super.quit();
  }

  override disconnect(): void {
    this.stop();
    super.disconnect();
  }

  /** Asks the sentinels again and points the connection there (used on every reconnect). */
  private resolveAddress(): Promise<void> {
    this.resolving ??= (async () => {
      try {
        const address = this.connectTo === 'master' ? await resolveMaster(this.settings) : await this.pickReplica();
        this.options.host = address.host;
        this.options.port = address.port;
      } finally {
        this.resolving = undefined;
      }
    })();
    return this.resolving;
  }

  private async pickReplica(): Promise<NodeAddress> {
    const replicas = await resolveReplicas(this.settings);
    const replica = replicas[Math.floor(Math.random() * replicas.length)];
    return replica ?? resolveMaster(this.settings);
  }

  /** `+switch-master <name> <old ip> <old port> <new ip> <new port>` from any sentinel: move now. */
  private watchSwitchMaster(): void {
    const sentinel = this.settings.sentinels[0] as NodeAddress;
    const watcher = new Connection(resolveOptions({ ...this.settings.sentinelOptions, host: sentinel.host, port: sentinel.port, protocol: 3, lazyConnect: true }));
    this.watcher = watcher;
    watcher.on('error', ignore);
    watcher.on('ready', () => {
      // RESP3: the subscription is confirmed with a push, not a reply, so this command's promise stays pending.
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
          if (from.host !== this.options.host || from.port !== this.options.port) this.dropFrom(from);
        })
        .catch((error: unknown) => this.emitError(error));
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

  private emitError(error: unknown): void {
    if (this.listenerCount('error') > 0) this.emit('error', error);
  }
}
