// Master discovery as Redis's Sentinel client guidelines describe it: ask the sentinels in order, each with
// a short timeout; SENTINEL get-master-addr-by-name; confirm with ROLE on the address given; the sentinel
// that answered moves to the front of the list.
import { Connection } from '../connection/connection.js';
import { resolveOptions, type RedisOptions } from '../connection/options.js';
import { isValidPort, type NodeAddress } from '../cluster/topology.js';
import { MasterUnknownError, NoSentinelReachableError } from './errors.js';
import { pairsToObject } from '../pairs-to-object.js';

export interface ResolveSettings {
  /** Reordered in place: the sentinel that answers goes first. */
  sentinels: NodeAddress[];
  name: string;
  /** ms for each sentinel (connect + reply). */
  timeout: number;
  /** Connection options for the sentinels (password …). */
  sentinelOptions: RedisOptions;
  /** Connection options for the data nodes, used for the ROLE check. */
  nodeOptions: RedisOptions;
}

export async function resolveMaster(settings: ResolveSettings): Promise<NodeAddress> {
  let reached = 0;
  let lastError: unknown;
  for (const sentinel of [...settings.sentinels]) {
    let reply: unknown;
    try {
      reply = await ask(sentinel, settings.sentinelOptions, settings.timeout, 'SENTINEL', ['get-master-addr-by-name', settings.name]);
    } catch (error) {
      lastError = error;
      continue;
    }
    reached++;
    const address = toAddress(reply);
    if (address === undefined) continue;
    try {
      const role = await ask(address, settings.nodeOptions, settings.timeout, 'ROLE', []);
      if (!Array.isArray(role) || String(role[0]) !== 'master') continue; // stale answer: try the next sentinel
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
  for (const sentinel of settings.sentinels) {
    try {
      const reply = await ask(sentinel, settings.sentinelOptions, settings.timeout, 'SENTINEL', ['replicas', settings.name]);
      if (!Array.isArray(reply)) continue;
      const out: NodeAddress[] = [];
      for (const raw of reply) {
        const fields = toFields(raw);
        const flags = String(fields.flags ?? '');
        const address = toAddress([fields.ip, fields.port]);
        if (address !== undefined && !/s_down|o_down|disconnected/.test(flags)) out.push(address);
      }
      return out;
    } catch {
      // next sentinel
    }
  }
  return [];
}

async function ask(node: NodeAddress, options: RedisOptions, timeout: number, name: string, args: string[]): Promise<unknown> {
  const connection = new Connection(
    resolveOptions({ ...options, host: node.host, port: node.port, db: 0, lazyConnect: true, reconnectStrategy: false, connectTimeout: timeout, commandTimeout: timeout, maxReadRetries: 0 }),
  );
  try {
    return await connection.send(name, args);
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
