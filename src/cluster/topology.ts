// The cluster's shape: which node serves each slot, read from CLUSTER SLOTS and CLUSTER SHARDS (Redis 7+).
// Every field read from a reply is validated; a reply that doesn't describe a usable cluster is rejected.
import { brandClasses } from '../brand.js';
import { RedisError } from '../errors.js';
import { pairsToObject } from '../pairs-to-object.js';
import { SLOT_COUNT } from './slot.js';

export interface NodeAddress {
  readonly host: string;
  readonly port: number;
}

export interface Shard {
  readonly primary: NodeAddress;
  /** Replicas not reported failed (CLUSTER SHARDS `health`, online ones first; CLUSTER SLOTS omits failed ones). */
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
brandClasses({ TopologyError });

export function nodeKey(node: NodeAddress): string {
  return node.host.includes(':') ? `[${node.host}]:${node.port}` : `${node.host}:${node.port}`;
}

export function isValidPort(port: unknown): port is number {
  return typeof port === 'number' && Number.isInteger(port) && port > 0 && port <= 65535;
}

export function isValidSlot(slot: unknown): slot is number {
  return typeof slot === 'number' && Number.isInteger(slot) && slot >= 0 && slot < SLOT_COUNT;
}

/** A node's health as CLUSTER SHARDS reports it, best first. Servers say `fail` where the docs say `failed`. */
const enum Health {
  Online = 0,
  Loading = 1,
  Unknown = 2,
  Failed = 3,
}

/** One node of a CLUSTER SHARDS entry. */
interface ShardNode {
  readonly id: string | undefined;
  readonly address: NodeAddress;
  readonly primary: boolean;
  readonly health: Health;
}

/** One CLUSTER SHARDS entry: its slot ranges as [start, end, start, end …] and its nodes. */
interface ShardEntry {
  readonly ranges: number[];
  readonly nodes: ShardNode[];
}

/** One CLUSTER SLOTS range: the primary first, then the replicas (the server leaves failed ones out). */
interface SlotRange {
  readonly start: number;
  readonly end: number;
  readonly primary: { id: string | undefined; address: NodeAddress };
  readonly replicas: NodeAddress[];
}

/**
 * The slot map from what one node answered to CLUSTER SHARDS and CLUSTER SLOTS (either may be missing: SHARDS
 * before Redis 7, SLOTS if a server drops it). Who owns a slot comes from CLUSTER SLOTS, the node's own slot
 * table: CLUSTER SHARDS misleads after a failover (Valkey 8.0 lists the dead primary first in the promoted
 * one's shard; Redis 7.2–7.4 report that shard with no slots, redis/redis#13414). CLUSTER SHARDS adds each
 * node's health, so failed replicas are left out and online ones come first; alone, it is read choosing the
 * healthiest primary of each shard. Slots neither reply gives an owner stay at -1.
 */
export function parseTopology(shardsReply: unknown, slotsReply: unknown, askedHost: string): SlotMap {
  const entries = shardsReply === undefined ? [] : readShardsBesideSlots(shardsReply, slotsReply, askedHost);
  const ranges = slotsReply === undefined ? [] : readSlots(slotsReply, askedHost);
  const builder = new SlotMapBuilder();
  for (const range of ranges) {
    const entry = entries.find((candidate) => candidate.nodes.some((node) => sameNode(node, range.primary)));
    const replicas = entry === undefined ? range.replicas : usableReplicas(entry);
    builder.assign(range.start, range.end, range.primary.address, replicas);
  }
  // CLUSTER SHARDS only fills slots CLUSTER SLOTS left without owner (or everything when SLOTS is missing).
  for (const entry of entries) {
    const primary = healthiestPrimary(entry);
    if (primary === undefined) continue;
    for (let i = 0; i < entry.ranges.length; i += 2) {
      builder.assignFree(entry.ranges[i] as number, entry.ranges[i + 1] as number, primary.address, usableReplicas(entry));
    }
  }
  return builder.build();
}

/**
 * CLUSTER SHARDS alone: [{ slots: [start, end, …], nodes: [{ id, ip, endpoint, port, role, health, … }] }, …]
 * (maps in RESP3, flat key/value arrays in RESP2). `askedHost` replaces an empty endpoint ("my own host").
 */
export function parseClusterShards(reply: unknown, askedHost: string): SlotMap {
  return parseTopology(reply, undefined, askedHost);
}

/** CLUSTER SLOTS alone: [[start, end, [host, port, id, …], [replica host, port, id, …], …], …]. */
export function parseClusterSlots(reply: unknown, askedHost: string): SlotMap {
  return parseTopology(undefined, reply, askedHost);
}

/**
 * CLUSTER SHARDS next to CLUSTER SLOTS: a SHARDS reply that cannot be read (a proxy or mock that answers it
 * with something else) is left out when SLOTS is there to read the map from.
 */
function readShardsBesideSlots(shardsReply: unknown, slotsReply: unknown, askedHost: string): ShardEntry[] {
  try {
    return readShards(shardsReply, askedHost);
  } catch (error) {
    if (slotsReply === undefined || !(error instanceof TopologyError)) throw error;
    return [];
  }
}

function readShards(reply: unknown, askedHost: string): ShardEntry[] {
  if (!Array.isArray(reply)) throw new TopologyError('CLUSTER SHARDS: expected an array');
  return reply.map((rawShard) => {
    const shard = fields(rawShard, 'shard');
    const slots = shard.slots;
    if (!Array.isArray(slots) || slots.length % 2 !== 0) throw new TopologyError('CLUSTER SHARDS: bad slots list');
    if (!Array.isArray(shard.nodes)) throw new TopologyError('CLUSTER SHARDS: bad nodes list');
    const nodes: ShardNode[] = [];
    for (const rawNode of shard.nodes) {
      const node = fields(rawNode, 'node');
      const address = shardNodeAddress(node, askedHost);
      if (address === undefined) continue;
      const role = asText(node.role);
      nodes.push({ id: asText(node.id), address, primary: role === 'master' || role === 'primary', health: healthOf(node.health) });
    }
    return { ranges: slots.map(toInt), nodes };
  });
}

function readSlots(reply: unknown, askedHost: string): SlotRange[] {
  if (!Array.isArray(reply)) throw new TopologyError('CLUSTER SLOTS: expected an array');
  const ranges: SlotRange[] = [];
  for (const range of reply) {
    if (!Array.isArray(range) || range.length < 3) throw new TopologyError('CLUSTER SLOTS: bad slot range');
    const primary = slotsNodeAddress(range[2], askedHost);
    if (primary === undefined) continue;
    const replicas: NodeAddress[] = [];
    for (const raw of range.slice(3)) {
      const replica = slotsNodeAddress(raw, askedHost);
      if (replica !== undefined) replicas.push(replica);
    }
    ranges.push({ start: toInt(range[0]), end: toInt(range[1]), primary: { id: asText((range[2] as unknown[])[2]), address: primary }, replicas });
  }
  return ranges;
}

function healthOf(value: unknown): Health {
  switch (asText(value)) {
    case 'online':
      return Health.Online;
    // Also a replica that has not replicated a single write yet (offset 0): usable.
    case 'loading':
      return Health.Loading;
    case 'fail':
    case 'failed':
      return Health.Failed;
    default:
      return Health.Unknown;
  }
}

/** The shard's primary in the best health (a failed one only when no other is listed). */
function healthiestPrimary(entry: ShardEntry): ShardNode | undefined {
  let best: ShardNode | undefined;
  for (const node of entry.nodes) if (node.primary && (best === undefined || node.health < best.health)) best = node;
  return best;
}

/** The shard's replicas not reported failed, healthiest first. */
function usableReplicas(entry: ShardEntry): NodeAddress[] {
  return entry.nodes
    .filter((node) => !node.primary && node.health !== Health.Failed)
    .sort((a, b) => a.health - b.health)
    .map((node) => node.address);
}

/** The same node in both replies: by id when both carry one, else by address. */
function sameNode(node: ShardNode, other: { id: string | undefined; address: NodeAddress }): boolean {
  if (node.id !== undefined && other.id !== undefined) return node.id === other.id;
  return nodeKey(node.address) === nodeKey(other.address);
}

/** Collects shards (one per primary) and which one serves each slot. */
class SlotMapBuilder {
  private readonly shards: Shard[] = [];
  private readonly byPrimary = new Map<string, number>();
  private readonly slotShard = new Int16Array(SLOT_COUNT).fill(-1);

