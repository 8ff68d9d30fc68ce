// The cluster's shape: which node serves each slot, parsed from CLUSTER SHARDS (Redis 7+) or CLUSTER SLOTS.
// Every field read from a reply is validated; a reply that doesn't describe a usable cluster is rejected.
import { RedisError } from '../errors.js';
import { SLOT_COUNT } from './slot.js';

export interface NodeAddress {
  readonly host: string;
  readonly port: number;
}

export interface Shard {
  readonly primary: NodeAddress;
  /** Replicas not reported failed (CLUSTER SHARDS `health`); CLUSTER SLOTS lists the ones it knows. */
  readonly replicas: readonly NodeAddress[];
}

export interface SlotMap {
  readonly shards: readonly Shard[];
  /** For each slot, its shard's index in `shards`, or -1 when no node serves it. */
  readonly slotShard: Int16Array;
}

/** A topology reply we can't use (malformed, or no slot served). */
export class TopologyError extends RedisError {
  constructor(message: string) {
    super(message, 'ETOPOLOGY');
  }
}

export function nodeKey(node: NodeAddress): string {
  return node.host.includes(':') ? `[${node.host}]:${node.port}` : `${node.host}:${node.port}`;
}

export function isValidPort(port: unknown): port is number {
  return typeof port === 'number' && Number.isInteger(port) && port > 0 && port <= 65535;
}

export function isValidSlot(slot: unknown): slot is number {
  return typeof slot === 'number' && Number.isInteger(slot) && slot >= 0 && slot < SLOT_COUNT;
}

/**
 * CLUSTER SHARDS: [{ slots: [start, end, …], nodes: [{ ip, endpoint, port, role, health, … }] }, …] (maps in
 * RESP3, flat key/value arrays in RESP2). `askedHost` replaces an empty endpoint, which means "my own host".
 */
export function parseClusterShards(reply: unknown, askedHost: string): SlotMap {
  if (!Array.isArray(reply)) throw new TopologyError('CLUSTER SHARDS: expected an array');
  const shards: Shard[] = [];
  const slotShard = new Int16Array(SLOT_COUNT).fill(-1);
  for (const rawShard of reply) {
    const shard = fields(rawShard, 'shard');
    const slots = shard.slots;
    const nodes = shard.nodes;
    if (!Array.isArray(slots) || slots.length % 2 !== 0) throw new TopologyError('CLUSTER SHARDS: bad slots list');
    if (!Array.isArray(nodes)) throw new TopologyError('CLUSTER SHARDS: bad nodes list');
    if (slots.length === 0) continue; // a shard without slots serves nothing (e.g. a new, empty primary)
    let primary: NodeAddress | undefined;
    let primaryHealthy = false;
    const replicas: NodeAddress[] = [];
    for (const rawNode of nodes) {
      const node = fields(rawNode, 'node');
      const address = shardNodeAddress(node, askedHost);
      if (address === undefined) continue;
      // 'loading' also covers replicas that have not replicated a single write yet (offset 0): usable.
      const healthy = asText(node.health) !== 'failed';
      const role = asText(node.role);
      if (role === 'master' || role === 'primary') {
        // After a failover the old, failed primary may still be listed: prefer the healthy one.
        if (primary === undefined || (healthy && !primaryHealthy)) {
          primary = address;
          primaryHealthy = healthy;
        }
      } else if (healthy) {
        replicas.push(address);
      }
    }
    if (primary === undefined) continue;
    const index = shards.push({ primary, replicas }) - 1;
    for (let i = 0; i < slots.length; i += 2) assign(slotShard, toInt(slots[i]), toInt(slots[i + 1]), index);
  }
  return checked({ shards, slotShard });
}

/** CLUSTER SLOTS: [[start, end, [host, port, id, …], [replica host, port, id, …], …], …]. */
export function parseClusterSlots(reply: unknown, askedHost: string): SlotMap {
  if (!Array.isArray(reply)) throw new TopologyError('CLUSTER SLOTS: expected an array');
  const shards: Shard[] = [];
  const byPrimary = new Map<string, number>();
  const slotShard = new Int16Array(SLOT_COUNT).fill(-1);
  for (const range of reply) {
    if (!Array.isArray(range) || range.length < 3) throw new TopologyError('CLUSTER SLOTS: bad slot range');
    const primary = slotsNodeAddress(range[2], askedHost);
    if (primary === undefined) continue;
    const key = nodeKey(primary);
    let index = byPrimary.get(key);
    if (index === undefined) {
      const replicas: NodeAddress[] = [];
      for (const raw of range.slice(3)) {
        const replica = slotsNodeAddress(raw, askedHost);
        if (replica !== undefined) replicas.push(replica);
      }
      index = shards.push({ primary, replicas }) - 1;
      byPrimary.set(key, index);
    }
    assign(slotShard, toInt(range[0]), toInt(range[1]), index);
  }
  return checked({ shards, slotShard });
}

function shardNodeAddress(node: Record<string, unknown>, askedHost: string): NodeAddress | undefined {
  const port = toInt(node.port ?? node['tls-port']);
  const endpoint = node.endpoint !== undefined ? asText(node.endpoint) : asText(node.ip);
  return address(endpoint, port, askedHost);
}

function slotsNodeAddress(raw: unknown, askedHost: string): NodeAddress | undefined {
  if (!Array.isArray(raw) || raw.length < 2) throw new TopologyError('CLUSTER SLOTS: bad node entry');
  return address(asText(raw[0]), toInt(raw[1]), askedHost);
}

/** '?' is an unknown endpoint (skip the node); '' means the host we asked. */
function address(endpoint: string | undefined, port: number, askedHost: string): NodeAddress | undefined {
  if (endpoint === undefined || endpoint === '?') return undefined;
  if (!isValidPort(port)) throw new TopologyError(`cluster topology: invalid port ${String(port)}`);
  return { host: endpoint === '' ? askedHost : endpoint, port };
}

function assign(slotShard: Int16Array, start: number, end: number, index: number): void {
  if (!isValidSlot(start) || !isValidSlot(end) || end < start) throw new TopologyError(`cluster topology: invalid slot range ${start}-${end}`);
  slotShard.fill(index, start, end + 1);
}

function checked(map: SlotMap): SlotMap {
  if (map.shards.length === 0) throw new TopologyError('cluster topology: no node serves any slot (is the cluster created?)');
  return map;
}

function fields(raw: unknown, what: string): Record<string, unknown> {
  if (Array.isArray(raw)) {
    const out: Record<string, unknown> = {};
    for (let i = 0; i + 1 < raw.length; i += 2) out[String(raw[i])] = raw[i + 1];
    return out;
  }
  if (raw !== null && typeof raw === 'object' && !Buffer.isBuffer(raw)) return raw as Record<string, unknown>;
  throw new TopologyError(`CLUSTER SHARDS: bad ${what} entry`);
}

function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  return undefined;
}

function toInt(value: unknown): number {
  if (typeof value === 'number') return value;
  const text = asText(value);
  return text !== undefined && /^-?\d{1,10}$/.test(text) ? Number(text) : Number.NaN;
}
