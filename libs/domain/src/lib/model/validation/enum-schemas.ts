import { z } from 'zod';

/** A TypeScript numeric enum object (which also holds the reverse name lookup). */
type NumericEnumObject = Record<string, string | number>;
type NumericEnumValue<E extends NumericEnumObject> = Extract<E[keyof E], number>;

function describeAllowed(entries: ReadonlyArray<readonly [string, number]>): string {
  return entries.map(([name, value]) => `${name} (${value})`).join(', ');
}

/**
 * A numeric enum stored as its number, as Json.NET writes C# enums by default. Reading also takes
 * the member name in any casing (Json.NET reads names too) and normalises it to the number, so a
 * hand-written or string-enum document is not rejected.
 */
export function numericEnum<E extends NumericEnumObject>(enumObject: E): z.ZodType<NumericEnumValue<E>> {
  const entries = Object.entries(enumObject).filter((e): e is [string, number] => typeof e[1] === 'number');
  const byName = new Map(entries.map(([name, value]) => [name.toLowerCase(), value]));
  const values = new Set(entries.map(([, value]) => value));
  const allowed = describeAllowed(entries);
  return z.unknown().transform((input, ctx) => {
    if (typeof input === 'number' && values.has(input)) return input as NumericEnumValue<E>;
    if (typeof input === 'string' && byName.has(input.toLowerCase())) {
      return byName.get(input.toLowerCase()) as NumericEnumValue<E>;
    }
    const message = input === undefined ? 'is required' : `must be one of ${allowed}`;
    ctx.issues.push({ code: 'custom', message, input });
    return z.NEVER;
  }) as unknown as z.ZodType<NumericEnumValue<E>>;
}

/**
 * A string enum matched case-insensitively and normalised to its canonical spelling
 * (ARM names and the seed's `"LookUp"` default differ from the canonical casing only).
 */
export function caseInsensitiveEnum<const T extends readonly [string, ...string[]]>(
  canonical: T,
): z.ZodType<T[number]> {
  const byLower = new Map(canonical.map((value) => [value.toLowerCase(), value]));
  const allowed = canonical.join(', ');
  return z.unknown().transform((input, ctx) => {
    const match = typeof input === 'string' ? byLower.get(input.toLowerCase()) : undefined;
    if (match !== undefined) return match as T[number];
    const message = input === undefined ? 'is required' : `must be one of ${allowed}`;
    ctx.issues.push({ code: 'custom', message, input });
    return z.NEVER;
  }) as unknown as z.ZodType<T[number]>;
}

/** Normalises `value` to one of `canonical` ignoring case, or returns undefined. */
export function matchIgnoringCase<const T extends readonly string[]>(
  canonical: T,
  value: string,
): T[number] | undefined {
  const lower = value.toLowerCase();
  return canonical.find((candidate) => candidate.toLowerCase() === lower);
}
