// Building plain objects from server-chosen keys (map replies, field/value pairs). Plain assignment is wrong
// for a key that names a property of Object.prototype: `__proto__` would replace the prototype, an inherited
// setter would run, and under frozen intrinsics (`Object.freeze(Object.prototype)`, SES lockdown) assigning
// e.g. `toString` throws in strict mode.

const OBJECT_PROTOTYPE: object = Object.prototype;

/** An empty prototype with no prototype of its own: assignments to objects built on it never find a property. */
const BARE_PROTOTYPE: object = Object.freeze(Object.create(null) as object);
function Bare(): void {}
Bare.prototype = BARE_PROTOTYPE;
const BareObject = Bare as unknown as new () => Record<string, unknown>;

/**
 * A new object to fill by plain assignment (`o[key] = value`), which always makes an own data property here,
 * whatever the key; hand it out only after finishOwnObject(). As fast as filling `{}` (one prototype switch
 * per object instead of a check per key).
 */
export function startOwnObject(): Record<string, unknown> {
  return new BareObject();
}

/** Gives an object from startOwnObject() the ordinary Object.prototype. */
export function finishOwnObject<T extends object>(object: T): T {
  return Object.setPrototypeOf(object, OBJECT_PROTOTYPE) as T;
}

/** Sets `target[key] = value` as an own, enumerable, writable data property on an ordinary object, whatever the key. */
export function setOwn(target: object, key: string, value: unknown): void {
  if (key in OBJECT_PROTOTYPE) {
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  } else {
    (target as Record<string, unknown>)[key] = value;
  }
}
