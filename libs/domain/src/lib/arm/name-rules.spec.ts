import { ErrorCode } from '../errors';
import { validationErrorFrom } from './arm-test.helpers';
import { IomtMappingName, parseIomtMappingName, toIomtMappingName } from './mapping-name';
import { assertResourceGroupName, isResourceGroupName } from './resource-group-name';
import {
  ARM_RESOURCE_NAME,
  assertName,
  assertNewName,
  FHIR_SERVICE_NAME,
  IOMT_CONNECTION_NAME,
  IOMT_CONNECTOR_NAME,
  isValidName,
  OPERATION_ID,
  ResourceNameRule,
} from './resource-name.rules';
import { assertSubscriptionId, isSubscriptionId } from './subscription-id';

describe('subscription id', () => {
  it.each([
    ['c243745d-50bb-48d1-9e62-3f72efb3166c', true],
    ['C243745D-50BB-48D1-9E62-3F72EFB3166C', true],
    ['00000000-0000-0000-0000-000000000000', true],
    ['c243745d50bb48d19e623f72efb3166c', false],
    ['{c243745d-50bb-48d1-9e62-3f72efb3166c}', false],
    ['c243745d-50bb-48d1-9e62-3f72efb3166', false],
    ['g243745d-50bb-48d1-9e62-3f72efb3166c', false],
    [' c243745d-50bb-48d1-9e62-3f72efb3166c', false],
    ['', false],
    [undefined, false],
    [42, false],
  ])('%p is valid: %p', (value, valid) => {
    expect(isSubscriptionId(value)).toBe(valid);
    if (valid) expect(assertSubscriptionId(value)).toBe(value);
    else expect(validationErrorFrom(() => assertSubscriptionId(value))).toMatchObject({
      code: ErrorCode.InvalidSubscriptionId,
      target: 'subscriptionId',
    });
  });
});

describe('resource group name', () => {
  it.each([
    ['rg'],
    ['a'],
    ['rg-iomt-fhirsrv-name'],
    ['My_Group.(test)-1'],
    ['ресурсы'],
    ['rg.x'],
    ['x'.repeat(90)],
  ])('accepts %p and keeps its casing', (name) => {
    expect(isResourceGroupName(name)).toBe(true);
    expect(assertResourceGroupName(name)).toBe(name);
  });

  it.each([
    ['', 'empty'],
    ['x'.repeat(91), 'longer than 90'],
    ['rg.', 'must not end with a period'],
    ['rg name', 'only letters'],
    ['rg/child', 'only letters'],
    ['rg#1', 'only letters'],
    ['rg%20', 'only letters'],
    [undefined, 'empty'],
  ])('rejects %p (%s) with InvalidResourceGroupName', (name, reason) => {
    const error = validationErrorFrom(() => assertResourceGroupName(name));
    expect(error.code).toBe(ErrorCode.InvalidResourceGroupName);
    expect(error.target).toBe('resourceGroupName');
    expect(error.message).toContain(reason);
  });
});

const FORBIDDEN_IN_ANY_NAME = ['<', '>', '%', '&', ':', '\\', '?', '/', '#', '\u0000', '\n', '\u007f'];

