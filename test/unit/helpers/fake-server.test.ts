import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { CommandParser, respondLikeRedis, startFakeServer, writeByteByByte, type FakeServer } from '../../helpers/fake-server.js';
import { resp } from '../../helpers/resp-literals.js';

let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

interface TestClient {
  socket: Socket;
  read: (bytes: number) => Promise<string>;
  readUntil: (suffix: string) => Promise<string>;
}

function client(port: number): Promise<TestClient> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => {
      let buffered = '';
      const waiters: (() => void)[] = [];
      socket.on('data', (d) => {
        buffered += d.toString();
        waiters.splice(0).forEach((w) => w());
      });
      const read = async (bytes: number): Promise<string> => {
        while (buffered.length < bytes) await new Promise<void>((r) => waiters.push(r));
        const out = buffered.slice(0, bytes);
        buffered = buffered.slice(bytes);
        return out;
      };
      const readUntil = async (suffix: string): Promise<string> => {
        while (!buffered.includes(suffix)) await new Promise<void>((r) => waiters.push(r));
        return read(buffered.indexOf(suffix) + suffix.length);
      };
      resolve({ socket, read, readUntil });
    });
  });
}

describe('CommandParser', () => {
  it('parses several commands per chunk and commands split across chunks', () => {
    const parser = new CommandParser();
    const bytes = Buffer.from('*2\r\n$3\r\nGET\r\n$1\r\nk\r\n*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$5\r\nv\r\nxy\r\nPING\r\n');
    expect(parser.push(bytes)).toEqual([['GET', 'k'], ['SET', 'k', 'v\r\nxy'], ['PING']]);
    const out: string[][] = [];
    for (const byte of bytes) out.push(...parser.push(Buffer.from([byte])));
    expect(out).toEqual([['GET', 'k'], ['SET', 'k', 'v\r\nxy'], ['PING']]);
  });
});

describe('startFakeServer', () => {
  it('calls the handler per command and records what it received', async () => {
    server = await startFakeServer((cmd, reply) => {
      if (respondLikeRedis(cmd, reply)) return;
      reply(resp.error('MOVED 1 127.0.0.1:1'));
    });
    const c = await client(server.port);
    c.socket.write('*2\r\n$5\r\nHELLO\r\n$1\r\n3\r\n*1\r\n$4\r\nPING\r\n*2\r\n$3\r\nGET\r\n$1\r\nk\r\n');
    const replies = await c.readUntil('-MOVED 1 127.0.0.1:1\r\n');
    expect(replies).toMatch(/^%7\r\n\$6\r\nserver\r\n\$5\r\nredis\r\n[\s\S]*\$5\r\nproto\r\n:3\r\n[\s\S]*\+PONG\r\n-MOVED/);
    expect(server.received).toEqual([['HELLO', '3'], ['PING'], ['GET', 'k']]);
    expect(server.connections).toBe(1);
    c.socket.destroy();
  });

  it('can answer HELLO like an old server, hang, or drip bytes', async () => {
    server = await startFakeServer((cmd, reply, socket) => {
      if (respondLikeRedis(cmd, reply, { hello: 'unknown' })) return;
      if (cmd[0] === 'SLOW') void writeByteByByte(socket, resp.bulk('drip'));
      if (cmd[0] === 'CLOSE') socket.destroy();
      // anything else: never answer
    });
    const c = await client(server.port);
    c.socket.write('*2\r\n$5\r\nHELLO\r\n$1\r\n3\r\n');
    expect(await c.read(`-ERR unknown command 'HELLO'\r\n`.length)).toBe(`-ERR unknown command 'HELLO'\r\n`);
    c.socket.write('*1\r\n$4\r\nSLOW\r\n');
    expect(await c.read(10)).toBe('$4\r\ndrip\r\n');
    const closed = new Promise((r) => c.socket.once('close', r));
    c.socket.write('*1\r\n$4\r\nHANG\r\n*1\r\n$5\r\nCLOSE\r\n');
    await closed;
    expect(server.received.map((x) => x[0])).toEqual(['HELLO', 'SLOW', 'HANG', 'CLOSE']);
  });
});
