import { ValidationError } from '../../errors';
import { createFhirServiceAccount, createIomtConnector } from '../resources/resource-factories';
import {
  connectionOperationDocument,
  connectorOperationDocument,
  fhirAccountOperationDocument,
  mappingOperationDocument,
  SUBSCRIPTION_ID,
} from '../test-support/document-samples';
import { LooseDocument, variantOf } from '../test-support/loose-document';
import { thrown } from '../test-support/thrown';
import { operationCodec } from './operation-codec';
import { isTerminalStatus, OperationStatus, OperationType } from './operation-enums';
import {
  fhirVersionOfKind,
  newConnectionOperation,
  newFhirAccountOperation,
  newIomtConnectorOperation,
  newMappingOperation,
} from './operation-factories';
import { FhirVersion } from './operation-kinds';

const NOW = new Date('2020-02-18T10:00:00.000Z');
const account = createFhirServiceAccount({
  id: 'hlvtf8c5mk3fjreha6tjexqu7',
  name: 'fhirservicename',
  subscriptionId: SUBSCRIPTION_ID,
  resourceGroupName: 'rg-customer',
  location: 'westus2',
  kind: 'fhir-R4',
  tags: { env: 'test' },
  properties: {
    accessPolicies: [{ objectId: '5b307da8-43d4-492b-8b66-b0294ade872f' }],
    authenticationConfiguration: { audience: 'https://fhirservicename.azurehealthcareapis.com', smartProxyEnabled: true },
    corsConfiguration: { origins: ['*'], maxAge: 600 },
  },
});
const connector = createIomtConnector(account, {
  id: 'connector-id-1',
  connectorName: 'connector1',
  location: 'westus2',
  serviceConfiguration: { resourceIdentityResolutionType: 'Create' },
});

describe('operation enums', () => {
  it("keep the seed's numbers and add ours after them", () => {
    expect([OperationType.Provision, OperationType.Deprovision, OperationType.Patch]).toEqual([0, 1, 2]);
    expect([
      OperationType.RotateKeys,
      OperationType.UpdateMapping,
      OperationType.CreateConnection,
      OperationType.DeleteConnection,
    ]).toEqual([3, 4, 5, 6]);
    expect([
      OperationStatus.Requested,
      OperationStatus.Running,
      OperationStatus.Failed,
      OperationStatus.Completed,
      OperationStatus.Canceled,
    ]).toEqual([0, 1, 2, 3, 4]);
  });

  it.each([
    [OperationStatus.Requested, false],
    [OperationStatus.Running, false],
    [OperationStatus.Failed, true],
    [OperationStatus.Completed, true],
    [OperationStatus.Canceled, true],
  ])('isTerminalStatus(%s) is %s', (status, terminal) => {
    expect(isTerminalStatus(status)).toBe(terminal);
  });
});

