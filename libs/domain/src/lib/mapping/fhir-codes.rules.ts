import { findProperty, itemsOf, JsonCursor, kindOf } from './json-cursor';
import { ProblemCollector } from './problem-collector';
import { memberName, optionalArray, optionalString, reportMissing, reportUnknownProperties } from './property-rules';

const CODE_KEYS = ['code', 'system', 'display'];
const CONCEPT_KEYS = ['text', 'codes'];

/**
 * Rule F8: a `codes` list of `{ code?, system?, display? }` strings (iomt-fhir `FhirCode`). When
 * `required`, the member must be present (CodeValueFhirTemplate and its components).
 */
export function checkCodes(owner: JsonCursor, required: boolean, collector: ProblemCollector): void {
  const property = findProperty(owner, 'codes');
  if (required && property === undefined) {
    reportMissing(owner, 'codes', collector);
    return;
  }
  if (required && property?.value.node.type === 'null') {
    collector.error(`Required property 'Codes' expects a value but got null.`, property.value);
    return;
  }
  const codes = optionalArray(owner, 'codes', collector);
  for (const code of codes === undefined ? [] : itemsOf(codes)) {
    if (code.node.type !== 'object') {
      collector.error(`Expected an object for each item of 'Codes', actual ${kindOf(code)}.`, code);
      continue;
    }
    reportUnknownProperties(code, CODE_KEYS, 'FhirCode', collector);
    CODE_KEYS.forEach((key) => optionalString(code, key, collector));
  }
}

/** Rule F9: an optional `category` list of `{ text?, codes? }` (iomt-fhir `FhirCodeableConcept`). */
export function checkCategory(template: JsonCursor, collector: ProblemCollector): void {
  const category = optionalArray(template, 'category', collector);
  for (const concept of category === undefined ? [] : itemsOf(category)) {
    if (concept.node.type !== 'object') {
      collector.error(`Expected an object for each item of '${memberName('category')}', actual ${kindOf(concept)}.`, concept);
      continue;
    }
    reportUnknownProperties(concept, CONCEPT_KEYS, 'FhirCodeableConcept', collector);
    optionalString(concept, 'text', collector);
    checkCodes(concept, false, collector);
  }
}
