import { DeviceTemplateType } from './device-template-types';
import { findProperty, itemsOf, JsonCursor, kindOf, stringAt } from './json-cursor';
import { ProblemCollector } from './problem-collector';
import { memberName, optionalArray, reportMissing, reportUnknownProperties, requireString } from './property-rules';
import { checkCalculatedExpression, checkJsonPathAt, ExpressionLanguage } from './template-expression.rules';

/** A value a device template extracts, named for the FHIR mapping. */
export interface DeviceValueSummary {
  readonly name: string;
  readonly nameAt: JsonCursor;
}

const VALUE_KEYS = ['valueName', 'valueExpression', 'required'];

/**
 * Rule D8: `values` is an array of `{ valueName, valueExpression, required? }`. CalculatedContent must
 * have the member (iomt-fhir's factory iterates it without a null check, so the template fails to
 * load without it); an empty array is fine.
 */
export function checkDeviceValues(
  template: JsonCursor,
  type: DeviceTemplateType,
  language: ExpressionLanguage | undefined,
  collector: ProblemCollector,
): DeviceValueSummary[] {
  const values = optionalArray(template, 'values', collector);
  if (values === undefined) {
    if (type.calculated && findProperty(template, 'values') === undefined) {
      const message = `Property 'Values' is required for template type ${type.name}; use an empty array when there is nothing to extract.`;
      collector.error(message, template, [...template.path, 'values']);
    }
    return [];
  }
  const className = type.calculated ? 'CalculatedFunctionValueExpression' : 'JsonPathValueExpression';
  return itemsOf(values).flatMap((item) => checkValue(item, className, language, collector));
}

function checkValue(
  item: JsonCursor,
  className: string,
  language: ExpressionLanguage | undefined,
  collector: ProblemCollector,
): DeviceValueSummary[] {
  if (item.node.type !== 'object') {
    collector.error(`Expected an object for each item of 'Values', actual ${kindOf(item)}.`, item);
    return [];
  }
  reportUnknownProperties(item, VALUE_KEYS, className, collector);
  const nameAt = requireString(item, 'valueName', collector);
  checkValueExpression(item, language, collector);
  checkRequiredFlag(item, collector);
  return nameAt === undefined ? [] : [{ name: String(nameAt.node.value), nameAt }];
}

function checkValueExpression(item: JsonCursor, language: ExpressionLanguage | undefined, collector: ProblemCollector): void {
  if (language === undefined) {
    const at = requireString(item, 'valueExpression', collector);
    if (at !== undefined) {
      checkJsonPathAt(at, collector);
    }
    return;
  }
  const at = findProperty(item, 'valueExpression')?.value;
  if (at === undefined) {
    reportMissing(item, 'valueExpression', collector);
  } else if (at.node.type === 'null') {
    collector.error(`Required property 'ValueExpression' expects a value but got null.`, at);
  } else {
    checkCalculatedExpression(at, 'valueExpression', language, collector);
  }
}

/** `required` is a boolean; Json.NET also converts "true"/"false", which the mapping debugger flags. */
function checkRequiredFlag(item: JsonCursor, collector: ProblemCollector): void {
  const at = findProperty(item, 'required')?.value;
  if (at === undefined || at.node.type === 'boolean') {
    return;
  }
  const text = stringAt(at);
  if (text !== undefined && ['true', 'false'].includes(text.trim().toLowerCase())) {
    collector.warn(`Property 'Required' should be a boolean (${text.trim().toLowerCase()}), not the string "${text}".`, at);
    return;
  }
  collector.error(`Expected a boolean for property '${memberName('required')}', actual ${kindOf(at)}.`, at);
}
