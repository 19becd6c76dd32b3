import { ACCOUNT_ID, CONNECTOR_ID, OBJECT_ID, OPERATION_ID, SUBSCRIPTION_ID, TENANT_ID } from './registry-samples';

/** Full samples of the operation documents, as the store holds them (derived fields included). */
function operationCommon(resourceTypeName: string) {
  return {
    id: OPERATION_ID,
    type: 'provisioningrequest',
    primaryRegionName: 'westus2',
    secondaryRegionNames: ['eastus2'],
    timeEnqueued: '2020-02-18T10:00:00.000Z',
    timeLastUpdated: '2020-02-18T10:05:00.000Z',
    accountId: ACCOUNT_ID,
    loggingParentId: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
    loggingRootId: '4bf92f3577b34da6a3ce929d0e0e4736',
    skuName: 'Standard',
    partitionKey: SUBSCRIPTION_ID,
    searchIndex: {
      SubscriptionId: SUBSCRIPTION_ID,
      ResourceGroupName: 'rg-customer',
      AccountId: ACCOUNT_ID,
      ProviderNamespace: 'microsoft.healthcareapis',
    },
    subscriptionId: SUBSCRIPTION_ID,
    resourceGroupName: 'rg-Customer',
    providerNamespace: 'Microsoft.HealthcareApis',
    resourceTypeName,
  };
}

export function fhirAccountOperationDocument() {
  return {
    ...operationCommon('services'),
    provisioningOperation: 0,
    provisioningStatus: 3,
    timeEnded: '2020-02-18T10:05:00.000Z',
    attemptCount: 1,
    percentComplete: 100,
    offerThroughput: 1000,
    externalSecurityAuthenticationAuthority: `https://login.microsoftonline.com/${TENANT_ID}`,
    externalSecurityAuthenticationAudience: 'https://fhirservicename.azurehealthcareapis.com',
    externalSecurityAuthenticationAllowedOids: [OBJECT_ID],
    tags: { environment: 'test' },
    corsOrigins: ['https://app.contoso.com'],
    corsHeaders: ['*'],
    corsMethods: ['GET', 'POST'],
    corsMaxAge: 1440,
    corsAllowCredentials: false,
    smartProxyEnabled: true,
    fhirVersion: 1,
    externalManagedIdentity: { type: 'SystemAssigned', principalId: OBJECT_ID, tenantId: TENANT_ID },
  };
}

export function connectorOperationDocument() {
  return {
    ...operationCommon('IoMTConnectors'),
    _etag: '"0000a1b4-0000-0800-0000-5e4bd1f20000"',
    provisioningOperation: 0,
    provisioningStatus: 2,
    timeEnded: '2020-02-18T10:05:00.000Z',
    attemptCount: 3,
    exceptionDetails: 'DeploymentFailed: The resource operation completed with terminal provisioning state Failed.',
    percentComplete: 40,
    iomtConnectorId: CONNECTOR_ID,
    serviceConfiguration: { resourceIdentityResolutionType: 'LookupWithEncounter' },
  };
}

export function mappingOperationDocument() {
  return {
    ...operationCommon('IoMTConnectors/mappings'),
    provisioningOperation: 4,
    provisioningStatus: 1,
    attemptCount: 1,
    percentComplete: 50,
    iomtConnectorId: CONNECTOR_ID,
    mappingType: 'deviceMapping',
    mappingContent: '{"templateType":"CollectionContent","template":[]}',
  };
}

export function connectionOperationDocument() {
  return {
    ...operationCommon('IoMTConnectors/connections'),
    provisioningOperation: 5,
    provisioningStatus: 0,
    attemptCount: 0,
    percentComplete: 0,
    iomtConnectorId: CONNECTOR_ID,
    connectionName: 'device-writer-2',
  };
}

export function completedOperationDocument() {
  return {
    id: `${OPERATION_ID}-completed`,
    type: 'completedprovisioningrequest',
    accountName: 'fhirservicename',
    operation: fhirAccountOperationDocument(),
    partitionKey: SUBSCRIPTION_ID,
  };
}

