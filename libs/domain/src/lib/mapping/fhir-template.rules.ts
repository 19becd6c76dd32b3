import { checkCategory, checkCodes } from './fhir-codes.rules';
import { checkFhirValue, optionalComponents } from './fhir-value.rules';
import { findProperty, JsonCursor, kindOf } from './json-cursor';
import { ProblemCollector } from './problem-collector';
import { reportMissing, reportUnknownProperties } from './property-rules';
import { matchesTemplateType, TemplateContainer, templateObjectOf } from './template-collection';

/** What the cross-checks need to know about a FHIR template that loaded. */
export interface FhirTemplateSummary {
  readonly typeName: string;
  readonly typeNameAt: JsonCursor;
  /** The value names it binds: those of `components` when it has them, else that of `value`. */
  readonly valueNames: readonly string[];
  /** `periodInterval` in minutes (-1 = CorrelationId), when it is valid. */
  readonly periodInterval: number;
  /** Where `periodInterval` is, when present. */
  readonly periodIntervalAt?: JsonCursor;
}

const TEMPLATE_KEYS = ['typeName', 'periodInterval', 'codes', 'category', 'value', 'components'];

/** iomt-fhir `ObservationPeriodInterval`. */
const PERIOD_INTERVALS: Readonly<Record<string, number>> = { correlationid: -1, single: 0, hourly: 60, daily: 1440 };

/** Rules F4–F6 and F8–F11 for one element of a FHIR mapping (F7, uniqueness, is collection-wide). */
export function validateFhirTemplate(
  container: TemplateContainer,
  collector: ProblemCollector,
): FhirTemplateSummary | undefined {
  if (!matchesTemplateType('CodeValueFhirTemplate', container.templateType)) {
    const message = `Expected TemplateType value CodeValueFhirTemplate, actual ${container.templateTypeDisplay}.`;
    collector.error(message, container.templateTypeAt);
    return undefined;
  }
  const template = templateObjectOf(container, 'CodeValueFhir', collector);
  if (template === undefined) {
    return undefined;
  }
  reportUnknownProperties(template, TEMPLATE_KEYS, 'CodeValueFhirTemplate', collector);
  const typeNameAt = readTypeName(template, collector);
  checkCodes(template, true, collector);
  checkCategory(template, collector);
  const periodIntervalAt = findProperty(template, 'periodInterval')?.value;
  const periodInterval = periodIntervalAt === undefined ? 0 : readPeriodInterval(periodIntervalAt, collector);
  const valueNames = readValueNames(template, collector);
  if (typeNameAt === undefined || periodInterval === undefined) {
    return undefined;
  }
  return { typeName: String(typeNameAt.node.value), typeNameAt, valueNames, periodInterval, periodIntervalAt };
}

/** F6: `typeName` is a non-blank string; iomt-fhir's lookup rejects blanks with this text. */
function readTypeName(template: JsonCursor, collector: ProblemCollector): JsonCursor | undefined {
  const at = findProperty(template, 'typeName')?.value;
  if (at === undefined) {
    reportMissing(template, 'typeName', collector);
    return undefined;
  }
  if (at.node.type !== 'string') {
    collector.error(`Expected a string for property 'TypeName', actual ${kindOf(at)}.`, at);
    return undefined;
  }
  if (String(at.node.value).trim() === '') {
    collector.error(`Empty type name is not allowed: '${String(at.node.value)}'`, at);
    return undefined;
  }
  return at;
}

/** F10: one of the four intervals, by number or by (case-insensitive) name, as Json.NET reads enums. */
function readPeriodInterval(at: JsonCursor, collector: ProblemCollector): number | undefined {
  const raw = at.node.value;
  const byName = typeof raw === 'string' ? PERIOD_INTERVALS[raw.trim().toLowerCase()] : undefined;
  const byNumber = typeof raw === 'number' || (typeof raw === 'string' && /^\s*-?\d+\s*$/.test(raw)) ? Number(raw) : undefined;
  const interval = byName ?? byNumber;
  if (interval !== undefined && Object.values(PERIOD_INTERVALS).includes(interval)) {
    return interval;
  }
  const shown = at.node.type === 'object' || at.node.type === 'array' ? kindOf(at) : String(raw);
  collector.error(
    `Invalid PeriodInterval ${shown}; expected 0 (Single), 60 (Hourly), 1440 (Daily) or -1 (CorrelationId).`,
    at,
  );
  return undefined;
}

/** F11: `value` and `components`; the names that bind device values, as iomt-fhir's validator picks them. */
function readValueNames(template: JsonCursor, collector: ProblemCollector): string[] {
  const value = findProperty(template, 'value')?.value;
  const valueName = value === undefined || value.node.type === 'null' ? undefined : checkFhirValue(value, collector);
  const componentNames = optionalComponents(template, collector);
  if (componentNames !== undefined) {
    return componentNames;
  }
  return valueName === undefined ? [] : [valueName];
}
