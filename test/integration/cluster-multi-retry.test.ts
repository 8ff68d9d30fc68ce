// A cluster MULTI block waits out the same passing server states as a single cluster command (one classifier,
// src/transient-errors.ts). A fake node, because a real cluster primary cannot be made to answer MASTERDOWN or
// READONLY to a queued command on demand.
import { afterEach, describe, expect, it } from 'vitest';
import { RedisCluster, type RetryEvent } from '../../src/cluster/cluster.js';
import { ProtocolError } from '../../src/errors.js';
import { resp } from '../helpers/resp-literals.js';
import { respondLikeRedis, startFakeServer, type FakeServer } from '../helpers/fake-server.js';

let fake: FakeServer | undefined;
let client: RedisCluster | undefined;
afterEach(async () => {
  client?.disconnect();
  await fake?.close();
  fake = client = undefined;
});

/**
 * One node serving every slot; its first `failures` writes are refused with `error`, as a failing-over node
 * does. `execReply` replaces EXEC's reply (a hostile or broken node).
 */
async function flakyNode(error: string, failures: number, execReply?: string): Promise<FakeServer> {
  let refused = 0;
  let inMulti = false;
  let aborted = false;
  const server = await startFakeServer((command, reply) => {
    if (respondLikeRedis(command, reply)) return;
    const name = (command[0] ?? '').toUpperCase();
    if (name === 'CLUSTER' && command[1]?.toUpperCase() === 'SLOTS') {
      reply(resp.array([resp.array([resp.int(0), resp.int(16383), resp.array([resp.bulk('127.0.0.1'), resp.int(server.port), resp.bulk('fake-node-id')])])]));
    } else if (name === 'CLUSTER') {
      reply(resp.error('ERR unknown subcommand'));
    } else if (name === 'MULTI') {
      inMulti = true;
      aborted = false;
      reply(resp.simple('OK'));
    } else if (name === 'EXEC') {
      inMulti = false;
      reply(aborted ? resp.error('EXECABORT Transaction discarded because of previous errors.') : (execReply ?? resp.array([resp.simple('OK')])));
    } else if (refused < failures) {
      refused++;
      aborted ||= inMulti;
      reply(resp.error(error));
    } else {
      reply(inMulti ? resp.simple('QUEUED') : resp.simple('OK'));
    }
  });
  return server;
}

describe.each([
  ['MASTERDOWN', 'MASTERDOWN Link with MASTER is down and replica-serve-stale-data is set to no.'],
  ['READONLY', "READONLY You can't write against a read only replica."],
])('on %s', (code, message) => {
  it('a single command is retried until the node accepts it', async () => {
    fake = await flakyNode(message, 2);
    client = new RedisCluster({ rootNodes: [{ host: '127.0.0.1', port: fake.port }], retryDelay: () => 5 });
    const retries: RetryEvent[] = [];
    client.on('retry', (event: RetryEvent) => retries.push(event));
    expect(await client.set('k', 'v')).toBe('OK');
    expect(retries.map((event) => event.reason)).toEqual([code, code]);
  });

  it('a MULTI block is retried as a whole, like a single command', async () => {
    fake = await flakyNode(message, 2);
    client = new RedisCluster({ rootNodes: [{ host: '127.0.0.1', port: fake.port }], retryDelay: () => 5 });
    const multi = client.multi();
    const retries: RetryEvent[] = [];
    multi.observer = { onRetry: (event) => retries.push(event) };
    const handle = multi.set('k', 'v');
    expect(await multi.exec()).toEqual(['OK']);
    await expect(handle.promise).resolves.toBe('OK');
    expect(retries.map((event) => event.reason)).toEqual([code, code]);
    expect(fake.received.filter((command) => command[0] === 'MULTI')).toHaveLength(3);
  });
});

it('an EXEC reply that does not line up with the block rejects it with ProtocolError, as on a single server', async () => {
  fake = await flakyNode('unused', 0, resp.array([resp.simple('OK'), resp.simple('OK')]));
  client = new RedisCluster({ rootNodes: [{ host: '127.0.0.1', port: fake.port }] });
  const multi = client.multi();
  const handle = multi.set('k', 'v');
  await expect(multi.exec()).rejects.toBeInstanceOf(ProtocolError);
  await expect(handle.promise).rejects.toBeInstanceOf(ProtocolError);
});
