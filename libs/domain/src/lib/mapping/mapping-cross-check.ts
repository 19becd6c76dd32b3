import { DeviceTemplateSummary } from './device-template.rules';
import { FhirTemplateSummary } from './fhir-template.rules';
import { ProblemCollector } from './problem-collector';

/** iomt-fhir's validator joins its lists with " ," (sic); kept so messages match the mapping debugger. */
const LIST_SEPARATOR = ' ,';

/**
 * The compatibility WARNs between a device and a FHIR mapping (category FHIRTRANSFORMATION). The
 * first two are iomt-fhir `MappingValidator.CheckForTemplateCompatibility`'s; the last two are ours.
 * Type names match case-insensitively (the FHIR lookup is), value names exactly.
 */
export function crossCheckMappings(
  device: readonly DeviceTemplateSummary[],
  fhir: readonly FhirTemplateSummary[],
  collector: ProblemCollector,
): void {
  const fhirByType = new Map(fhir.map((template) => [template.typeName.toLowerCase(), template]));
  const available = fhir.map((template) => template.typeName).join(LIST_SEPARATOR);
  for (const template of device) {
    const target = fhirByType.get(template.typeName.toLowerCase());
    if (target === undefined) {
      collector.warn(
        `No matching Fhir Template exists for Device Mapping [${template.typeName}]. Ensure case matches. Available Fhir Templates: [${available}].`,
        template.typeNameAt,
      );
      continue;
    }
    checkValuesAreBound(template, target, collector);
    checkCorrelationId(template, target, collector);
  }
  reportUnusedFhirTemplates(device, fhir, collector);
}

function checkValuesAreBound(template: DeviceTemplateSummary, target: FhirTemplateSummary, collector: ProblemCollector): void {
  const availableValues = target.valueNames.join(LIST_SEPARATOR);
  for (const value of template.values) {
    if (!target.valueNames.includes(value.name)) {
      collector.warn(
        `The value [${value.name}] in Device Mapping [${template.typeName}] is not represented within the Fhir Template of type [${template.typeName}]. Available values are: [${availableValues}]. No value will appear inside of Observations.`,
        value.nameAt,
      );
    }
  }
}

/** Grouping by correlation id needs the id on every measurement (runtime `CorrelationIdNotDefinedException`). */
function checkCorrelationId(template: DeviceTemplateSummary, target: FhirTemplateSummary, collector: ProblemCollector): void {
  if (target.periodInterval === -1 && !template.hasCorrelationId) {
    collector.warn(
      `The Fhir Template [${target.typeName}] groups observations by correlation id (PeriodInterval CorrelationId), but Device Mapping [${template.typeName}] has no CorrelationIdExpression; its measurements will fail with CorrelationIdNotDefinedException.`,
      template.typeNameAt,
    );
  }
}

function reportUnusedFhirTemplates(
  device: readonly DeviceTemplateSummary[],
  fhir: readonly FhirTemplateSummary[],
  collector: ProblemCollector,
): void {
  const produced = new Set(device.map((template) => template.typeName.toLowerCase()));
  const deviceTypes = [...new Set(device.map((template) => template.typeName))].join(LIST_SEPARATOR);
  for (const template of fhir) {
    if (!produced.has(template.typeName.toLowerCase())) {
      collector.warn(
        `No Device Mapping template produces type [${template.typeName}]; this Fhir Template is never used. Device Mapping types: [${deviceTypes}].`,
        template.typeNameAt,
      );
    }
  }
}