/** [rule, name, valid] rows. */
const NAME_CASES: ReadonlyArray<readonly [ResourceNameRule, string, boolean]> = [
  [FHIR_SERVICE_NAME, 'fhir', true],
  [FHIR_SERVICE_NAME, 'abc', true],
  [FHIR_SERVICE_NAME, 'my-fhir-01', true],
  [FHIR_SERVICE_NAME, 'a'.repeat(24), true],
  [FHIR_SERVICE_NAME, 'MyFhir', true], // lookups ignore case; creation is stricter
  [FHIR_SERVICE_NAME, 'ab', false],
  [FHIR_SERVICE_NAME, 'a'.repeat(25), false],
  [FHIR_SERVICE_NAME, '-fhir', false],
  [FHIR_SERVICE_NAME, 'fhir-', false],
  [FHIR_SERVICE_NAME, 'fhir_1', false],
  [FHIR_SERVICE_NAME, 'fhir.1', false],
  [IOMT_CONNECTOR_NAME, 'connector-1', true],
  [IOMT_CONNECTOR_NAME, 'c1', false],
  [IOMT_CONNECTOR_NAME, 'conn ector', false],
  [IOMT_CONNECTION_NAME, 'device-writer', true],
  [IOMT_CONNECTION_NAME, 'device_writer', false],
  [OPERATION_ID, 'c243745d-50bb-48d1-9e62-3f72efb3166c', true],
  [OPERATION_ID, 'op.1_2-3', true],
  [OPERATION_ID, 'x'.repeat(128), true],
  [OPERATION_ID, 'x'.repeat(129), false],
  [OPERATION_ID, '-op', false],
  [OPERATION_ID, 'op/1', false],
  [ARM_RESOURCE_NAME, 'Any Name (1)', true],
  [ARM_RESOURCE_NAME, 'x'.repeat(260), true],
  [ARM_RESOURCE_NAME, 'x'.repeat(261), false],
  [ARM_RESOURCE_NAME, '', false],
  ...FORBIDDEN_IN_ANY_NAME.map((character) => [ARM_RESOURCE_NAME, `a${character}b`, false] as const),
];

describe('resource name rules', () => {
  it.each(NAME_CASES.map(([rule, name, valid]) => [rule.subject, name, valid, rule] as const))(
    '%s %j is valid: %p',
    (_subject, name, valid, rule) => {
      expect(isValidName(rule, name)).toBe(valid);
      if (valid) {
        expect(assertName(rule, name)).toBe(name);
      } else {
        const error = validationErrorFrom(() => assertName(rule, name, 'someTarget'));
        expect(error.code).toBe(rule.code);
        expect(error.target).toBe('someTarget');
        expect(error.message).toContain(rule.subject);
      }
    },
  );

  it('gives operation ids their own ARM code', () => {
    expect(validationErrorFrom(() => assertName(OPERATION_ID, 'op/1')).code).toBe(ErrorCode.InvalidOperationId);
    expect(validationErrorFrom(() => assertName(FHIR_SERVICE_NAME, 'x')).code).toBe(ErrorCode.InvalidResourceName);
  });

  it.each([
    [FHIR_SERVICE_NAME, 'myfhir', true],
    [FHIR_SERVICE_NAME, 'MyFhir', false],
    [IOMT_CONNECTOR_NAME, 'Connector1', false],
    [IOMT_CONNECTION_NAME, 'WRITER', false],
    [OPERATION_ID, 'Op-1', true],
    [FHIR_SERVICE_NAME, 'ab', false],
  ])('a new %p.subject %p is accepted: %p', (rule, name, accepted) => {
    if (accepted) expect(assertNewName(rule, name)).toBe(name);
    else expect(validationErrorFrom(() => assertNewName(rule, name)).code).toBe(ErrorCode.InvalidResourceName);
  });

  it('cuts very long input short in messages', () => {
    const error = validationErrorFrom(() => assertName(FHIR_SERVICE_NAME, 'x'.repeat(10_000)));
    expect(error.message.length).toBeLessThan(400);
  });
});

describe('mapping names', () => {
  it.each([
    ['deviceMapping', IomtMappingName.DeviceMapping],
    ['DEVICEMAPPING', IomtMappingName.DeviceMapping],
    ['devicemapping', IomtMappingName.DeviceMapping],
    ['fhirMapping', IomtMappingName.FhirMapping],
    ['FhirMapping', IomtMappingName.FhirMapping],
  ])('%p reads as %p', (value, canonical) => {
    expect(parseIomtMappingName(value)).toBe(canonical);
    expect(toIomtMappingName(value)).toBe(canonical);
  });

  it.each([['device'], ['fhir'], ['deviceMappings'], [' deviceMapping'], [''], [undefined], [7]])(
    'rejects %p with InvalidResourceName',
    (value) => {
      expect(toIomtMappingName(value)).toBeUndefined();
      const error = validationErrorFrom(() => parseIomtMappingName(value));
      expect(error.code).toBe(ErrorCode.InvalidResourceName);
      expect(error.target).toBe('mappingName');
      expect(error.message).toContain("'deviceMapping' or 'fhirMapping'");
    },
  );
});
