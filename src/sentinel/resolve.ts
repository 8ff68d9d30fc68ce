// Master discovery as Redis's Sentinel client guidelines describe it: ask the sentinels in order, each with
// a short timeout; SENTINEL get-master-addr-by-name; confirm with ROLE on the address given; the sentinel
// that answered moves to the front of the list. In the same round trip, SENTINEL SENTINELS names the other
// sentinels monitoring the master, so sentinels added later join the list.
import { Connection } from '../connection/connection.js';
import { resolveOptions, type RedisOptions } from '../connection/options.js';
import { isValidPort, nodeKey, type NodeAddress } from '../cluster/topology.js';
import { mapAddress, type NodeAddressMap } from '../address-map.js';
import { MasterUnknownError, NoSentinelReachableError } from './errors.js';
import { pairsToObject } from '../pairs-to-object.js';

export interface ResolveSettings {
  /** Reordered in place: the sentinel that answers goes first; sentinels it names are appended. */
  sentinels: NodeAddress[];
  name: string;
  /** ms for each sentinel (connect + reply). */
  timeout: number;
  /** Connection options for the sentinels (password …). */
  sentinelOptions: RedisOptions;
  /** Connection options for the data nodes, used for the ROLE check. */
  nodeOptions: RedisOptions;
  /** Announced → reachable, for every address a sentinel names (master, replicas, other sentinels). */
  addressMap: NodeAddressMap | undefined;
}

export async function resolveMaster(settings: ResolveSettings): Promise<NodeAddress> {
  let reached = 0;
  let lastError: unknown;
  for (const sentinel of [...settings.sentinels]) {
    let reply: unknown;
    try {
      reply = await askSentinel(settings, sentinel, 'get-master-addr-by-name');
    } catch (error) {
      lastError = error;
      continue;
    }
    reached++;
    const announced = toAddress(reply);
    if (announced === undefined) continue;
    const address = mapAddress(settings.addressMap, announced);
    try {
      const role = await ask(address, settings.nodeOptions, settings.timeout, [['ROLE', []]]);
      if (!Array.isArray(role[0]) || String(role[0][0]) !== 'master') continue; // stale answer: try the next sentinel
    } catch (error) {
      lastError = error;
      continue;
    }
    promote(settings.sentinels, sentinel);
    return address;
  }
  if (reached === 0) throw new NoSentinelReachableError(settings.sentinels.length, { cause: lastError });
  throw new MasterUnknownError(settings.name, { cause: lastError });
}

/** Replicas the sentinels list as healthy for `name` (SENTINEL replicas), from the first sentinel that answers. */
export async function resolveReplicas(settings: ResolveSettings): Promise<NodeAddress[]> {
  for (const sentinel of [...settings.sentinels]) {
    try {
      const reply = await askSentinel(settings, sentinel, 'replicas');
      if (!Array.isArray(reply)) continue;
      const out: NodeAddress[] = [];
      for (const raw of reply) {
        const fields = toFields(raw);
        const flags = String(fields.flags ?? '');
        const address = toAddress([fields.ip, fields.port]);
        if (address !== undefined && !/s_down|o_down|disconnected/.test(flags)) out.push(mapAddress(settings.addressMap, address));
      }
      return out;
    } catch {
      // next sentinel
    }
  }
  return [];
}

/**
 * `SENTINEL <subcommand> <name>` and `SENTINEL SENTINELS <name>` in one round trip; the sentinels named are
 * added to the list (a sentinel refusing SENTINELS, e.g. by ACL, still answers the question).
 */
async function askSentinel(settings: ResolveSettings, sentinel: NodeAddress, subcommand: string): Promise<unknown> {
  const [reply, peers] = await ask(sentinel, settings.sentinelOptions, settings.timeout, [
    ['SENTINEL', [subcommand, settings.name]],
    ['SENTINEL', ['SENTINELS', settings.name]],
  ]);
  if (peers instanceof Error) return reply;
  if (Array.isArray(peers)) learnSentinels(settings, peers);
  return reply;
}

function learnSentinels(settings: ResolveSettings, peers: unknown[]): void {
  const known = new Set(settings.sentinels.map(nodeKey));
  for (const raw of peers) {
    const fields = toFields(raw);
    const announced = toAddress([fields.ip, fields.port]);
    if (announced === undefined || /s_down|o_down|disconnected/.test(String(fields.flags ?? ''))) continue;
    const address = mapAddress(settings.addressMap, announced);
    if (known.has(nodeKey(address))) continue;
    known.add(nodeKey(address));
    settings.sentinels.push(address);
  }
}

/**
 * Sends the commands on one short-lived connection (pipelined: one round trip). The first command's error
 * rejects; the others' errors are returned in place.
 */
async function ask(node: NodeAddress, options: RedisOptions, timeout: number, commands: [name: string, args: string[]][]): Promise<unknown[]> {
  const connection = new Connection(
    resolveOptions({ ...options, host: node.host, port: node.port, db: 0, lazyConnect: true, reconnectStrategy: false, connectTimeout: timeout, commandTimeout: timeout, maxReadRetries: 0 }),
  );
  try {
    const [head, ...others] = commands.map(([name, args]) => connection.send(name, args));
    // Handled now: when the first command fails, the others reject as the connection closes.
    const rest = others.map((reply) => reply.catch((error: unknown) => (error instanceof Error ? error : new Error(String(error)))));
    return [await head, ...(await Promise.all(rest))];
  } finally {
    connection.disconnect();
  }
}

function toAddress(reply: unknown): NodeAddress | undefined {
  if (!Array.isArray(reply) || reply.length < 2) return undefined;
  const host = String(reply[0]);
  const port = Number(String(reply[1]));
  return host.length > 0 && isValidPort(port) ? { host, port } : undefined;
}

function toFields(raw: unknown): Record<string, unknown> {
  if (Array.isArray(raw)) return pairsToObject(raw);
  return raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
}

function promote(list: NodeAddress[], first: NodeAddress): void {
  const index = list.indexOf(first);
  if (index > 0) {
    list.splice(index, 1);
    list.unshift(first);
  }
}
