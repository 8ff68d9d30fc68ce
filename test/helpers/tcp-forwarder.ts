// A local TCP forwarder (node:net): listens on its own loopback port and pipes every connection to a target
// port, counting connections. Stands in for NAT / container port mapping: a client that reaches a server
// through it must have been told the forwarder's address, not the server's own. It can also hold the server's
// replies and drop the connections open now: a connection lost while a command waits for its reply.
import { connect, createServer, type Server, type Socket } from 'node:net';

export interface TcpForwarder {
  readonly port: number;
  /** Where new connections go; assigning it moves them (a proxy that follows a failover). Open ones stay. */
  target: number;
  /** Connections accepted so far. */
  readonly connections: number;
  /** Stops passing the server's replies on the connections open now (what the client sends still goes through). */
  holdReplies(): void;
  /** Closes the connections open now, both sides; new ones are accepted as before. */
  dropConnections(): void;
  close(): Promise<void>;
}

export async function startForwarder(initialTarget: number): Promise<TcpForwarder> {
  let target = initialTarget;
  const sockets = new Set<Socket>();
  const pairs = new Set<{ inbound: Socket; outbound: Socket }>();
  let connections = 0;
  const server: Server = createServer((inbound) => {
    connections++;
    const outbound = connect({ host: '127.0.0.1', port: target });
    for (const socket of [inbound, outbound]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {
        inbound.destroy();
        outbound.destroy();
      });
    }
    const pair = { inbound, outbound };
    pairs.add(pair);
    inbound.on('close', () => (outbound.destroy(), pairs.delete(pair)));
    outbound.on('close', () => (inbound.destroy(), pairs.delete(pair)));
    inbound.pipe(outbound);
    outbound.pipe(inbound);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    port,
    get target() {
      return target;
    },
    set target(port: number) {
      target = port;
    },
    get connections() {
      return connections;
    },
    holdReplies() {
      for (const { inbound, outbound } of pairs) {
        outbound.unpipe(inbound);
        outbound.pause();
      }
    },
    dropConnections() {
      for (const { inbound, outbound } of pairs) {
        inbound.destroy();
        outbound.destroy();
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
