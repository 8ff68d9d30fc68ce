// One redis-server and one local Zipkin receiver for a whole test file: started before its first test,
// stopped after its last (as useOtelServer does for the in-memory OpenTelemetry fixture).
import { afterAll, beforeAll } from 'vitest';
import { startRedisServer, type RedisServerHandle } from './redis-server.js';
import { startZipkinReceiver, type ZipkinReceiver } from './zipkin-receiver.js';

export interface ZipkinServer {
  server: RedisServerHandle;
  zipkin: ZipkinReceiver;
}

/** Registers the file's beforeAll/afterAll; the fields are set once the beforeAll has run. */
export function useZipkinServer(): ZipkinServer {
  const shared = {} as ZipkinServer;
  beforeAll(async () => {
    [shared.server, shared.zipkin] = await Promise.all([startRedisServer(), startZipkinReceiver()]);
  });
  afterAll(async () => {
    await Promise.all([shared.server?.stop(), shared.zipkin?.stop()]);
  });
  return shared;
}
