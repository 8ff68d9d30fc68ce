// Readiness probe for a starting redis-server: our own few bytes over node:net/tls, so the helpers never
// depend on the client under test.
import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';

export interface ProbeTarget {
  port: number;
  ca?: Buffer;
  cert?: Buffer;
  key?: Buffer;
  username?: string;
  password?: string;
}

/** 'ready': answers PING (or says auth is needed); 'loading': up but loading its dataset; 'down': otherwise. */
export type ProbeResult = 'ready' | 'loading' | 'down';

export function encodeCommand(args: readonly string[]): string {
  let out = `*${args.length}\r\n`;
  for (const a of args) out += `$${Buffer.byteLength(a)}\r\n${a}\r\n`;
  return out;
}

export function probe(target: ProbeTarget, timeoutMs = 1000): Promise<ProbeResult> {
  return new Promise((resolve) => {
    const socket: Socket = target.ca
      ? tlsConnect({ host: '127.0.0.1', port: target.port, ca: target.ca, cert: target.cert, key: target.key, servername: 'localhost' })
      : netConnect({ host: '127.0.0.1', port: target.port });
    const commands: string[][] = [];
    if (target.password !== undefined) {
      commands.push(target.username !== undefined ? ['AUTH', target.username, target.password] : ['AUTH', target.password]);
    }
    commands.push(['PING']);
    let buffered = '';
    const done = (result: ProbeResult): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    };
    const timer = setTimeout(() => done('down'), timeoutMs);
    socket.once(target.ca ? 'secureConnect' : 'connect', () => socket.write(commands.map(encodeCommand).join('')));
    socket.on('error', () => done('down'));
    socket.on('close', () => done('down'));
    socket.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('latin1');
      // Every reply we can get here (+OK, +PONG, -ERR …) is a single line.
      const lines = buffered.split('\r\n').slice(0, -1);
      if (lines.some((l) => l.startsWith('-LOADING'))) return done('loading');
      if (lines.length >= commands.length) done('ready'); // -NOAUTH also proves it is serving
    });
  });
}
