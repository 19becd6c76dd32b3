import {
  type AccountSpecificStreamAnalyticsJob,
  createRotateKeysOperation,
  createStreamAnalyticsJobSecretMetadata,
  type IomtConnector,
  iomtConnectorCodec,
  type IomtConnectorOperationDocument,
} from '@iomt/domain';

/** Test data only: made-up ids and names, no secrets. */
export const SUBSCRIPTION_ID = '0f2e3a4b-5c6d-4e7f-8a9b-0c1d2e3f4a5b';
export const INFRA_SUBSCRIPTION_ID = 'c243745d-50bb-48d1-9e62-3f72efb3166c';
export const INFRA_RESOURCE_GROUP = 'rg-iomt-fhirservicename-connector1';
export const NOW = new Date('2020-03-31T00:00:00.000Z');

function deployed(name: string) {
  return { infrastructureResourceName: name };
}

/** A provisioned connector whose Azure resources are all recorded. */
export function sampleConnector(id = 'k7x2mq9d4w1zr8c3t6y0b5n2p', subscriptionId = SUBSCRIPTION_ID, leafName = 'Connector1'): IomtConnector {
  return iomtConnectorCodec.parse({
    id,
    type: 'iomtConnector',
    parentId: 'hlvtf8c5mk3fjreha6tjexqu7',
    parentName: 'fhirservicename',
    parentType: 'account',
    subscriptionId,
    name: `fhirservicename\\${leafName}`,
    location: 'westus2',
    infrastructureSubscriptionId: INFRA_SUBSCRIPTION_ID,
    infrastructureResourceGroupName: INFRA_RESOURCE_GROUP,
    eventHub: deployed(`${leafName.toLowerCase()}-ehn`),
    streamAnalytics: deployed(`${leafName.toLowerCase()}-asa`),
    storage: deployed(`${leafName.toLowerCase()}sa`),
    keyVault: deployed(`${leafName.toLowerCase()}-kv`),
    resourceGroupName: 'rg-Customer',
    providerNameSpace: 'Microsoft.HealthcareApis',
    resourceTypeName: 'IoMTConnectors',
    state: 'Provisioned',
  });
}

/** The connector's secret metadata, last rotated at `lastRotated`. */
export function sampleSecret(connector: IomtConnector, lastRotated: Date, changes: Partial<AccountSpecificStreamAnalyticsJob> = {}): AccountSpecificStreamAnalyticsJob {
  return { ...createStreamAnalyticsJobSecretMetadata(connector, lastRotated), ...changes };
}

/** A Requested RotateKeys operation of the connector, enqueued at `now`. */
export function sampleRotation(connector: IomtConnector, now = NOW, id = '3b1f7a52-9c0e-4d6b-8f21-6a4e9d0c7b13'): IomtConnectorOperationDocument {
  return createRotateKeysOperation(connector, { id, now });
}
