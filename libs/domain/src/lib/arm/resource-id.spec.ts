import { ErrorCode } from '../errors';
import { validationErrorFrom } from './arm-test.helpers';
import { ArmResourceId, leafName, qualifiedTypeOf, resourceTypeName, scopeOf, validateArmResourceId } from './resource-id';
import { compareResourceIds, isSameOrDescendant, resourceIdKey, resourceIdsEqual } from './resource-id.compare';
import { childResourceId, formatResourceId, parentResourceId } from './resource-id.format';
import { parseResourceId, tryParseResourceId } from './resource-id.parser';

const SUB = 'c243745d-50bb-48d1-9e62-3f72efb3166c';
const CONNECTOR = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.HealthcareApis/services/fhir1/iomtconnectors/conn1`;

describe('parseResourceId', () => {
  it.each<[string, ArmResourceId]>([
    [`/subscriptions/${SUB}`, { subscriptionId: SUB, resources: [] }],
    [`/subscriptions/${SUB}/resourceGroups/My-RG`, { subscriptionId: SUB, resourceGroupName: 'My-RG', resources: [] }],
    [
      `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.HealthcareApis/services/fhir1`,
      {
        subscriptionId: SUB,
        resourceGroupName: 'rg',
        providerNamespace: 'Microsoft.HealthcareApis',
        resources: [{ type: 'services', name: 'fhir1' }],
      },
    ],
    [
      CONNECTOR,
      {
        subscriptionId: SUB,
        resourceGroupName: 'rg',
        providerNamespace: 'Microsoft.HealthcareApis',
        resources: [
          { type: 'services', name: 'fhir1' },
          { type: 'iomtconnectors', name: 'conn1' },
        ],
      },
    ],
    [
      `/subscriptions/${SUB}/providers/Microsoft.HealthcareApis/locations/westus2/operationresults/op-1`,
      {
        subscriptionId: SUB,
        providerNamespace: 'Microsoft.HealthcareApis',
        resources: [
          { type: 'locations', name: 'westus2' },
          { type: 'operationresults', name: 'op-1' },
        ],
      },
    ],
    [
      `/subscriptions/${SUB}/resourceGroups/rg-iomt/providers/Microsoft.EventHub/namespaces/accountA-iomt1-ehn`,
      {
        subscriptionId: SUB,
        resourceGroupName: 'rg-iomt',
        providerNamespace: 'Microsoft.EventHub',
        resources: [{ type: 'namespaces', name: 'accountA-iomt1-ehn' }],
      },
    ],
  ])('parses %s', (text, expected) => {
    expect(parseResourceId(text)).toEqual(expected);
    expect(formatResourceId(parseResourceId(text))).toBe(text);
  });

  it('matches keywords in any case and keeps the caller casing of every variable part', () => {
    const text = `/SUBSCRIPTIONS/${SUB.toUpperCase()}/resourcegroups/My-RG/PROVIDERS/microsoft.healthcareapis/Services/MyFhir/IoMTConnectors/Conn1`;
    const id = parseResourceId(text);
    expect(id).toEqual({
      subscriptionId: SUB.toUpperCase(),
      resourceGroupName: 'My-RG',
      providerNamespace: 'microsoft.healthcareapis',
      resources: [
        { type: 'Services', name: 'MyFhir' },
        { type: 'IoMTConnectors', name: 'Conn1' },
      ],
    });
    expect(formatResourceId(id)).toBe(
      `/subscriptions/${SUB.toUpperCase()}/resourceGroups/My-RG/providers/microsoft.healthcareapis/Services/MyFhir/IoMTConnectors/Conn1`,
    );
  });

  it.each([
    ['', ErrorCode.InvalidResourceId, 'empty'],
    [undefined, ErrorCode.InvalidResourceId, 'empty'],
    [`subscriptions/${SUB}`, ErrorCode.InvalidResourceId, "start with '/subscriptions/'"],
    [`/tenants/${SUB}`, ErrorCode.InvalidResourceId, "start with '/subscriptions/'"],
    ['/subscriptions', ErrorCode.InvalidResourceId, 'subscription id is missing'],
    [`/subscriptions/${SUB}/`, ErrorCode.InvalidResourceId, 'empty segment'],
    [`/subscriptions//resourceGroups/rg`, ErrorCode.InvalidResourceId, 'empty segment'],
    ['/subscriptions/not-a-guid', ErrorCode.InvalidSubscriptionId, 'malformed or invalid'],
    [`/subscriptions/${SUB}/resourceGroups`, ErrorCode.InvalidResourceId, 'resource group name is missing'],
    [`/subscriptions/${SUB}/resourceGroups/rg.`, ErrorCode.InvalidResourceGroupName, 'period'],
    [`/subscriptions/${SUB}/resourceGroups/${'r'.repeat(91)}`, ErrorCode.InvalidResourceGroupName, '90'],
    [`/subscriptions/${SUB}/resourceGroups/rg/things/x`, ErrorCode.InvalidResourceId, "'things' is not expected"],
    [`/subscriptions/${SUB}/resourceGroups/rg/providers`, ErrorCode.InvalidResourceId, 'namespace is missing'],
    [`/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.HealthcareApis`, ErrorCode.InvalidResourceId, 'not followed'],
    [`/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.HealthcareApis/services`, ErrorCode.InvalidResourceId, "'services' has no name"],
    [`/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.HealthcareApis/services/f/iomtconnectors`, ErrorCode.InvalidResourceId, "'iomtconnectors' has no name"],
    [`/subscriptions/${SUB}/resourceGroups/rg/providers/HealthcareApis/services/f`, ErrorCode.InvalidResourceNamespace, 'namespace'],
    [`/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Healthcare-Apis/services/f`, ErrorCode.InvalidResourceNamespace, 'namespace'],
    [`/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.X/serv-ices/f`, ErrorCode.InvalidResourceType, 'type'],
    [`/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.X/a/b/providers/Microsoft.Authorization/locks/l`, ErrorCode.InvalidResourceId, 'Extension'],
    [`/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.X/a/b%2Fc`, ErrorCode.InvalidResourceName, 'resource name'],
    [`/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.X/a/b?api-version=1`, ErrorCode.InvalidResourceName, 'resource name'],
    [`/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.X/a/${'n'.repeat(261)}`, ErrorCode.InvalidResourceName, 'resource name'],
  ])('rejects %p with %s', (text, code, fragment) => {
    const error = validationErrorFrom(() => parseResourceId(text));
    expect(error.code).toBe(code);
    expect(error.message).toContain(fragment);
    expect(tryParseResourceId(text)).toBeUndefined();
  });

  it('rejects a hand-built id whose namespace and resources disagree', () => {
    const error = validationErrorFrom(() =>
      validateArmResourceId({ subscriptionId: SUB, providerNamespace: 'Microsoft.X', resources: [] }),
    );
    expect(error.code).toBe(ErrorCode.InvalidResourceId);
  });
});

