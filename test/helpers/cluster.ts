// Starts a real Redis Cluster for integration tests: N primaries with R replicas each (redis-server
// --cluster-enabled yes, joined by `redis-cli --cluster create`), with a short node timeout so failovers
// take about a second. Nodes start in parallel; stop() kills them by pid.
import { execFile } from 'node:child_process';
import { startRedisServer, type RedisServerHandle } from './redis-server.js';
import { tlsCert } from './tls-cert.js';

export interface ClusterHandle {
  readonly nodes: RedisServerHandle[];
  /** `{ host, port }` of every node, for rootNodes. */
  readonly addresses: { host: string; port: number }[];
  /** The node currently listening on `port`. */
  node(port: number): RedisServerHandle;
  /** The port of the primary currently serving `slot`, as CLUSTER SHARDS on `via` (default: the first live node) says. */
  primaryOf(slot: number, via?: RedisServerHandle): Promise<number>;
  /** Waits until every live node reports cluster_state:ok, they agree on who serves every slot, and replicas are in sync. */
  waitStable(timeoutMs?: number): Promise<void>;
  /** Moves one slot with its keys from the node on `fromPort` to the node on `toPort` (SETSLOT + MIGRATE). */
  moveSlot(slot: number, fromPort: number, toPort: number): Promise<void>;
  /**
   * Makes every node announce another client port (`cluster-announce-port`, keyed by its real port; the bus
   * port stays the real one), and waits until every node's CLUSTER SLOTS names the announced ports. Replicas
   * follow their primary's announced address, so use it on clusters without replicas.
   */
  announcePorts(announced: ReadonlyMap<number, number>): Promise<void>;
  stop(): Promise<void>;
}

export interface ClusterSetup {
  primaries?: number;
  replicasPerPrimary?: number;
  /** cluster-node-timeout in ms (failure detection). Default 1000. */
  nodeTimeout?: number;
  config?: Record<string, string>;
  /** TLS only (client port, cluster bus and replication), with the test CA and certificate of tls-cert.ts. */
  tls?: boolean;
}

export async function startCluster(setup: ClusterSetup = {}): Promise<ClusterHandle> {
  const primaries = setup.primaries ?? 3;
  const replicas = setup.replicasPerPrimary ?? 1;
  const count = primaries * (1 + replicas);
  const started = await Promise.allSettled(
    Array.from({ length: count }, () =>
      startRedisServer({
        tls: setup.tls === true,
        config: {
          ...(setup.tls === true ? { 'tls-cluster': 'yes', 'tls-replication': 'yes' } : {}),
          'cluster-enabled': 'yes',
          'cluster-config-file': 'nodes.conf',
          'cluster-node-timeout': String(setup.nodeTimeout ?? 1000),
          // Keep the healthy shards serving while one is failing over.
          'cluster-require-full-coverage': 'no',
          // A replica may always take over, however long its link was down.
          'cluster-replica-validity-factor': '0',
          // Replicas sync at once (the default waits 5 s for more replicas to share one transfer).
          'repl-diskless-sync-delay': '0',
          ...setup.config,
        },
      }),
    ),
  );
  const nodes = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const failed = started.find((result) => result.status === 'rejected');
  if (failed !== undefined) {
    await Promise.all(nodes.map((node) => node.kill()));
    throw failed.reason;
  }
  const handle = new Cluster(nodes);
  try {
    const cert = setup.tls === true ? await tlsCert() : undefined;
    const tlsArgs = cert === undefined ? [] : ['--tls', '--cacert', cert.caPath, '--cert', cert.certPath, '--key', cert.keyPath];
    await run('redis-cli', [...tlsArgs, '--cluster', 'create', ...nodes.map((node) => `127.0.0.1:${node.port}`), '--cluster-replicas', String(replicas), '--cluster-yes']);
    await handle.waitStable(20_000);
  } catch (error) {
    await handle.stop();
    throw error;
  }
  return handle;
}

class Cluster implements ClusterHandle {
  constructor(readonly nodes: RedisServerHandle[]) {}

  get addresses(): { host: string; port: number }[] {
    return this.nodes.map((node) => ({ host: '127.0.0.1', port: node.port }));
  }

  node(port: number): RedisServerHandle {
    const node = this.nodes.find((candidate) => candidate.port === port);
    if (node === undefined) throw new Error(`no cluster node on port ${port}`);
    return node;
  }

