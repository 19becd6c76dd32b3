import { ValidationError } from '../errors';
import { MappingDocumentKind } from './mapping-problem';
import { validateMappings } from './validate-mappings';
import { MARK, unmark } from './test-support/marked-text';
import { SAMPLE_DEVICE_MAPPING, SAMPLE_FHIR_MAPPING } from './test-support/mapping-samples';

/** A device mapping of CalculatedContent templates; names are JSON text and may carry the mark. */
const device = (...templates: string[]) =>
  `{"templateType": "CollectionContent", "template": [\n${templates.join(',\n')}\n]}`;
const calculated = (typeName: string, valueNames: string[], extra = '') =>
  `{"templateType": "CalculatedContent", "template": {"typeName": ${typeName}, "typeMatchExpression": "$..[?(@v)]", ` +
  `"deviceIdExpression": "$.matchedToken.d", "timestampExpression": "$.matchedToken.t"${extra}, "values": [` +
  valueNames.map((name) => `{"valueName": ${name}, "valueExpression": "$.matchedToken.v"}`).join(', ') +
  ']}}';

/** A FHIR mapping of CodeValueFhir templates, with a value, or components when there are several names. */
const fhir = (...templates: string[]) => `{"templateType": "CollectionFhir", "template": [\n${templates.join(',\n')}\n]}`;
const quantity = (name: string) => `{"valueType": "Quantity", "valueName": "${name}"}`;
const codeValue = (typeName: string, valueNames: string[], extra = '') =>
  `{"templateType": "CodeValueFhir", "template": {"typeName": ${typeName}, "codes": []${extra}, ` +
  (valueNames.length === 1
    ? `"value": ${quantity(valueNames[0])}`
    : `"components": [${valueNames.map((name) => `{"codes": [], "value": ${quantity(name)}}`).join(', ')}]`) +
  '}}';

describe('validateMappings: cross-checks between the device and the FHIR mapping', () => {
  it.each<[string, string, string, MappingDocumentKind, string, string]>([
    ['a device type without a FHIR template',
      device(calculated('"heartrate"', ['"hr"']), calculated('"steps"', ['"steps"']), calculated('¦"spo2"', ['"spo2"'])),
      fhir(codeValue('"heartrate"', ['hr']), codeValue('"steps"', ['steps'])),
      'deviceMapping', '$.template[2].template.typeName',
      'No matching Fhir Template exists for Device Mapping [spo2]. Ensure case matches. Available Fhir Templates: [heartrate ,steps].'],
    ['a device value the FHIR template does not bind',
      device(calculated('"bloodpressure"', ['"systolic"', '¦"pulse"'])),
      fhir(codeValue('"bloodpressure"', ['systolic', 'diastolic'])),
      'deviceMapping', '$.template[0].template.values[1].valueName',
      'The value [pulse] in Device Mapping [bloodpressure] is not represented within the Fhir Template of type [bloodpressure]. Available values are: [systolic ,diastolic]. No value will appear inside of Observations.'],
    ['a value name that differs only in case (values match exactly)',
      device(calculated('"heartrate"', ['¦"HR"'])),
      fhir(codeValue('"HeartRate"', ['hr'])),
      'deviceMapping', '$.template[0].template.values[0].valueName',
      'The value [HR] in Device Mapping [heartrate] is not represented within the Fhir Template of type [heartrate]. Available values are: [hr]. No value will appear inside of Observations.'],
    ['a FHIR template no device template produces',
      device(calculated('"heartrate"', ['"hr"'])),
      fhir(codeValue('"heartrate"', ['hr']), codeValue('¦"steps"', ['steps'])),
      'fhirMapping', '$.template[1].template.typeName',
      'No Device Mapping template produces type [steps]; this Fhir Template is never used. Device Mapping types: [heartrate].'],
    ['correlation-id grouping without a correlation id',
      device(calculated('¦"session"', ['"hr"'])),
      fhir(codeValue('"session"', ['hr'], ', "periodInterval": -1')),
      'deviceMapping', '$.template[0].template.typeName',
      'The Fhir Template [session] groups observations by correlation id (PeriodInterval CorrelationId), but Device Mapping [session] has no CorrelationIdExpression; its measurements will fail with CorrelationIdNotDefinedException.'],
  ])('warns about %s', (_case, deviceMarked, fhirMarked, mapping, path, message) => {
    const at = unmark(deviceMarked.includes(MARK) ? deviceMarked : fhirMarked);
    const deviceMapping = mapping === 'deviceMapping' ? at.text : deviceMarked;
    const fhirMapping = mapping === 'fhirMapping' ? at.text : fhirMarked;
    expect(validateMappings({ deviceMapping, fhirMapping })).toEqual([
      { message, level: 'WARN', category: 'FHIRTRANSFORMATION', mapping, line: at.line, position: at.position, path },
    ]);
  });

  it('matches type names case-insensitively, as the FHIR template lookup does', () => {
    const deviceMapping = device(calculated('"HeartRate"', ['"hr"']), calculated('"heartrate"', ['"hr"']));
    expect(validateMappings({ deviceMapping, fhirMapping: fhir(codeValue('"heartrate"', ['hr'])) })).toEqual([]);
  });

  it('is satisfied by a correlation id on every device template of a CorrelationId FHIR template', () => {
    const deviceMapping = device(calculated('"session"', ['"hr"'], ', "correlationIdExpression": "$.matchedToken.s"'));
    const fhirMapping = fhir(codeValue('"session"', ['hr'], ', "periodInterval": "CorrelationId"'));
    expect(validateMappings({ deviceMapping, fhirMapping })).toEqual([]);
  });

  it('skips the cross-checks while either mapping has an ERROR, as iomt-fhir does', () => {
    const deviceMapping = device(calculated('"heartrate"', ['"hr"']), '{"templateType": "Bogus", "template": {}}');
    const problems = validateMappings({ deviceMapping, fhirMapping: fhir(codeValue('"steps"', ['steps'])) });
    expect(problems.map((problem) => problem.message)).toEqual(['No match found for template type Bogus.']);
  });

  it('validates the realistic samples together without any problem', () => {
    const input = { deviceMapping: SAMPLE_DEVICE_MAPPING, fhirMapping: SAMPLE_FHIR_MAPPING, resolutionType: 'Create' as const };
    expect(validateMappings(input)).toEqual([]);
  });

  it('validates a single mapping and passes the resolution type on', () => {
    const deviceMapping = device(calculated('"heartrate"', ['"hr"']));
    expect(validateMappings({ deviceMapping, fhirMapping: '' })).toEqual([]);
    expect(validateMappings({ deviceMapping, resolutionType: 'Create' }).map((problem) => problem.message)).toEqual([
      "Property 'PatientIdExpression' is required when the resolution type is Create.",
    ]);
    expect(validateMappings({ fhirMapping: '{"templateType": "CollectionFhir"}' })).toEqual([
      expect.objectContaining({ category: 'FHIRTRANSFORMATION', mapping: 'fhirMapping', path: '$.template' }),
    ]);
  });

  it.each([{}, { deviceMapping: '', fhirMapping: '  ' }, { resolutionType: 'Create' as const }])(
    'rejects a request without any mapping (%p)',
    (input) => {
      expect(() => validateMappings(input)).toThrow(ValidationError);
      expect(() => validateMappings(input)).toThrow('At least one of [deviceMapping] or [fhirMapping] must be provided');
    },
  );
});
