import {
  DeviceTemplateType,
  findDeviceTemplateType,
  knownDeviceTemplateKeys,
  OPTIONAL_EXPRESSIONS,
} from './device-template-types';
import { checkDeviceValues, DeviceValueSummary } from './device-values.rules';
import { findProperty, JsonCursor, stringAt } from './json-cursor';
import { ResolutionType } from './mapping-problem';
import { ProblemCollector } from './problem-collector';
import {
  memberName,
  optionalString,
  reportMissing,
  reportUnknownProperties,
  requireString,
} from './property-rules';
import {
  checkCalculatedExpression,
  checkJsonPathAt,
  ExpressionLanguage,
  readDefaultLanguage,
  TemplateExpressionRef,
} from './template-expression.rules';
import { TemplateContainer, templateObjectOf } from './template-collection';

/** Options of device mapping validation. */
export interface DeviceMappingOptions {
  /** The connector's identity resolution; Create and LookupWithEncounter require more expressions. */
  readonly resolutionType?: ResolutionType;
}

/** What the cross-checks need to know about a device template that loaded. */
export interface DeviceTemplateSummary {
  readonly type: DeviceTemplateType;
  readonly typeName: string;
  readonly typeNameAt: JsonCursor;
  readonly values: readonly DeviceValueSummary[];
  readonly hasCorrelationId: boolean;
  /** Its usable expressions by member name, including those IoT templates fix. */
  readonly expressions: Readonly<Record<string, TemplateExpressionRef>>;
}

/** Expressions each resolution type needs (MedTech docs; iomt-fhir PR #278). */
const REQUIRED_BY_RESOLUTION: Record<ResolutionType, readonly string[]> = {
  Lookup: [],
  Create: ['patientIdExpression'],
  LookupWithEncounter: ['encounterIdExpression'],
};

/**
 * Rules D4–D10 for one element of a device mapping. Returns what the cross-checks need when the
 * template has a usable `typeName`, even if other parts of it are wrong.
 */
export function validateDeviceTemplate(
  container: TemplateContainer,
  options: DeviceMappingOptions,
  collector: ProblemCollector,
): DeviceTemplateSummary | undefined {
  const type = findDeviceTemplateType(container.templateType);
  if (type === undefined) {
    collector.error(`No match found for template type ${container.templateTypeDisplay}.`, container.templateTypeAt);
    return undefined;
  }
  const template = templateObjectOf(container, type.name, collector);
  if (template === undefined) {
    return undefined;
  }
  reportUnknownProperties(template, knownDeviceTemplateKeys(type), type.className, collector);
  reportIgnoredExpressions(template, type, collector);
  const typeNameAt = requireString(template, 'typeName', collector);
  const language = type.calculated ? readDefaultLanguage(template, collector) : undefined;
  const expressions = { ...fixedExpressions(template, type), ...checkExpressions(template, type, language, collector) };
  checkResolutionRequirements(template, options.resolutionType ?? 'Lookup', collector);
  const values = checkDeviceValues(template, type, language, collector);
  const correlationId = findProperty(template, 'correlationIdExpression')?.value;
  return typeNameAt === undefined
    ? undefined
    : {
        type,
        typeName: String(typeNameAt.node.value),
        typeNameAt,
        values,
        hasCorrelationId: correlationId !== undefined && isUsableExpression(correlationId),
        expressions,
      };
}

/** The expressions IoT templates always use, located at the template. */
function fixedExpressions(template: JsonCursor, type: DeviceTemplateType): Record<string, TemplateExpressionRef> {
  return Object.fromEntries(
    Object.entries(type.ignoredExpressions).map(([key, text]) => [key, { text, language: 'JsonPath' as const, at: template }]),
  );
}

function reportIgnoredExpressions(template: JsonCursor, type: DeviceTemplateType, collector: ProblemCollector): void {
  for (const [key, fixed] of Object.entries(type.ignoredExpressions)) {
    const property = findProperty(template, key);
    if (property !== undefined) {
      collector.warn(`Property '${property.key}' is ignored by ${type.name}; the connector always uses ${fixed}.`, property.keyAt);
    }
  }
}

/**
 * D7 and D9: required expressions are present and non-blank, and every expression parses.
 * Returns the usable ones by member name.
 */
function checkExpressions(
  template: JsonCursor,
  type: DeviceTemplateType,
  language: ExpressionLanguage | undefined,
  collector: ProblemCollector,
): Record<string, TemplateExpressionRef> {
  const found: Record<string, TemplateExpressionRef> = {};
  for (const key of [...type.requiredExpressions, ...OPTIONAL_EXPRESSIONS]) {
    const required = type.requiredExpressions.includes(key);
    const expression = language === undefined
      ? checkJsonPathExpression(template, key, required, collector)
      : checkCalculatedMember(template, key, required, language, collector);
    if (expression !== undefined) {
      found[key] = expression;
    }
  }
  return found;
}

function checkJsonPathExpression(
  template: JsonCursor,
  key: string,
  required: boolean,
  collector: ProblemCollector,
): TemplateExpressionRef | undefined {
  const at = required ? requireString(template, key, collector) : optionalString(template, key, collector);
  return at === undefined ? undefined : checkJsonPathAt(at, collector);
}

function checkCalculatedMember(
  template: JsonCursor,
  key: string,
  required: boolean,
  language: ExpressionLanguage,
  collector: ProblemCollector,
): TemplateExpressionRef | undefined {
  const at = findProperty(template, key)?.value;
  if (at === undefined) {
    if (required) reportMissing(template, key, collector);
    return undefined;
  }
  if (at.node.type === 'null') {
    if (required) collector.error(`Required property '${memberName(key)}' expects a value but got null.`, at);
    return undefined;
  }
  return checkCalculatedExpression(at, key, language, collector);
}

/** D10: expressions the resolution type needs must be there and usable. */
function checkResolutionRequirements(template: JsonCursor, resolution: ResolutionType, collector: ProblemCollector): void {
  for (const key of REQUIRED_BY_RESOLUTION[resolution]) {
    const at = findProperty(template, key)?.value;
    if (at === undefined || !isUsableExpression(at)) {
      const message = `Property '${memberName(key)}' is required when the resolution type is ${resolution}.`;
      collector.error(message, at ?? template, [...template.path, key]);
    }
  }
}

/** A non-blank string, or an object holding a non-blank `value` string. */
function isUsableExpression(at: JsonCursor): boolean {
  const text = at.node.type === 'object' ? stringAt(findProperty(at, 'value')?.value) : stringAt(at);
  return text !== undefined && text.trim() !== '';
}
