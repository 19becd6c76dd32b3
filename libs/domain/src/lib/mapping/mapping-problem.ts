/** How bad a problem is: an ERROR makes the mapping unusable, a WARN is advice (iomt-fhir `ErrorLevel`). */
export type MappingProblemLevel = 'ERROR' | 'WARN';

/**
 * Which stage of the connector a problem affects (iomt-fhir `ValidationCategory`): NORMALIZATION is the
 * device mapping, FHIRTRANSFORMATION the FHIR mapping and the fit between the two.
 */
export type MappingProblemCategory = 'NORMALIZATION' | 'FHIRTRANSFORMATION';

/** Which mapping document `line`, `position` and `path` of a problem refer to. */
export type MappingDocumentKind = 'deviceMapping' | 'fhirMapping';

/** How the connector finds the Device, Patient (and Encounter) of a measurement. */
export type ResolutionType = 'Lookup' | 'Create' | 'LookupWithEncounter';

/**
 * One finding about a mapping template, shaped like the MedTech mapping debugger's
 * `MedtechMappingValidationError` (message, level, category, line info).
 *
 * - `line` and `position` are 1-based and point at the first character of the offending JSON node
 *   (a value, the key of an unknown property, or the object missing a required property); positions
 *   count UTF-16 code units, a tab counts as one.
 * - `path` is a JSONPath-style path from the document root, e.g. `$.template[0].template.typeName`;
 *   keys that are not plain identifiers are bracket-quoted (`$['odd key']`). A missing property's path
 *   names the property that should be there.
 * - `mapping` says which document the location is in; the cross-check warnings of
 *   {@link validateMappings} may point into either document.
 */
export interface MappingProblem {
  readonly message: string;
  readonly level: MappingProblemLevel;
  readonly category: MappingProblemCategory;
  readonly mapping: MappingDocumentKind;
  readonly line: number;
  readonly position: number;
  readonly path: string;
}

/** True when the list holds at least one ERROR. */
export function hasMappingErrors(problems: readonly MappingProblem[]): boolean {
  return problems.some((problem) => problem.level === 'ERROR');
}
