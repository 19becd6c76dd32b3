import { z } from 'zod';
import { ConfigValidationError, type ConfigIssue } from './config-validation.error';

/** Environment-like input: every value is a string or absent. */
export type ConfigSource = Readonly<Record<string, string | undefined>>;

/**
 * Validates `env` against `schema` and returns the frozen, typed result.
 * @throws ConfigValidationError naming every wrong or missing setting.
 */
export function loadConfig<S extends z.ZodType>(schema: S, env: ConfigSource): Readonly<z.output<S>> {
  const result = schema.safeParse(env, { error: describeMissing });
  if (!result.success) {
    throw new ConfigValidationError(result.error.issues.map(toConfigIssue));
  }
  return Object.freeze(result.data);
}

// A per-parse error map has the lowest precedence: schema-specific messages still win.
function describeMissing(issue: z.core.$ZodRawIssue): string | undefined {
  return issue.code === 'invalid_type' && issue.input === undefined ? 'is required but not set' : undefined;
}

function toConfigIssue(issue: z.core.$ZodIssue): ConfigIssue {
  const setting = issue.path.length > 0 ? issue.path.map(String).join('.') : '(configuration)';
  return { setting, problem: issue.message };
}
