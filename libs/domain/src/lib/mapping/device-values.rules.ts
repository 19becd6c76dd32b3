import { DeviceTemplateType } from './device-template-types';
import { findProperty, itemsOf, JsonCursor, kindOf, stringAt } from './json-cursor';
import { ProblemCollector } from './problem-collector';
import { memberName, optionalArray, reportMissing, reportUnknownProperties, requireString } from './property-rules';
import {
  checkCalculatedExpression,
  checkJsonPathAt,
  ExpressionLanguage,
  TemplateExpressionRef,
} from './template-expression.rules';

/** A value a device template extracts, named for the FHIR mapping. */
export interface DeviceValueSummary {
  readonly name: string;
  readonly nameAt: JsonCursor;
  readonly expression?: TemplateExpressionRef;
  /** Whether a device event must carry the value. */
  readonly required: boolean;
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
  const expression = checkValueExpression(item, language, collector);
  const required = checkRequiredFlag(item, collector);
  return nameAt === undefined ? [] : [{ name: String(nameAt.node.value), nameAt, expression, required }];
}

function checkValueExpression(
  item: JsonCursor,
  language: ExpressionLanguage | undefined,
  collector: ProblemCollector,
): TemplateExpressionRef | undefined {
  if (language === undefined) {
    const at = requireString(item, 'valueExpression', collector);
    return at === undefined ? undefined : checkJsonPathAt(at, collector);
  }
  const at = findProperty(item, 'valueExpression')?.value;
  if (at === undefined) {
    reportMissing(item, 'valueExpression', collector);
    return undefined;
  }
  if (at.node.type === 'null') {
    collector.error(`Required property 'ValueExpression' expects a value but got null.`, at);
    return undefined;
  }
  return checkCalculatedExpression(at, 'valueExpression', language, collector);
}

/**
 * `required` is a boolean (false when absent); Json.NET also converts "true"/"false", which the
 * mapping debugger flags. Returns the flag as the connector reads it.
 */
function checkRequiredFlag(item: JsonCursor, collector: ProblemCollector): boolean {
  const at = findProperty(item, 'required')?.value;
  if (at === undefined || at.node.type === 'boolean') {
    return at?.node.value === true;
  }
  const text = stringAt(at)?.trim().toLowerCase();
  if (text === 'true' || text === 'false') {
    collector.warn(`Property 'Required' should be a boolean (${text}), not the string "${stringAt(at)}".`, at);
    return text === 'true';
  }
  collector.error(`Expected a boolean for property '${memberName('required')}', actual ${kindOf(at)}.`, at);
  return false;
}
