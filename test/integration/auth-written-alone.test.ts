// Redis 7.4.1 and Valkey 8.0.1 (not 7.0.15) send no reply to a failed AUTH (or HELLO … AUTH) when more commands
// follow it in the same read, so a client that pipelines it behind or ahead of other commands hands every later
// reply to the wrong caller. The client writes AUTH and HELLO alone: after every reply owed before them, with nothing behind them until
// they are answered. The fake server below answers like those servers (the matrix runs the real ones too, in
// otel-error-identity.test.ts); it also records which commands arrived in one read.
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Redis, ReplyError } from '../../src/index.js';
import { CommandParser, respondLikeRedis } from '../helpers/fake-server.js';
import { resp } from '../helpers/resp-literals.js';

let server: Server;
let port = 0;
const reads: string[][] = [];
const sockets = new Set<Socket>();

beforeAll(async () => {
  server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    const parser = new CommandParser();
    socket.on('data', (chunk: Buffer) => {
      const commands = parser.push(chunk);
      reads.push(commands.map((command) => (command[0] ?? '').toUpperCase()));
      commands.forEach((command, index) => {
        const name = (command[0] ?? '').toUpperCase();
        const reply = (raw: string | Buffer) => socket.write(raw);
        if (name === 'AUTH' && command.at(-1) === 'wrong') {
          if (index === commands.length - 1) reply(resp.error('WRONGPASS invalid username-password pair or user is disabled.'));
          return; // followed by more commands in this read: no reply at all, as Redis 7.4 / Valkey 8 do
        }
        if (name === 'ECHO' || respondLikeRedis(command, reply)) {
          if (name === 'ECHO') reply(resp.bulk(command[1] ?? ''));
          return;
        }
        reply(resp.error(`ERR unknown command '${name}'`));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  port = typeof address === 'object' && address !== null ? address.port : 0;
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

it('a failed AUTH among pipelined commands is answered, and every reply reaches its own caller', async () => {
  const r = new Redis({ port, commandTimeout: 3000, clientInfo: false });
  await r.connect();
  reads.length = 0;
  // All in one event-loop turn: without isolation they go out in one write.
  const before = r.call('ECHO', 'before');
  const auth = r.call('AUTH', 'default', 'wrong').catch((error: unknown) => error);
  const after = [r.call('ECHO', 'after-1'), r.call('ECHO', 'after-2')];
  expect(await before).toBe('before');
  const error = await auth;
  expect(error).toBeInstanceOf(ReplyError);
  expect((error as ReplyError).code).toBe('WRONGPASS');
  expect(await Promise.all(after)).toEqual(['after-1', 'after-2']);
  // The AUTH arrived alone in its read.
  expect(reads.filter((read) => read.includes('AUTH'))).toEqual([['AUTH']]);
  r.disconnect();
});
