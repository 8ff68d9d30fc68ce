import { createServer } from 'node:net';

// Test servers listen on 10000–19999: below Linux's ephemeral range (32768–60999), so the local port of some
// outgoing connection can never take a port between freePort() and the server's own bind (that clash made the
// demo fail with EADDRINUSE under load), and a cluster node's bus port (port + 10000) stays below it too. Each
// vitest worker (VITEST_POOL_ID) has its own slice of the range and hands its ports out in turn, so two workers
// never pick the same port; every port is still checked by binding it (and its bus port) first.
const FIRST_PORT = 10_000;
const SLICE_SIZE = 2_500;
const SLICES = 4;
const slice = (Math.max(1, Number(process.env.VITEST_POOL_ID ?? '1')) - 1) % SLICES;
const sliceStart = FIRST_PORT + slice * SLICE_SIZE;
// A new place in the slice for each test file, so ports a previous file's servers may still hold are skipped.
let offset = Math.floor(Math.random() * SLICE_SIZE);

/** A TCP port on 127.0.0.1 that is free now, and whose cluster bus port (+10000) is free too. */
export async function freePort(): Promise<number> {
  for (let tried = 0; tried < SLICE_SIZE; tried++) {
    const port = sliceStart + (offset++ % SLICE_SIZE);
    if ((await canListen(port)) && (await canListen(port + 10_000))) return port;
  }
  throw new Error(`freePort: no free port in ${sliceStart}-${sliceStart + SLICE_SIZE - 1}`);
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}
