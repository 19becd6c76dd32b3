import { FhirTemplateSummary, validateFhirTemplate } from './fhir-template.rules';
import { MappingProblem } from './mapping-problem';
import { ProblemCollector } from './problem-collector';
import { CollectionKind, readTemplateCollection } from './template-collection';

/** The FHIR mapping's problems and the templates that loaded, for the cross-checks. */
export interface FhirMappingAnalysis {
  readonly problems: readonly MappingProblem[];
  readonly templates: readonly FhirTemplateSummary[];
}

const FHIR_COLLECTION: CollectionKind = {
  document: 'fhirMapping',
  rootTemplateType: 'CollectionFhirTemplate',
  emptyWarning: 'The FHIR mapping has no templates; no measurement will be written to FHIR.',
};

/** Runs rules F1–F11 and keeps what the cross-checks need. */
export function analyzeFhirMapping(content: string): FhirMappingAnalysis {
  const collector = new ProblemCollector('FHIRTRANSFORMATION');
  const containers = readTemplateCollection(content, FHIR_COLLECTION, collector) ?? [];
  const loaded = containers.flatMap((container) => validateFhirTemplate(container, collector) ?? []);
  return { problems: collector.problems, templates: registerUnique(loaded, collector) };
}

/** F7: iomt-fhir's lookup holds one template per type name, compared case-insensitively. */
function registerUnique(templates: FhirTemplateSummary[], collector: ProblemCollector): FhirTemplateSummary[] {
  const seen = new Set<string>();
  return templates.filter((template) => {
    const key = template.typeName.toLowerCase();
    if (seen.has(key)) {
      collector.error(`Duplicate template defined for type name: '${template.typeName}'`, template.typeNameAt);
      return false;
    }
    seen.add(key);
    return true;
  });
}

/**
 * Validates a FHIR destination mapping, a `CollectionFhir` template, the way iomt-fhir loads it and
 * somewhat stricter (rules F1–F11 of iomt.md §2.4). Never throws for bad content: every finding is a
 * {@link MappingProblem} of category FHIRTRANSFORMATION, located in the text.
 */
export function validateFhirMapping(content: string): MappingProblem[] {
  return [...analyzeFhirMapping(content).problems];
}