  assign(start: number, end: number, primary: NodeAddress, replicas: NodeAddress[]): void {
    checkRange(start, end);
    this.slotShard.fill(this.shardIndex(primary, replicas), start, end + 1);
  }

  assignFree(start: number, end: number, primary: NodeAddress, replicas: NodeAddress[]): void {
    checkRange(start, end);
    let index: number | undefined;
    for (let slot = start; slot <= end; slot++) {
      if (this.slotShard[slot] === -1) this.slotShard[slot] = index ??= this.shardIndex(primary, replicas);
    }
  }

  build(): SlotMap {
    if (this.shards.length === 0) throw new TopologyError('cluster topology: no node serves any slot (is the cluster created?)');
    return { shards: this.shards, slotShard: this.slotShard };
  }

  private shardIndex(primary: NodeAddress, replicas: NodeAddress[]): number {
    const key = nodeKey(primary);
    let index = this.byPrimary.get(key);
    if (index === undefined) {
      index = this.shards.push({ primary, replicas }) - 1;
      this.byPrimary.set(key, index);
    }
    return index;
  }
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

function checkRange(start: number, end: number): void {
  if (!isValidSlot(start) || !isValidSlot(end) || end < start) throw new TopologyError(`cluster topology: invalid slot range ${start}-${end}`);
}

function fields(raw: unknown, what: string): Record<string, unknown> {
  if (Array.isArray(raw)) return pairsToObject(raw);
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
