// One redis-server and one OpenTelemetry fixture (in-memory span exporter and metric reader) for a whole test
// file: started before its first test, shut down after its last.
import { afterAll, beforeAll } from 'vitest';
import { createOtel, type OtelFixture } from './otel.js';
import { startRedisServer, type RedisServerHandle, type RedisServerOptions } from './redis-server.js';

export interface OtelServer {
  server: RedisServerHandle;
  otel: OtelFixture;
}

/** Registers the file's beforeAll/afterAll; the fields are set once the beforeAll has run. */
export function useOtelServer(serverOptions: RedisServerOptions = {}): OtelServer {
  const shared = {} as OtelServer;
  beforeAll(async () => {
    shared.server = await startRedisServer(serverOptions);
    shared.otel = createOtel();
  });
  afterAll(async () => {
    await shared.otel?.shutdown();
    await shared.server?.stop();
  });
  return shared;
}
