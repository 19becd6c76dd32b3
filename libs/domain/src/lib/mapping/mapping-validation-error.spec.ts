import { ErrorCode, ValidationError } from '../errors';
import { MappingProblem } from './mapping-problem';
import { INVALID_MAPPING_CODE, toMappingValidationError } from './mapping-validation-error';
import { validateDeviceMapping } from './validate-device-mapping';
import { validateMappings } from './validate-mappings';

const problem = (overrides: Partial<MappingProblem>): MappingProblem => ({
  message: 'No match found for template type Bogus.',
  level: 'ERROR',
  category: 'NORMALIZATION',
  mapping: 'deviceMapping',
  line: 4,
  position: 23,
  path: '$.template[0].templateType',
  ...overrides,
});

describe('toMappingValidationError', () => {
  it('lists every ERROR as an InvalidMapping detail whose target is the path', () => {
    const text = '{"templateType": "CollectionContent",\n "template": [{"templateType": "Bogus"}, {"templateType": "Nope"}]}';
    const error = toMappingValidationError(validateDeviceMapping(text));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error?.code).toBe(ErrorCode.InvalidRequestContent);
    expect(error?.message).toBe(
      'Invalid deviceMapping mapping. Validation errors: Line 2, position 32: No match found for template type Bogus. ' +
        'Line 2, position 59: No match found for template type Nope.',
    );
    expect(error?.details).toEqual([
      { code: INVALID_MAPPING_CODE, message: 'deviceMapping: Line 2, position 32: No match found for template type Bogus.', target: '$.template[0].templateType' },
      { code: INVALID_MAPPING_CODE, message: 'deviceMapping: Line 2, position 59: No match found for template type Nope.', target: '$.template[1].templateType' },
    ]);
  });

  it('returns nothing when there are only WARNs, which never fail a request', () => {
    expect(toMappingValidationError([problem({ level: 'WARN' })])).toBeUndefined();
    expect(toMappingValidationError([])).toBeUndefined();
  });

  it('leaves WARNs out of the details', () => {
    const error = toMappingValidationError([problem({ level: 'WARN', message: 'advice' }), problem({})]);
    expect(error?.details.map((detail) => detail.message)).toEqual([
      'deviceMapping: Line 4, position 23: No match found for template type Bogus.',
    ]);
  });

  it('names both mappings and maps paths onto request properties when asked', () => {
    const error = toMappingValidationError(
      [problem({}), problem({ mapping: 'fhirMapping', category: 'FHIRTRANSFORMATION', path: '$', message: 'Invalid JSON: the content is empty.', line: 1, position: 1 })],
      { code: 'InvalidMapping', target: 'properties', roots: { deviceMapping: 'properties.deviceMapping.content', fhirMapping: 'properties.fhirMapping.content' } },
    );
    expect(error?.toJSON()).toEqual({
      code: 'InvalidMapping',
      target: 'properties',
      message:
        'Invalid deviceMapping and fhirMapping mapping. Validation errors: Line 4, position 23: No match found for template type Bogus. ' +
        'Line 1, position 1: Invalid JSON: the content is empty.',
      details: [
        { code: INVALID_MAPPING_CODE, message: 'deviceMapping: Line 4, position 23: No match found for template type Bogus.', target: 'properties.deviceMapping.content.template[0].templateType' },
        { code: INVALID_MAPPING_CODE, message: 'fhirMapping: Line 1, position 1: Invalid JSON: the content is empty.', target: 'properties.fhirMapping.content' },
      ],
    });
  });

  it('keeps the message short when there are many errors; details hold them all', () => {
    const problems = Array.from({ length: 7 }, (_, index) => problem({ line: index + 1 }));
    const error = toMappingValidationError(problems);
    expect(error?.message).toMatch(/Line 5, position 23: No match found for template type Bogus\. \(and 2 more; see details\)$/);
    expect(error?.message).not.toContain('Line 6,');
    expect(error?.details).toHaveLength(7);
  });

  it('turns a realistic broken pair into one ARM error body', () => {
    const problems = validateMappings({
      deviceMapping: '{"templateType": "CollectionContent", "template": [{"templateType": "CalculatedContent", "template": {"typeName": "hr"}}]}',
      fhirMapping: '{"templateType": "CollectionFhir", "template": [{"templateType": "CodeValueFhir", "template": {"typeName": "hr"}}]}',
    });
    expect(toMappingValidationError(problems)?.details.map((detail) => detail.target)).toEqual([
      '$.template[0].template.typeMatchExpression',
      '$.template[0].template.deviceIdExpression',
      '$.template[0].template.timestampExpression',
      '$.template[0].template.values',
      '$.template[0].template.codes',
    ]);
  });
});
