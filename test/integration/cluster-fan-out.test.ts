// Keyless commands fanned out over a real 3+3 cluster as the command table's policy tips say, replies combined.
import { expect, it } from 'vitest';
import { RedisCluster } from '../../src/cluster/cluster.js';
import { commandNames } from '../../src/commands/command-info.js';
import { fanOutTable } from '../../src/cluster/fan-out.js';
import { useCluster } from '../helpers/cluster-clients.js';

const under = useCluster();
const client = (): RedisCluster => under.client();

const keys = Array.from({ length: 50 }, (_, i) => `fan:${i}`);

it('DBSIZE sums, KEYS concatenates, RANDOMKEY finds a key on any primary, FLUSHALL empties every primary', async () => {
  const c = client();
  await c.flushall();
  await Promise.all(keys.map((key) => c.set(key, '1')));
  await c.set('other', '1');
  expect(await c.dbsize()).toBe(51);
  expect(((await c.keys('fan:*')) as string[]).sort()).toEqual([...keys].sort());
  expect(((await c.call('KEYS', 'fan:*')) as string[]).length).toBe(50);
  // Only one primary holds a key: RANDOMKEY still finds it whichever primary it asks first.
  await c.flushall();
  await c.set('lonely', '1');
  for (let i = 0; i < 6; i++) expect(await c.randomkey()).toBe('lonely');
  expect(await c.flushall()).toBe('OK');
  expect(await c.dbsize()).toBe(0);
  expect(await c.randomkey()).toBeNull();
  for (const node of c.nodes('primary')) expect(await node.call('DBSIZE')).toBe(0);
});

it('SCRIPT LOAD reaches every node (replicas too), SCRIPT EXISTS is true only where all have it, SCRIPT FLUSH clears all', async () => {
  const c = client();
  const sha = (await c.call('SCRIPT', 'LOAD', 'return 7')) as string;
  for (const node of c.nodes('all')) expect(await node.call('SCRIPT', 'EXISTS', sha)).toEqual([1]);
  expect(await c.call('SCRIPT', 'EXISTS', sha, '0'.repeat(40))).toEqual([1, 0]);
  // Loaded on one node only: not "existing" for the cluster.
  const lonely = (await c.nodes('primary')[0]!.call('SCRIPT', 'LOAD', 'return 8')) as string;
  expect(await c.call('SCRIPT', 'EXISTS', lonely)).toEqual([0]);
  expect(await c.call('SCRIPT', 'FLUSH')).toBe('OK');
  for (const node of c.nodes('all')) expect(await node.call('SCRIPT', 'EXISTS', sha)).toEqual([0]);
});

it('FUNCTION LOAD reaches every primary; an error on any node fails the call', async () => {
  const c = client();
  const library = "#!lua name=fanlib\nredis.register_function('fan_seven', function() return 7 end)";
  expect(await c.call('FUNCTION', 'LOAD', 'REPLACE', library)).toBe('fanlib');
  for (const node of c.nodes('primary')) expect(await node.call('FCALL', 'fan_seven', '0')).toBe(7);
  await expect(c.call('FUNCTION', 'LOAD', library)).rejects.toThrow(/already exists/);
  expect(await c.call('FUNCTION', 'FLUSH')).toBe('OK');
});

it('leaves PING, INFO, WAIT and CLIENT commands on one node; the table of fanned-out commands is the documented one', async () => {
  const c = client();
  expect(await c.ping()).toBe('PONG');
  expect(typeof (await c.call('INFO', 'server'))).toBe('string');
  const table = fanOutTable(commandNames()).map((row) => `${row.name} ${row.policy}`).sort();
  expect(table).toEqual([
    'acl|deluser all_nodes/all_succeeded',
    'acl|save all_nodes/all_succeeded',
    'acl|setuser all_nodes/all_succeeded',
    'cluster|slot-stats all_shards/concat',
    'config|resetstat all_nodes/all_succeeded',
    'config|rewrite all_nodes/all_succeeded',
    'config|set all_nodes/all_succeeded',
    'dbsize all_shards/agg_sum',
    'flushall all_shards/all_succeeded',
    'flushdb all_shards/all_succeeded',
    'function|delete all_shards/all_succeeded',
    'function|flush all_shards/all_succeeded',
    'function|kill all_shards/one_succeeded',
    'function|load all_shards/all_succeeded',
    'function|restore all_shards/all_succeeded',
    'keys all_shards/concat',
    'latency|reset all_nodes/agg_sum',
    'memory|purge all_shards/all_succeeded',
    'randomkey all_shards/any',
    'script|exists all_shards/agg_logical_and',
    'script|flush all_nodes/all_succeeded',
    'script|kill all_shards/one_succeeded',
    'script|load all_nodes/all_succeeded',
    'slowlog|get all_nodes/concat',
    'slowlog|len all_nodes/agg_sum',
    'slowlog|reset all_nodes/all_succeeded',
  ]);
});
