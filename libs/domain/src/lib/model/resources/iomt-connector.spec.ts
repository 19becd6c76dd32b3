import { ValidationError } from '../../errors';
import { connectorDocument, SUBSCRIPTION_ID } from '../test-support/document-samples';
import { LooseDocument, variantOf } from '../test-support/loose-document';
import { thrown } from '../test-support/thrown';
import { createFhirServiceAccount, createIomtConnector } from './resource-factories';
import { IomtConnector, iomtConnectorCodec } from './iomt-connector';
import { ResourceState } from './resource-state';

const account = createFhirServiceAccount({
  id: 'hlvtf8c5mk3fjreha6tjexqu7',
  name: 'fhirservicename',
  subscriptionId: SUBSCRIPTION_ID,
  resourceGroupName: 'rg-customer',
  location: 'westus2',
  kind: 'fhir-R4',
});

const newConnector = (input: Partial<Parameters<typeof createIomtConnector>[1]> = {}) =>
  createIomtConnector(account, { id: 'connector-id-1', connectorName: 'connector1', location: 'westus2', ...input });

describe('createIomtConnector', () => {
  it("takes parent, subscription and resource group from the account and the seed's defaults for the rest", () => {
    const connector = newConnector();
    expect(connector).toMatchObject({
      id: 'connector-id-1',
      type: 'iomtConnector',
      parentId: account.id,
      parentName: 'fhirservicename',
      parentType: 'account',
      subscriptionId: SUBSCRIPTION_ID,
      name: 'fhirservicename\\connector1',
      resourceGroupName: 'rg-customer',
      providerNameSpace: 'Microsoft.HealthcareApis',
      resourceTypeName: 'IoMTConnectors',
      state: ResourceState.Accepted,
      iomtProperties: { serviceConfiguration: { resourceIdentityResolutionType: 'Lookup' } },
    });
    expect(connector.eventHub).toEqual({
      throughputUnits: 1,
      deviceDataEventHubName: 'deviceinput',
      normalizedEventHubName: 'normalizeddeviceinput',
      deviceWritePolicyNames: [],
    });
    expect(connector.streamAnalytics).toEqual({
      StreamingUnits: 1,
      EventHubName: 'normalizeddeviceinput',
      sharedAccessPolicyName: 'reader',
      outputStartMode: 'LastOutputEventTime',
      functionName: 'MeasurementCollectionToFhir',
      jobWindowUnit: 'MINUTE',
      jobWindowMagnitude: 15,
    });
    expect(connector.storage).toEqual({ mappingContainer: 'template' });
    expect(connector.function).toEqual({
      fhirConversionFunctionName: 'MeasurementCollectionToFhir',
      deviceDataNormalizationFunctionName: 'NormalizeDeviceData',
    });
    expect(connector.keyVault).toEqual({ webJobStorageSecretName: 'blob-storage-cs' });
  });

  it('gives each connector a new 25-character id when none is given', () => {
    const first = createIomtConnector(account, { connectorName: 'a1', location: 'westus2' });
    const second = createIomtConnector(account, { connectorName: 'a2', location: 'westus2' });
    expect(first.id).toMatch(/^[a-z0-9]{25}$/);
    expect(first.id).not.toBe(second.id);
  });

  it.each([
    ['LookUp', 'Lookup'],
    ['lookup', 'Lookup'],
    ['create', 'Create'],
    ['LOOKUPWITHENCOUNTER', 'LookupWithEncounter'],
  ])('normalises resourceIdentityResolutionType %s to %s', (given, stored) => {
    const connector = newConnector({ serviceConfiguration: { resourceIdentityResolutionType: given } });
    expect(connector.iomtProperties.serviceConfiguration.resourceIdentityResolutionType).toBe(stored);
  });

  it.each(['Lookups', 'None', '', 3])('rejects resourceIdentityResolutionType %j', (given) => {
    const error = thrown(() => newConnector({ serviceConfiguration: { resourceIdentityResolutionType: given } }));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).details).toEqual([
      {
        code: 'InvalidParameter',
        target: 'iomtProperties.serviceConfiguration.resourceIdentityResolutionType',
        message:
          'iomtProperties.serviceConfiguration.resourceIdentityResolutionType: must be one of Lookup, Create, LookupWithEncounter',
      },
    ]);
  });

  it.each(['', 'a\\b'])('reports a bad connector name %j through the name rule', (connectorName) => {
    const error = thrown(() => newConnector({ connectorName })) as ValidationError;
    expect(error.details.map((d) => d.target)).toEqual(['name']);
  });
});

