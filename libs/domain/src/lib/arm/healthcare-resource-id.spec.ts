import { ErrorCode } from '../errors';
import { validationErrorFrom } from './arm-test.helpers';
import { HealthcareResourceId, parseHealthcareResourceId } from './healthcare-resource-id';
import {
  fhirServiceResourceId,
  iomtConnectionResourceId,
  iomtConnectorResourceId,
  iomtMappingResourceId,
  operationStatusResourceId,
} from './healthcare-resource-id.builders';
import { assertNewResourceName } from './new-resource-name';
import { resourceIdsEqual } from './resource-id.compare';
import { formatResourceId } from './resource-id.format';

const SUB = 'c243745d-50bb-48d1-9e62-3f72efb3166c';
const RG = `/subscriptions/${SUB}/resourceGroups/rg`;
const SERVICE = `${RG}/providers/Microsoft.HealthcareApis/services/fhir1`;
const CONNECTOR = `${SERVICE}/iomtconnectors/conn1`;
const STATUS = `/subscriptions/${SUB}/providers/Microsoft.HealthcareApis/locations`;

describe('parseHealthcareResourceId', () => {
  it.each<[string, Partial<HealthcareResourceId>]>([
    [SERVICE, { kind: 'fhirService', resourceGroupName: 'rg', fhirServiceName: 'fhir1' }],
    [CONNECTOR, { kind: 'iomtConnector', fhirServiceName: 'fhir1', iomtConnectorName: 'conn1' }],
    [`${CONNECTOR}/connections/writer-1`, { kind: 'iomtConnection', iomtConnectorName: 'conn1', connectionName: 'writer-1' }],
    [`${CONNECTOR}/mappings/deviceMapping`, { kind: 'iomtMapping', mappingName: 'deviceMapping' }],
    [`${CONNECTOR}/mappings/FHIRMAPPING`, { kind: 'iomtMapping', mappingName: 'fhirMapping' }],
    [`${STATUS}/westus2/operationresults/${SUB}`, { kind: 'operationResult', location: 'westus2', operationId: SUB }],
    [`${STATUS}/WestUS2/operationStatuses/op-7`, { kind: 'operationStatus', location: 'westus2', operationId: 'op-7' }],
  ])('reads %s', (text, expected) => {
    const id = parseHealthcareResourceId(text);
    expect(id).toMatchObject({ subscriptionId: SUB, providerNamespace: 'Microsoft.HealthcareApis', ...expected });
    expect(formatResourceId(id)).toBe(text);
  });

  it('keeps the caller casing of names and types while reading them case-insensitively', () => {
    const text = `/subscriptions/${SUB}/resourcegroups/My-RG/providers/microsoft.healthcareapis/SERVICES/MyFhir/IoMTConnectors/Conn1/Mappings/DeviceMapping`;
    const id = parseHealthcareResourceId(text);
    expect(id).toMatchObject({
      kind: 'iomtMapping',
      resourceGroupName: 'My-RG',
      providerNamespace: 'microsoft.healthcareapis',
      fhirServiceName: 'MyFhir',
      iomtConnectorName: 'Conn1',
      mappingName: 'deviceMapping',
    });
    expect(id.resources.map((segment) => segment.name)).toEqual(['MyFhir', 'Conn1', 'DeviceMapping']);
    expect(formatResourceId(id)).toBe(text.replace('resourcegroups', 'resourceGroups'));
  });

  it.each([
    [RG, ErrorCode.InvalidResourceId],
    [`/subscriptions/${SUB}`, ErrorCode.InvalidResourceId],
    [`${RG}/providers/Microsoft.EventHub/namespaces/ns1`, ErrorCode.InvalidResourceNamespace],
    [`${RG}/providers/Microsoft.HealthcareApis/workspaces/ws1`, ErrorCode.InvalidResourceType],
    [`${SERVICE}/privateEndpointConnections/pe1`, ErrorCode.InvalidResourceType],
    [`${CONNECTOR}/connections/writer/listKeys/x`, ErrorCode.InvalidResourceType],
    [`${RG}/providers/Microsoft.HealthcareApis/iomtconnectors/conn1`, ErrorCode.InvalidResourceType],
    [`/subscriptions/${SUB}/providers/Microsoft.HealthcareApis/services/fhir1`, ErrorCode.InvalidResourceId],
    [`${RG}/providers/Microsoft.HealthcareApis/locations/westus2/operationresults/op1`, ErrorCode.InvalidResourceId],
    [`${RG}/providers/Microsoft.HealthcareApis/services/f`, ErrorCode.InvalidResourceName],
    [`${RG}/providers/Microsoft.HealthcareApis/services/fhir_1`, ErrorCode.InvalidResourceName],
    [`${RG}/providers/Microsoft.HealthcareApis/services/${'f'.repeat(25)}`, ErrorCode.InvalidResourceName],
    [`${SERVICE}/iomtconnectors/c`, ErrorCode.InvalidResourceName],
    [`${SERVICE}/iomtconnectors/conn-`, ErrorCode.InvalidResourceName],
    [`${CONNECTOR}/connections/my_writer`, ErrorCode.InvalidResourceName],
    [`${CONNECTOR}/mappings/device`, ErrorCode.InvalidResourceName],
    [`${CONNECTOR}/mappings/normalization`, ErrorCode.InvalidResourceName],
    [`${STATUS}/west-us/operationresults/op1`, ErrorCode.InvalidLocation],
    [`${STATUS}/westus2/operationresults/-op1`, ErrorCode.InvalidOperationId],
    [`${STATUS}/westus2/operationresults/${'o'.repeat(129)}`, ErrorCode.InvalidOperationId],
    ['/subscriptions/nope/resourceGroups/rg/providers/Microsoft.HealthcareApis/services/fhir1', ErrorCode.InvalidSubscriptionId],
  ])('rejects %s with %s', (text, code) => {
    expect(validationErrorFrom(() => parseHealthcareResourceId(text)).code).toBe(code);
  });

  it('names the offending part in the error target', () => {
    expect(validationErrorFrom(() => parseHealthcareResourceId(`${SERVICE}/iomtconnectors/c`)).target).toBe(
      'iomtConnectorName',
    );
    expect(validationErrorFrom(() => parseHealthcareResourceId(`${CONNECTOR}/mappings/x`)).target).toBe('mappingName');
  });
});

