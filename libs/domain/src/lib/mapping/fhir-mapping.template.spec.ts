import { validateFhirMapping } from './validate-fhir-mapping';
import { ExpectedProblem, fhirMappingWith, located, members, unmark } from './test-support/marked-text';

const ERROR = 'ERROR' as const;
const WARN = 'WARN' as const;
const T = '$.template[0].template';

const TYPE_NAME = '"typeName": "heartrate"';
const CODES = '"codes": [{ "code": "8867-4", "system": "http://loinc.org", "display": "Heart rate" }]';
const QUANTITY = '{ "valueType": "Quantity", "valueName": "hr", "unit": "count/min" }';

describe('validateFhirMapping: each template (rules F6, F8-F11)', () => {
  it.each<[string, string, string, ExpectedProblem]>([
    ['F6', 'no typeName', members(CODES),
      { message: "Required property 'TypeName' not found in JSON.", level: ERROR, path: `${T}.typeName` }],
    ['F6', 'a blank typeName', members('"typeName": ¦" "', CODES),
      { message: "Empty type name is not allowed: ' '", level: ERROR, path: `${T}.typeName` }],
    ['F6', 'a typeName that is an object', members('"typeName": ¦{}', CODES),
      { message: "Expected a string for property 'TypeName', actual Object.", level: ERROR, path: `${T}.typeName` }],
    ['F6', 'an unknown member', members(TYPE_NAME, CODES, '¦"valueName": "hr"'),
      { message: "Could not find member 'valueName' on object of type 'CodeValueFhirTemplate'.", level: ERROR, path: `${T}.valueName` }],
    ['F8', 'no codes', members(TYPE_NAME),
      { message: "Required property 'Codes' not found in JSON.", level: ERROR, path: `${T}.codes` }],
    ['F8', 'null codes', members(TYPE_NAME, '"codes": ¦null'),
      { message: "Required property 'Codes' expects a value but got null.", level: ERROR, path: `${T}.codes` }],
    ['F8', 'codes that are an object', members(TYPE_NAME, '"codes": ¦{ "code": "8867-4" }'),
      { message: "Expected an array for property 'Codes', actual Object.", level: ERROR, path: `${T}.codes` }],
    ['F8', 'a code that is a string', members(TYPE_NAME, '"codes": [¦"8867-4"]'),
      { message: "Expected an object for each item of 'Codes', actual String.", level: ERROR, path: `${T}.codes[0]` }],
    ['F8', 'a numeric code', members(TYPE_NAME, '"codes": [{ "code": ¦8867 }]'),
      { message: "Expected a string for property 'Code', actual Number.", level: ERROR, path: `${T}.codes[0].code` }],
    ['F8', 'an unknown member of a code', members(TYPE_NAME, '"codes": [{ "code": "8867-4", ¦"version": "2.74" }]'),
      { message: "Could not find member 'version' on object of type 'FhirCode'.", level: ERROR, path: `${T}.codes[0].version` }],
    ['F9', 'a category object', members(TYPE_NAME, CODES, '"category": ¦{ "text": "vitals" }'),
      { message: "Expected an array for property 'Category', actual Object.", level: ERROR, path: `${T}.category` }],
    ['F9', 'a category with a numeric text', members(TYPE_NAME, CODES, '"category": [{ "text": ¦1 }]'),
      { message: "Expected a string for property 'Text', actual Number.", level: ERROR, path: `${T}.category[0].text` }],
    ['F9', 'a category code without an object', members(TYPE_NAME, CODES, '"category": [{ "codes": [¦true] }]'),
      { message: "Expected an object for each item of 'Codes', actual Boolean.", level: ERROR, path: `${T}.category[0].codes[0]` }],
    ['F9', 'an unknown member of a category', members(TYPE_NAME, CODES, '"category": [{ ¦"coding": [] }]'),
      { message: "Could not find member 'coding' on object of type 'FhirCodeableConcept'.", level: ERROR, path: `${T}.category[0].coding` }],
    ['F10', 'an hourly interval of 30 minutes', members(TYPE_NAME, CODES, '"periodInterval": ¦30'),
      { message: 'Invalid PeriodInterval 30; expected 0 (Single), 60 (Hourly), 1440 (Daily) or -1 (CorrelationId).', level: ERROR, path: `${T}.periodInterval` }],
    ['F10', 'an unknown interval name', members(TYPE_NAME, CODES, '"periodInterval": ¦"Weekly"'),
      { message: 'Invalid PeriodInterval Weekly; expected 0 (Single), 60 (Hourly), 1440 (Daily) or -1 (CorrelationId).', level: ERROR, path: `${T}.periodInterval` }],
    ['F10', 'a null interval', members(TYPE_NAME, CODES, '"periodInterval": ¦null'),
      { message: 'Invalid PeriodInterval null; expected 0 (Single), 60 (Hourly), 1440 (Daily) or -1 (CorrelationId).', level: ERROR, path: `${T}.periodInterval` }],
    ['F11', 'a value that is a string', members(TYPE_NAME, CODES, '"value": ¦"hr"'),
      { message: "Expected an object for property 'Value', actual String.", level: ERROR, path: `${T}.value` }],
    ['F11', 'an unknown valueType', members(TYPE_NAME, CODES, '"value": { "valueType": ¦"Integer", "valueName": "hr" }'),
      { message: "Unknown valueType 'Integer'; expected one of SampledData, Quantity, String, CodeableConcept.", level: ERROR, path: `${T}.value.valueType` }],
    ['F11', 'a value without valueType', members(TYPE_NAME, CODES, '"value": ¦{ "valueName": "hr" }'),
      { message: "Required property 'ValueType' not found in JSON.", level: ERROR, path: `${T}.value.valueType` }],
    ['F11', 'a value without valueName', members(TYPE_NAME, CODES, '"value": ¦{ "valueType": "String" }'),
      { message: "Required property 'ValueName' not found in JSON.", level: ERROR, path: `${T}.value.valueName` }],
    ['F11', 'SampledData without defaultPeriod', members(TYPE_NAME, CODES, '"value": ¦{ "valueType": "SampledData", "valueName": "hr", "unit": "count/min" }'),
      { message: "Property 'DefaultPeriod' is required for valueType SampledData.", level: ERROR, path: `${T}.value.defaultPeriod` }],
    ['F11', 'SampledData with a zero defaultPeriod', members(TYPE_NAME, CODES, '"value": { "valueType": "sampleddata", "valueName": "hr", "defaultPeriod": ¦0 }'),
      { message: "Property 'DefaultPeriod' must be a number of milliseconds greater than 0, actual 0.", level: ERROR, path: `${T}.value.defaultPeriod` }],
    ['F11', 'a Quantity with a numeric unit', members(TYPE_NAME, CODES, '"value": { "valueType": "Quantity", "valueName": "hr", "unit": ¦60 }'),
      { message: "Expected a string for property 'Unit', actual Number.", level: ERROR, path: `${T}.value.unit` }],
    ['F11', 'a member the value type ignores', members(TYPE_NAME, CODES, '"value": { "valueType": "Quantity", "valueName": "hr", ¦"defaultPeriod": 5000 }'),
      { message: "Property 'defaultPeriod' is not used by QuantityFhirValueType and is ignored.", level: WARN, path: `${T}.value.defaultPeriod` }],
    ['F11', 'components that are an object', members(TYPE_NAME, CODES, '"components": ¦{}'),
      { message: "Expected an array for property 'Components', actual Object.", level: ERROR, path: `${T}.components` }],
    ['F11', 'a component without codes', members(TYPE_NAME, CODES, `"components": [¦{ "value": ${QUANTITY} }]`),
      { message: "Required property 'Codes' not found in JSON.", level: ERROR, path: `${T}.components[0].codes` }],
    ['F11', 'a component without value', members(TYPE_NAME, CODES, `"components": [¦{ ${CODES} }]`),
      { message: "Required property 'Value' not found in JSON.", level: ERROR, path: `${T}.components[0].value` }],
    ['F11', 'a component value without valueName', members(TYPE_NAME, CODES, `"components": [{ ${CODES}, "value": ¦{ "valueType": "Quantity" } }]`),
      { message: "Required property 'ValueName' not found in JSON.", level: ERROR, path: `${T}.components[0].value.valueName` }],
    ['F11', 'an unknown member of a component', members(TYPE_NAME, CODES, `"components": [{ ${CODES}, "value": ${QUANTITY}, ¦"display": "x" }]`),
      { message: "Could not find member 'display' on object of type 'CodeValueMapping'.", level: ERROR, path: `${T}.components[0].display` }],
  ])('%s: %s', (_rule, _case, body, expected) => {
    const at = unmark(fhirMappingWith(body));
    expect(validateFhirMapping(at.text)).toEqual([located(expected, at, 'FHIRTRANSFORMATION')]);
  });

  it.each([
    ['a Single interval by number', members(TYPE_NAME, CODES, '"periodInterval": 0', `"value": ${QUANTITY}`)],
    ['a Daily interval by name', members(TYPE_NAME, CODES, '"periodInterval": "daily"', `"value": ${QUANTITY}`)],
    ['a CorrelationId interval as a numeric string', members(TYPE_NAME, CODES, '"periodInterval": "-1"', `"value": ${QUANTITY}`)],
    ['empty codes (the connector adds its own coding)', members(TYPE_NAME, '"codes": []')],
    ['PascalCase members', members('"TypeName": "heartrate"', '"Codes": []', `"Value": ${QUANTITY}`)],
  ])('accepts %s', (_case, body) => {
    expect(validateFhirMapping(unmark(fhirMappingWith(body)).text)).toEqual([]);
  });
});
