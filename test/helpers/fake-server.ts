// A scripted RESP server for what a real redis-server can't be made to do (hangs, garbage, MOVED …).
import { createServer, type Socket } from 'node:net';
import { resp } from './resp-literals.js';

export type Reply = (raw: string | Buffer) => void;
export type FakeHandler = (command: string[], reply: Reply, socket: Socket) => void;

export interface FakeServer {
  port: number;
  /** Connections accepted so far. */
  connections: number;
  /** Every command received, in order, across connections (names upper-cased: servers ignore their case). */
  received: string[][];
  close(): Promise<void>;
}

export function startFakeServer(handler: FakeHandler): Promise<FakeServer> {
  const sockets = new Set<Socket>();
  const state = { port: 0, connections: 0, received: [] as string[][] };
  const server = createServer((socket) => {
    state.connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined); // clients reset connections on purpose in tests
    const reply: Reply = (raw) => {
      if (!socket.destroyed && socket.writable) socket.write(raw);
    };
    const parser = new CommandParser();
    socket.on('data', (chunk: Buffer) => {
      let commands: string[][];
      try {
        commands = parser.push(chunk);
      } catch {
        socket.destroy();
        return;
      }
      for (const command of commands) {
        if (socket.destroyed) return;
        if (command.length > 0) command[0] = (command[0] as string).toUpperCase();
        state.received.push(command);
        try {
          handler(command, reply, socket);
        } catch (err) {
          console.error('fake-server handler threw:', err);
          socket.destroy();
        }
      }
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      state.port = typeof address === 'object' && address !== null ? address.port : 0;
      resolve(
        Object.assign(state, {
          close: () =>
            new Promise<void>((done) => {
              for (const s of sockets) s.destroy();
              server.close(() => done());
            }),
        }),
      );
    });
  });
}

/** Incremental parser for client requests: RESP arrays of bulk strings, or inline commands. */
export class CommandParser {
  private buffer: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): string[][] {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const out: string[][] = [];
    for (;;) {
      const parsed = this.parseOne();
      if (!parsed) break;
      this.buffer = this.buffer.subarray(parsed.end);
      if (parsed.command.length > 0) out.push(parsed.command);
    }
    return out;
  }

  private parseOne(): { command: string[]; end: number } | undefined {
    const buf = this.buffer;
    if (buf.length === 0) return undefined;
    const lineEnd = buf.indexOf('\r\n');
    if (lineEnd < 0) return undefined;
    if (buf[0] !== 0x2a /* '*' */) {
      const words = buf.toString('utf8', 0, lineEnd).trim().split(/\s+/).filter(Boolean);
      return { command: words, end: lineEnd + 2 };
    }
    const count = parseLength(buf, 1, lineEnd);
    const command: string[] = [];
    let pos = lineEnd + 2;
    for (let i = 0; i < count; i++) {
      const headerEnd = buf.indexOf('\r\n', pos);
      if (headerEnd < 0) return undefined;
      if (buf[pos] !== 0x24 /* '$' */) throw new Error('fake-server: expected a bulk string');
      const len = parseLength(buf, pos + 1, headerEnd);
      const dataStart = headerEnd + 2;
      if (buf.length < dataStart + len + 2) return undefined;
      command.push(buf.toString('utf8', dataStart, dataStart + len));
      pos = dataStart + len + 2;
    }
    return { command, end: pos };
  }
}

function parseLength(buf: Buffer, start: number, end: number): number {
  const n = Number(buf.toString('latin1', start, end));
  if (!Number.isInteger(n) || n < 0) throw new Error('fake-server: bad length');
  return n;
}

/** Writes `raw` one byte per `intervalMs`, to exercise a client's incremental decoding over real sockets. */
export async function writeByteByByte(socket: Socket, raw: string | Buffer, intervalMs = 1): Promise<void> {
  const bytes = typeof raw === 'string' ? Buffer.from(raw) : raw;
  for (let i = 0; i < bytes.length; i++) {
    if (socket.destroyed) return;
    socket.write(bytes.subarray(i, i + 1));
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

export interface LikeRedisOptions {
  /** 'resp3' (default): HELLO answers like Redis 7; 'unknown': like Redis 5 (`-ERR unknown command 'HELLO'`). */
  hello?: 'resp3' | 'unknown';
  version?: string;
}

/**
 * Answers the handshake and housekeeping commands (HELLO, AUTH, PING, SELECT, CLIENT SETNAME/SETINFO/ID,
 * ECHO, QUIT, READONLY) plausibly so a client reaches "ready". Returns false for anything else, so a
 * handler can do `if (respondLikeRedis(cmd, reply)) return;` and script the rest.
 */
export function respondLikeRedis(command: string[], reply: Reply, opts: LikeRedisOptions = {}): boolean {
  const name = (command[0] ?? '').toUpperCase();
  const sub = (command[1] ?? '').toUpperCase();
  switch (name) {
    case 'HELLO':
      if (opts.hello === 'unknown') reply(resp.error(`ERR unknown command 'HELLO'`));
      else reply(helloReply(command[1] === '3' ? 3 : 2, opts.version ?? '7.0.15'));
      return true;
    case 'PING':
      reply(command.length > 1 ? resp.bulk(command[1] as string) : resp.simple('PONG'));
      return true;
    case 'ECHO':
      reply(resp.bulk(command[1] ?? ''));
      return true;
    case 'AUTH':
    case 'SELECT':
    case 'READONLY':
    case 'QUIT':
      reply(resp.simple('OK'));
      return true;
    case 'CLIENT':
      if (sub === 'SETNAME' || sub === 'SETINFO') reply(resp.simple('OK'));
      else if (sub === 'ID') reply(resp.int(1));
      else return false;
      return true;
    default:
      return false;
  }
}

function helloReply(protocol: 2 | 3, version: string): string {
  const fields: [string, string][] = [
    [resp.bulk('server'), resp.bulk('redis')],
    [resp.bulk('version'), resp.bulk(version)],
    [resp.bulk('proto'), resp.int(protocol)],
    [resp.bulk('id'), resp.int(1)],
    [resp.bulk('mode'), resp.bulk('standalone')],
    [resp.bulk('role'), resp.bulk('master')],
    [resp.bulk('modules'), resp.array([])],
  ];
  return protocol === 3 ? resp.map(fields) : resp.array(fields.flat());
}
