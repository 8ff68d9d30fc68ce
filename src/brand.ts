// `instanceof` across copies of the package. An application that both imports ocredis (ESM build) and
// requires it (CommonJS build, or a second copy in node_modules) holds two RedisError classes; each class is
// branded with a registry symbol (`Symbol.for`, shared by every copy), and `instanceof` also accepts objects
// whose prototype chain has a class carrying the same brand.
const BRAND = Symbol.for('ocredis.class');

type AnyClass = abstract new (...args: any[]) => unknown;

/** Brands each class with its key as the id: `brandClasses({ RedisError, ReplyError })`. */
export function brandClasses(classes: Readonly<Record<string, AnyClass>>): void {
  for (const [id, cls] of Object.entries(classes)) Object.defineProperty(cls, BRAND, { value: `ocredis.${id}` });
}

/**
 * `value instanceof cls`, or an instance of the same branded class from another copy of ocredis. `base` is a
 * built-in every copy shares (Error, EventEmitter): anything else is answered without walking prototypes, which
 * keeps the hot checks (`reply instanceof ReplyError` on every reply) at a type test and one native instanceof.
 */
export function isInstance(cls: AnyClass, value: unknown, base: AnyClass): boolean {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function') || !(value instanceof base)) return false;
  if (Function.prototype[Symbol.hasInstance].call(cls, value)) return true;
  // Own brand only: an unbranded subclass must not match through its parent's brand.
  const id = brandOf(cls);
  if (id === undefined) return false;
  for (let proto = Object.getPrototypeOf(value) as object | null; proto !== null; proto = Object.getPrototypeOf(proto) as object | null) {
    const ctor = Object.hasOwn(proto, 'constructor') ? (proto as { constructor: unknown }).constructor : undefined;
    if (typeof ctor === 'function' && brandOf(ctor) === id) return true;
  }
  return false;
}

function brandOf(cls: object): string | undefined {
  return Object.hasOwn(cls, BRAND) ? (cls as unknown as Record<symbol, string>)[BRAND] : undefined;
}
