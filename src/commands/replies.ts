// Reply shaping shared by the command families. Each accepts both the RESP2 and the RESP3 form of a reply.
import { finishOwnObject, startOwnObject } from '../resp/own-property.js';

/** RESP2 flat `[k1, v1, k2, v2]` or RESP3 map (already an object) → plain object. */
export function toObject<V = string>(raw: unknown): Record<string, V> {
  if (raw === null || raw === undefined) return {};
  if (!Array.isArray(raw)) return raw as Record<string, V>;
  const out = startOwnObject();
  for (let i = 0; i + 1 < raw.length; i += 2) out[String(raw[i])] = raw[i + 1];
  return finishOwnObject(out) as Record<string, V>;
}

/** Integer reply 0/1 → boolean. */
export function toBoolean(raw: unknown): boolean {
  return raw === 1 || raw === true;
}

/** Array of 0/1 → booleans (SMISMEMBER). */
export function toBooleans(raw: unknown): boolean[] {
  return (raw as unknown[]).map(toBoolean);
}

/** A score as sent by the server: RESP2 text (`"1.5"`, `"inf"`) or RESP3 double. */
export function toScore(raw: unknown): number {
  if (typeof raw === 'number') return raw;
  if (raw === null || raw === undefined) return NaN;
  const text = String(raw);
  if (text === 'inf' || text === '+inf') return Infinity;
  if (text === '-inf') return -Infinity;
  return Number(text);
}

export function toScoreOrNull(raw: unknown): number | null {
  return raw === null ? null : toScore(raw);
}

export interface ScoredMember<M = string> {
  member: M;
  score: number;
}

/** WITHSCORES: RESP2 flat `[m1, s1, m2, s2]` or RESP3 `[[m1, s1], …]` → `[{ member, score }]`. */
export function toScoredMembers<M = string>(raw: unknown): ScoredMember<M>[] {
  const items = raw as unknown[];
  if (items.length > 0 && Array.isArray(items[0])) {
    return items.map((pair) => ({ member: (pair as unknown[])[0] as M, score: toScore((pair as unknown[])[1]) }));
  }
  const out: ScoredMember<M>[] = [];
  for (let i = 0; i + 1 < items.length; i += 2) out.push({ member: items[i] as M, score: toScore(items[i + 1]) });
  return out;
}

/** ZPOPMIN/ZPOPMAX: same shapes as WITHSCORES. */
export const toPoppedMembers = toScoredMembers;

/** BZPOPMIN/BZPOPMAX: `[key, member, score]` or null. */
export function toBlockingPop<M = string>(raw: unknown): { key: string; member: M; score: number } | null {
  if (raw === null) return null;
  const [key, member, score] = raw as [unknown, M, unknown];
  return { key: String(key), member, score: toScore(score) };
}

/** BLPOP/BRPOP: `[key, element]` or null. */
export function toKeyedElement<E = string>(raw: unknown): { key: string; element: E } | null {
  if (raw === null) return null;
  const [key, element] = raw as [unknown, E];
  return { key: String(key), element };
}

/** An integer reply as a number (bigint replies beyond 2^53 are converted with loss of precision refused). */
export function toNumber(raw: unknown): number {
  if (typeof raw === 'number') return raw;
  if (typeof raw === 'bigint') {
    const n = Number(raw);
    if (!Number.isSafeInteger(n)) throw new RangeError(`Integer reply ${raw} does not fit a JavaScript number`);
    return n;
  }
  return Number(raw);
}

/** Seconds since the epoch (integer reply) → Date. */
export function toDateFromSeconds(raw: unknown): Date {
  return new Date(toNumber(raw) * 1000);
}

export interface StreamEntry<V = string> {
  id: string;
  fields: Record<string, V>;
}

/** One stream entry: `[id, [f1, v1, …]]`. */
export function toStreamEntry<V = string>(raw: unknown): StreamEntry<V> {
  const [id, fields] = raw as [unknown, unknown];
  return { id: String(id), fields: toObject<V>(fields ?? []) };
}

export function toStreamEntries<V = string>(raw: unknown): StreamEntry<V>[] {
  return ((raw as unknown[]) ?? []).map((entry) => toStreamEntry<V>(entry));
}

export interface StreamMessages<V = string> {
  stream: string;
  entries: StreamEntry<V>[];
}

/** XREAD/XREADGROUP: RESP2 `[[name, entries], …]` or RESP3 map `{ name: entries }`, or null on timeout. */
export function toStreamMessages<V = string>(raw: unknown): StreamMessages<V>[] | null {
  if (raw === null) return null;
  if (Array.isArray(raw)) {
    return raw.map((item) => {
      const [name, entries] = item as [unknown, unknown];
      return { stream: String(name), entries: toStreamEntries<V>(entries) };
    });
  }
  return Object.entries(raw as Record<string, unknown>).map(([stream, entries]) => ({ stream, entries: toStreamEntries<V>(entries) }));
}

/** TIME → `{ seconds, microseconds }`. */
export function toTime(raw: unknown): { seconds: number; microseconds: number } {
  const [seconds, micro] = raw as [unknown, unknown];
  return { seconds: Number(seconds), microseconds: Number(micro) };
}

/** SCAN-family reply → `{ cursor, items }`. */
export function toScanPage<T = string>(raw: unknown): { cursor: string; items: T[] } {
  const [cursor, items] = raw as [unknown, T[]];
  return { cursor: String(cursor), items };
}
