/** A JSON object as read from or written to the store. */
export type JsonObject = { [key: string]: unknown };

/**
 * Removes properties whose value is `null`, at every depth (array items are kept as they are).
 * Json.NET writes absent optional values as `null`; our schemas treat absent and null alike.
 */
export function dropNullProperties(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropNullProperties);
  if (value === null || typeof value !== 'object') return value;
  const result: JsonObject = {};
  for (const [key, item] of Object.entries(value)) {
    if (item !== null) result[key] = dropNullProperties(item);
  }
  return result;
}

/**
 * A deep copy that keeps only what JSON can carry (drops `undefined` properties), so a document
 * compares equal to what the store will return for it.
 */
export function toPlainJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
