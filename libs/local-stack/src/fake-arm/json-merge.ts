/** True for plain JSON objects (not arrays, not null). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * JSON merge patch (RFC 7386), the semantics of ARM PATCH: objects merge recursively, `null`
 * removes a member, anything else replaces. Returns a new object.
 */
export function mergePatch(target: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...target };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete merged[key];
    else if (isJsonObject(value) && isJsonObject(merged[key])) merged[key] = mergePatch(merged[key], value);
    else merged[key] = structuredClone(value);
  }
  return merged;
}
