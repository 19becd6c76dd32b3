import { ErrorCode, ValidationError } from '../errors';
import { crossCheckMappings } from './mapping-cross-check';
import { hasMappingErrors, MappingProblem, ResolutionType } from './mapping-problem';
import { ProblemCollector } from './problem-collector';
import { analyzeDeviceMapping } from './validate-device-mapping';
import { analyzeFhirMapping } from './validate-fhir-mapping';

/** The mappings of a connector to validate together; at least one must be given. */
export interface MappingsToValidate {
  readonly deviceMapping?: string;
  readonly fhirMapping?: string;
  readonly resolutionType?: ResolutionType;
}

/**
 * Validates a connector's mappings as iomt-fhir's `MappingValidator` does: each mapping on its own,
 * then, when both are free of ERRORs, the compatibility WARNs between them. A mapping given as an
 * empty string is skipped, as there.
 *
 * @throws ValidationError (InvalidParameter) when neither mapping has content.
 */
export function validateMappings(input: MappingsToValidate): MappingProblem[] {
  const { deviceMapping, fhirMapping, resolutionType } = input;
  if (isBlank(deviceMapping) && isBlank(fhirMapping)) {
    throw new ValidationError('At least one of [deviceMapping] or [fhirMapping] must be provided', {
      code: ErrorCode.InvalidParameter,
    });
  }
  const device = deviceMapping ? analyzeDeviceMapping(deviceMapping, { resolutionType }) : undefined;
  const fhir = fhirMapping ? analyzeFhirMapping(fhirMapping) : undefined;
  const problems = [...(device?.problems ?? []), ...(fhir?.problems ?? [])];
  if (device === undefined || fhir === undefined || hasMappingErrors(problems)) {
    return problems;
  }
  const compatibility = new ProblemCollector('FHIRTRANSFORMATION');
  crossCheckMappings(device.templates, fhir.templates, compatibility);
  return [...problems, ...compatibility.problems];
}

function isBlank(content: string | undefined): boolean {
  return content === undefined || content.trim() === '';
}
