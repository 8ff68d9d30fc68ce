// A connection whose replies stopped lining up (a frame that never completes, a server that went quiet) must
// not wedge the client: once a timed-out command has been owed its reply for another commandTimeout with no
// reply arriving, the socket is reset and a fresh one serves later commands.
import type { Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { CommandOutcomeUnknownError, CommandTimeoutError, ConnectionClosedError, Redis } from '../../src/index.js';
import { respondLikeRedis, startFakeServer, type FakeServer } from '../helpers/fake-server.js';
import { resp } from '../helpers/resp-literals.js';

const COMMAND_TIMEOUT = 300;

const fakes: FakeServer[] = [];
const clients: Redis[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.disconnect();
  await Promise.all(fakes.splice(0).map((f) => f.close()));
});

/**
 * `GET wedge` gets `wedge` written as its reply, after which that socket behaves as `after` says: 'silent'
 * answers nothing more, 'answering' goes on answering (its replies are swallowed by the unfinished frame).
 * Other commands: GET → "v", SET → OK.
 */
async function wedgingServer(wedge: string, after: 'silent' | 'answering'): Promise<FakeServer> {
  const wedged = new Set<Socket>();
  const server = await startFakeServer((command, reply, socket) => {
    if (wedged.has(socket) && after === 'silent') return;
    if (respondLikeRedis(command, reply)) return;
    const [name, key] = command;
    if (name === 'GET' && key === 'wedge') {
      reply(wedge);
      wedged.add(socket);
    } else if (name === 'GET') {
      reply(resp.bulk('v'));
    } else {
      reply(resp.simple('OK'));
    }
  });
  fakes.push(server);
  return server;
}

function client(port: number, extra: { maxOfflineQueue?: number } = {}): { r: Redis; errors: Error[] } {
  const r = new Redis({ port, commandTimeout: COMMAND_TIMEOUT, reconnectStrategy: 0, ...extra });
  clients.push(r);
  const errors: Error[] = [];
  r.on('error', (error: Error) => errors.push(error));
  return { r, errors };
}

/**
 * The wedging GET times out; a SET written behind it (on the wedged socket) then settles by the loss rules,
 * as CommandOutcomeUnknownError, when the socket is reset; a GET after that is answered on a new socket.
 */
async function expectRecovery(server: FakeServer): Promise<void> {
  const { r, errors } = client(server.port);
  await r.connect();
  await expect(r.get('wedge')).rejects.toBeInstanceOf(CommandTimeoutError);
  const write = r.set('after', '1');
  await expect(write).rejects.toBeInstanceOf(CommandOutcomeUnknownError);
  expect(errors.some((e) => e instanceof ConnectionClosedError && /No reply came/.test(e.message))).toBe(true);
  expect(await r.get('healthy')).toBe('v');
  expect(server.connections).toBe(2);
  expect(r.connection.inflightCount).toBe(0);
}

describe('a wedged connection is reset', () => {
  it('a bulk header whose body never comes', async () => {
    await expectRecovery(await wedgingServer('$100\r\nabc', 'silent'));
  });

  it('a server that stops answering', async () => {
    await expectRecovery(await wedgingServer('', 'silent'));
  });

  it('an array that announces far more elements than ever arrive, while later replies keep coming', async () => {
    await expectRecovery(await wedgingServer(`*1000000\r\n${resp.bulk('a')}${resp.bulk('b')}${resp.bulk('c')}`, 'answering'));
  });

  it('timed-out commands owed replies are bounded by maxOfflineQueue', async () => {
    const server = await wedgingServer('', 'silent');
    const { r, errors } = client(server.port, { maxOfflineQueue: 50 });
    await r.connect();
    const wedge = r.get('wedge');
    const followers = Array.from({ length: 100 }, (_, i) => r.set(`k${i}`, 'x'));
    await expect(wedge).rejects.toBeInstanceOf(CommandTimeoutError);
    const settled = await Promise.allSettled(followers);
    // Timed out, or (the ones whose clock had not run out yet when the socket was reset) outcome unknown.
    const reasons = settled.map((s) => (s.status === 'rejected' ? (s.reason as Error).constructor : 'resolved'));
    expect(reasons.every((reason) => reason === CommandTimeoutError || reason === CommandOutcomeUnknownError)).toBe(true);
    // Reset as soon as more than 50 placeholders were owed replies, not a commandTimeout later by the stall rule.
    expect(errors.map((e) => e.message)).toEqual([expect.stringMatching(/^\d+ timed-out commands still owed replies/)]);
    expect(await r.get('healthy')).toBe('v');
    expect(server.connections).toBe(2);
  });
});
