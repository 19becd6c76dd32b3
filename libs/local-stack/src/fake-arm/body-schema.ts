import type { z } from 'zod';
import { invalidRequestContent } from './arm-error';

/** Validates a request body against a schema; a mismatch is a 400 naming each bad field. */
export function parseBody<T extends z.ZodType>(schema: T, body: unknown, what: string): z.infer<T> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`);
  throw invalidRequestContent(`The ${what} is not valid: ${problems.join('; ')}.`);
}
