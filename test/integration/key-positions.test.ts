// Our key-spec implementation against the server's own COMMAND GETKEYS, over a corpus that covers every
// command family and each movablekeys special case.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandNames, getCommandInfo } from '../../src/commands/command-info.js';
import { keyIndexes } from '../../src/commands/key-positions.js';
import { startRedisServer, type RedisServerHandle } from '../helpers/redis-server.js';

const CORPUS: readonly (readonly string[])[] = [
  // strings
  ['GET', 'k1'], ['SET', 'k1', 'v', 'EX', '10', 'GET'], ['SETEX', 'k1', '10', 'v'], ['GETEX', 'k1', 'PERSIST'],
  ['GETDEL', 'k1'], ['APPEND', 'k1', 'v'], ['INCR', 'k1'], ['INCRBYFLOAT', 'k1', '1.5'], ['MGET', 'a', 'b', 'c'],
  ['MSET', 'a', '1', 'b', '2'], ['MSETNX', 'a', '1', 'b', '2', 'c', '3'], ['SETRANGE', 'k1', '0', 'x'],
  ['GETRANGE', 'k1', '0', '-1'], ['STRLEN', 'k1'], ['LCS', 'a', 'b', 'LEN'], ['SUBSTR', 'k1', '0', '1'],
  // bits
  ['SETBIT', 'k1', '7', '1'], ['BITCOUNT', 'k1'], ['BITOP', 'AND', 'dst', 'a', 'b'], ['BITPOS', 'k1', '1'],
  ['BITFIELD', 'k1', 'INCRBY', 'u8', '0', '1'], ['BITFIELD_RO', 'k1', 'GET', 'u8', '0'],
  // keys / expiry
  ['DEL', 'a', 'b', 'c'], ['UNLINK', 'a', 'b'], ['EXISTS', 'a', 'b'], ['TOUCH', 'a'], ['TYPE', 'k1'],
  ['EXPIRE', 'k1', '10', 'NX'], ['PEXPIREAT', 'k1', '1'], ['TTL', 'k1'], ['PERSIST', 'k1'], ['EXPIRETIME', 'k1'],
  ['RENAME', 'a', 'b'], ['RENAMENX', 'a', 'b'], ['COPY', 'a', 'b', 'DB', '1', 'REPLACE'], ['MOVE', 'k1', '1'],
  ['DUMP', 'k1'], ['RESTORE', 'k1', '0', 'payload', 'REPLACE'], ['OBJECT', 'ENCODING', 'k1'], ['OBJECT', 'FREQ', 'k1'],
  ['MEMORY', 'USAGE', 'k1', 'SAMPLES', '5'], ['KEYS', '*'], ['SCAN', '0', 'MATCH', '*'], ['RANDOMKEY'],
  ['MIGRATE', '127.0.0.1', '1', 'k1', '0', '100'], ['MIGRATE', '127.0.0.1', '1', 'k1', '0', '100', 'COPY', 'REPLACE'],
  ['MIGRATE', '127.0.0.1', '1', '', '0', '100', 'AUTH', 'pw', 'KEYS', 'a', 'b'],
  ['MIGRATE', '127.0.0.1', '1', '', '0', '100', 'AUTH2', 'user', 'pw', 'KEYS', 'a'],
  // sort
  ['SORT', 'k1'], ['SORT', 'k1', 'BY', 'w_*', 'GET', '#', 'GET', 'h_*->f', 'LIMIT', '0', '10', 'ALPHA', 'DESC'],
  ['SORT', 'k1', 'BY', 'nosort', 'STORE', 'dst'], ['SORT', 'k1', 'STORE', 'd1', 'STORE', 'd2'],
  ['SORT_RO', 'k1', 'BY', 'w_*', 'GET', 'h_*'],
  // hashes
  ['HSET', 'h', 'f', 'v', 'f2', 'v2'], ['HGET', 'h', 'f'], ['HMGET', 'h', 'f', 'g'], ['HGETALL', 'h'],
  ['HDEL', 'h', 'f'], ['HINCRBY', 'h', 'f', '1'], ['HRANDFIELD', 'h', '2'], ['HSCAN', 'h', '0'],
  // lists
  ['LPUSH', 'l', 'a', 'b'], ['RPOP', 'l', '2'], ['LRANGE', 'l', '0', '-1'], ['LINSERT', 'l', 'BEFORE', 'a', 'b'],
  ['LMOVE', 'src', 'dst', 'LEFT', 'RIGHT'], ['RPOPLPUSH', 'src', 'dst'], ['BLPOP', 'a', 'b', '0'],
  ['BRPOP', 'a', '1.5'], ['BLMOVE', 'src', 'dst', 'LEFT', 'LEFT', '0'], ['BRPOPLPUSH', 'src', 'dst', '0'],
  ['LMPOP', '2', 'a', 'b', 'LEFT', 'COUNT', '2'], ['BLMPOP', '0', '3', 'a', 'b', 'c', 'RIGHT'], ['LPOS', 'l', 'a'],
  // sets
  ['SADD', 's', 'a', 'b'], ['SMEMBERS', 's'], ['SISMEMBER', 's', 'a'], ['SMISMEMBER', 's', 'a', 'b'],
  ['SMOVE', 'src', 'dst', 'm'], ['SINTER', 'a', 'b'], ['SUNIONSTORE', 'dst', 'a', 'b'], ['SDIFFSTORE', 'dst', 'a'],
  ['SINTERCARD', '2', 'a', 'b', 'LIMIT', '3'],
  // sorted sets
  ['ZADD', 'z', 'NX', '1', 'a'], ['ZRANGE', 'z', '0', '-1', 'WITHSCORES'], ['ZRANGESTORE', 'dst', 'z', '0', '1'],
  ['ZSCORE', 'z', 'a'], ['ZINCRBY', 'z', '1', 'a'], ['ZPOPMIN', 'z', '2'], ['BZPOPMIN', 'a', 'b', '0'],
  ['BZPOPMAX', 'a', '1'], ['ZUNIONSTORE', 'dst', '2', 'a', 'b', 'WEIGHTS', '1', '2'],
  ['ZINTERSTORE', 'dst', '1', 'a', 'AGGREGATE', 'MAX'], ['ZDIFFSTORE', 'dst', '2', 'a', 'b'],
  ['ZUNION', '2', 'a', 'b', 'WITHSCORES'], ['ZINTER', '3', 'a', 'b', 'c'], ['ZDIFF', '1', 'a'],
  ['ZINTERCARD', '2', 'a', 'b', 'LIMIT', '1'], ['ZMPOP', '2', 'a', 'b', 'MIN', 'COUNT', '1'],
  ['BZMPOP', '0', '1', 'a', 'MAX'],
  // geo
  ['GEOADD', 'g', '1', '2', 'm'], ['GEODIST', 'g', 'a', 'b'], ['GEORADIUS', 'g', '1', '2', '10', 'km', 'WITHDIST'],
  ['GEORADIUS', 'g', '1', '2', '10', 'km', 'STORE', 'dst'], ['GEORADIUS', 'g', '1', '2', '10', 'km', 'STOREDIST', 'dst'],
  ['GEORADIUSBYMEMBER', 'g', 'm', '10', 'km', 'STORE', 'dst'], ['GEORADIUS_RO', 'g', '1', '2', '10', 'km'],
  ['GEOSEARCH', 'g', 'FROMMEMBER', 'm', 'BYRADIUS', '1', 'km'],
  ['GEOSEARCHSTORE', 'dst', 'src', 'FROMLONLAT', '1', '2', 'BYBOX', '1', '1', 'km'],
  // hyperloglog
  ['PFADD', 'hll', 'a'], ['PFCOUNT', 'a', 'b'], ['PFMERGE', 'dst', 'a', 'b'],
  // streams
  ['XADD', 'st', '*', 'f', 'v'], ['XRANGE', 'st', '-', '+'], ['XLEN', 'st'], ['XDEL', 'st', '1-1'],
  ['XTRIM', 'st', 'MAXLEN', '~', '10'], ['XREAD', 'COUNT', '2', 'STREAMS', 'a', 'b', '0', '0'],
  ['XREAD', 'BLOCK', '0', 'STREAMS', 'a', '$'], ['XREAD', 'STREAMS', 'streams', 'streams', '0', '0'],
  ['XREADGROUP', 'GROUP', 'grp', 'c', 'COUNT', '1', 'NOACK', 'STREAMS', 'a', 'b', '>', '>'],
  ['XGROUP', 'CREATE', 'st', 'grp', '$', 'MKSTREAM'], ['XGROUP', 'DESTROY', 'st', 'grp'],
  ['XACK', 'st', 'grp', '1-1'], ['XPENDING', 'st', 'grp'], ['XCLAIM', 'st', 'grp', 'c', '0', '1-1'],
  ['XAUTOCLAIM', 'st', 'grp', 'c', '0', '0'], ['XINFO', 'STREAM', 'st', 'FULL'], ['XINFO', 'GROUPS', 'st'],
  // scripting and functions
  ['EVAL', 'return 1', '2', 'a', 'b', 'x'], ['EVAL', 'return 1', '0'], ['EVALSHA', 'abc', '1', 'a'],
  ['EVAL_RO', 'return 1', '1', 'a', 'b'], ['EVALSHA_RO', 'abc', '2', 'a', 'b'], ['FCALL', 'f', '2', 'a', 'b', 'c'],
  ['FCALL_RO', 'f', '1', 'a'], ['FCALL', 'f', '0', 'x'],
  // pub/sub, transactions, server
  ['PUBLISH', 'ch', 'm'], ['SPUBLISH', 'ch', 'm'], ['WATCH', 'a', 'b'], ['DBSIZE'], ['CONFIG', 'GET', 'maxmemory'],
  ['CLIENT', 'SETNAME', 'n'], ['WAIT', '0', '0'], ['DEBUG', 'OBJECT', 'k1'],
  // newer than Redis 7.0 (skipped on servers that don't know them)
  ['HEXPIRE', 'h', '10', 'NX', 'FIELDS', '2', 'f', 'g'], ['HPEXPIREAT', 'h', '1', 'FIELDS', '1', 'f'], ['HTTL', 'h', 'FIELDS', '1', 'f'],
  ['HPERSIST', 'h', 'FIELDS', '1', 'f'], ['HEXPIRETIME', 'h', 'FIELDS', '1', 'f'], ['WAITAOF', '0', '0', '0'],
  ['CLIENT', 'SETINFO', 'LIB-NAME', 'x'], ['CLIENT', 'NO-TOUCH', 'ON'], ['CLUSTER', 'MYSHARDID'],
];

