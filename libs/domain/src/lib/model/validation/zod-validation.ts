import { z } from 'zod';
import { formatPath, toValidationError, ToValidationErrorOptions, ValidationProblem } from './validation-problem';

type RawIssue = z.core.$ZodRawIssue;

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'a boolean',
  object: 'an object',
  array: 'an array',
  record: 'an object',
  literal: 'a constant',
  enum: 'one of the allowed values',
};

function sizeMessage(issue: RawIssue & { origin?: string }, bound: number | bigint, atLeast: boolean): string {
  const inclusive = (issue as { inclusive?: boolean }).inclusive !== false;
  switch (issue.origin) {
    case 'string':
      if (atLeast && Number(bound) === 1) return 'must not be empty';
      return `must be ${atLeast ? 'at least' : 'at most'} ${bound} characters long`;
    case 'array':
    case 'set':
      return `must have ${atLeast ? 'at least' : 'at most'} ${bound} items`;
    default:
      if (!inclusive) return `must be ${atLeast ? 'greater' : 'less'} than ${bound}`;
      return `must be ${atLeast ? 'at least' : 'at most'} ${bound}`;
  }
}

function formatMessage(format: string): string {
  switch (format) {
    case 'datetime':
      return 'must be an ISO 8601 date-time with a time zone';
    case 'url':
      return 'must be an absolute URL';
    case 'guid':
    case 'uuid':
      return 'must be a GUID';
    default:
      return 'has an invalid format';
  }
}

/** Plain-English messages for Zod's built-in issues; custom issues keep their own message. */
function messageOf(issue: RawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'is required';
      return `must be ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case 'too_small':
      return sizeMessage(issue, issue.minimum, true);
    case 'too_big':
      return sizeMessage(issue, issue.maximum, false);
    case 'invalid_value':
      return issue.values.length === 1
        ? `must be ${JSON.stringify(issue.values[0])}`
        : `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_format':
      return formatMessage(issue.format);
    case 'not_multiple_of':
      return `must be a multiple of ${issue.divisor}`;
    case 'unrecognized_keys':
      return `has unknown properties ${issue.keys.join(', ')}`;
    case 'invalid_union':
      return 'does not match any allowed shape';
    case 'invalid_key':
      return 'has an invalid key';
    default:
      return undefined;
  }
}

/** Runs `schema` over `value` and returns every problem found (empty when valid). */
export function problemsOf(schema: z.ZodType, value: unknown): ValidationProblem[] {
  const result = schema.safeParse(value, { error: messageOf });
  if (result.success) return [];
  return result.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}

/**
 * Parses `value` with `schema`, returning its normalised output (defaults filled in, aliases
 * canonicalised) or throwing a `ValidationError` that lists every problem.
 */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  value: unknown,
  subject: string,
  options: ToValidationErrorOptions = {},
): z.output<S> {
  const result = schema.safeParse(value, { error: messageOf });
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
  throw toValidationError(subject, problems, options);
}
