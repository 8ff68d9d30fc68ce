// MOVED / ASK replies: `MOVED <slot> <host>:<port>`. Every number is validated before the client acts on it,
// so a malformed or hostile reply can't send commands to port 0 or slot 99999.
import { isValidPort, isValidSlot, type NodeAddress } from './topology.js';

export interface Redirect extends NodeAddress {
  readonly kind: 'MOVED' | 'ASK';
  readonly slot: number;
}

/**
 * Parses a MOVED/ASK error message. An empty host (`MOVED 12 :7001`) means the host of the node that replied
 * (`fromHost`); IPv6 hosts are split at the last colon. Returns undefined for anything malformed.
 */
export function parseRedirect(message: string, fromHost: string): Redirect | undefined {
  const parts = message.split(' ');
  if (parts.length !== 3) return undefined;
  const [kind, slotText, target] = parts as [string, string, string];
  if (kind !== 'MOVED' && kind !== 'ASK') return undefined;
  if (!/^\d{1,5}$/.test(slotText)) return undefined;
  const slot = Number(slotText);
  if (!isValidSlot(slot)) return undefined;
  const colon = target.lastIndexOf(':');
  if (colon < 0) return undefined;
  const portText = target.slice(colon + 1);
  if (!/^\d{1,5}$/.test(portText)) return undefined;
  const port = Number(portText);
  if (!isValidPort(port)) return undefined;
  let host = target.slice(0, colon);
  if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1);
  if (host === '') host = fromHost;
  if (host === '?' || /\s/.test(host)) return undefined;
  return { kind, slot, host, port };
}
