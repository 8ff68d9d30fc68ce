// The generated reply types describe RESP3 (the default protocol). Under RESP2 the decoder returns what the server
// sends, so a generated method's reply differs exactly where its doc comment says (maps as flat arrays, doubles as
// strings, WITHSCORES pairs flattened), while hand-declared methods that shape their replies are the same under both.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from '../../src/index.js';
import { useSharedServer } from '../helpers/shared-server.js';

const shared = useSharedServer();
let r3: Redis;
let r2: Redis;
beforeAll(async () => {
  r3 = shared.r;
  r2 = r3.duplicate({ protocol: 2 });
  await r2.connect();
  await r3.del('r2:z1', 'r2:z2', 'r2:s1', 'r2:s2', 'r2:g', 'r2:h');
  await r3.zadd('r2:z1', 1, 'a', 2.5, 'b');
  await r3.zadd('r2:z2', 1, 'a', 3, 'c');
  await r3.mset({ 'r2:s1': 'ohmytext', 'r2:s2': 'mynewtext' });
  await r3.geoadd('r2:g', [{ longitude: 13.36, latitude: 38.11, member: 'P' }]);
  await r3.hset('r2:h', { f: 'v' });
});
afterAll(() => r2?.quit());

const generatedTypes = readFileSync(new URL('../../src/commands/generated/command-types.ts', import.meta.url), 'utf8');
/** The doc comment right above a generated method's declaration. */
function docOf(method: string): string {
  const at = generatedTypes.indexOf(`\n  ${method}(`);
  expect(at).toBeGreaterThan(0);
  return generatedTypes.slice(generatedTypes.lastIndexOf('/**', at), at);
}

describe('replies under RESP2 (protocol: 2) and RESP3', () => {
  it('the connections speak the protocols asked for', () => {
    expect([r2.protocol, r3.protocol]).toEqual([2, 3]);
  });

  it('WITHSCORES pairs come flat, scores as strings, as ZUNION’s doc says', async () => {
    expect(await r3.zunion(['r2:z1', 'r2:z2'], { WITHSCORES: true })).toEqual([['a', 2], ['b', 2.5], ['c', 3]]);
    expect(await r2.zunion(['r2:z1', 'r2:z2'], { WITHSCORES: true })).toEqual(['a', '2', 'b', '2.5', 'c', '3']);
    expect(docOf('zunion')).toContain('Under RESP2 (`protocol: 2`) the reply differs from this type: doubles as strings, WITHSCORES pairs as one flat [member, score, …] list.');
  });

  it('maps come as flat arrays, as LCS’s doc says', async () => {
    const idx = { IDX: true, WITHMATCHLEN: true } as const;
    expect(await r3.lcs('r2:s1', 'r2:s2', idx)).toEqual({ matches: [[[4, 7], [5, 8], 4], [[2, 3], [0, 1], 2]], len: 6 });
    expect(await r2.lcs('r2:s1', 'r2:s2', idx)).toEqual(['matches', [[[4, 7], [5, 8], 4], [[2, 3], [0, 1], 2]], 'len', 6]);
    expect(docOf('lcs')).toContain('maps as flat [key, value, …] arrays');
  });

  it('doubles come as strings, as GEOPOS’s doc says', async () => {
    const [[lon3, lat3]] = (await r3.geopos('r2:g', 'P')) as [[number, number]];
    const [[lon2, lat2]] = (await r2.geopos('r2:g', 'P')) as unknown as [[string, string]];
    expect([typeof lon3, typeof lat3, typeof lon2, typeof lat2]).toEqual(['number', 'number', 'string', 'string']);
    expect(Number(lon2)).toBeCloseTo(lon3, 10);
    expect(docOf('geopos')).toContain('doubles as strings');
  });

  it('hand-declared methods that shape their replies are the same under both, and their docs have no RESP2 note', async () => {
    for (const r of [r2, r3]) {
      expect(await r.hgetall('r2:h')).toEqual({ f: 'v' });
      expect(await r.zscore('r2:z1', 'b')).toBe(2.5);
      expect(await r.zmscore('r2:z1', 'a', 'nope')).toEqual([1, null]);
    }
    const handDocs = generatedTypes.slice(generatedTypes.indexOf('export interface GeneratedCommandDocs'), generatedTypes.indexOf('export interface GeneratedCommandMethods'));
    for (const method of ['hgetall', 'zscore', 'zmscore']) {
      const at = handDocs.indexOf(`\n  ${method}: unknown;`);
      expect(handDocs.slice(handDocs.lastIndexOf('/**', at), at)).not.toContain('RESP2');
    }
  });
});
