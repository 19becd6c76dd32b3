import { DeviceMappingOptions, DeviceTemplateSummary } from './device-template.rules';
import { DeviceValueSummary } from './device-values.rules';
import { JsonDocumentRef } from './json-cursor';
import { TextLocator } from './json-text';
import { hasMappingErrors, MappingProblem } from './mapping-problem';
import { memberName } from './property-rules';
import { ProblemCollector } from './problem-collector';
import { ExtractionError, selectAll, selectText } from './template-expression.evaluator';
import { TemplateExpressionRef } from './template-expression.rules';
import { analyzeDeviceMapping } from './validate-device-mapping';

/** A normalized measurement (iomt-fhir `Measurement`, MedTech `MedtechMeasurement`). */
export interface Measurement {
  readonly type: string;
  /** ISO 8601, UTC. */
  readonly occurrenceTimeUtc: string;
  readonly deviceId: string;
  readonly patientId?: string;
  readonly encounterId?: string;
  readonly correlationId?: string;
  readonly properties: readonly { readonly name: string; readonly value: string }[];
}

/** What one device event became: its measurements and the problems met on the way. */
export interface DeviceEventResult {
  readonly deviceEvent: unknown;
  readonly measurements: readonly Measurement[];
  /** NORMALIZATION problems, located at the mapping expression that failed. */
  readonly problems: readonly MappingProblem[];
}

/** The mapping's own problems, and one result per device event when the mapping has no ERROR. */
export interface NormalizationResult {
  readonly problems: readonly MappingProblem[];
  readonly deviceResults: readonly DeviceEventResult[];
}

export const NO_MEASUREMENTS = 'No measurements were produced for the given device data.';

/**
 * Runs sample device events through a device mapping, as the MedTech mapping debugger does
 * (iomt-fhir `MappingValidator`, step 5): each template's typeMatchExpression selects tokens, and
 * from each token the device id, timestamp, patient, encounter, correlation id and values are
 * extracted. CalculatedContent evaluates against the event with the token added as `matchedToken`;
 * the other types evaluate against the token itself. An event is `{ Body, Properties,
 * SystemProperties }` as the connector sees an Event Hubs message. JSONPath runs on jsonpath-plus
 * with Json.NET's meaning restored (see jsonpath-dialect.ts); JMESPath has iomt-fhir's functions.
 */
export function normalizeDeviceEvents(
  deviceMapping: string,
  deviceEvents: readonly unknown[],
  options: DeviceMappingOptions = {},
): NormalizationResult {
  const analysis = analyzeDeviceMapping(deviceMapping, options);
  if (hasMappingErrors(analysis.problems)) {
    return { problems: analysis.problems, deviceResults: [] };
  }
  const document: JsonDocumentRef = { kind: 'deviceMapping', locator: new TextLocator(deviceMapping) };
  const deviceResults = deviceEvents.map((event) => normalizeEvent(event, analysis.templates, document));
  return { problems: analysis.problems, deviceResults };
}

function normalizeEvent(
  deviceEvent: unknown,
  templates: readonly DeviceTemplateSummary[],
  document: JsonDocumentRef,
): DeviceEventResult {
  const collector = new ProblemCollector('NORMALIZATION');
  const measurements: Measurement[] = [];
  for (const template of templates) {
    try {
      const match = template.expressions['typeMatchExpression'];
      for (const token of match === undefined ? [] : selectAll(match, deviceEvent, 'TypeMatchExpression')) {
        const scope = template.type.calculated ? { ...asObject(deviceEvent), matchedToken: token } : token;
        measurements.push(extractMeasurement(template, scope));
      }
    } catch (error) {
      if (!(error instanceof ExtractionError)) throw error;
      collector.error(error.message, error.at);
    }
  }
  if (measurements.length === 0 && collector.problems.length === 0) {
    collector.report('WARN', NO_MEASUREMENTS, document, 0, []);
  }
  return { deviceEvent, measurements, problems: collector.problems };
}

function asObject(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function extractMeasurement(template: DeviceTemplateSummary, scope: unknown): Measurement {
  const expressions = template.expressions;
  const optional = (key: string, required = false) => {
    const expression = expressions[key];
    if (expression === undefined) return undefined;
    return required ? requiredText(expression, scope, memberName(key)) : selectText(expression, scope, memberName(key));
  };
  const deviceId = expressions['deviceIdExpression'];
  if (deviceId === undefined) {
    throw new ExtractionError('An expression must be set for [DeviceIdExpression]', template.typeNameAt);
  }
  return {
    type: template.typeName,
    occurrenceTimeUtc: timestampOf(template, scope),
    deviceId: requiredText(deviceId, scope, 'DeviceIdExpression'),
    ...definedOnly({
      patientId: optional('patientIdExpression'),
      encounterId: optional('encounterIdExpression'),
      correlationId: optional('correlationIdExpression', true),
    }),
    properties: template.values.flatMap((value) => propertyOf(value, scope)),
  };
}

function definedOnly(record: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/** A value that must be there and not be blank (iomt-fhir `IncompatibleDataException` texts). */
function requiredText(expression: TemplateExpressionRef, scope: unknown, member: string, found?: string): string {
  const text = found ?? selectText(expression, scope, member);
  if (text === undefined) {
    throw new ExtractionError(`Unable to extract required value for [${member}] using ${expression.text}`, expression.at);
  }
  if (text.trim() === '') {
    throw new ExtractionError(`A null or empty value was supplied for the required field [${member}]`, expression.at);
  }
  return text;
}

/** The timestamp as ISO 8601 UTC, falling back to the IoT Hub enqueued time where the type does. */
function timestampOf(template: DeviceTemplateSummary, scope: unknown): string {
  const expression = template.expressions['timestampExpression'];
  if (expression === undefined) {
    throw new ExtractionError('An expression must be set for [TimestampExpression]', template.typeNameAt);
  }
  const alternate = template.type.alternateTimestampExpression;
  const candidates = alternate === undefined ? [expression] : [expression, { ...expression, text: alternate }];
  const found = candidates.map((candidate) => selectText(candidate, scope, 'TimestampExpression')).find((text) => text !== undefined);
  const text = requiredText(expression, scope, 'TimestampExpression', found);
  const time = Date.parse(text);
  if (Number.isNaN(time)) {
    throw new ExtractionError(
      `Unable to read '${text}', extracted for [TimestampExpression] using ${expression.text}, as a date and time`,
      expression.at,
    );
  }
  return new Date(time).toISOString();
}

function propertyOf(value: DeviceValueSummary, scope: unknown): { name: string; value: string }[] {
  if (value.expression === undefined) {
    return [];
  }
  const text = selectText(value.expression, scope, value.name);
  if (text === undefined && value.required) {
    throw new ExtractionError(`Unable to extract required value for [${value.name}] using ${value.expression.text}`, value.expression.at);
  }
  return text === undefined ? [] : [{ name: value.name, value: text }];
}
