import { toValidationError, ValidationProblem } from '../validation/validation-problem';

/** ARM deployment names: 1-64 letters, digits, `-`, `_`, `.`, `(` and `)`. */
const DEPLOYMENT_NAME_PART = /^[A-Za-z0-9_.()-]+$/;
export const MAX_DEPLOYMENT_NAME_LENGTH = 64;

/**
 * The ARM deployment name of one step of an operation: `{step}-{operationId}`. Deterministic, so
 * a redelivered message or a restarted worker re-attaches to the same deployment instead of
 * starting a second one (invariant 2).
 * @throws ValidationError when a part has characters ARM refuses or the name exceeds 64 characters.
 */
export function deploymentName(operationId: string, step: string): string {
  const problems: ValidationProblem[] = [];
  if (!DEPLOYMENT_NAME_PART.test(step)) problems.push({ path: 'step', message: 'must be letters, digits, "-", "_", ".", "(" or ")"' });
  if (!DEPLOYMENT_NAME_PART.test(operationId)) {
    problems.push({ path: 'operationId', message: 'must be letters, digits, "-", "_", ".", "(" or ")"' });
  }
  const name = `${step}-${operationId}`;
  if (name.length > MAX_DEPLOYMENT_NAME_LENGTH) {
    problems.push({ path: 'step', message: `makes the name ${name.length} characters long; ARM allows ${MAX_DEPLOYMENT_NAME_LENGTH}` });
  }
  if (problems.length > 0) throw toValidationError('The deployment name', problems);
  return name;
}