  async primaryOf(slot: number, via?: RedisServerHandle): Promise<number> {
    const owners = await this.slotOwners(via ?? (await this.liveNodes())[0]!);
    const port = owners.get(slot);
    if (port === undefined) throw new Error(`no node serves slot ${slot}`);
    return port;
  }

  async waitStable(timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let last = '';
    while (Date.now() < deadline) {
      try {
        const live = await this.liveNodes();
        const states = await Promise.all(live.map((node) => node.cli('CLUSTER', 'INFO')));
        const ok = states.every((info) => /cluster_state:ok/.test(info));
        const replication = await Promise.all(live.map((node) => node.cli('INFO', 'replication')));
        const synced = replication.every((info) => /role:master/.test(info) || /master_link_status:up/.test(info));
        const views = await Promise.all(live.map(async (node) => JSON.stringify([...(await this.slotOwners(node))].sort((a, b) => a[0] - b[0]))));
        const agree = views.every((view) => view === views[0]);
        const covered = views[0] !== undefined && JSON.parse(views[0]).length === 16384;
        if (ok && agree && covered && synced) return;
        last = `ok=${ok} agree=${agree} covered=${covered} synced=${synced}`;
      } catch (error) {
        last = (error as Error).message;
      }
      await sleep(100);
    }
    throw new Error(`cluster not stable after ${timeoutMs} ms (${last})`);
  }

  async moveSlot(slot: number, fromPort: number, toPort: number): Promise<void> {
    const from = this.node(fromPort);
    const to = this.node(toPort);
    const fromId = await from.cli('CLUSTER', 'MYID');
    const toId = await to.cli('CLUSTER', 'MYID');
    await to.cli('CLUSTER', 'SETSLOT', String(slot), 'IMPORTING', fromId);
    await from.cli('CLUSTER', 'SETSLOT', String(slot), 'MIGRATING', toId);
    for (;;) {
      const keys = (await from.cli('CLUSTER', 'GETKEYSINSLOT', String(slot), '100')).split('\n').filter((key) => key.length > 0);
      if (keys.length === 0) break;
      await from.cli('MIGRATE', '127.0.0.1', String(toPort), '', '0', '5000', 'REPLACE', 'KEYS', ...keys);
    }
    // The new owner first, then the old one, then everyone else (the order redis-cli --cluster uses).
    await to.cli('CLUSTER', 'SETSLOT', String(slot), 'NODE', toId);
    await from.cli('CLUSTER', 'SETSLOT', String(slot), 'NODE', toId);
    const live = await this.liveNodes();
    await Promise.all(live.filter((node) => node !== from && node !== to).map((node) => node.cli('CLUSTER', 'SETSLOT', String(slot), 'NODE', toId).catch(() => '')));
  }

  async announcePorts(announced: ReadonlyMap<number, number>): Promise<void> {
    await Promise.all(
      this.nodes.map((node) => node.cli('CONFIG', 'SET', 'cluster-announce-bus-port', String(node.port + 10000), 'cluster-announce-port', String(announced.get(node.port) ?? node.port))),
    );
    const wanted = new Set(this.nodes.map((node) => announced.get(node.port) ?? node.port));
    const deadline = Date.now() + 20_000;
    for (;;) {
      const views = await Promise.all(this.nodes.map((node) => this.slotOwners(node)));
      if (views.every((owners) => [...owners.values()].every((port) => wanted.has(port)))) return;
      if (Date.now() > deadline) throw new Error('the nodes did not learn the announced ports within 20 s');
      await sleep(100);
    }
  }

  async stop(): Promise<void> {
    await Promise.all(this.nodes.map((node) => node.kill()));
  }

  private async liveNodes(): Promise<RedisServerHandle[]> {
    const alive = await Promise.all(this.nodes.map((node) => node.cli('PING').then((reply) => reply === 'PONG', () => false)));
    return this.nodes.filter((_, index) => alive[index]);
  }

  /** slot → port of its primary, parsed from CLUSTER SLOTS as redis-cli prints it (one value a line). */
  private async slotOwners(node: RedisServerHandle): Promise<Map<number, number>> {
    const lines = (await node.cli('--json', 'CLUSTER', 'SLOTS')).trim();
    const ranges = JSON.parse(lines) as [number, number, [string, number, string], ...unknown[]][];
    const owners = new Map<number, number>();
    for (const [start, end, primary] of ranges) for (let slot = start; slot <= end; slot++) owners.set(slot, primary[1]);
    return owners;
  }
}

function run(file: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { timeout: 60_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${file} ${args.join(' ')} failed: ${error.message}\n${stderr}${stdout}`));
      else resolve(stdout);
    });
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
