import { ValidationError } from '../errors';
import { MappingDocumentKind, MappingProblem } from './mapping-problem';

/** The ARM error code of each detail that {@link toMappingValidationError} lists. */
export const INVALID_MAPPING_CODE = 'InvalidMapping';

/** How many errors the top-level message spells out; `details` always lists them all. */
const ERRORS_IN_MESSAGE = 5;

/** How to phrase the ARM error. */
export interface MappingValidationErrorOptions {
  /** The top-level error code; InvalidRequestContent by default. */
  readonly code?: string;
  /** The top-level target, e.g. `properties.content`. */
  readonly target?: string;
  /**
   * The request property that holds each mapping, e.g. `{ deviceMapping: 'properties.content' }`:
   * a detail's target becomes that prefix plus the problem's path (`properties.content.template[0]`).
   * Without it a detail's target is the problem's path (`$.template[0]`).
   */
  readonly roots?: Partial<Record<MappingDocumentKind, string>>;
}

/**
 * Turns the ERRORs of a validation into the `ValidationError` the gateway answers with (HTTP 400
 * with the ARM error body), worded like the MedTech service's
 * `Invalid deviceMapping mapping. Validation errors: ...`. Returns undefined when there is no ERROR
 * (WARNs do not fail a request).
 */
export function toMappingValidationError(
  problems: readonly MappingProblem[],
  options: MappingValidationErrorOptions = {},
): ValidationError | undefined {
  const errors = problems.filter((problem) => problem.level === 'ERROR');
  if (errors.length === 0) {
    return undefined;
  }
  const mappings = [...new Set(errors.map((problem) => problem.mapping))].join(' and ');
  const shown = errors.slice(0, ERRORS_IN_MESSAGE).map(describe).join(' ');
  const more = errors.length > ERRORS_IN_MESSAGE ? ` (and ${errors.length - ERRORS_IN_MESSAGE} more; see details)` : '';
  return new ValidationError(`Invalid ${mappings} mapping. Validation errors: ${shown}${more}`, {
    code: options.code,
    target: options.target,
    details: errors.map((problem) => ({
      code: INVALID_MAPPING_CODE,
      message: `${problem.mapping}: ${describe(problem)}`,
      target: targetOf(problem, options.roots?.[problem.mapping]),
    })),
  });
}

function describe(problem: MappingProblem): string {
  return `Line ${problem.line}, position ${problem.position}: ${problem.message}`;
}

/** The path with its `$` replaced by the request property that holds the mapping, when known. */
function targetOf(problem: MappingProblem, root: string | undefined): string {
  return root === undefined ? problem.path : `${root}${problem.path.slice(1)}`;
}
