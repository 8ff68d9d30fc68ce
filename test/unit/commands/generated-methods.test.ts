// Every method the generated types promise exists on every command host, and the connection-mode commands
// have none (the types and the installer read the same generated table).
import { describe, expect, it } from 'vitest';
import { commandSpecs } from '../../../src/commands/index.js';
import { EXCLUDED_COMMANDS, GENERATED_COMMANDS } from '../../../src/commands/generated/command-args.js';
import { Batch, ClusterMulti, ClusterPipeline, Redis, RedisCluster, Transaction } from '../../../src/index.js';

const hosts = { Redis, Transaction, Batch, RedisCluster, ClusterPipeline, ClusterMulti };

describe('generated methods', () => {
  const promised: string[] = [];
  for (const [method, command] of Object.entries(GENERATED_COMMANDS)) {
    promised.push(method);
    if (command.buffer === 1 && !(method in commandSpecs)) promised.push(`${method}Buffer`);
  }

  it.each(Object.entries(hosts))('%s has every typed method', (_name, host) => {
    const missing = promised.filter((method) => typeof (host.prototype as unknown as Record<string, unknown>)[method] !== 'function');
    expect(missing).toEqual([]);
  });

  it('covers every command of the generated table but the excluded ones', () => {
    expect(promised.length).toBeGreaterThan(400);
    expect(Object.keys(EXCLUDED_COMMANDS).sort()).toEqual(
      ['asking', 'client|reply', 'discard', 'exec', 'hello', 'monitor', 'multi', 'psubscribe', 'psync', 'punsubscribe', 'quit', 'readonly', 'readwrite', 'replconf', 'reset', 'ssubscribe', 'subscribe', 'sunsubscribe', 'sync', 'unsubscribe', 'unwatch', 'watch'],
    );
    expect((Redis.prototype as unknown as Record<string, unknown>).subscribe).toBeUndefined();
    // monitor() exists, but as the hand-written iterator on its own connection, never as a shared-connection command.
    expect('monitor' in GENERATED_COMMANDS).toBe(false);
    expect((Transaction.prototype as unknown as Record<string, unknown>).monitor).toBeUndefined();
  });
});
