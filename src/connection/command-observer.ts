// What telemetry hears about one command on its way, from the connection (LOADING waits, a read re-sent after
// a reconnect) and from a cluster's router (MOVED / ASK, retries, the node that answers). Set only on the
// commands of an observed call: an unobserved command carries no observer and pays nothing.
import type { NodeAddress } from '../cluster/topology.js';

export interface CommandObserver {
  onRedirect?(event: RedirectEvent): void;
  onRetry?(event: RetryEvent): void;
  /** The node the command was (last) sent to: the one whose reply settles it. */
  onNode?(node: NodeAddress): void;
}

export interface RedirectEvent {
  readonly kind: 'MOVED' | 'ASK';
  readonly command: string;
  readonly slot: number;
  readonly from: NodeAddress;
  readonly to: NodeAddress;
}

export interface RetryEvent {
  /**
   * The server error code (TRYAGAIN, CLUSTERDOWN, READONLY, LOADING …) or the client error code (ECONNCLOSED,
   * ECONNRESET …: a read sent again after its connection was lost).
   */
  readonly reason: string;
  readonly command: string;
  readonly attempt: number;
  /** ms before it is sent again (0: as soon as the connection is ready). */
  readonly delay: number;
}
