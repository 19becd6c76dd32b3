/**
 * Full samples of the registry and cluster documents, as the store holds them (derived fields
 * included). Test data only: ids, names and GUIDs are made up, and no sample holds a secret.
 */
export const SUBSCRIPTION_ID = '0f2e3a4b-5c6d-4e7f-8a9b-0c1d2e3f4a5b';
export const INFRA_SUBSCRIPTION_ID = 'c243745d-50bb-48d1-9e62-3f72efb3166c';
export const ACCOUNT_ID = 'hlvtf8c5mk3fjreha6tjexqu7';
export const CONNECTOR_ID = 'k7x2mq9d4w1zr8c3t6y0b5n2p';
export const OPERATION_ID = '3b1f7a52-9c0e-4d6b-8f21-6a4e9d0c7b13';
export const OBJECT_ID = '5b307da8-43d4-492b-8b66-b0294ade872f';
export const TENANT_ID = 'abfde7b2-df0f-47e6-aabf-2462b07508dc';

function infrastructure(name: string, type: string) {
  return {
    infrastructureSubscriptionId: INFRA_SUBSCRIPTION_ID,
    infrastructureResourceGroupName: 'rg-iomt-fhirservicename-connector1',
    infrastructureLocation: 'westus2',
    infrastructureResourceId: `/subscriptions/${INFRA_SUBSCRIPTION_ID}/resourceGroups/rg-iomt-fhirservicename-connector1/providers/${type}/${name}`,
    infrastructureResourceName: name,
    infrastructureResourceType: type,
  };
}

export function accountDocument() {
  return {
    id: ACCOUNT_ID,
    type: 'account',
    _etag: '"0000a1b2-0000-0800-0000-5e4bd1f20000"',
    name: 'fhirservicename',
    subscriptionId: SUBSCRIPTION_ID,
    resourceGroupName: 'rg-Customer',
    providerNamespace: 'Microsoft.HealthcareApis',
    resourceTypeName: 'services',
    location: 'westus2',
    kind: 'fhir-R4',
    tags: { environment: 'test' },
    identity: { type: 'SystemAssigned', principalId: OBJECT_ID, tenantId: TENANT_ID },
    properties: {
      accessPolicies: [{ objectId: OBJECT_ID }],
      cosmosDbConfiguration: { offerThroughput: 1000 },
      authenticationConfiguration: {
        authority: `https://login.microsoftonline.com/${TENANT_ID}`,
        audience: 'https://fhirservicename.azurehealthcareapis.com',
        smartProxyEnabled: true,
      },
      corsConfiguration: {
        origins: ['https://app.contoso.com'],
        headers: ['*'],
        methods: ['GET', 'POST'],
        maxAge: 1440,
        allowCredentials: false,
      },
    },
    state: 1,
    partitionKey: SUBSCRIPTION_ID,
    searchIndex: { Name: 'fhirservicename', Type: 'account', ResourceGroupName: 'rg-customer' },
  };
}

