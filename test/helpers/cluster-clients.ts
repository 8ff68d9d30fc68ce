// One real cluster per test file and the cluster clients its tests open (closed after each test).
import { afterAll, afterEach, beforeAll } from 'vitest';
import { RedisCluster } from '../../src/cluster/cluster.js';
import type { ClusterOptions } from '../../src/cluster/options.js';
import { startCluster, type ClusterHandle, type ClusterSetup } from './cluster.js';

export interface ClusterUnderTest {
  /** The cluster (set in beforeAll). */
  readonly cluster: ClusterHandle;
  /** A client starting from the first node (or `options.rootNodes`), disconnected after the test. */
  client(options?: Partial<ClusterOptions>): RedisCluster;
}

export function useCluster(setup: ClusterSetup = { primaries: 3, replicasPerPrimary: 1 }, afterStart?: (cluster: ClusterHandle) => Promise<void>): ClusterUnderTest {
  let cluster: ClusterHandle | undefined;
  const clients: RedisCluster[] = [];
  beforeAll(async () => {
    cluster = await startCluster(setup);
    await afterStart?.(cluster);
  }, 60_000);
  afterAll(async () => {
    await cluster?.stop();
  });
  afterEach(() => {
    for (const c of clients.splice(0)) c.disconnect();
  });
  return {
    get cluster() {
      if (cluster === undefined) throw new Error('the cluster is not started yet (use it inside a test)');
      return cluster;
    },
    client(options = {}) {
      const c = new RedisCluster({ rootNodes: [this.cluster.addresses[0]!], ...options });
      clients.push(c);
      return c;
    },
  };
}