const variant = (change: (doc: LooseDocument) => void) => variantOf(connectorDocument, change);

describe('IoMT connector validation', () => {
  it('accepts the full sample', () => {
    expect(iomtConnectorCodec.validate(iomtConnectorCodec.fromDocument(connectorDocument()))).toEqual([]);
  });

  it.each<[string, (doc: LooseDocument) => void, string, string]>([
    ['throughput units above 20', (d) => (d.eventHub.throughputUnits = 21), 'eventHub.throughputUnits', 'must be at most 20'],
    ['throughput units 0 (C# default)', (d) => (d.eventHub.throughputUnits = 0), 'eventHub.throughputUnits', 'must be at least 1'],
    ['a bad hub name', (d) => (d.eventHub.deviceDataEventHubName = 'device input'), 'eventHub.deviceDataEventHubName', 'must be 1-256 letters, digits, ".", "_" or "-", starting and ending with a letter or digit'],
    ['the same hub twice', (d) => (d.eventHub.normalizedEventHubName = 'DeviceInput'), 'eventHub.normalizedEventHubName', 'must differ from deviceDataEventHubName'],
    ['a repeated connection', (d) => d.eventHub.deviceWritePolicyNames.push('Device-Writer-1'), 'eventHub.deviceWritePolicyNames', 'must not repeat a name (ignoring case): Device-Writer-1'],
    ['13 connections', (d) => (d.eventHub.deviceWritePolicyNames = Array.from({ length: 13 }, (_, i) => `w${i}`)), 'eventHub.deviceWritePolicyNames', 'must have at most 12 items'],
    ['a bad connection name', (d) => (d.eventHub.deviceWritePolicyNames = ['ok', 'not ok']), 'eventHub.deviceWritePolicyNames[1]', 'must be 1-256 letters, digits, ".", "_" or "-"'],
    ['2 streaming units', (d) => (d.streamAnalytics.StreamingUnits = 2), 'streamAnalytics.StreamingUnits', 'must be one of 1, 3, 6, 12, 18, 24, 30, 36, 42, 48, 54, 60, 66, 72, 78, 84, 90, 96, 102, 108, 114, 120'],
    ['a window unit of WEEK', (d) => (d.streamAnalytics.jobWindowUnit = 'WEEK'), 'streamAnalytics.jobWindowUnit', 'must be one of SECOND, MINUTE, HOUR, DAY'],
    ['a window of 8 days', (d) => Object.assign(d.streamAnalytics, { jobWindowUnit: 'DAY', jobWindowMagnitude: 8 }), 'streamAnalytics.jobWindowMagnitude', 'must be at most 7 when jobWindowUnit is DAY'],
    ['a window of 0 minutes', (d) => (d.streamAnalytics.jobWindowMagnitude = 0), 'streamAnalytics.jobWindowMagnitude', 'must be at least 1'],
    ['an unknown output start mode', (d) => (d.streamAnalytics.outputStartMode = 'Now'), 'streamAnalytics.outputStartMode', 'must be one of JobStartTime, CustomTime, LastOutputEventTime'],
    ['an uppercase container', (d) => (d.storage.mappingContainer = 'Template'), 'storage.mappingContainer', 'must be 3-63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit'],
    ['a bad secret name', (d) => (d.keyVault.webJobStorageSecretName = 'blob_storage'), 'keyVault.webJobStorageSecretName', 'must be 1-127 letters, digits or "-"'],
    ['a non-GUID identity', (d) => (d.function.managedIdentityObjectId = 'me'), 'function.managedIdentityObjectId', 'must be a GUID'],
    ['a bad infrastructure subscription', (d) => (d.infrastructureSubscriptionId = 'sub'), 'infrastructureSubscriptionId', 'must be a subscription id (a GUID)'],
    ['a bad infrastructure resource group', (d) => (d.streamAnalytics.infrastructureResourceGroupName = 'rg.'), 'streamAnalytics.infrastructureResourceGroupName', 'must be 1-90 letters, digits, "-", "_", ".", "(" or ")" and must not end with "."'],
    ['an empty device mapping', (d) => (d.iomtProperties.deviceMapping = ''), 'iomtProperties.deviceMapping', 'must not be empty'],
    ['a name outside its parent', (d) => (d.name = 'otherservice\\connector1'), 'name', 'must be fhirservicename\\{name}: the parent\'s name, "\\" and the child\'s own non-empty name'],
    ['a parent that is not an account', (d) => (d.parentType = 'iomtConnector'), 'parentType', 'must be one of account'],
    ['another provider', (d) => (d.providerNameSpace = 'Microsoft.Web'), 'providerNameSpace', 'must be one of Microsoft.HealthcareApis'],
    ['an unknown state', (d) => (d.state = 42), 'state', 'must be one of Accepted (0), Provisioned (1), Deprovisioned (2), Provisioning (3), Verifying (4), Updating (5), Failed (6), Deprovisioning (7), Moving (8), Canceled (9)'],
    ['a missing location', (d) => delete d.location, 'location', 'is required'],
    ['a missing state', (d) => delete d.state, 'state', 'is required'],
    ['a missing provider namespace', (d) => delete d.providerNameSpace, 'providerNameSpace', 'is required'],
    ['a bad subscription', (d) => (d.subscriptionId = 'x'), 'subscriptionId', 'must be a subscription id (a GUID)'],
    ['another type', (d) => (d.type = 'account'), 'type', 'must be "iomtConnector"'],
    ['a ttl of 0', (d) => (d.ttl = 0), 'ttl', 'must be -1 (never expire) or a positive number of seconds'],
  ])('reports %s', (_case, change, path, message) => {
    expect(iomtConnectorCodec.validate(variant(change))).toEqual([{ path, message }]);
  });

  it('returns every problem at once, each with its path', () => {
    const problems = iomtConnectorCodec.validate(
      variant((d) => {
        d.eventHub.throughputUnits = 50;
        d.streamAnalytics.StreamingUnits = 5;
        d.streamAnalytics.jobWindowUnit = 'SECOND';
        d.streamAnalytics.jobWindowMagnitude = 90;
        d.iomtProperties.serviceConfiguration.resourceIdentityResolutionType = 'Guess';
        d.subscriptionId = 42;
      }),
    );
    expect(problems.map((p) => p.path).sort()).toEqual([
      'eventHub.throughputUnits',
      'iomtProperties.serviceConfiguration.resourceIdentityResolutionType',
      'streamAnalytics.StreamingUnits',
      'streamAnalytics.jobWindowMagnitude',
      'subscriptionId',
    ]);
  });

  it('refuses to write an invalid connector', () => {
    const connector = { ...newConnector(), state: 99 } as unknown as IomtConnector;
    expect(() => iomtConnectorCodec.toDocument(connector)).toThrow(ValidationError);
  });

  it('refuses a stored document whose partitionKey is not its subscription', () => {
    const error = thrown(() => iomtConnectorCodec.fromDocument({ ...connectorDocument(), partitionKey: 'other' }));
    expect((error as ValidationError).details).toEqual([
      { code: 'InvalidParameter', target: 'partitionKey', message: `partitionKey: must be "${SUBSCRIPTION_ID}"` },
    ]);
  });

  it('reads null properties (Json.NET style) as absent and fills the seed defaults', () => {
    const stored = { ...connectorDocument(), connectorVersion: null, eventHub: null, tags: null };
    const connector = iomtConnectorCodec.fromDocument(stored);
    expect(connector.connectorVersion).toBeUndefined();
    expect(connector.eventHub.deviceDataEventHubName).toBe('deviceinput');
    expect(iomtConnectorCodec.toDocument(connector)).not.toHaveProperty('tags');
  });

  it.each([null, 'connector', 42, []])('rejects %j as a document without crashing', (value) => {
    expect(() => iomtConnectorCodec.fromDocument(value)).toThrow(ValidationError);
  });
});
