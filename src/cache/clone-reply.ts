// A cached reply is handed out many times: aggregates (arrays, maps, sets) and Buffers are mutable, so each
// caller gets its own copy and a caller that sorts or fills its array cannot change what the next one reads.

/** A deep copy of a decoded reply; strings, numbers, null and the like are returned as they are. */
export function cloneReply<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  return cloneObject(value) as T;
}

function cloneObject(value: object): unknown {
  if (Array.isArray(value)) {
    const copy = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) copy[i] = cloneReply(value[i] as unknown);
    return copy;
  }
  if (Buffer.isBuffer(value)) return Buffer.from(value);
  if (value instanceof Map) return new Map([...value].map(([k, v]) => [cloneReply(k), cloneReply(v)]));
  if (value instanceof Set) return new Set([...value].map((v) => cloneReply(v)));
  if (value instanceof Error) return value;
  // A decoded map: a plain (or null-prototype) object.
  const copy = Object.create(Object.getPrototypeOf(value) as object | null) as Record<string, unknown>;
  for (const key of Object.keys(value)) copy[key] = cloneReply((value as Record<string, unknown>)[key]);
  return copy;
}
