// Nested values from the redis-py tutorial ("Serialization Workarounds"), in ocredis. Redis values are flat
// strings, so a nested object is either (1) serialized to JSON under one key, or (2) flattened into one
// string key per leaf, "484272:address:street:line1" style, and read back with scanIter + MGET.
//
//   node --import tsx examples/json-values.ts [redis://127.0.0.1:6379/1]      (or REDIS_URL=…)
import { pathToFileURL } from 'node:url';
import { Redis } from '../src/index.js';

type Leaf = string | number;
export interface Nested {
  [key: string]: Leaf | Nested;
}

export const restaurant484272: Nested = {
  name: 'Ravagh',
  type: 'Persian',
  address: {
    street: { line1: '11 E 30th St', line2: 'APT 1' },
    city: 'New York',
    state: 'NY',
    zip: 10016,
  },
};

/** Option 2, writing: one SET per leaf, keys joined with `delim`, all in one pipeline. */
export async function setflatSkeys(r: Redis, obj: Nested, prefix: string, delim = ':'): Promise<number> {
  const pipe = r.pipeline();
  const walk = (node: Nested, path: string): void => {
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === 'string' || typeof value === 'number') pipe.set(`${prefix}${delim}${path}${key}`, value);
      else if (value !== null && typeof value === 'object') walk(value, `${path}${key}${delim}`);
      else throw new TypeError(`Unsupported value type: ${typeof value}`);
    }
  };
  walk(obj, '');
  await pipe.exec();
  return pipe.length;
}

/** Option 2, reading: find the keys with scanIter, fetch them with one MGET, and nest them again (leaves come back as strings). */
export async function getflatSkeys(r: Redis, prefix: string, delim = ':'): Promise<Nested> {
  const keys: string[] = [];
  for await (const key of r.scanIter({ match: `${prefix}${delim}*`, count: 100 })) keys.push(key);
  if (keys.length === 0) return {};
  const values = await r.mget(...keys);
  const out: Nested = {};
  keys.forEach((key, i) => {
    const path = key.slice(prefix.length + delim.length).split(delim);
    let node = out;
    for (const part of path.slice(0, -1)) node = (node[part] ??= {}) as Nested;
    node[path[path.length - 1] as string] = values[i] ?? '';
  });
  return out;
}

export async function main(redisUrl: string): Promise<{ fromJson: Nested; fromFlatKeys: Nested }> {
  const r = new Redis(redisUrl);
  try {
    // Option 1: serialize to a JSON string, and parse it back.
    await r.set('484272', JSON.stringify(restaurant484272));
    const fromJson = JSON.parse((await r.get('484272')) ?? 'null') as Nested;
    console.log('option 1 (JSON):', JSON.stringify(fromJson));

    // Option 2: a delimiter in key strings.
    const written = await setflatSkeys(r, restaurant484272, '484272');
    const fromFlatKeys = await getflatSkeys(r, '484272');
    console.log(`option 2 (${written} flat keys):`, JSON.stringify(fromFlatKeys));
    return { fromJson, fromFlatKeys };
  } finally {
    await r.quit();
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv[2] ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/1').catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
