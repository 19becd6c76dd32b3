import { z } from 'zod';

/**
 * A rule over several fields of an object. It runs even when other fields already failed (so a
 * caller gets every problem at once), which is why `check` receives a possibly malformed value
 * and must return undefined unless the fields it reads are well-formed.
 */
export interface CrossFieldRule<T> {
  /** Where the problem is reported, relative to the object. */
  readonly path: readonly PropertyKey[];
  /** The problem's message, or undefined when the rule holds (or cannot be judged). */
  readonly check: (value: Partial<T>) => string | undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function messageOf<T>(rule: CrossFieldRule<T>, value: unknown): string | undefined {
  return isObject(value) ? rule.check(value as Partial<T>) : undefined;
}

/** Adds cross-field rules to an object schema. */
export function withCrossFieldRules<S extends z.ZodType<object>>(
  schema: S,
  rules: ReadonlyArray<CrossFieldRule<z.output<S>>>,
): S {
  return rules.reduce<S>(
    (current, rule) =>
      current.refine((value) => messageOf(rule, value) === undefined, {
        when: () => true,
        path: [...rule.path],
        error: (issue) => messageOf(rule, issue.input) ?? 'is invalid',
      }),
    schema,
  );
}