describe('operation factories', () => {
  const ctx = { id: 'op-1', now: NOW, loggingRootId: 'root', loggingParentId: 'parent' };
  const common = {
    id: 'op-1',
    type: 'provisioningrequest',
    provisioningStatus: OperationStatus.Requested,
    timeEnqueued: NOW.toISOString(),
    timeLastUpdated: NOW.toISOString(),
    attemptCount: 0,
    percentComplete: 0,
    primaryRegionName: 'westus2',
    loggingRootId: 'root',
    loggingParentId: 'parent',
    subscriptionId: SUBSCRIPTION_ID,
    resourceGroupName: 'rg-customer',
    providerNamespace: 'Microsoft.HealthcareApis',
    accountId: account.id,
  };

  it('copies the FHIR service settings into the seed flat fields', () => {
    expect(newFhirAccountOperation(account, OperationType.Provision, ctx)).toEqual({
      ...common,
      provisioningOperation: OperationType.Provision,
      resourceTypeName: 'services',
      offerThroughput: 400,
      externalSecurityAuthenticationAudience: 'https://fhirservicename.azurehealthcareapis.com',
      externalSecurityAuthenticationAllowedOids: ['5b307da8-43d4-492b-8b66-b0294ade872f'],
      tags: { env: 'test' },
      corsOrigins: ['*'],
      corsHeaders: [],
      corsMethods: [],
      corsMaxAge: 600,
      corsAllowCredentials: false,
      smartProxyEnabled: true,
      fhirVersion: FhirVersion.R4,
    });
  });

  it('makes connector, mapping and connection operations pointing at the connector', () => {
    expect(newIomtConnectorOperation(connector, OperationType.Deprovision, ctx)).toEqual({
      ...common,
      provisioningOperation: OperationType.Deprovision,
      resourceTypeName: 'IoMTConnectors',
      iomtConnectorId: 'connector-id-1',
      serviceConfiguration: { resourceIdentityResolutionType: 'Create' },
    });
    expect(newMappingOperation(connector, 'FHIRMAPPING', '{"templateType":"CollectionFhir"}', ctx)).toMatchObject({
      provisioningOperation: OperationType.UpdateMapping,
      resourceTypeName: 'IoMTConnectors/mappings',
      iomtConnectorId: 'connector-id-1',
      mappingType: 'fhirMapping',
      mappingContent: '{"templateType":"CollectionFhir"}',
    });
    expect(newConnectionOperation(connector, OperationType.CreateConnection, 'writer-1', ctx)).toMatchObject({
      provisioningOperation: OperationType.CreateConnection,
      resourceTypeName: 'IoMTConnectors/connections',
      connectionName: 'writer-1',
    });
  });

  it('records who asked for the operation, and nothing when no one did', () => {
    const initiator = { homeTenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47', objectId: '5b307da8-43d4-492b-8b66-b0294ade872f' };
    expect(newIomtConnectorOperation(connector, OperationType.Patch, { ...ctx, initiator }).initiator).toEqual(initiator);
    expect(newFhirAccountOperation(account, OperationType.Patch, ctx)).not.toHaveProperty('initiator');
  });

  it('gives a new UUID when no id is given', () => {
    const op = newIomtConnectorOperation(connector, OperationType.Provision, { now: NOW });
    expect(op.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it.each([
    ['a mapping type', () => newMappingOperation(connector, 'deviceMap', '{}', { now: NOW }), 'mappingType'],
    ['empty mapping content', () => newMappingOperation(connector, 'deviceMapping', '', { now: NOW }), 'mappingContent'],
    ['a connection name', () => newConnectionOperation(connector, OperationType.DeleteConnection, 'a b', { now: NOW }), 'connectionName'],
    ['an operation type for a FHIR service', () => newFhirAccountOperation(account, OperationType.RotateKeys, { now: NOW }), 'provisioningOperation'],
    ['an operation type for a connector', () => newIomtConnectorOperation(connector, OperationType.UpdateMapping, { now: NOW }), 'provisioningOperation'],
  ])('rejects %s', (_case, make, target) => {
    const error = thrown(make);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).details.map((d) => d.target)).toEqual([target]);
  });

  it.each([
    ['fhir-R4', FhirVersion.R4],
    ['fhir-Stu3', FhirVersion.Stu3],
    ['fhir', FhirVersion.Stu3],
  ] as const)('kind %s runs FHIR %s', (kind, version) => {
    expect(fhirVersionOfKind(kind)).toBe(version);
  });
});

describe('operation document validation', () => {
  it.each<[string, () => object, (doc: LooseDocument) => void, string, string]>([
    ['an unknown resource type', fhirAccountOperationDocument, (d) => (d.resourceTypeName = 'workspaces'), 'resourceTypeName', 'must be one of services, IoMTConnectors, IoMTConnectors/mappings, IoMTConnectors/connections'],
    ['a missing resource type', fhirAccountOperationDocument, (d) => delete d.resourceTypeName, 'resourceTypeName', 'must be one of services, IoMTConnectors, IoMTConnectors/mappings, IoMTConnectors/connections'],
    ['a terminal status without timeEnded', fhirAccountOperationDocument, (d) => delete d.timeEnded, 'timeEnded', 'is required when the status is Completed'],
    ['timeEnded while Running', mappingOperationDocument, (d) => (d.timeEnded = '2020-02-18T10:05:00.000Z'), 'timeEnded', 'must be absent while the status is Running'],
    ['Running with no attempt', mappingOperationDocument, (d) => (d.attemptCount = 0), 'attemptCount', 'must be at least 1 when the status is Running'],
    ['a mapping operation that is not UpdateMapping', mappingOperationDocument, (d) => (d.provisioningOperation = 0), 'provisioningOperation', 'must be one of UpdateMapping (4) for IoMTConnectors/mappings'],
    ['a connection operation that provisions', connectionOperationDocument, (d) => (d.provisioningOperation = 'Provision'), 'provisioningOperation', 'must be one of CreateConnection (5), DeleteConnection (6) for IoMTConnectors/connections'],
    ['an unknown status', connectionOperationDocument, (d) => (d.provisioningStatus = 5), 'provisioningStatus', 'must be one of Requested (0), Running (1), Failed (2), Completed (3), Canceled (4)'],
    ['an unknown operation type', connectionOperationDocument, (d) => (d.provisioningOperation = 7), 'provisioningOperation', 'must be one of Provision (0), Deprovision (1), Patch (2), RotateKeys (3), UpdateMapping (4), CreateConnection (5), DeleteConnection (6)'],
    ['a percentage over 100', mappingOperationDocument, (d) => (d.percentComplete = 100.5), 'percentComplete', 'must be at most 100'],
    ['a negative attempt count', connectionOperationDocument, (d) => (d.attemptCount = -1), 'attemptCount', 'must be at least 0'],
    ['a bad enqueue time', connectionOperationDocument, (d) => (d.timeEnqueued = '18/02/2020'), 'timeEnqueued', 'must be an ISO 8601 date-time with a time zone'],
    ['a missing connector id', connectorOperationDocument, (d) => delete d.iomtConnectorId, 'iomtConnectorId', 'is required'],
    ['a bad resolution type', connectorOperationDocument, (d) => (d.serviceConfiguration.resourceIdentityResolutionType = 'x'), 'serviceConfiguration.resourceIdentityResolutionType', 'must be one of Lookup, Create, LookupWithEncounter'],
    ['an FHIR version of 2', fhirAccountOperationDocument, (d) => (d.fhirVersion = 2), 'fhirVersion', 'must be one of Stu3 (0), R4 (1)'],
    ['an offer throughput of 0', fhirAccountOperationDocument, (d) => (d.offerThroughput = 0), 'offerThroughput', 'must be at least 400'],
    ['an initiator tenant over 128 characters', connectorOperationDocument, (d) => (d.initiator = { homeTenantId: 't'.repeat(129) }), 'initiator.homeTenantId', 'must be at most 128 characters long'],
    ['an empty initiator object id', connectorOperationDocument, (d) => (d.initiator = { objectId: '' }), 'initiator.objectId', 'must not be empty'],
    ['an initiator PUID with a control character', connectorOperationDocument, (d) => (d.initiator = { puid: '10033FFF\n8A4A4B8' }), 'initiator.puid', 'must not contain control characters'],
    ['an initiator naming no one', connectorOperationDocument, (d) => (d.initiator = {}), 'initiator', 'must have a homeTenantId, an objectId or a puid'],
    ['a mapping over 256 KiB', mappingOperationDocument, (d) => (d.mappingContent = 'x'.repeat(256 * 1024 + 1)), 'mappingContent', 'must be at most 262144 characters long'],
  ])('reports %s', (_case, sample, change, path, message) => {
    expect(operationCodec.validate(variantOf(sample, change))).toEqual([{ path, message }]);
  });

  it('keeps the initiator through a round trip, without unknown members', () => {
    const initiator = { homeTenantId: '72F988BF-86F1-41AF-91AB-2D7CD011DB47', puid: '10033FFF8A4A4B8E' };
    const stored = variantOf(connectorOperationDocument, (d) => (d.initiator = { ...initiator, principalName: 'someone@contoso.com' }));
    expect(operationCodec.toDocument(operationCodec.fromDocument(stored)).initiator).toStrictEqual(initiator);
  });

  it('reads the resource type ignoring case and writes it canonically', () => {
    const op = operationCodec.fromDocument(variantOf(mappingOperationDocument, (d) => (d.resourceTypeName = 'iomtconnectors/MAPPINGS')));
    expect(op.resourceTypeName).toBe('IoMTConnectors/mappings');
  });

  it('returns every problem of a broken operation', () => {
    const problems = operationCodec.validate(
      variantOf(connectorOperationDocument, (d) => {
        d.provisioningStatus = OperationStatus.Running;
        d.provisioningOperation = OperationType.UpdateMapping;
        d.attemptCount = 0;
        d.subscriptionId = 'nope';
      }),
    );
    expect(problems.map((p) => p.path).sort()).toEqual(['attemptCount', 'provisioningOperation', 'subscriptionId', 'timeEnded']);
  });
});
