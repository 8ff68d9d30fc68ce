import { connect as netConnect, type Socket } from 'node:net';
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
  const socket = options.path !== undefined ? netConnect({ path: options.path }) : netConnect({ host: options.host, port: options.port });
  return { socket, readyEvent: 'connect' };
}

function isIpAddress(host: string): boolean {
  return /^[\d.]+$/.test(host) || host.includes(':');
}
