import { validateDeviceMapping } from './validate-device-mapping';
import { ExpectedProblem, located, unmark } from './test-support/marked-text';
import { SAMPLE_DEVICE_MAPPING } from './test-support/mapping-samples';

const ERROR = 'ERROR' as const;
const WARN = 'WARN' as const;

describe('validateDeviceMapping: the collection (rules D1-D3)', () => {
  it.each<[string, string, string, ExpectedProblem]>([
    ['D1', 'a trailing comma', '{"templateType": "CollectionContent", "template": []¦,}',
      { message: 'Invalid JSON: trailing commas are not allowed in JSON.', level: ERROR, path: '$' }],
    ['D1', 'a comment', '{\n  ¦// devices\n  "templateType": "CollectionContent"\n}',
      { message: 'Invalid JSON: comments are not allowed in JSON.', level: ERROR, path: '$' }],
    ['D1', 'single quotes', "{¦'templateType': 'CollectionContent'}",
      { message: "Invalid JSON: unexpected symbol \"'templateType'\".", level: ERROR, path: '$' }],
    ['D1', 'empty content', '¦',
      { message: 'Invalid JSON: the content is empty.', level: ERROR, path: '$' }],
    ['D1', 'an unterminated object', '{"templateType": "CollectionContent", "template": []¦',
      { message: "Invalid JSON: '}' was expected.", level: ERROR, path: '$' }],
    ['D1', 'a missing colon', '{"templateType" ¦"CollectionContent"}',
      { message: "Invalid JSON: ':' was expected.", level: ERROR, path: '$' }],
    ['D2', 'the FHIR collection type', '{"templateType": ¦"CollectionFhir", "template": []}',
      { message: 'Expected TemplateType value CollectionContentTemplate, actual CollectionFhir.', level: ERROR, path: '$.templateType' }],
    ['D2', 'no templateType', '¦{"template": []}',
      { message: 'Expected TemplateType value CollectionContentTemplate, actual Not Found.', level: ERROR, path: '$.templateType' }],
    ['D2', 'a null templateType', '{"templateType": ¦null, "template": []}',
      { message: 'Expected TemplateType value CollectionContentTemplate, actual Not Found.', level: ERROR, path: '$.templateType' }],
    ['D2', 'a root that is an array', '¦[]',
      { message: 'Expected TemplateType value CollectionContentTemplate, actual Not Found.', level: ERROR, path: '$.templateType' }],
    ['D3', 'a template object', '{"templateType": "CollectionContent", "template": ¦{}}',
      { message: 'Expected an array for the template property value for template type CollectionContentTemplate.', level: ERROR, path: '$.template' }],
    ['D3', 'no template', '¦{"templateType": "CollectionContent"}',
      { message: 'Expected an array for the template property value for template type CollectionContentTemplate.', level: ERROR, path: '$.template' }],
    ['D3', 'an empty template array', '{"templateType": "collectionContent", "template": ¦[]}',
      { message: 'The device mapping has no templates; no device data will be normalized.', level: WARN, path: '$.template' }],
    ['D3', 'an element that is not an object', '{"templateType": "CollectionContent", "template": [¦"heartrate"]}',
      { message: 'Expected an object for each item of the template array, actual String.', level: ERROR, path: '$.template[0]' }],
    ['D3', 'an extra root member', '{"templateType": "CollectionContent", ¦"version": 2, "template": [{"templateType": "CalculatedContent", "template": {"typeName": "t", "typeMatchExpression": "$.a", "deviceIdExpression": "$.d", "timestampExpression": "$.t", "values": []}}]}',
      { message: "Property 'version' is not used by CollectionContentTemplate and is ignored.", level: WARN, path: '$.version' }],
  ])('%s: %s', (_rule, _case, marked, expected) => {
    const at = unmark(marked);
    expect(validateDeviceMapping(at.text)).toEqual([located(expected, at, 'NORMALIZATION')]);
  });

  it('stops at a root problem, as iomt-fhir does, and reports nothing about the elements', () => {
    const problems = validateDeviceMapping('{"templateType": "Nope", "template": [{"templateType": "Bogus"}]}');
    expect(problems.map((problem) => problem.message)).toEqual([
      'Expected TemplateType value CollectionContentTemplate, actual Nope.',
    ]);
  });

  it.each(['CollectionContent', 'collectioncontent', 'CollectionContentTemplate', 'COLLECTIONCONTENTTEMPLATE'])(
    'accepts the root type %s (case-insensitive, optional Template suffix)',
    (templateType) => {
      const text = SAMPLE_DEVICE_MAPPING.replace('"CollectionContent"', JSON.stringify(templateType));
      expect(validateDeviceMapping(text)).toEqual([]);
    },
  );

  it('accepts the realistic sample (CalculatedContent with JsonPath and JmesPath, IoT Hub, JsonPathContent)', () => {
    expect(validateDeviceMapping(SAMPLE_DEVICE_MAPPING, { resolutionType: 'Create' })).toEqual([]);
  });

  it('locates problems on CRLF text by line and position', () => {
    const text = '{\r\n  "templateType": "CollectionContent",\r\n  "template": [\r\n    {"templateType": "Bogus"}\r\n  ]\r\n}';
    expect(validateDeviceMapping(text)).toEqual([
      expect.objectContaining({ message: 'No match found for template type Bogus.', line: 4, position: 22 }),
    ]);
  });
});
