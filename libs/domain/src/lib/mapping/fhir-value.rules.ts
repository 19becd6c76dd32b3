import { checkCodes } from './fhir-codes.rules';
import { findProperty, itemsOf, JsonCursor, kindOf, stringAt } from './json-cursor';
import { ProblemCollector } from './problem-collector';
import { optionalArray, optionalString, reportMissing, reportUnknownProperties, requireString } from './property-rules';

/** The value types of iomt-fhir's FHIR mapping and the members each one reads. */
const VALUE_TYPE_KEYS: Record<string, readonly string[]> = {
  SampledData: ['defaultPeriod', 'unit'],
  Quantity: ['unit', 'system', 'code'],
  String: [],
  CodeableConcept: ['text', 'codes'],
};

const VALUE_TYPES = Object.keys(VALUE_TYPE_KEYS);

/**
 * Rule F11 for one `value`: an object with a known `valueType` (case-insensitive) and a `valueName`.
 * SampledData needs a positive `defaultPeriod` (milliseconds between samples). Unknown members are
 * only a WARN: iomt-fhir's value converter ignores them. Returns the value name when it is usable.
 */
export function checkFhirValue(value: JsonCursor, collector: ProblemCollector): string | undefined {
  if (value.node.type !== 'object') {
    collector.error(`Expected an object for property 'Value', actual ${kindOf(value)}.`, value);
    return undefined;
  }
  const typeAt = requireString(value, 'valueType', collector);
  const nameAt = requireString(value, 'valueName', collector);
  const typeText = stringAt(typeAt);
  const valueType = VALUE_TYPES.find((type) => type.toLowerCase() === typeText?.toLowerCase());
  if (typeAt !== undefined && valueType === undefined) {
    collector.error(`Unknown valueType '${typeText}'; expected one of ${VALUE_TYPES.join(', ')}.`, typeAt);
  }
  if (valueType !== undefined) {
    const keys = VALUE_TYPE_KEYS[valueType];
    reportUnknownProperties(value, ['valueType', 'valueName', ...keys], `${valueType}FhirValueType`, collector, 'WARN');
    keys.filter((key) => key !== 'codes' && key !== 'defaultPeriod').forEach((key) => optionalString(value, key, collector));
    if (valueType === 'SampledData') checkDefaultPeriod(value, collector);
    if (valueType === 'CodeableConcept') checkCodes(value, false, collector);
  }
  return stringAt(nameAt);
}

function checkDefaultPeriod(value: JsonCursor, collector: ProblemCollector): void {
  const at = findProperty(value, 'defaultPeriod')?.value;
  if (at === undefined) {
    collector.error(`Property 'DefaultPeriod' is required for valueType SampledData.`, value, [...value.path, 'defaultPeriod']);
    return;
  }
  const period = at.node.type === 'number' || at.node.type === 'string' ? Number(at.node.value) : Number.NaN;
  if (!(period > 0)) {
    const shown = at.node.type === 'number' || at.node.type === 'string' ? String(at.node.value) : kindOf(at);
    collector.error(`Property 'DefaultPeriod' must be a number of milliseconds greater than 0, actual ${shown}.`, at);
  }
}

/**
 * Rule F11 for `components`: each `{ codes, value }` (iomt-fhir `CodeValueMapping`) has codes and a
 * value. Returns the value names the components bind.
 */
export function checkComponents(components: JsonCursor, collector: ProblemCollector): string[] {
  return itemsOf(components).flatMap((component) => {
    if (component.node.type !== 'object') {
      collector.error(`Expected an object for each item of 'Components', actual ${kindOf(component)}.`, component);
      return [];
    }
    reportUnknownProperties(component, ['codes', 'value'], 'CodeValueMapping', collector);
    checkCodes(component, true, collector);
    const value = findProperty(component, 'value')?.value;
    if (value === undefined) {
      reportMissing(component, 'value', collector);
      return [];
    }
    const name = checkFhirValue(value, collector);
    return name === undefined ? [] : [name];
  });
}

/** Reads `components` when present; see {@link checkComponents}. */
export function optionalComponents(template: JsonCursor, collector: ProblemCollector): string[] | undefined {
  const components = optionalArray(template, 'components', collector);
  return components === undefined ? undefined : checkComponents(components, collector);
}
