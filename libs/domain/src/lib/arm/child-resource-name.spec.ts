import { ErrorCode } from '../errors';
import { validationErrorFrom } from './arm-test.helpers';
import {
  childResourceNameOf,
  formatChildResourceName,
  parentChildResourceName,
  parseChildResourceName,
} from './child-resource-name';
import { parseResourceId } from './resource-id.parser';

const SUB = 'c243745d-50bb-48d1-9e62-3f72efb3166c';
const CONNECTOR = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.HealthcareApis/services/MyFhir/iomtconnectors/Conn1`;

describe('child resource names (seed 004: ParentResourceName\\ChildResourceName)', () => {
  it.each([
    [['fhir1'], 'fhir1'],
    [['fhir1', 'conn1'], 'fhir1\\conn1'],
    [['MyFhir', 'Conn1', 'writer'], 'MyFhir\\Conn1\\writer'],
  ])('%p ↔ %p', (parts, name) => {
    expect(formatChildResourceName(parts)).toBe(name);
    expect(parseChildResourceName(name)).toEqual(parts);
    expect(parseChildResourceName(name, parts.length)).toEqual(parts);
  });

  it('takes the name from an id, keeping the caller casing', () => {
    expect(childResourceNameOf(parseResourceId(CONNECTOR))).toBe('MyFhir\\Conn1');
    expect(childResourceNameOf(parseResourceId(`${CONNECTOR}/mappings/deviceMapping`))).toBe('MyFhir\\Conn1\\deviceMapping');
  });

  it('finds the parent name', () => {
    expect(parentChildResourceName('fhir1\\conn1\\writer')).toBe('fhir1\\conn1');
    expect(parentChildResourceName('fhir1\\conn1')).toBe('fhir1');
    expect(validationErrorFrom(() => parentChildResourceName('fhir1')).code).toBe(ErrorCode.InvalidResourceName);
  });

  it.each<[readonly string[]]>([[[]], [['fhir1', '']], [['fhir\\1', 'conn1']]])('refuses to format %p', (parts) => {
    expect(validationErrorFrom(() => formatChildResourceName(parts)).code).toBe(ErrorCode.InvalidResourceName);
  });

  it.each<[unknown, number | undefined]>([
    ['', undefined],
    ['fhir1\\', undefined],
    ['\\conn1', undefined],
    ['fhir1\\\\conn1', undefined],
    ['fhir1', 2],
    ['fhir1\\conn1\\x', 2],
    [undefined, undefined],
    [42, 1],
  ])('refuses to parse %p (expecting %p parts)', (name, expectedParts) => {
    const error = validationErrorFrom(() => parseChildResourceName(name, expectedParts));
    expect(error).toMatchObject({ code: ErrorCode.InvalidResourceName, target: 'name' });
  });
});
