// Options that are refused leave nothing open behind; the ioredis forms users bring along work or fail
// clearly; SentinelRedis.duplicate() gives a working client.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from '../../src/client/redis.js';
import { ArgumentError } from '../../src/errors.js';
import { SentinelRedis } from '../../src/sentinel/sentinel-redis.js';
import { runNodeScript, sourceUrl, type ScriptRun } from '../helpers/node-script.js';
import { startRedisServer, type RedisServerHandle } from '../helpers/redis-server.js';
import { startSentinelSetup, type SentinelSetup } from '../helpers/sentinel.js';

let server: RedisServerHandle;
let r: Redis;
beforeAll(async () => {
  server = await startRedisServer();
  r = new Redis({ port: server.port });
  await r.connect();
});
afterAll(async () => {
  await r?.quit();
  await server?.stop();
});

async function connectionsReceived(): Promise<number> {
  const info = (await r.call('INFO', 'stats')) as string;
  return Number(/total_connections_received:(\d+)/.exec(info)?.[1]);
}

/** Runs `body` in a fresh Node process, with OcRedis and OcRedisCluster imported. */
function runAlone(body: string): Promise<ScriptRun> {
  return runNodeScript(`const { OcRedis, OcRedisCluster } = await import(${sourceUrl('../src/otel/index.ts')});\n${body}`);
}

describe('bad telemetry options', () => {
  it.each([
    ['redact', `{ redact: 'everything' }`],
    ['includeCommands', `{ includeCommands: 'GET' }`],
    ['an unknown key', `{ redcat: 'all' }`],
  ])('%s: OcRedis throws ArgumentError before opening a connection, and the process exits', async (_what, telemetry) => {
    const before = await connectionsReceived();
    const { output, exited } = await runAlone(`
      try {
        new OcRedis({ port: ${server.port}, telemetry: ${telemetry} });
        console.log('constructed');
      } catch (error) {
        console.log(error.name);
      }
      try {
        new OcRedisCluster({ rootNodes: [{ host: '127.0.0.1', port: ${server.port} }], telemetry: ${telemetry} });
        console.log('constructed');
      } catch (error) {
        console.log(error.name);
      }
    `);
    expect(output.split('\n').map((line) => line.replace('UnknownOptionError', 'ArgumentError'))).toEqual(['ArgumentError', 'ArgumentError']);
    expect(exited).toBe(true);
    expect(await connectionsReceived()).toBe(before); // INFO runs on our connection, opened before
  });
});

describe('EVAL in both forms', () => {
  const script = "return {KEYS[1], KEYS[2], ARGV[1], #KEYS, #ARGV}";

  it('accepts ours (script, keys[], args[]) and the ioredis one (script, numkeys, ...keys, ...args)', async () => {
    expect(await r.eval(script, ['a', 'b'], ['x'])).toEqual(['a', 'b', 'x', 2, 1]);
    expect(await r.eval(script, 2, 'a', 'b', 'x')).toEqual(['a', 'b', 'x', 2, 1]);
    expect(await r.eval('return #KEYS + #ARGV', 0)).toBe(0);
    expect(await r.eval('return #KEYS + #ARGV')).toBe(0);
    const sha = (await r.scriptLoad('return {#KEYS, #ARGV, KEYS[1], ARGV[1]}')) as string;
    expect(await r.evalsha(sha, 1, 'k', 'v')).toEqual([1, 1, 'k', 'v']);
  });

  it('refuses anything else with an ArgumentError naming both forms, before sending', async () => {
    for (const bad of [() => r.eval(script, 3, 'only-one'), () => r.eval(script, -1), () => r.eval(script, 1.5, 'a'), () => r.eval(script, 'k' as never), () => r.eval(script, ['k'], 'v' as never)]) {
      const error = await bad().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ArgumentError);
      expect((error as Error).message).toContain('(script, keys[], args[]) or (script, numkeys, ...keys, ...args)');
    }
  });
});

describe('SentinelRedis.duplicate()', () => {
  let setup: SentinelSetup;
  beforeAll(async () => {
    setup = await startSentinelSetup('dupmaster');
  });
  afterAll(async () => {
    await setup?.stop();
  });

  it('returns a SentinelRedis for the same master, on its own connection', async () => {
    const original = new SentinelRedis({ sentinels: setup.sentinels, name: 'dupmaster', watchSwitchMaster: false });
    const copy = original.duplicate({ name: 'dupmaster' });
    try {
      expect(copy).toBeInstanceOf(SentinelRedis);
      expect(copy).not.toBe(original);
      expect(await copy.set('dup:k', 'v')).toBe('OK');
      expect(await original.get('dup:k')).toBe('v');
      expect(copy.masterAddress.port).toBe(setup.primary.port);
      expect(copy.serverInfo.id).not.toBe(original.serverInfo.id);
    } finally {
      original.disconnect();
      copy.disconnect();
    }
  });
});
