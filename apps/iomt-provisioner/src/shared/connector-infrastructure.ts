import { createHash } from 'node:crypto';
import type { IomtConnector } from '@iomt/domain';
import { connectorLeafName } from './work-context';

/** Where a connector's infrastructure lives: chosen once, then read back from the connector. */
export interface ConnectorPlacement {
  readonly infrastructureSubscriptionId: string;
  readonly infrastructureResourceGroupName: string;
  readonly infrastructureLocation: string;
  /** ARM id of the regional App Service plan hosting the Function App. */
  readonly appServicePlanId: string;
}

/** The names of the connector's Azure resources, derived from its document id. */
export interface ConnectorResourceNames {
  readonly eventHubNamespace: string;
  readonly storageAccount: string;
  readonly keyVault: string;
  readonly streamAnalyticsJob: string;
  readonly functionApp: string;
}

/** Resource types as ARM reports them, recorded on the connector's resource definitions. */
export const ConnectorResourceType = {
  EventHubNamespace: 'Microsoft.EventHub/namespaces',
  StorageAccount: 'Microsoft.Storage/storageAccounts',
  KeyVault: 'Microsoft.KeyVault/vaults',
  StreamAnalyticsJob: 'Microsoft.StreamAnalytics/streamingjobs',
  FunctionApp: 'Microsoft.Web/sites',
} as const;

const RESOURCE_GROUP_MAX_LENGTH = 90;

/**
 * The infrastructure resource group of a connector, `rg-iomt-{fhirService}-{connector}` as in
 * seed 004, plus a short hash of the connector id so that a connector re-created under the same
 * names never lands in the group of its deleted predecessor.
 */
export function connectorResourceGroupName(connector: Pick<IomtConnector, 'id' | 'name' | 'parentName'>): string {
  const suffix = `-${shortHash(connector.id)}`;
  const base = `rg-iomt-${connector.parentName}-${connectorLeafName(connector)}`.toLowerCase().replace(/[^a-z0-9._()-]/g, '-');
  return `${base.slice(0, RESOURCE_GROUP_MAX_LENGTH - suffix.length)}${suffix}`;
}

/**
 * Globally unique resource names (storage accounts and vaults are DNS names), deterministic so a
 * re-run deploys the same resources: `iomt{12 hex of the connector id}` plus a per-type suffix.
 * Storage accounts allow lowercase letters and digits only, 3-24 characters.
 */
export function connectorResourceNames(connectorId: string): ConnectorResourceNames {
  const base = `iomt${shortHash(connectorId)}`;
  return {
    eventHubNamespace: `${base}-ehn`,
    storageAccount: `${base}sa`,
    keyVault: `${base}-kv`,
    streamAnalyticsJob: `${base}-asa`,
    functionApp: `${base}-func`,
  };
}

function shortHash(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, 12);
}

function armId(placement: ConnectorPlacement, type: string, name: string): string {
  return `/subscriptions/${placement.infrastructureSubscriptionId}/resourceGroups/${placement.infrastructureResourceGroupName}/providers/${type}/${name}`;
}

/** The entity fields every infrastructure resource repeats. */
function entityFields(placement: ConnectorPlacement) {
  return {
    infrastructureSubscriptionId: placement.infrastructureSubscriptionId,
    infrastructureResourceGroupName: placement.infrastructureResourceGroupName,
    infrastructureLocation: placement.infrastructureLocation,
  };
}

function resourceFields(placement: ConnectorPlacement, type: string, name: string) {
  return {
    ...entityFields(placement),
    infrastructureResourceId: armId(placement, type, name),
    infrastructureResourceName: name,
    infrastructureResourceType: type,
  };
}

/** The connector with its placement recorded, before anything is deployed (so a re-run reuses it). */
export function withPlacement(connector: IomtConnector, placement: ConnectorPlacement): IomtConnector {
  return {
    ...connector,
    ...entityFields(placement),
    function: { ...connector.function, functionAppServicePlanId: placement.appServicePlanId },
  };
}

/** The placement recorded on a connector, or undefined before one was chosen. */
export function placementOf(connector: IomtConnector): ConnectorPlacement | undefined {
  const { infrastructureSubscriptionId, infrastructureResourceGroupName, infrastructureLocation } = connector;
  const appServicePlanId = connector.function.functionAppServicePlanId;
  if (!infrastructureSubscriptionId || !infrastructureResourceGroupName || !infrastructureLocation || !appServicePlanId) {
    return undefined;
  }
  return { infrastructureSubscriptionId, infrastructureResourceGroupName, infrastructureLocation, appServicePlanId };
}

/**
 * The connector with the id, name and type of every deployed resource recorded on its five
 * definitions (seed 004 `IInfrastructureResource`), and the wiring between them.
 */
export function withDeployedResources(
  connector: IomtConnector,
  placement: ConnectorPlacement,
  managedIdentityObjectId: string | undefined,
): IomtConnector {
  const names = connectorResourceNames(connector.id);
  const T = ConnectorResourceType;
  return {
    ...withPlacement(connector, placement),
    eventHub: { ...connector.eventHub, ...resourceFields(placement, T.EventHubNamespace, names.eventHubNamespace) },
    storage: { ...connector.storage, ...resourceFields(placement, T.StorageAccount, names.storageAccount) },
    keyVault: { ...connector.keyVault, ...resourceFields(placement, T.KeyVault, names.keyVault) },
    streamAnalytics: {
      ...connector.streamAnalytics,
      ...resourceFields(placement, T.StreamAnalyticsJob, names.streamAnalyticsJob),
      EventHubNamespace: names.eventHubNamespace,
      EventHubName: connector.eventHub.normalizedEventHubName,
      functionAppName: names.functionApp,
    },
    function: {
      ...connector.function,
      ...resourceFields(placement, T.FunctionApp, names.functionApp),
      functionAppServicePlanId: placement.appServicePlanId,
      ...(managedIdentityObjectId === undefined ? {} : { managedIdentityObjectId }),
    },
  };
}
