import { validateFhirMapping } from './validate-fhir-mapping';
import { ExpectedProblem, located, unmark } from './test-support/marked-text';
import { SAMPLE_FHIR_MAPPING } from './test-support/mapping-samples';

const ERROR = 'ERROR' as const;
const WARN = 'WARN' as const;

const HEART_RATE = '{"templateType": "CodeValueFhir", "template": {"typeName": "heartrate", "codes": []}}';

describe('validateFhirMapping: the collection (rules F1-F5, F7)', () => {
  it.each<[string, string, string, ExpectedProblem]>([
    ['F1', 'a trailing comma in an array', `{"templateType": "CollectionFhir", "template": [${HEART_RATE}¦,]}`,
      { message: 'Invalid JSON: trailing commas are not allowed in JSON.', level: ERROR, path: '$' }],
    ['F1', 'a block comment', '{"templateType": "CollectionFhir", ¦/* none */ "template": []}',
      { message: 'Invalid JSON: comments are not allowed in JSON.', level: ERROR, path: '$' }],
    ['F2', 'the device collection type', '{"templateType": ¦"CollectionContent", "template": []}',
      { message: 'Expected TemplateType value CollectionFhirTemplate, actual CollectionContent.', level: ERROR, path: '$.templateType' }],
    ['F2', 'no templateType', '¦{"template": []}',
      { message: 'Expected TemplateType value CollectionFhirTemplate, actual Not Found.', level: ERROR, path: '$.templateType' }],
    ['F3', 'a template string', '{"templateType": "CollectionFhirTemplate", "template": ¦""}',
      { message: 'Expected an array for the template property value for template type CollectionFhirTemplate.', level: ERROR, path: '$.template' }],
    ['F3', 'an empty template array', '{"templateType": "CollectionFhir", "template": ¦[]}',
      { message: 'The FHIR mapping has no templates; no measurement will be written to FHIR.', level: WARN, path: '$.template' }],
    ['F4', 'a device template type', '{"templateType": "CollectionFhir", "template": [{"templateType": ¦"CalculatedContent", "template": {}}]}',
      { message: 'Expected TemplateType value CodeValueFhirTemplate, actual CalculatedContent.', level: ERROR, path: '$.template[0].templateType' }],
    ['F4', 'a missing element type', '{"templateType": "CollectionFhir", "template": [¦{"template": {}}]}',
      { message: 'Expected TemplateType value CodeValueFhirTemplate, actual Not Found.', level: ERROR, path: '$.template[0].templateType' }],
    ['F5', 'a template array', '{"templateType": "CollectionFhir", "template": [{"templateType": "CodeValueFhir", "template": ¦[]}]}',
      { message: 'Expected an object for the template property value for template type CodeValueFhir.', level: ERROR, path: '$.template[0].template' }],
    ['F7', 'a type name repeated in another case', `{"templateType": "CollectionFhir", "template": [${HEART_RATE},\n {"templateType": "CodeValueFhir", "template": {"typeName": ¦"HeartRate", "codes": []}}]}`,
      { message: "Duplicate template defined for type name: 'HeartRate'", level: ERROR, path: '$.template[1].template.typeName' }],
  ])('%s: %s', (_rule, _case, marked, expected) => {
    const at = unmark(marked);
    expect(validateFhirMapping(at.text)).toEqual([located(expected, at, 'FHIRTRANSFORMATION')]);
  });

  it('accepts the realistic sample (SampledData, Quantity, components, CodeableConcept, String)', () => {
    expect(validateFhirMapping(SAMPLE_FHIR_MAPPING)).toEqual([]);
  });

  it.each(['CodeValueFhir', 'codevaluefhirtemplate', 'CODEVALUEFHIR'])('accepts the element type %s', (templateType) => {
    const text = `{"templateType": "collectionfhir", "template": [${HEART_RATE.replace('CodeValueFhir', templateType)}]}`;
    expect(validateFhirMapping(text)).toEqual([]);
  });

  it('keeps validating the other templates after a bad one', () => {
    const text = `{"templateType": "CollectionFhir", "template": [
      {"templateType": "CodeValue", "template": {}},
      {"templateType": "CodeValueFhir", "template": {"typeName": "spo2"}}
    ]}`;
    expect(validateFhirMapping(text).map((problem) => [problem.path, problem.message])).toEqual([
      ['$.template[0].templateType', 'Expected TemplateType value CodeValueFhirTemplate, actual CodeValue.'],
      ['$.template[1].template.codes', "Required property 'Codes' not found in JSON."],
    ]);
  });
});
