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
const VALUE = '"valueExpression": "$.matchedToken.heartRate"';

describe('validateDeviceMapping: each template (rules D4-D8)', () => {
  it.each<[string, string, string, string, ExpectedProblem]>([
    ['D4', 'an unknown template type', '¦HeartRateContent', members(TYPE_NAME),
      { message: 'No match found for template type HeartRateContent.', level: ERROR, path: '$.template[0].templateType' }],
    ['D6', 'an unknown member (iomt-fhir test input)', 'CalculatedContent', members(TYPE_NAME, MATCH, DEVICE, TIME, NO_VALUES, '¦"typeMatchExpressionFake": "$.x"'),
      { message: "Could not find member 'typeMatchExpressionFake' on object of type 'CalculatedFunctionContentTemplate'.", level: ERROR, path: `${T}.typeMatchExpressionFake` }],
    ['D6', 'a member of another type', 'IotJsonPathContent', members(TYPE_NAME, MATCH, '¦"defaultExpressionLanguage": "JmesPath"'),
      { message: "Could not find member 'defaultExpressionLanguage' on object of type 'IotJsonPathContentTemplate'.", level: ERROR, path: `${T}.defaultExpressionLanguage` }],
    ['D6', 'a device id IoT Hub templates ignore', 'IotJsonPathContent', members(TYPE_NAME, MATCH, '¦"deviceIdExpression": "$.Body.deviceId"'),
      { message: "Property 'deviceIdExpression' is ignored by IotJsonPathContent; the connector always uses $.SystemProperties.iothub-connection-device-id.", level: WARN, path: `${T}.deviceIdExpression` }],
    ['D6', 'a timestamp IoT Central templates ignore', 'IotCentralJsonPathContent', members(TYPE_NAME, MATCH, '¦"timestampExpression": "$.Body.time"'),
      { message: "Property 'timestampExpression' is ignored by IotCentralJsonPathContent; the connector always uses $.enqueuedTime.", level: WARN, path: `${T}.timestampExpression` }],
    ['D7', 'no typeName', 'CalculatedContent', members(MATCH, DEVICE, TIME, NO_VALUES),
      { message: "Required property 'TypeName' not found in JSON.", level: ERROR, path: `${T}.typeName` }],
    ['D7', 'a blank typeName', 'JsonPathContent', members('"typeName": ¦"  "', MATCH, DEVICE, TIME),
      { message: "Required property 'TypeName' must not be empty.", level: ERROR, path: `${T}.typeName` }],
    ['D7', 'a numeric typeName', 'JsonPathContent', members('"typeName": ¦42', MATCH, DEVICE, TIME),
      { message: "Expected a string for property 'TypeName', actual Number.", level: ERROR, path: `${T}.typeName` }],
    ['D7', 'no typeMatchExpression', 'CalculatedContent', members(TYPE_NAME, DEVICE, TIME, NO_VALUES),
      { message: "Required property 'TypeMatchExpression' not found in JSON.", level: ERROR, path: `${T}.typeMatchExpression` }],
    ['D7', 'no typeMatchExpression (IoT Hub)', 'IotJsonPathContent', members(TYPE_NAME),
      { message: "Required property 'TypeMatchExpression' not found in JSON.", level: ERROR, path: `${T}.typeMatchExpression` }],
    ['D7', 'no deviceIdExpression', 'JsonPathContent', members(TYPE_NAME, MATCH, TIME),
      { message: "Required property 'DeviceIdExpression' not found in JSON.", level: ERROR, path: `${T}.deviceIdExpression` }],
    ['D7', 'no timestampExpression', 'CalculatedContent', members(TYPE_NAME, MATCH, DEVICE, NO_VALUES),
      { message: "Required property 'TimestampExpression' not found in JSON.", level: ERROR, path: `${T}.timestampExpression` }],
    ['D7', 'a null deviceIdExpression', 'CalculatedContent', members(TYPE_NAME, MATCH, '"deviceIdExpression": ¦null', TIME, NO_VALUES),
      { message: "Required property 'DeviceIdExpression' expects a value but got null.", level: ERROR, path: `${T}.deviceIdExpression` }],
    ['D7', 'an empty timestampExpression', 'JsonPathContent', members(TYPE_NAME, MATCH, DEVICE, '"timestampExpression": ¦""'),
      { message: "Required property 'TimestampExpression' must not be empty.", level: ERROR, path: `${T}.timestampExpression` }],
    ['D7', 'an empty calculated timestampExpression', 'CalculatedContent', members(TYPE_NAME, MATCH, DEVICE, '"timestampExpression": ¦" "', NO_VALUES),
      { message: 'Unable to create the template; the expression for [TimestampExpression] is missing', level: ERROR, path: `${T}.timestampExpression` }],
    ['D7', 'an empty optional expression', 'JsonPathContent', members(TYPE_NAME, MATCH, DEVICE, TIME, '"correlationIdExpression": ¦""'),
      { message: "Property 'CorrelationIdExpression' is empty and is ignored.", level: WARN, path: `${T}.correlationIdExpression` }],
    ['D8', 'values that are an object', 'JsonPathContent', members(TYPE_NAME, MATCH, DEVICE, TIME, '"values": ¦{}'),
      { message: "Expected an array for property 'Values', actual Object.", level: ERROR, path: `${T}.values` }],
    ['D8', 'no values in CalculatedContent', 'CalculatedContent', members(TYPE_NAME, MATCH, DEVICE, TIME),
      { message: "Property 'Values' is required for template type CalculatedContent; use an empty array when there is nothing to extract.", level: ERROR, path: `${T}.values` }],
    ['D8', 'a value that is a string', 'CalculatedContent', members(TYPE_NAME, MATCH, DEVICE, TIME, '"values": [¦"hr"]'),
      { message: "Expected an object for each item of 'Values', actual String.", level: ERROR, path: `${T}.values[0]` }],
    ['D8', 'a value without valueName', 'CalculatedContent', members(TYPE_NAME, MATCH, DEVICE, TIME, `"values": [¦{ ${VALUE} }]`),
      { message: "Required property 'ValueName' not found in JSON.", level: ERROR, path: `${T}.values[0].valueName` }],
    ['D8', 'a value without valueExpression', 'JsonPathContent', members(TYPE_NAME, MATCH, DEVICE, TIME, '"values": [¦{ "valueName": "hr" }]'),
      { message: "Required property 'ValueExpression' not found in JSON.", level: ERROR, path: `${T}.values[0].valueExpression` }],
    ['D8', 'a blank valueName', 'JsonPathContent', members(TYPE_NAME, MATCH, DEVICE, TIME, `"values": [{ "valueName": ¦"", ${VALUE} }]`),
      { message: "Required property 'ValueName' must not be empty.", level: ERROR, path: `${T}.values[0].valueName` }],
    ['D8', 'required as the string "true"', 'JsonPathContent', members(TYPE_NAME, MATCH, DEVICE, TIME, `"values": [{ "valueName": "hr", ${VALUE}, "required": ¦"true" }]`),
      { message: 'Property \'Required\' should be a boolean (true), not the string "true".', level: WARN, path: `${T}.values[0].required` }],
    ['D8', 'required as a number', 'CalculatedContent', members(TYPE_NAME, MATCH, DEVICE, TIME, `"values": [{ "valueName": "hr", ${VALUE}, "required": ¦1 }]`),
      { message: "Expected a boolean for property 'Required', actual Number.", level: ERROR, path: `${T}.values[0].required` }],
    ['D8', 'an unknown member of a value', 'JsonPathContent', members(TYPE_NAME, MATCH, DEVICE, TIME, `"values": [{ "valueName": "hr", ${VALUE}, ¦"unit": "bpm" }]`),
      { message: "Could not find member 'unit' on object of type 'JsonPathValueExpression'.", level: ERROR, path: `${T}.values[0].unit` }],
  ])('%s: %s', (_rule, _case, templateType, body, expected) => {
    const at = unmark(deviceMappingWith(templateType, body));
    expect(validateDeviceMapping(at.text)).toEqual([located(expected, at, 'NORMALIZATION')]);
  });

  it.each<[string, string, ExpectedProblem]>([
    ['D4: a missing templateType', '{"templateType": "CollectionContent", "template": [¦{"template": {}}]}',
      { message: 'No match found for template type Not Found.', level: ERROR, path: '$.template[0].templateType' }],
    ['D5: a template that is a string', '{"templateType": "CollectionContent", "template": [{"templateType": "CalculatedContent", "template": ¦"hr"}]}',
      { message: 'Expected an object for the template property value for template type CalculatedContent.', level: ERROR, path: '$.template[0].template' }],
    ['D5: a missing template', '{"templateType": "CollectionContent", "template": [¦{"templateType": "JsonPathContentTemplate"}]}',
      { message: 'Expected an object for the template property value for template type JsonPathContent.', level: ERROR, path: '$.template[0].template' }],
  ])('%s', (_case, marked, expected) => {
    const at = unmark(marked);
    expect(validateDeviceMapping(at.text)).toEqual([located(expected, at, 'NORMALIZATION')]);
  });

  it.each([
    ['IotJsonPathContent', members(TYPE_NAME, MATCH)],
    ['IotCentralJsonPathContentTemplate', members(TYPE_NAME, '"typeMatchExpression": "$..[?(@telemetry.HeartRate)]"')],
    ['calculatedcontent', members(TYPE_NAME, MATCH, DEVICE, TIME, NO_VALUES)],
    ['JsonPathContent', members('"TypeName": "heartrate"', '"TypeMatchExpression": "$..[?(@heartRate)]"', DEVICE, TIME)],
  ])('accepts a minimal %s template (members bind case-insensitively, as in Json.NET)', (templateType, body) => {
    expect(validateDeviceMapping(unmark(deviceMappingWith(templateType, body)).text)).toEqual([]);
  });

  it('collects the problems of every template, not only the first', () => {
    const text = `{"templateType": "CollectionContent", "template": [
      {"templateType": "Bogus", "template": {}},
      {"templateType": "JsonPathContent", "template": {"typeName": "a", "typeMatchExpression": "$.a", "deviceIdExpression": "$.d"}}
    ]}`;
    expect(validateDeviceMapping(text).map((problem) => [problem.path, problem.message])).toEqual([
      ['$.template[0].templateType', 'No match found for template type Bogus.'],
      ['$.template[1].template.timestampExpression', "Required property 'TimestampExpression' not found in JSON."],
    ]);
  });
});
