import { ValidationError } from '../errors';

/** Runs `action` and returns the `ValidationError` it throws; fails the test if it throws nothing else. */
export function validationErrorFrom(action: () => unknown): ValidationError {
  try {
    action();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected a ValidationError, but nothing was thrown');
}
