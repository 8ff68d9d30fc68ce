// Announced address → reachable address, for servers behind NAT or in containers: a cluster's topology and a
// Sentinel's answers name addresses as the servers see themselves, which the client may not be able to reach.
import { ArgumentError } from './errors.js';
import { isValidPort, nodeKey, type NodeAddress } from './cluster/topology.js';

/**
 * `{ 'host:port': { host, port } }` (an IPv6 host in brackets: `'[::1]:7000'`), or a function given the
 * announced address as `'host:port'` and as `{ host, port }`; an address the map does not name is used as is.
 */
export type NodeAddressMap =
  | Readonly<Record<string, NodeAddress>>
  | ((address: string, parts: NodeAddress) => NodeAddress | undefined | null);

/** Throws ArgumentError for a map that is neither a function nor an object of `{ host, port }` values. */
export function checkAddressMap(owner: string, map: unknown): NodeAddressMap | undefined {
  if (map === undefined || typeof map === 'function') return map as NodeAddressMap | undefined;
  if (map === null || typeof map !== 'object' || Array.isArray(map)) throw new ArgumentError(`${owner}: nodeAddressMap must be an object { 'host:port': { host, port } } or a function`);
  for (const [key, value] of Object.entries(map)) checkAddress(owner, key, value);
  return map as NodeAddressMap;
}

/** Where to connect for an announced address. */
export function mapAddress(map: NodeAddressMap | undefined, announced: NodeAddress): NodeAddress {
  if (map === undefined) return announced;
  const key = nodeKey(announced);
  const mapped = typeof map === 'function' ? map(key, announced) : Object.prototype.hasOwnProperty.call(map, key) ? map[key] : undefined;
  if (mapped === undefined || mapped === null) return announced;
  if (typeof map === 'function') checkAddress('nodeAddressMap', key, mapped);
  return { host: mapped.host, port: mapped.port };
}

function checkAddress(owner: string, key: string, value: unknown): void {
  const address = value as Partial<NodeAddress> | null;
  if (address === null || typeof address !== 'object' || typeof address.host !== 'string' || address.host.length === 0 || !isValidPort(address.port)) {
    throw new ArgumentError(`${owner}: nodeAddressMap entry for '${key}' must be { host, port } with a valid port`);
  }
}
