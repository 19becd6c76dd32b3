import { ResolutionType } from './mapping-problem';
import { validateDeviceMapping } from './validate-device-mapping';
import { deviceMappingWith, ExpectedProblem, located, members, unmark } from './test-support/marked-text';

const ERROR = 'ERROR' as const;
const WARN = 'WARN' as const;
const T = '$.template[0].template';

const TYPE_NAME = '"typeName": "heartrate"';
const MATCH = '"typeMatchExpression": "$..[?(@heartRate)]"';
const DEVICE = '"deviceIdExpression": "$.matchedToken.deviceId"';
const TIME = '"timestampExpression": "$.matchedToken.endDate"';
const NO_VALUES = '"values": []';
const JMES = '"defaultExpressionLanguage": "JmesPath"';

describe('validateDeviceMapping: expressions (rule D9)', () => {
  it.each<[string, string, string, ExpectedProblem]>([
    ['a JMESPath expression that does not parse', 'CalculatedContent', members(TYPE_NAME, MATCH, DEVICE, '"timestampExpression": { "value": ¦"fromUnixTimestamp(matchedToken.time", "language": "JmesPath" }', NO_VALUES),
      { message: 'The following JmesPath expression could not be parsed: fromUnixTimestamp(matchedToken.time. Cause: Syntax error: invalid token (EOF): ""', level: ERROR, path: `${T}.timestampExpression.value` }],
    ['a JMESPath default language applied to a JSONPath string', 'CalculatedContent', members(TYPE_NAME, JMES, '"typeMatchExpression": ¦"$..[?(@heartRate)]"', '"deviceIdExpression": "matchedToken.deviceId"', '"timestampExpression": "matchedToken.endDate"', NO_VALUES),
      { message: 'The following JmesPath expression could not be parsed: $..[?(@heartRate)]. Cause: Syntax error, unexpected token: .(Dot)', level: ERROR, path: `${T}.typeMatchExpression` }],
    ['a JSONPath expression with an open indexer', 'CalculatedContent', members(TYPE_NAME, MATCH, '"deviceIdExpression": ¦"$.matchedToken[\'deviceId"', TIME, NO_VALUES),
      { message: "The following JsonPath expression could not be parsed: $.matchedToken['deviceId. Cause: Path ended with open indexer.", level: ERROR, path: `${T}.deviceIdExpression` }],
    ['a JSONPath filter that does not compile', 'JsonPathContent', members(TYPE_NAME, '"typeMatchExpression": ¦"$..[?(@heartRate >)]"', DEVICE, TIME),
      { message: 'The following JsonPath expression could not be parsed: $..[?(@heartRate >)]. Cause: Invalid filter ?(@heartRate >): Expected expression after >', level: ERROR, path: `${T}.typeMatchExpression` }],
    ['a JSONPath value expression with a script indexer', 'IotJsonPathContent', members(TYPE_NAME, MATCH, '"values": [{ "valueName": "hr", "valueExpression": ¦"$.Body.samples[(@.length-1)]" }]'),
      { message: 'The following JsonPath expression could not be parsed: $.Body.samples[(@.length-1)]. Cause: Script expressions like [(@.length-1)] are not supported; use an index or a filter ?(...)', level: ERROR, path: `${T}.values[0].valueExpression` }],
    ['an expression object without value', 'CalculatedContent', members(TYPE_NAME, MATCH, DEVICE, '"timestampExpression": ¦{ "language": "JmesPath" }', NO_VALUES),
      { message: "Required property 'Value' not found in JSON.", level: ERROR, path: `${T}.timestampExpression.value` }],
    ['an expression that is a number', 'CalculatedContent', members(TYPE_NAME, MATCH, '"deviceIdExpression": ¦7', TIME, NO_VALUES),
      { message: "Expected a string or an object with value and language for expression 'DeviceIdExpression', actual Number.", level: ERROR, path: `${T}.deviceIdExpression` }],
    ['an expression object whose value is not a string', 'CalculatedContent', members(TYPE_NAME, MATCH, '"deviceIdExpression": { "value": ¦["a"] }', TIME, NO_VALUES),
      { message: "Expected a string for expression 'DeviceIdExpression', actual Array.", level: ERROR, path: `${T}.deviceIdExpression.value` }],
    ['an unknown expression language', 'CalculatedContent', members(TYPE_NAME, MATCH, '"deviceIdExpression": { "value": "$.matchedToken.id", "language": ¦"XPath" }', TIME, NO_VALUES),
      { message: 'Error converting value "XPath" to type \'TemplateExpressionLanguage\'. Expected JsonPath or JmesPath.', level: ERROR, path: `${T}.deviceIdExpression.language` }],
    ['an unknown default language', 'CalculatedContent', members(TYPE_NAME, '"defaultExpressionLanguage": ¦"Jq"', MATCH, DEVICE, TIME, NO_VALUES),
      { message: 'Error converting value "Jq" to type \'TemplateExpressionLanguage\'. Expected JsonPath or JmesPath.', level: ERROR, path: `${T}.defaultExpressionLanguage` }],
    ['an extra member of an expression object', 'CalculatedContent', members(TYPE_NAME, MATCH, DEVICE, '"timestampExpression": { "value": "$.matchedToken.t", ¦"format": "iso" }', NO_VALUES),
      { message: "Property 'format' is not used by TemplateExpression and is ignored.", level: WARN, path: `${T}.timestampExpression.format` }],
    ['a function neither JMESPath nor iomt-fhir defines', 'CalculatedContent', members(TYPE_NAME, MATCH, DEVICE, TIME, '"values": [{ "valueName": "hr", "valueExpression": { "value": ¦"toCelsius(matchedToken.f)", "language": "JmesPath" } }]'),
      { message: "The JmesPath expression toCelsius(matchedToken.f) calls 'toCelsius', which is neither a JMESPath built-in function nor an iomt-fhir custom function.", level: WARN, path: `${T}.values[0].valueExpression.value` }],
    ['JMESPath Community arithmetic', 'CalculatedContent', members(TYPE_NAME, JMES, '"typeMatchExpression": { "value": "$..[?(@f)]", "language": "JsonPath" }', '"deviceIdExpression": "matchedToken.id"', '"timestampExpression": "matchedToken.t"', '"values": [{ "valueName": "c", "valueExpression": ¦"(matchedToken.f - `32`) * `5`" }]'),
      { message: 'The JmesPath expression (matchedToken.f - `32`) * `5` uses arithmetic operators, which the JMESPath specification does not define; the connector may fail to parse it.', level: WARN, path: `${T}.values[0].valueExpression` }],
  ])('%s', (_case, templateType, body, expected) => {
    const at = unmark(deviceMappingWith(templateType, body));
    expect(validateDeviceMapping(at.text)).toEqual([located(expected, at, 'NORMALIZATION')]);
  });

  it('accepts iomt-fhir custom functions, language names in any case, and the object form', () => {
    const body = members(
      TYPE_NAME,
      '"defaultExpressionLanguage": "jmespath"',
      '"typeMatchExpression": { "value": "$..[?(@heartRate)]", "language": "JSONPATH" }',
      '"deviceIdExpression": "insertString(matchedToken.id, \'-\', `2`)"',
      '"timestampExpression": "fromUnixTimestamp(matchedToken.epoch)"',
      '"values": [{ "valueName": "hr", "valueExpression": "divide(add(matchedToken.a, matchedToken.b), `2`)", "required": true }]',
    );
    expect(validateDeviceMapping(unmark(deviceMappingWith('CalculatedContent', body)).text)).toEqual([]);
  });
});

