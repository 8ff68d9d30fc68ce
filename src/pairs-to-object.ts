// Every `[k1, v1, k2, v2]` (RESP2) or key/value map the client turns into a plain object goes through here.
// Plain assignment is unsafe for server-chosen keys: `out['__proto__'] = v` replaces the prototype, and with
// a frozen Object.prototype (SES lockdown, some polyfills) `out['toString'] = v` throws. Defining an own
// property does neither, and the result is still an ordinary object (`{}`), as users expect. The objects are
// built with the decoder's primitives (resp/own-property.ts), so RESP2 pairs and RESP3 maps give the same shape.
import { finishOwnObject, startOwnObject } from './resp/own-property.js';


/** A flat `[key, value, key, value …]` list as a plain object (a trailing odd element is ignored). */
export function pairsToObject<V = unknown>(items: readonly unknown[], mapValue?: (value: unknown) => V): Record<string, V> {
  const out = startOwnObject();
  for (let i = 0; i + 1 < items.length; i += 2) {
    const value = items[i + 1];
    out[keyText(items[i])] = mapValue === undefined ? value : mapValue(value);
  }
  return finishOwnObject(out) as Record<string, V>;
}

/** `[key, value]` entries as a plain object (the safe Object.fromEntries). */
export function entriesToObject<V = unknown>(entries: Iterable<readonly [string, V]>): Record<string, V> {
  const out = startOwnObject();
  for (const [key, value] of entries) out[key] = value;
  return finishOwnObject(out) as Record<string, V>;
}

function keyText(key: unknown): string {
  if (typeof key === 'string') return key;
  if (Buffer.isBuffer(key)) return key.toString('utf8');
  // An aggregate key (legal in RESP3, never sent by Redis) gets a fixed tag: String() on a decoded map
  // would call a server-chosen 'toString' entry.
  if (key !== null && typeof key === 'object') return Array.isArray(key) ? '[array]' : '[map]';
  return String(key);
}
