// Keyless commands a cluster client sends to every node, chosen from the request/response policy tips of the
// command table (COMMAND DOCS "tips"), with how their replies combine. Commands not listed here go to one
// primary. The per-node reports (INFO, MEMORY STATS, LATENCY …) are not merged: run them on cluster.nodes().
import { getCommandInfo } from '../commands/command-info.js';
import { groupFor, type CallWatch } from '../connection/call-watch.js';
import type { Connection } from '../connection/connection.js';
import type { RedisArg } from '../resp/types.js';

export interface FanOut {
  /** `request_policy:all_shards`: every primary; `all_nodes`: replicas too. */
  readonly targets: 'primary' | 'all';
  /** The policy, for documentation and telemetry. */
  readonly policy: string;
  /** Combines the replies (in node order) of nodes that all succeeded. */
  combine(replies: readonly unknown[]): unknown;
  /** Whether one success is enough (errors of the other nodes are then ignored). */
  readonly oneSucceeded: boolean;
}

/**
 * Tips whose meaning depends on the connection or on one node, so a fan-out would be wrong: PING (any node
 * answering shows the client is connected), CLIENT … (per-connection state), WAIT / WAITAOF (count the
 * replicas that have the writes made on the same connection).
 */
const ONE_NODE = new Set(['ping', 'wait', 'waitaof']);

const COMBINERS: Readonly<Record<string, (replies: readonly unknown[]) => unknown>> = {
  agg_sum: (replies) => replies.reduce<number | bigint>((sum, reply) => add(sum, reply), 0),
  all_succeeded: (replies) => replies[0],
  one_succeeded: (replies) => replies[0],
  agg_logical_and: (replies) => andElementwise(replies),
  // No response policy (KEYS, SLOWLOG GET): the replies are lists of the nodes' items.
  concat: (replies) => replies.flatMap((reply) => (Array.isArray(reply) ? reply : [reply])),
};

/** RANDOMKEY ("special"): any node's key; null only when every node is empty. */
const RANDOM_ANSWER = (replies: readonly unknown[]): unknown => {
  const keys = replies.filter((reply) => reply !== null && reply !== undefined);
  return keys.length === 0 ? null : keys[Math.floor(Math.random() * keys.length)];
};

const cache = new Map<string, FanOut | null>();

/** How a keyless command fans out, or undefined when it goes to one primary. */
export function fanOutOf(name: string, args: readonly RedisArg[]): FanOut | undefined {
  const info = getCommandInfo(name, args[0]);
  if (info === undefined) return undefined;
  let fanOut = cache.get(info.name);
  if (fanOut === undefined) {
    fanOut = build(info.name, info.requestPolicy, info.responsePolicy);
    cache.set(info.name, fanOut);
  }
  return fanOut ?? undefined;
}

function build(name: string, request: string | undefined, response: string | undefined): FanOut | null {
  if (request !== 'all_shards' && request !== 'all_nodes') return null;
  if (ONE_NODE.has(name) || name.startsWith('client|')) return null;
  const combine = name === 'randomkey' ? RANDOM_ANSWER : COMBINERS[response ?? 'concat'];
  if (combine === undefined) return null; // "special" reports and agg_min/agg_max: one node
  return {
    targets: request === 'all_nodes' ? 'all' : 'primary',
    policy: `${request}/${name === 'randomkey' ? 'any' : (response ?? 'concat')}`,
    combine,
    oneSucceeded: response === 'one_succeeded',
  };
}

/** Sends the command once on each node's connection and combines the replies; the first error fails it (unless one success is enough). */
export async function sendToEach(
  fanOut: FanOut,
  nodes: ReadonlyArray<{ readonly connection: Connection }>,
  name: string,
  args: readonly RedisArg[],
  returnBuffers: boolean,
  /** Per-call options (withOptions): each node's copy is cancelled by its connection, queued or written. */
  callOptions?: CallWatch,
): Promise<unknown> {
  // One watcher for every node's copy (a pipeline's group already is one).
  const group = groupFor(callOptions);
  const send = (connection: Connection): Promise<unknown> =>
    group === undefined ? connection.send(name, args, returnBuffers) : connection.sendWith(name, args, returnBuffers, undefined, group);
  let outcomes: PromiseSettledResult<unknown>[];
  try {
    outcomes = await Promise.allSettled(nodes.map((node) => send(node.connection)));
  } finally {
    if (group !== callOptions) group?.close(); // a pipeline closes its own group
  }
  const replies: unknown[] = [];
  let failure: PromiseRejectedResult | undefined;
  for (const outcome of outcomes) {
    if (outcome.status === 'fulfilled') replies.push(outcome.value);
    else failure ??= outcome;
  }
  if (failure !== undefined && !(fanOut.oneSucceeded && replies.length > 0)) throw failure.reason;
  return fanOut.combine(replies);
}

/** All the policies a command name has, for the README table and tests. */
export function fanOutTable(names: readonly string[]): Array<{ name: string; policy: string }> {
  return names.flatMap((name) => {
    const [command, sub] = name.split('|') as [string, string | undefined];
    const fanOut = fanOutOf(command, sub === undefined ? [] : [sub]);
    return fanOut === undefined ? [] : [{ name, policy: fanOut.policy }];
  });
}

function add(sum: number | bigint, reply: unknown): number | bigint {
  if (typeof sum === 'bigint' || typeof reply === 'bigint') return BigInt(sum) + BigInt(reply as number | bigint);
  return sum + Number(reply);
}

/** SCRIPT EXISTS: 1 for a script only when every node has it. */
function andElementwise(replies: readonly unknown[]): unknown {
  const first = replies[0];
  if (!Array.isArray(first)) return first;
  return first.map((_, i) => (replies.every((reply) => Array.isArray(reply) && Number(reply[i]) === 1) ? 1 : 0));
}
