import { ValidationError } from '../errors';

/** Longest piece of caller input echoed in an error message; ids arrive from the network. */
const MAX_QUOTED_LENGTH = 120;

/** Quotes caller input for an error message, cut short so a huge input cannot bloat a response. */
export function quoteInput(value: unknown): string {
  const text = typeof value === 'string' ? value : String(value);
  return text.length > MAX_QUOTED_LENGTH ? `'${text.slice(0, MAX_QUOTED_LENGTH)}…'` : `'${text}'`;
}

/** A 400-class ARM error: a `ValidationError` with a precise ARM `code` and the offending `target`. */
export function armValidationError(code: string, message: string, target?: string): ValidationError {
  return new ValidationError(message, { code, target });
}
