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
import { checkCalculatedExpression, checkJsonPathAt, ExpressionLanguage, readDefaultLanguage } from './template-expression.rules';
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
  checkExpressions(template, type, language, collector);
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
      };
}

function reportIgnoredExpressions(template: JsonCursor, type: DeviceTemplateType, collector: ProblemCollector): void {
  for (const [key, fixed] of Object.entries(type.ignoredExpressions)) {
    const property = findProperty(template, key);
    if (property !== undefined) {
      collector.warn(`Property '${property.key}' is ignored by ${type.name}; the connector always uses ${fixed}.`, property.keyAt);
    }
  }
}

/** D7 and D9: required expressions are present and non-blank, and every expression parses. */
function checkExpressions(
  template: JsonCursor,
  type: DeviceTemplateType,
  language: ExpressionLanguage | undefined,
  collector: ProblemCollector,
): void {
  for (const key of [...type.requiredExpressions, ...OPTIONAL_EXPRESSIONS]) {
    const required = type.requiredExpressions.includes(key);
    if (language === undefined) {
      const at = required ? requireString(template, key, collector) : optionalString(template, key, collector);
      if (at !== undefined) {
        checkJsonPathAt(at, collector);
      }
      continue;
    }
    const at = findProperty(template, key)?.value;
    if (at === undefined || at.node.type === 'null') {
      if (required && at === undefined) reportMissing(template, key, collector);
      if (required && at !== undefined) collector.error(`Required property '${memberName(key)}' expects a value but got null.`, at);
      continue;
    }
    checkCalculatedExpression(at, key, language, collector);
  }
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
