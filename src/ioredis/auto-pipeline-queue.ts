// ioredis's `autoPipelineQueueSize` with `enableAutoPipelining`: how many commands wait for the next
// auto-pipeline flush. The core writes the commands of one event-loop turn together anyway; this only keeps
// ioredis's count: commands join the queue, the queue is flushed on setImmediate (after the I/O events
// already due), and while a flushed batch awaits its replies new commands keep queueing until it has settled.

/** Commands ioredis never auto-pipelines (lower-case). */
const NOT_AUTO_PIPELINED: ReadonlySet<string> = new Set([
  'auth', 'info', 'script', 'quit', 'cluster', 'pipeline', 'multi', 'subscribe', 'psubscribe', 'unsubscribe', 'unpsubscribe', 'select', 'client',
]);

export class AutoPipelineQueue {
  private queued = new Set<Promise<unknown>>();
  private flushScheduled = false;
  /** The flushed batch still awaiting replies; commands queue meanwhile. */
  private inFlight = new Set<Promise<unknown>>();
  private readonly ignored: ReadonlySet<string>;

  constructor(ignoredCommands: readonly string[] = []) {
    this.ignored = new Set(ignoredCommands.map((name) => String(name).toLowerCase()));
  }

  get size(): number {
    return this.queued.size;
  }

  /** Counts `reply` in the queue when ioredis would auto-pipeline `command`. */
  track(command: string, reply: Promise<unknown>): void {
    const name = command.toLowerCase();
    if (NOT_AUTO_PIPELINED.has(name) || this.ignored.has(name)) return;
    this.queued.add(reply);
    // Registered first, this runs before the caller's own handlers see the reply (as ioredis ends a batch
    // before calling back). A reply that came before its batch was flushed (the core had written it
    // already) just leaves the queue.
    const leave = (): void => {
      this.queued.delete(reply);
      if (this.inFlight.delete(reply) && this.inFlight.size === 0) this.flush(); // what queued meanwhile goes at once
    };
    reply.then(leave, leave);
    if (this.inFlight.size > 0 || this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      this.flush();
    });
  }

  private flush(): void {
    if (this.inFlight.size > 0 || this.queued.size === 0) return;
    this.inFlight = this.queued;
    this.queued = new Set();
  }
}
