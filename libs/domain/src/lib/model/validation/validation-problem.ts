import { DomainErrorDetail, ErrorCode, ValidationError } from '../../errors';

/** One broken rule of an entity: where (`eventHub.throughputUnits`) and what is wrong. */
export interface ValidationProblem {
  /** Dotted property path with `[i]` for array items; empty for the value itself. */
  readonly path: string;
  readonly message: string;
}

/** Turns a path of keys (`['eventHub', 'deviceWritePolicyNames', 0]`) into `eventHub.deviceWritePolicyNames[0]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let formatted = '';
  for (const key of path) {
    if (typeof key === 'number') {
      formatted += `[${key}]`;
    } else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) {
      formatted += formatted === '' ? key : `.${key}`;
    } else {
      formatted += `[${JSON.stringify(String(key))}]`;
    }
  }
  return formatted;
}

/** Prepends `prefix` to a problem path, e.g. to report document paths under an ARM body's `properties`. */
export function prefixPath(prefix: string, path: string): string {
  if (prefix === '') return path;
  if (path === '') return prefix;
  return path.startsWith('[') ? `${prefix}${path}` : `${prefix}.${path}`;
}

/** Options of {@link toValidationError}. */
export interface ToValidationErrorOptions {
  /** Added before every problem path, e.g. `properties`. */
  readonly pathPrefix?: string;
  /** The top-level ARM error code; `InvalidRequestContent` unless given. */
  readonly code?: string;
  /** The top-level ARM error target. */
  readonly target?: string;
}

/**
 * Builds the ARM-style error for a list of problems: one `details` entry per problem
 * (`code: InvalidParameter`, `target` = property path), and a message that names them all so a
 * caller reading only the message still sees every problem.
 */
export function toValidationError(
  subject: string,
  problems: readonly ValidationProblem[],
  options: ToValidationErrorOptions = {},
): ValidationError {
  const prefix = options.pathPrefix ?? '';
  const located = problems.map((p) => ({ target: prefixPath(prefix, p.path), message: p.message }));
  const details: DomainErrorDetail[] = located.map((p) => ({
    code: ErrorCode.InvalidParameter,
    message: p.target === '' ? p.message : `${p.target}: ${p.message}`,
    ...(p.target === '' ? {} : { target: p.target }),
  }));
  const summary = details.map((d) => d.message).join('; ');
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  return new ValidationError(`${subject} is invalid (${count}): ${summary}`, {
    code: options.code,
    target: options.target,
    details,
  });
}

/** Throws {@link toValidationError} when there is at least one problem. */
export function throwIfProblems(
  subject: string,
  problems: readonly ValidationProblem[],
  options: ToValidationErrorOptions = {},
): void {
  if (problems.length > 0) throw toValidationError(subject, problems, options);
}
