import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every level, so equal values always give the same text. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The first `length` hex digits of the SHA-256 of the value's {@link stableJson}. */
export function contentHash(value: unknown, length = 12): string {
  return createHash('sha256').update(stableJson(value)).digest('hex').slice(0, length);
}