describe('typed id builders', () => {
  const ref = { subscriptionId: SUB, resourceGroupName: 'rg', fhirServiceName: 'fhir1', iomtConnectorName: 'conn1' };

  it.each<[string, () => HealthcareResourceId, string]>([
    ['service', () => fhirServiceResourceId(ref), SERVICE],
    ['connector', () => iomtConnectorResourceId(ref), CONNECTOR],
    ['connection', () => iomtConnectionResourceId({ ...ref, connectionName: 'writer' }), `${CONNECTOR}/connections/writer`],
    ['mapping', () => iomtMappingResourceId({ ...ref, mappingName: 'FHIRMAPPING' }), `${CONNECTOR}/mappings/fhirMapping`],
    [
      'operation result',
      () => operationStatusResourceId({ subscriptionId: SUB, location: 'West US 2', operationId: 'op1', kind: 'operationResult' }),
      `${STATUS}/westus2/operationresults/op1`,
    ],
    [
      'operation status',
      () => operationStatusResourceId({ subscriptionId: SUB, location: 'uksouth', operationId: 'op1', kind: 'operationStatus' }),
      `${STATUS}/uksouth/operationstatuses/op1`,
    ],
  ])('builds a %s id that round-trips', (_label, build, expected) => {
    const id = build();
    expect(formatResourceId(id)).toBe(expected);
    expect(parseHealthcareResourceId(expected)).toEqual(id);
  });

  it.each<[string, () => unknown, string]>([
    ['bad subscription', () => fhirServiceResourceId({ ...ref, subscriptionId: 'x' }), ErrorCode.InvalidSubscriptionId],
    ['bad group', () => fhirServiceResourceId({ ...ref, resourceGroupName: 'rg.' }), ErrorCode.InvalidResourceGroupName],
    ['name with a slash', () => fhirServiceResourceId({ ...ref, fhirServiceName: 'a/iomtconnectors/b' }), ErrorCode.InvalidResourceName],
    ['short connector', () => iomtConnectorResourceId({ ...ref, iomtConnectorName: 'c' }), ErrorCode.InvalidResourceName],
    ['bad connection', () => iomtConnectionResourceId({ ...ref, connectionName: 'a b' }), ErrorCode.InvalidResourceName],
    ['bad mapping', () => iomtMappingResourceId({ ...ref, mappingName: 'device' }), ErrorCode.InvalidResourceName],
    [
      'bad location',
      () => operationStatusResourceId({ subscriptionId: SUB, location: '', operationId: 'op', kind: 'operationResult' }),
      ErrorCode.InvalidLocation,
    ],
  ])('rejects a %s', (_label, build, code) => {
    expect(validationErrorFrom(build).code).toBe(code);
  });

  it('builds ids equal to differently cased parsed ones', () => {
    expect(resourceIdsEqual(iomtConnectorResourceId(ref), CONNECTOR.toUpperCase().replace(SUB.toUpperCase(), SUB))).toBe(true);
  });
});

describe('assertNewResourceName', () => {
  it.each([
    [SERVICE, undefined],
    [`${RG}/providers/Microsoft.HealthcareApis/services/MyFhir`, 'fhirServiceName'],
    [`${SERVICE}/iomtconnectors/Conn1`, 'iomtConnectorName'],
    [`${CONNECTOR}/connections/Writer`, 'connectionName'],
    [`${CONNECTOR}/connections/writer`, undefined],
    [`${CONNECTOR}/mappings/DEVICEMAPPING`, undefined],
    [`${STATUS}/westus2/operationresults/Op1`, undefined],
  ])('for %s fails on target %p', (text, target) => {
    const id = parseHealthcareResourceId(text);
    if (target === undefined) {
      expect(() => assertNewResourceName(id)).not.toThrow();
    } else {
      const error = validationErrorFrom(() => assertNewResourceName(id));
      expect(error).toMatchObject({ code: ErrorCode.InvalidResourceName, target });
    }
  });
});