describe('validateDeviceMapping: resolution type (rule D10)', () => {
  const minimal = members(TYPE_NAME, MATCH, DEVICE, TIME, NO_VALUES);

  it.each<[ResolutionType, string, string, ExpectedProblem]>([
    ['Create', 'no patientIdExpression', minimal,
      { message: "Property 'PatientIdExpression' is required when the resolution type is Create.", level: ERROR, path: `${T}.patientIdExpression` }],
    ['Create', 'a blank patientIdExpression', members(TYPE_NAME, MATCH, DEVICE, TIME, '"patientIdExpression": ¦{ "value": "" }', NO_VALUES),
      { message: "Property 'PatientIdExpression' is required when the resolution type is Create.", level: ERROR, path: `${T}.patientIdExpression` }],
    ['LookupWithEncounter', 'no encounterIdExpression', minimal,
      { message: "Property 'EncounterIdExpression' is required when the resolution type is LookupWithEncounter.", level: ERROR, path: `${T}.encounterIdExpression` }],
  ])('%s with %s', (resolutionType, _case, body, expected) => {
    const at = unmark(deviceMappingWith('CalculatedContent', body));
    const problems = validateDeviceMapping(at.text, { resolutionType });
    expect(problems).toContainEqual(located(expected, at, 'NORMALIZATION'));
    expect(problems.filter((problem) => problem.message.includes('resolution type'))).toHaveLength(1);
  });

  it.each<[ResolutionType | undefined, string]>([
    [undefined, minimal],
    ['Lookup', minimal],
    ['Create', members(TYPE_NAME, MATCH, DEVICE, TIME, '"patientIdExpression": "$.matchedToken.patient"', NO_VALUES)],
    ['LookupWithEncounter', members(TYPE_NAME, MATCH, DEVICE, TIME, '"encounterIdExpression": "$.matchedToken.encounter"', NO_VALUES)],
  ])('resolution %s is satisfied', (resolutionType, body) => {
    const text = unmark(deviceMappingWith('CalculatedContent', body)).text;
    expect(validateDeviceMapping(text, { resolutionType })).toEqual([]);
  });
});
