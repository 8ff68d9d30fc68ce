// ioredis's monitor(): resolves to a client in monitor mode that emits 'monitor' (time, args, source, database),
// fed by the core's MONITOR connection. As in ioredis its command methods reject (the connection only
// reports), `mode` is 'monitor', and disconnect(true) monitors again on a new connection ('ready' when it does).
import { EventEmitter } from 'node:events';
import type { Monitor } from '../client/monitor.js';
import { ArgumentError } from '../errors.js';
import { emitErrorIfListened } from '../events.js';
import { splitCallback, withCallback, type NodeCallback } from './arguments.js';
import { installIoCommands, type IoCommandHost } from './commands.js';
import type { IoCommands } from './types.js';

export class MonitorEmitter extends EventEmitter implements IoCommandHost {
  readonly mode = 'monitor';
  private monitor: Monitor;
  /** The MONITOR connections this emitter opened; a closed one's feed ends without 'end' while another follows. */
  private generation = 0;

  constructor(
    first: Monitor,
    private readonly open: () => Promise<Monitor>,
  ) {
    super();
    this.monitor = first;
    void this.pump(first, this.generation);
  }

  /** Every command method: refused, as ioredis refuses commands on a monitoring connection. */
  sendIo(_command: string, params: unknown[]): Promise<never> {
    const { callback } = splitCallback(params);
    return withCallback(Promise.reject(new ArgumentError('Connection is in monitoring mode')), callback as NodeCallback<never> | undefined);
  }

  /** Closes the MONITOR connection ('end'); with `reconnect`, opens a new one and emits 'ready' once it monitors. */
  disconnect(reconnect = false): void {
    if (reconnect) this.generation++; // the closing feed ends quietly: a new one follows
    const generation = this.generation;
    void this.monitor.close();
    if (!reconnect) return;
    this.open().then(
      (monitor) => {
        if (generation !== this.generation) {
          void monitor.close(); // disconnected again meanwhile
          return;
        }
        this.monitor = monitor;
        void this.pump(monitor, generation);
        this.emit('ready');
      },
      (error: unknown) => {
        emitErrorIfListened(this, error);
        if (generation === this.generation) this.emit('end');
      },
    );
  }

  quit(callback?: NodeCallback<'OK'>): Promise<'OK'> {
    return withCallback(this.monitor.close().then(() => 'OK' as const), callback);
  }

  private async pump(monitor: Monitor, generation: number): Promise<void> {
    try {
      for await (const { time, args, source, db } of monitor) {
        // ioredis's shapes: the time and database as the server wrote them (text).
        this.emit('monitor', time.toFixed(6), args, source, String(db));
      }
    } catch (error) {
      emitErrorIfListened(this, error);
    }
    if (generation === this.generation) this.emit('end');
  }
}

installIoCommands(MonitorEmitter.prototype);

// The command methods (all refused) are installed on the prototype; this gives them their types.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface MonitorEmitter extends Omit<IoCommands, 'quit' | 'monitor'> {}
