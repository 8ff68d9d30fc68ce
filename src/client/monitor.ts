// `r.monitor()`: MONITOR on a connection of its own (after MONITOR the server sends nothing but the command
// feed on it, so it cannot share the auto-pipelined one), read as an async iterator of parsed events. Leaving
// the loop (break, return, close()) closes the connection. While the loop falls behind by `highWaterMark`
// events the socket is paused, so the server buffers (and its client-output-buffer limit applies) instead
// of this process. After a reconnect MONITOR is sent again; events of the gap are not replayed.
import { Connection } from '../connection/connection.js';
import type { ResolvedOptions } from '../connection/options.js';
import { ClientClosedError } from '../errors.js';
import { EventQueue } from './pubsub-queue.js';

const ignore = (): void => undefined;

/** One command the server ran, as MONITOR reports it. */
export interface MonitorEvent {
  /** When the server ran it: seconds since the epoch, with microseconds. */
  time: number;
  /** The database it ran against. */
  db: number;
  /** Who sent it: `127.0.0.1:52034`, `unix:/path`, `lua`. */
  source: string;
  /** The command name and arguments, as the client sent them. */
  args: string[];
}

export interface MonitorOptions {
  /** Events that may wait unread before the socket is paused; reading resumes at half. Default 1,000. */
  highWaterMark?: number;
}

/** A MONITOR feed: `for await (const event of monitor)`; `close()` (or leaving the loop) ends it. */
export class Monitor implements AsyncIterableIterator<MonitorEvent> {
  private readonly connection: MonitorConnection;
  private readonly queue: EventQueue<MonitorEvent>;

  private constructor(options: ResolvedOptions, { highWaterMark = 1_000 }: MonitorOptions) {
    this.queue = new EventQueue<MonitorEvent>(() => void this.close(), {
      highWaterMark,
      lowWaterMark: Math.floor(highWaterMark / 2),
      onFull: () => this.connection.pauseReading(),
      onDrain: () => this.connection.resumeReading(),
    });
    this.connection = new MonitorConnection({ ...options, lazyConnect: true }, (event) => this.queue.push(event));
    // Every (re)connection starts a new session: it must be told to MONITOR again. A refusal (NOPERM …) is
    // reported to open(); after that it is left to the next reconnect.
    this.connection.on('ready', () => this.connection.startMonitoring().catch((error: unknown) => this.connection.emit('monitorRefused', error)));
    this.connection.on('end', () => this.queue.end());
    this.connection.on('error', ignore); // reconnects on its own; the loop ends with the connection
  }

  /** Opens the connection and resolves once the server confirmed MONITOR: every later command is reported. */
  static async open(options: ResolvedOptions, monitorOptions: MonitorOptions = {}): Promise<Monitor> {
    const monitor = new Monitor(options, monitorOptions);
    const confirmed = new Promise<void>((resolve, reject) => {
      monitor.connection.once('monitoring', resolve);
      monitor.connection.once('monitorRefused', reject);
      monitor.connection.once('end', () => reject(new ClientClosedError('The MONITOR connection closed before the server confirmed MONITOR')));
    });
    try {
      await monitor.connection.connect();
      await confirmed;
    } catch (error) {
      monitor.connection.disconnect();
      throw error;
    }
    return monitor;
  }

  next(): Promise<IteratorResult<MonitorEvent>> {
    return this.queue.next();
  }

  return(): Promise<IteratorResult<MonitorEvent>> {
    return this.queue.return();
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<MonitorEvent> {
    return this;
  }

  /** Ends the feed and closes its connection. */
  async close(): Promise<void> {
    this.queue.end();
    if (this.connection.status === 'end') return;
    this.connection.resumeReading();
    this.connection.disconnect();
  }
}

/** A connection whose replies, once MONITOR is acknowledged, are feed lines that no command waits for. */
class MonitorConnection extends Connection {
  constructor(
    options: ResolvedOptions,
    private readonly onEvent: (event: MonitorEvent) => void,
  ) {
    super(options);
  }

  async startMonitoring(): Promise<void> {
    await this.send('MONITOR', []);
    this.emit('monitoring');
  }

  override onReply(reply: unknown): void {
    // The feed: a status line that arrives with no command waiting (MONITOR's own +OK is answered first).
    if (this.inflight.peek() === undefined && typeof reply === 'string') {
      const event = parseMonitorLine(reply);
      if (event !== undefined) {
        this.onEvent(event);
        return;
      }
    }
    super.onReply(reply);
  }
}

/** `1700000000.123456 [0 127.0.0.1:52034] "SET" "k" "v"` → an event; undefined for any other shape. */
export function parseMonitorLine(line: string): MonitorEvent | undefined {
  const head = /^(\d+(?:\.\d+)?) \[(\d+) ([^\]]*)\]/.exec(line);
  if (head === null) return undefined;
  const args: string[] = [];
  let i = head[0].length;
  while (i < line.length) {
    if (line[i] !== ' ' || line[i + 1] !== '"') return undefined;
    const parsed = readQuoted(line, i + 2);
    if (parsed === undefined) return undefined;
    args.push(parsed.text);
    i = parsed.end;
  }
  return { time: Number(head[1]), db: Number(head[2]), source: head[3] as string, args };
}

const ESCAPES: Readonly<Record<string, number>> = { n: 10, r: 13, t: 9, a: 7, b: 8, '"': 34, '\\': 92 };

/** One argument as the server quotes it (sdscatrepr: `\"`, `\\`, `\n` …, `\xHH` for other bytes), from after its opening quote. */
function readQuoted(line: string, start: number): { text: string; end: number } | undefined {
  const bytes: number[] = [];
  for (let i = start; i < line.length; i++) {
    const c = line[i] as string;
    if (c === '"') return { text: Buffer.from(bytes).toString('utf8'), end: i + 1 };
    if (c !== '\\') {
      bytes.push(c.charCodeAt(0) & 0xff); // the server escapes every byte that is not printable ASCII
      continue;
    }
    const next = line[++i];
    if (next === 'x') {
      const code = Number.parseInt(line.slice(i + 1, i + 3), 16);
      if (Number.isNaN(code)) return undefined;
      bytes.push(code);
      i += 2;
    } else if (next !== undefined && ESCAPES[next] !== undefined) {
      bytes.push(ESCAPES[next]);
    } else {
      return undefined;
    }
  }
  return undefined;
}
