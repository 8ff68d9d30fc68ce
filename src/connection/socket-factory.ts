import { createConnection, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import type { ResolvedOptions } from './options.js';

/** Opens the TCP, TLS or unix-socket stream the options describe. Connecting is async; watch 'connect'/'secureConnect'. */
export function openSocket(options: ResolvedOptions): { socket: Socket; readyEvent: 'connect' | 'secureConnect' } {
  if (options.tls !== undefined) {
    const socket = tlsConnect({
      ...(options.path !== undefined ? { path: options.path } : { host: options.host, port: options.port }),
      servername: isIpAddress(options.host) ? undefined : options.host,
      ...options.tls,
    });
    return { socket, readyEvent: 'secureConnect' };
  }
  // Reads land in one buffer per socket instead of a new 64 KiB allocation per read (a 1 MiB reply is 16 of
  // them); each read is handed on as a 'data' event holding a view that is valid only during that event
  // (the decoder copies what it keeps).
  const onread = {
    buffer: Buffer.allocUnsafeSlow(READ_BUFFER_BYTES),
    callback: (bytes: number, buffer: Uint8Array): boolean => {
      socket.emit('data', (buffer as Buffer).subarray(0, bytes));
      return true; // keep reading (a pause() from a 'data' listener still applies)
    },
  };
  const socket: Socket = options.path !== undefined ? createConnection({ path: options.path, onread }) : createConnection({ host: options.host, port: options.port, onread });
  return { socket, readyEvent: 'connect' };
}

/** The size of a read; what libuv reads per call by default. */
const READ_BUFFER_BYTES = 64 * 1024;

function isIpAddress(host: string): boolean {
  return /^[\d.]+$/.test(host) || host.includes(':');
}
