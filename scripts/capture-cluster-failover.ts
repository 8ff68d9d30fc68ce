// Captures the topology replies of a real 3+3 cluster right after a primary was SIGKILLed and its replica
// promoted, for the topology reader's unit tests (test/fixtures/cluster/after-failover-<server>.json).
// Uses whichever redis-server / redis-cli come first on PATH:
//
//   PATH=<server bin dir>:$PATH node --import tsx scripts/capture-cluster-failover.ts
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Connection } from '../src/connection/connection.js';
import { resolveOptions } from '../src/connection/options.js';
import { startCluster } from '../test/helpers/cluster.js';

const SLOT = 0;

async function ask(port: number, protocol: 2 | 3, args: string[]): Promise<unknown> {
  const connection = new Connection(resolveOptions({ host: '127.0.0.1', port, protocol, lazyConnect: true }));
  try {
    return await connection.send('CLUSTER', args);
  } finally {
    connection.disconnect();
  }
}

async function replies(port: number): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const protocol of [2, 3] as const) {
    out[`shardsResp${protocol}`] = await ask(port, protocol, ['SHARDS']).catch((error: Error) => ({ error: error.message }));
    out[`slotsResp${protocol}`] = await ask(port, protocol, ['SLOTS']);
  }
  return out;
}

const cluster = await startCluster({ primaries: 3, replicasPerPrimary: 1, nodeTimeout: 1000 });
try {
  const version = /redis_version:(\S+)/.exec(await cluster.nodes[0]!.cli('INFO', 'server'))?.[1];
  const server = /valkey/i.test(await cluster.nodes[0]!.cli('INFO', 'server')) ? `valkey-${/valkey_version:(\S+)/.exec(await cluster.nodes[0]!.cli('INFO', 'server'))?.[1]}` : `redis-${version}`;
  const killed = await cluster.primaryOf(SLOT);
  const witness = cluster.nodes.find((node) => node.port !== killed)!;
  await cluster.node(killed).kill();
  const killedAt = Date.now();
  let promoted = killed;
  while (promoted === killed) {
    if (Date.now() - killedAt > 20_000) throw new Error('no promotion within 20 s');
    await new Promise((resolve) => setTimeout(resolve, 25));
    promoted = await cluster.primaryOf(SLOT, witness).catch(() => killed);
  }
  const file = join('test', 'fixtures', 'cluster', `after-failover-${server}.json`);
  const capture = {
    server,
    note: 'CLUSTER SHARDS / SLOTS as decoded by the client (RESP2 and RESP3) right after a SIGKILLed primary was replaced',
    slot: SLOT,
    killedPort: killed,
    promotedPort: promoted,
    promotedAfterMs: Date.now() - killedAt,
    fromWitness: { port: witness.port, ...(await replies(witness.port)) },
    fromPromoted: { port: promoted, ...(await replies(promoted)) },
  };
  await writeFile(file, `${JSON.stringify(capture, null, 1)}\n`);
  console.log(`${file}: killed ${killed}, promoted ${promoted} after ${capture.promotedAfterMs} ms`);
} finally {
  await cluster.stop();
}