let server: RedisServerHandle;
beforeAll(async () => {
  server = await startRedisServer();
});
afterAll(async () => {
  await server?.stop();
});

/** Every command and sub-command name the server under test knows ('get', 'client|setinfo' …). */
async function serverCommands(): Promise<Set<string>> {
  return new Set((await server.cli('COMMAND', 'LIST')).split('\n').map((n) => n.trim().toLowerCase()));
}

/** The key names the server reports, or [] when it says the command has no keys. */
async function serverKeys(command: readonly string[]): Promise<string[]> {
  const out = await server.cli('--json', 'COMMAND', 'GETKEYS', ...command);
  return out.startsWith('[') ? (JSON.parse(out) as string[]) : [];
}

describe('keyIndexes vs COMMAND GETKEYS', () => {
  it('has a large, varied corpus', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(80);
    expect(new Set(CORPUS.map((c) => c[0])).size).toBeGreaterThanOrEqual(80);
  });

  it('agrees with the server on every corpus command it knows', async () => {
    const mismatches: string[] = [];
    let withKeys = 0;
    const known = await serverCommands();
    const corpus = CORPUS.filter(([name, ...args]) => known.has(getCommandInfo(name as string, args[0])?.name ?? ''));
    expect(CORPUS.length - corpus.length).toBeLessThanOrEqual(12);
    for (const [name, ...args] of corpus) {
      const ours = keyIndexes(name as string, args).map((i) => args[i]);
      const theirs = await serverKeys([name as string, ...args]);
      if (theirs.length > 0) withKeys++;
      if (JSON.stringify(ours) !== JSON.stringify(theirs)) {
        mismatches.push(`${[name, ...args].join(' ')}: ours ${JSON.stringify(ours)}, server ${JSON.stringify(theirs)}`);
      }
    }
    expect(mismatches).toEqual([]);
    // Guard against a vacuous pass (e.g. every GETKEYS failing and both sides saying []).
    expect(withKeys).toBeGreaterThan(corpus.length - 20);
  });
});

describe('command table coverage', () => {
  it('knows every command the running server lists', async () => {
    const listed = [...(await serverCommands())];
    const count = Number(await server.cli('COMMAND', 'COUNT'));
    const known = new Set(commandNames());
    expect(listed.filter((n) => !known.has(n))).toEqual([]);
    expect(listed.filter((n) => !n.includes('|')).length).toBe(count);
    for (const name of listed) expect(getCommandInfo(name)?.name).toBe(name);
  });
});