export function connectorDocument() {
  return {
    id: CONNECTOR_ID,
    type: 'iomtConnector',
    _etag: '"0000a1b3-0000-0800-0000-5e4bd1f20000"',
    parentId: ACCOUNT_ID,
    parentName: 'fhirservicename',
    parentType: 'account',
    subscriptionId: SUBSCRIPTION_ID,
    name: 'fhirservicename\\Connector1',
    location: 'westus2',
    tags: { team: 'iomt' },
    infrastructureSubscriptionId: INFRA_SUBSCRIPTION_ID,
    infrastructureResourceGroupName: 'rg-iomt-fhirservicename-connector1',
    infrastructureLocation: 'westus2',
    iomtProperties: {
      serviceConfiguration: { resourceIdentityResolutionType: 'Create' },
      deviceMapping: '{"templateType":"CollectionContent","template":[]}',
      fhirMapping: '{"templateType":"CollectionFhir","template":[]}',
    },
    eventHub: {
      ...infrastructure('accountA-iomt1-ehn', 'Microsoft.EventHub/namespaces'),
      throughputUnits: 2,
      deviceDataEventHubName: 'deviceinput',
      normalizedEventHubName: 'normalizeddeviceinput',
      deviceWritePolicyNames: ['device-writer-1', 'iot-central'],
    },
    streamAnalytics: {
      ...infrastructure('accountA-iomt1-asa', 'Microsoft.StreamAnalytics/streamingjobs'),
      StreamingUnits: 3,
      EventHubNamespace: 'accountA-iomt1-ehn',
      EventHubName: 'normalizeddeviceinput',
      sharedAccessPolicyName: 'reader',
      outputStartMode: 'LastOutputEventTime',
      functionAppName: 'accountA-iomt1-func',
      functionName: 'MeasurementCollectionToFhir',
      jobWindowUnit: 'MINUTE',
      jobWindowMagnitude: 15,
    },
    storage: { ...infrastructure('accountaiomt1sa', 'Microsoft.Storage/storageAccounts'), mappingContainer: 'template' },
    function: {
      ...infrastructure('accountA-iomt1-func', 'Microsoft.Web/sites'),
      functionAppServicePlanId: `/subscriptions/${INFRA_SUBSCRIPTION_ID}/resourceGroups/rg-iomt-westus2/providers/Microsoft.Web/serverfarms/iomt-westus2-plan`,
      fhirConversionFunctionName: 'MeasurementCollectionToFhir',
      deviceDataNormalizationFunctionName: 'NormalizeDeviceData',
      managedIdentityObjectId: OBJECT_ID,
    },
    keyVault: { ...infrastructure('accountA-iomt1-kv', 'Microsoft.KeyVault/vaults'), webJobStorageSecretName: 'blob-storage-cs' },
    connectorVersion: '1.0.3',
    resourceGroupName: 'rg-Customer',
    providerNameSpace: 'Microsoft.HealthcareApis',
    resourceTypeName: 'IoMTConnectors',
    state: 1,
    partitionKey: SUBSCRIPTION_ID,
    searchIndex: {
      ResourceGroupName: 'rg-customer',
      ResourceTypeName: 'iomtconnectors',
      ProviderNamespace: 'microsoft.healthcareapis',
      Name: 'fhirservicename\\connector1',
      Type: 'iomtconnector',
      ParentId: ACCOUNT_ID,
      ParentName: 'fhirservicename',
      ParentType: 'account',
    },
  };
}

export function streamAnalyticsJobDocument() {
  return {
    id: `${CONNECTOR_ID}-asajob`,
    type: 'accountSpecificStreamAnalyticsJob',
    parentId: CONNECTOR_ID,
    parentName: 'fhirservicename\\Connector1',
    parentType: 'iomtConnector',
    subscriptionId: SUBSCRIPTION_ID,
    name: 'fhirservicename\\Connector1\\streamAnalyticsJob',
    resourceGroup: 'rg-Customer',
    isUsingPrimaryKey: false,
    // Json.NET's seven fractional digits and an offset: read and written back unchanged.
    secretLastRotated: '2020-02-18T10:00:00.1234567+00:00',
    secretRotationCount: 3,
    forceRotation: true,
    partitionKey: SUBSCRIPTION_ID,
    searchIndex: {
      ResourceGroupName: 'rg-customer',
      Name: 'fhirservicename\\connector1\\streamanalyticsjob',
      Type: 'accountspecificstreamanalyticsjob',
      ParentId: CONNECTOR_ID,
      ParentName: 'fhirservicename\\connector1',
      ParentType: 'iomtconnector',
    },
  };
}

export function clusterMetadataDocument() {
  return {
    id: 'westus2',
    type: 'clusterMetadata',
    regionName: 'westus2',
    displayName: 'West US 2',
    enabled: true,
    infrastructureSubscriptions: [
      { subscriptionId: INFRA_SUBSCRIPTION_ID, enabled: true, maxResourceGroups: 980, resourceGroupCount: 12 },
    ],
    appServicePlans: [
      {
        resourceId: `/subscriptions/${INFRA_SUBSCRIPTION_ID}/resourceGroups/rg-iomt-westus2/providers/Microsoft.Web/serverfarms/iomt-westus2-plan`,
        infrastructureSubscriptionId: INFRA_SUBSCRIPTION_ID,
        resourceGroupName: 'rg-iomt-westus2',
        maxApps: 100,
        appCount: 12,
      },
    ],
    partitionKey: 'westus2',
  };
}
