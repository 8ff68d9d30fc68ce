// One redis-server and one connected client for a whole test file: started before its first test, stopped
// after its last.
import { afterAll, beforeAll } from 'vitest';
import { Redis, type RedisOptions } from '../../src/index.js';
import { startRedisServer, type RedisServerHandle } from './redis-server.js';

export interface SharedServer {
  server: RedisServerHandle;
  r: Redis;
}

/** Registers the file's beforeAll/afterAll; the fields are set once the beforeAll has run. */
export function useSharedServer(clientOptions: RedisOptions = {}): SharedServer {
  const shared = {} as SharedServer;
  beforeAll(async () => {
    shared.server = await startRedisServer();
    shared.r = new Redis({ ...clientOptions, port: shared.server.port });
    await shared.r.connect();
  });
  afterAll(async () => {
    await shared.r?.quit();
    await shared.server?.stop();
  });
  return shared;
}