describe('resource id helpers', () => {
  it.each([
    [`/subscriptions/${SUB}`, 'subscription', undefined, undefined, SUB],
    [`/subscriptions/${SUB}/resourceGroups/rg`, 'resourceGroup', undefined, undefined, 'rg'],
    [CONNECTOR, 'resource', 'services/iomtconnectors', 'Microsoft.HealthcareApis/services/iomtconnectors', 'conn1'],
  ])('%s is a %s of type %p', (text, scope, chain, qualified, leaf) => {
    const id = parseResourceId(text);
    expect(scopeOf(id)).toBe(scope);
    expect(resourceTypeName(id)).toBe(chain);
    expect(qualifiedTypeOf(id)).toBe(qualified);
    expect(leafName(id)).toBe(leaf);
  });

  it('walks up to the parent and down to a child', () => {
    const connector = parseResourceId(CONNECTOR);
    const service = parentResourceId(connector);
    expect(formatResourceId(service)).toBe(`/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.HealthcareApis/services/fhir1`);
    const group = parentResourceId(service);
    expect(formatResourceId(group)).toBe(`/subscriptions/${SUB}/resourceGroups/rg`);
    expect(formatResourceId(parentResourceId(group))).toBe(`/subscriptions/${SUB}`);
    expect(validationErrorFrom(() => parentResourceId(parentResourceId(group))).code).toBe(ErrorCode.InvalidResourceId);
    expect(resourceIdsEqual(childResourceId(service, 'iomtconnectors', 'conn1'), connector)).toBe(true);
    expect(formatResourceId(childResourceId(group, 'services', 'fhir1', 'Microsoft.HealthcareApis'))).toBe(formatResourceId(service));
    expect(validationErrorFrom(() => childResourceId(service, 'iomtconnectors', 'a/b')).code).toBe(ErrorCode.InvalidResourceName);
    expect(validationErrorFrom(() => childResourceId(group, 'services', 'fhir1')).code).toBe(ErrorCode.InvalidResourceId);
  });
});

describe('comparing resource ids', () => {
  const upper = `/SUBSCRIPTIONS/${SUB.toUpperCase()}/resourcegroups/RG/providers/MICROSOFT.HEALTHCAREAPIS/services/FHIR1/IOMTCONNECTORS/Conn1`;

  it.each([
    [CONNECTOR, upper, true],
    [CONNECTOR, parseResourceId(upper), true],
    [CONNECTOR, CONNECTOR.replace('conn1', 'conn2'), false],
    [CONNECTOR, CONNECTOR.replace('/rg/', '/rg2/'), false],
    [`/subscriptions/${SUB}/resourceGroups/rg`, `/subscriptions/${SUB}/resourcegroups/RG`, true],
    [`/subscriptions/${SUB}`, `/subscriptions/${SUB}/resourceGroups/rg`, false],
  ])('%s equals %s: %p', (a, b, equal) => {
    expect(resourceIdsEqual(a, b)).toBe(equal);
    expect(compareResourceIds(a, b) === 0).toBe(equal);
  });

  it('orders ids consistently, ignoring case', () => {
    const ids = [CONNECTOR.replace('conn1', 'Conn3'), CONNECTOR, CONNECTOR.replace('conn1', 'CONN2')];
    const sorted = [...ids].sort(compareResourceIds).map((id) => parseResourceId(id).resources[1].name);
    expect(sorted).toEqual(['conn1', 'CONN2', 'Conn3']);
    expect(compareResourceIds(ids[0], ids[1])).toBe(1);
    expect(compareResourceIds(ids[1], ids[0])).toBe(-1);
  });

  it('builds a lowercase key from the canonical path', () => {
    expect(resourceIdKey(upper)).toBe(CONNECTOR.toLowerCase());
  });

  it.each([
    [CONNECTOR, `/subscriptions/${SUB}/resourceGroups/RG/providers/Microsoft.HealthcareApis/services/fhir1`, true],
    [CONNECTOR, CONNECTOR, true],
    [CONNECTOR, `/subscriptions/${SUB}/resourceGroups/r`, false],
    [`/subscriptions/${SUB}/resourceGroups/rg2`, `/subscriptions/${SUB}/resourceGroups/rg`, false],
  ])('%s is at or under %s: %p', (candidate, ancestor, expected) => {
    expect(isSameOrDescendant(candidate, ancestor)).toBe(expected);
  });

  it('throws the parser error for malformed text', () => {
    expect(validationErrorFrom(() => resourceIdsEqual('/nope', CONNECTOR)).code).toBe(ErrorCode.InvalidResourceId);
  });
});
