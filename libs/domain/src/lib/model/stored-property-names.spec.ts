import { completedOperationCodec } from './operations/completed-operation';
import { operationCodec } from './operations/operation-codec';
import { iomtConnectorCodec } from './resources/iomt-connector';
import { accountSpecificStreamAnalyticsJobCodec } from './secrets/account-specific-stream-analytics-job';
import * as samples from './test-support/document-samples';

const INFRASTRUCTURE_RESOURCE_KEYS = [
  'infrastructureLocation',
  'infrastructureResourceGroupName',
  'infrastructureResourceId',
  'infrastructureResourceName',
  'infrastructureResourceType',
  'infrastructureSubscriptionId',
];
const OPERATION_KEYS = [
  '_etag?',
  'accountId',
  'attemptCount',
  'id',
  'loggingParentId',
  'loggingRootId',
  'partitionKey',
  'percentComplete',
  'primaryRegionName',
  'providerNamespace',
  'provisioningOperation',
  'provisioningStatus',
  'resourceGroupName',
  'resourceTypeName',
  'searchIndex',
  'secondaryRegionNames',
  'skuName',
  'subscriptionId',
  'timeEnqueued',
  'timeLastUpdated',
  'type',
];

/** Sorted keys of `keys`, dropping the optional ones (`name?`) that `present` does not have. */
function expectedKeys(keys: readonly string[], present: object): string[] {
  return keys
    .filter((key) => !key.endsWith('?') || key.slice(0, -1) in present)
    .map((key) => key.replace(/\?$/, ''))
    .sort();
}

describe('stored property names', () => {
  it('the connector has exactly the seed names, including iomtProperties, function and providerNameSpace', () => {
    const doc = iomtConnectorCodec.toDocument(iomtConnectorCodec.fromDocument(samples.connectorDocument()));
    expect(Object.keys(doc).sort()).toEqual(
      [
        '_etag',
        'connectorVersion',
        'eventHub',
        'function',
        'id',
        'infrastructureLocation',
        'infrastructureResourceGroupName',
        'infrastructureSubscriptionId',
        'iomtProperties',
        'keyVault',
        'location',
        'name',
        'parentId',
        'parentName',
        'parentType',
        'partitionKey',
        'providerNameSpace',
        'resourceGroupName',
        'resourceTypeName',
        'searchIndex',
        'state',
        'storage',
        'streamAnalytics',
        'subscriptionId',
        'tags',
        'type',
      ].sort(),
    );
    expect(Object.keys(doc.iomtProperties).sort()).toEqual(['deviceMapping', 'fhirMapping', 'serviceConfiguration']);
    expect(Object.keys(doc.iomtProperties.serviceConfiguration)).toEqual(['resourceIdentityResolutionType']);
    expect(Object.keys(doc.eventHub).sort()).toEqual(
      [
        ...INFRASTRUCTURE_RESOURCE_KEYS,
        'deviceDataEventHubName',
        'deviceWritePolicyNames',
        'normalizedEventHubName',
        'throughputUnits',
      ].sort(),
    );
    expect(Object.keys(doc.streamAnalytics).sort()).toEqual(
      [
        ...INFRASTRUCTURE_RESOURCE_KEYS,
        'EventHubName',
        'EventHubNamespace',
        'StreamingUnits',
        'functionAppName',
        'functionName',
        'jobWindowMagnitude',
        'jobWindowUnit',
        'outputStartMode',
        'sharedAccessPolicyName',
      ].sort(),
    );
    expect(Object.keys(doc.storage).sort()).toEqual([...INFRASTRUCTURE_RESOURCE_KEYS, 'mappingContainer'].sort());
    expect(Object.keys(doc.function).sort()).toEqual(
      [
        ...INFRASTRUCTURE_RESOURCE_KEYS,
        'deviceDataNormalizationFunctionName',
        'fhirConversionFunctionName',
        'functionAppServicePlanId',
        'managedIdentityObjectId',
      ].sort(),
    );
    expect(Object.keys(doc.keyVault).sort()).toEqual([...INFRASTRUCTURE_RESOURCE_KEYS, 'webJobStorageSecretName'].sort());
  });

  it('the search index keys are PascalCase and its values lowercase', () => {
    const doc = iomtConnectorCodec.toDocument(iomtConnectorCodec.fromDocument(samples.connectorDocument()));
    expect(Object.keys(doc.searchIndex)).toEqual([
      'ResourceGroupName',
      'ResourceTypeName',
      'ProviderNamespace',
      'Name',
      'Type',
      'ParentId',
      'ParentName',
      'ParentType',
    ]);
    expect(doc.name).toBe('fhirservicename\\Connector1');
    expect(doc.searchIndex['Name']).toBe('fhirservicename\\connector1');
  });

  it('the secret metadata has the camelCased seed names', () => {
    const doc = accountSpecificStreamAnalyticsJobCodec.toDocument(
      accountSpecificStreamAnalyticsJobCodec.fromDocument(samples.streamAnalyticsJobDocument()),
    );
    expect(Object.keys(doc).sort()).toEqual(
      [
        'forceRotation',
        'id',
        'isUsingPrimaryKey',
        'name',
        'parentId',
        'parentName',
        'parentType',
        'partitionKey',
        'resourceGroup',
        'searchIndex',
        'secretLastRotated',
        'secretRotationCount',
        'subscriptionId',
        'type',
      ].sort(),
    );
  });

  it.each<[string, () => Record<string, unknown>, string[]]>([
    [
      'FHIR service',
      samples.fhirAccountOperationDocument,
      [
        'timeEnded',
        'offerThroughput',
        'externalSecurityAuthenticationAuthority',
        'externalSecurityAuthenticationAudience',
        'externalSecurityAuthenticationAllowedOids',
        'tags',
        'corsOrigins',
        'corsHeaders',
        'corsMethods',
        'corsMaxAge',
        'corsAllowCredentials',
        'smartProxyEnabled',
        'fhirVersion',
        'externalManagedIdentity',
      ],
    ],
    ['IoMT connector', samples.connectorOperationDocument, ['timeEnded', 'exceptionDetails', 'iomtConnectorId', 'serviceConfiguration']],
    ['mapping', samples.mappingOperationDocument, ['iomtConnectorId', 'mappingType', 'mappingContent']],
    ['connection', samples.connectionOperationDocument, ['iomtConnectorId', 'connectionName']],
  ])('the %s operation has the seed base names plus its own', (_kind, sample, own) => {
    const stored = sample();
    const doc = operationCodec.toDocument(operationCodec.fromDocument(stored)) as object;
    expect(Object.keys(doc).sort()).toEqual([...expectedKeys(OPERATION_KEYS, stored), ...own].sort());
  });

  it('the completed operation embeds the operation document (without its _etag) under "operation"', () => {
    const live = { ...samples.fhirAccountOperationDocument(), _etag: '"etag-of-the-live-document"' };
    const completed = completedOperationCodec.fromDocument({ ...samples.completedOperationDocument(), operation: live });
    const doc = completedOperationCodec.toDocument(completed);
    expect(Object.keys(doc).sort()).toEqual(['accountName', 'id', 'operation', 'partitionKey', 'type']);
    expect(doc.operation).toStrictEqual(samples.fhirAccountOperationDocument());
    expect(doc.partitionKey).toBe(samples.SUBSCRIPTION_ID);
  });
});
