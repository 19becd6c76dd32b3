import { DeviceMappingOptions, DeviceTemplateSummary, validateDeviceTemplate } from './device-template.rules';
import { MappingProblem } from './mapping-problem';
import { ProblemCollector } from './problem-collector';
import { CollectionKind, readTemplateCollection } from './template-collection';

/** The device mapping's problems and the templates that loaded, for the cross-checks. */
export interface DeviceMappingAnalysis {
  readonly problems: readonly MappingProblem[];
  readonly templates: readonly DeviceTemplateSummary[];
}

const DEVICE_COLLECTION: CollectionKind = {
  document: 'deviceMapping',
  rootTemplateType: 'CollectionContentTemplate',
  emptyWarning: 'The device mapping has no templates; no device data will be normalized.',
};

/** Runs rules D1–D10 and keeps what the cross-checks need. */
export function analyzeDeviceMapping(content: string, options: DeviceMappingOptions = {}): DeviceMappingAnalysis {
  const collector = new ProblemCollector('NORMALIZATION');
  const containers = readTemplateCollection(content, DEVICE_COLLECTION, collector) ?? [];
  const templates = containers.flatMap((container) => validateDeviceTemplate(container, options, collector) ?? []);
  return { problems: collector.problems, templates };
}

/**
 * Validates a device (normalization) mapping, a `CollectionContent` template, the way iomt-fhir
 * loads it and somewhat stricter (rules D1–D10 of iomt.md §2.4). Never throws for bad content: every
 * finding is a {@link MappingProblem} of category NORMALIZATION, located in the text.
 */
export function validateDeviceMapping(content: string, options: DeviceMappingOptions = {}): MappingProblem[] {
  return [...analyzeDeviceMapping(content, options).problems];
}
