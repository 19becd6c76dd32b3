/** A JSON object as read from or written to the store. */
export type JsonObject = { [key: string]: unknown };

/**
 * Removes properties whose value is `null`, at every depth (array items are kept as they are).
 * Json.NET writes absent optional values as `null`; our schemas treat absent and null alike.
 *
 * Returns the very same value when it holds no null property (the usual case: our own writes
 * never store null), and copies only the objects on a path to one, so reading a document costs
 * a walk rather than a deep copy. The input is never changed.
 */
export function dropNullProperties(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return dropNullItems(value);
  const source = value as JsonObject;
  let result: JsonObject | undefined;
  for (const key of Object.keys(source)) {
    const item = source[key];
    const cleaned = item === null ? undefined : dropNullProperties(item);
    if (result === undefined && (item === null || cleaned !== item)) result = copyOfKeysBefore(source, key);
    if (result !== undefined && item !== null) setOwn(result, key, cleaned);
  }
  return result ?? value;
}

/** The array with each item cleaned; the same array when no item changes. */
function dropNullItems(items: readonly unknown[]): unknown {
  let result: unknown[] | undefined;
  for (let index = 0; index < items.length; index++) {
    const item = items[index];
    const cleaned = dropNullProperties(item);
    if (result === undefined && cleaned !== item) result = items.slice(0, index);
    if (result !== undefined) result.push(cleaned);
  }
  return result ?? items;
}

/** A new object with the properties of `source` that come before `stop`. */
function copyOfKeysBefore(source: JsonObject, stop: string): JsonObject {
  const copy: JsonObject = {};
  for (const key of Object.keys(source)) {
    if (key === stop) break;
    setOwn(copy, key, source[key]);
  }
  return copy;
}

/** Sets an own data property; `__proto__` (a legal JSON key) must not change the prototype. */
function setOwn(target: JsonObject, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/**
 * A deep copy that keeps only what JSON can carry (drops `undefined` properties), so a document
 * compares equal to what the store will return for it.
 *
 * Same result as `JSON.parse(JSON.stringify(value))` in one walk without the text in between:
 * plain objects, arrays and primitives are copied directly; anything else (a `toJSON`, a class
 * instance, a bigint) goes through JSON itself so its serialisation stays exactly JSON's.
 */
export function toPlainJson<T>(value: T): T {
  if (!isDirectlyCopyable(value)) return JSON.parse(JSON.stringify(value)) as T;
  return copyJson(value) as T;
}

/** True for values whose JSON copy {@link copyJson} makes without asking JSON. */
function isDirectlyCopyable(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object':
      if (value === null || Array.isArray(value)) return true;
      return isPlainObject(value) && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
    default:
      return false;
  }
}

function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

/** What JSON makes of `value` (which JSON can represent: not undefined, a function or a symbol). */
function copyJson(value: unknown): unknown {
  if (typeof value === 'number') return value + 0; // JSON writes -0 as 0
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(copyArrayItem);
  const copy: JsonObject = {};
  for (const key of Object.keys(value)) {
    const item = copyOfProperty((value as JsonObject)[key]);
    if (item !== OMITTED) setOwn(copy, key, item);
  }
  return copy;
}

/** Marks a value JSON leaves out of an object (and writes as `null` in an array). */
const OMITTED = Symbol('omitted by JSON');

function copyOfProperty(item: unknown): unknown {
  if (isDirectlyCopyable(item)) return copyJson(item);
  if (item === undefined || typeof item === 'function' || typeof item === 'symbol') return OMITTED;
  const text = JSON.stringify(item);
  return text === undefined ? OMITTED : (JSON.parse(text) as unknown);
}

function copyArrayItem(item: unknown): unknown {
  const copy = copyOfProperty(item);
  return copy === OMITTED ? null : copy;
}
