// ioredis's monitor(): resolves to an emitter of 'monitor' events (time, args, source, database), fed by the
// core's MONITOR connection; disconnect() closes it.
import { EventEmitter } from 'node:events';
import type { Monitor } from '../client/monitor.js';

export class MonitorEmitter extends EventEmitter {
  constructor(private readonly monitor: Monitor) {
    super();
    void this.pump();
  }

  private async pump(): Promise<void> {
    try {
      for await (const { time, args, source, db } of this.monitor) {
        // ioredis's shapes: the time and database as the server wrote them (text).
        this.emit('monitor', time.toFixed(6), args, source, String(db));
      }
    } catch (error) {
      if (this.listenerCount('error') > 0) this.emit('error', error);
    }
    this.emit('end');
  }

  /** Closes the MONITOR connection. */
  disconnect(): void {
    void this.monitor.close();
  }

  quit(): Promise<'OK'> {
    return this.monitor.close().then(() => 'OK' as const);
  }
}
