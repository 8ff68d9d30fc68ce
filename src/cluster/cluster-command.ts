import { Command, CommandState, type ReplyTransform } from '../connection/command.js';
import type { Connection } from '../connection/connection.js';
import type { EncodedCommand, RedisArg } from '../resp/types.js';
import type { NodeAddress } from './topology.js';

/** What a cluster command asks of its router when it fails on a node. */
export interface CommandRouter {
  /** Takes over a failed command (redirect or retry) and returns true, or returns false to let it fail. */
  reroute(command: ClusterCommand<any>, error: unknown, wasWritten: boolean): boolean;
}

/** Told about what happened to one command on its way (for telemetry: span events, the answering node). */
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
  /** The server error code (TRYAGAIN, CLUSTERDOWN, READONLY, LOADING …) or the client error code (ECONNCLOSED …). */
  readonly reason: string;
  readonly command: string;
  readonly attempt: number;
  readonly delay: number;
}

/**
 * A command that, instead of rejecting on MOVED/ASK/TRYAGAIN/an unreachable node, is handed to its router,
 * which queues the very same object on another connection. No extra promise per command on the fast path.
 */
export class ClusterCommand<T = unknown> extends Command<T> {
  /** MOVED/ASK followed so far. */
  redirections = 0;
  /** Retries after TRYAGAIN, CLUSTERDOWN or connection trouble; and when the first one started. */
  retryAttempts = 0;
  firstRetryAt = 0;
  /** The node it is queued on (set by the router each time it is queued). */
  node: NodeAddress | undefined;
  /** That node's connection: where a cancellation (withOptions) finds it, queued or written. */
  queuedOn: Connection | undefined;
  /** The ASKING queued right before it after an ASK redirect: cancelled with it, so it never prefixes another command. */
  asking: Command | undefined;
  /** Its per-call timeout (withOptions) replaces the node connection's commandTimeout. */
  ownTimeout = false;

  constructor(
    private readonly router: CommandRouter,
    name: string,
    args: readonly RedisArg[],
    encoded: EncodedCommand,
    returnBuffers: boolean,
    transform: ReplyTransform<T> | undefined,
    /** -1 for commands without keys. */
    readonly slot: number,
    readonly readOnly: boolean,
    readonly observer: CommandObserver | undefined,
  ) {
    super(name, args, encoded, returnBuffers, transform);
  }

  override reject(error: unknown): void {
    if (this.state === CommandState.Settled) return;
    const wasWritten = this.state === CommandState.Written;
    if (this.router.reroute(this, error, wasWritten)) return;
    super.reject(error);
  }

  /** Rejects for good, bypassing the router. */
  fail(error: unknown): void {
    if (this.state === CommandState.Settled) return;
    super.reject(error);
  }

  /** Ready to be queued again (on the same or another connection). */
  requeue(): void {
    this.state = CommandState.Queued;
  }
}
