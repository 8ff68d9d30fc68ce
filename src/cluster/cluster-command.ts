import { Command, CommandState, type ReplyTransform } from '../connection/command.js';
import type { CommandObserver } from '../connection/command-observer.js';
import type { Connection } from '../connection/connection.js';
import type { EncodedCommand, RedisArg } from '../resp/types.js';
import type { NodeAddress } from './topology.js';

/** What a cluster command asks of its router when it fails on a node. */
export interface CommandRouter {
  /** Takes over a failed command (redirect or retry) and returns true, or returns false to let it fail. */
  reroute(command: ClusterCommand<any>, error: unknown, wasWritten: boolean): boolean;
}

export type { CommandObserver, RedirectEvent, RetryEvent } from '../connection/command-observer.js';

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
    observer: CommandObserver | undefined,
  ) {
    super(name, args, encoded, returnBuffers, transform);
    this.observer = observer;
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
