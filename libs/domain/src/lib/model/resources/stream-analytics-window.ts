import { ValidationProblem } from '../validation/validation-problem';
import { caseInsensitiveEnum, matchIgnoringCase } from '../validation/enum-schemas';

/**
 * `TUMBLINGWINDOW` units we accept: the iomt-fhir template's SECOND, MINUTE and HOUR, plus DAY
 * (Stream Analytics caps a window at 7 days, iomt.md §1.3). Stored and emitted in upper case.
 */
export const JOB_WINDOW_UNITS = ['SECOND', 'MINUTE', 'HOUR', 'DAY'] as const;
export type JobWindowUnit = (typeof JOB_WINDOW_UNITS)[number];

/** The largest magnitude per unit: the template's 60, and 7 days for DAY. The smallest is 1. */
export const MAX_JOB_WINDOW_MAGNITUDE: Readonly<Record<JobWindowUnit, number>> = {
  SECOND: 60,
  MINUTE: 60,
  HOUR: 60,
  DAY: 7,
};

/** The canonical unit for `value` (any casing), or undefined when it is not an allowed unit. */
export function jobWindowUnitOf(value: unknown): JobWindowUnit | undefined {
  return typeof value === 'string' ? matchIgnoringCase(JOB_WINDOW_UNITS, value) : undefined;
}

/**
 * The unit-dependent ceiling of the magnitude, or undefined when it holds or cannot be judged
 * (unknown unit, or a magnitude that is not a whole number: other rules report those).
 */
export function jobWindowCeilingProblem(unit: unknown, magnitude: unknown): string | undefined {
  const canonical = jobWindowUnitOf(unit);
  if (canonical === undefined || typeof magnitude !== 'number') return undefined;
  const max = MAX_JOB_WINDOW_MAGNITUDE[canonical];
  return magnitude > max ? `must be at most ${max} when jobWindowUnit is ${canonical}` : undefined;
}

/** Every problem of a window: the unit must be allowed and the magnitude a whole number in its range. */
export function jobWindowProblems(unit: unknown, magnitude: unknown): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  if (jobWindowUnitOf(unit) === undefined) {
    problems.push({ path: 'jobWindowUnit', message: `must be one of ${JOB_WINDOW_UNITS.join(', ')}` });
  }
  const ceiling = jobWindowCeilingProblem(unit, magnitude);
  if (typeof magnitude !== 'number' || !Number.isInteger(magnitude) || magnitude < 1) {
    problems.push({ path: 'jobWindowMagnitude', message: 'must be a whole number of at least 1' });
  } else if (ceiling !== undefined) {
    problems.push({ path: 'jobWindowMagnitude', message: ceiling });
  }
  return problems;
}

/** Schema of the window unit: any casing in, upper case out. */
export const jobWindowUnitSchema = caseInsensitiveEnum(JOB_WINDOW_UNITS);
