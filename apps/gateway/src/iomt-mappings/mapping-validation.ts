import { MappingDocumentKind, ResolutionType, toMappingValidationError, validateMappings } from '@iomt/domain';
import { inRequestBody, MappingContent } from './mapping-content';

/** The templates of a request, by which mapping they are. */
export type MappingContents = Partial<Record<MappingDocumentKind, MappingContent>>;

/**
 * Validates the templates of a request with the domain's mapping rules and throws the 400 that
 * lists every ERROR with its line, position (in the request body) and path under `roots`.
 */
export function assertValidMappings(
  contents: MappingContents,
  resolutionType: ResolutionType | undefined,
  roots: Partial<Record<MappingDocumentKind, string>>,
): void {
  const problems = validateMappings({
    deviceMapping: contents.deviceMapping?.text,
    fhirMapping: contents.fhirMapping?.text,
    resolutionType,
  });
  const located = problems.map((problem) => {
    const content = contents[problem.mapping];
    return content === undefined ? problem : inRequestBody(problem, content);
  });
  const error = toMappingValidationError(located, { roots });
  if (error !== undefined) throw error;
}
