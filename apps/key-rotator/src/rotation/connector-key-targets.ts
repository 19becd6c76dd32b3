import {
  type EventHubInputCredentials,
  type EventHubPolicyTarget,
  type IInfrastructureResource,
  type IomtConnector,
  type KeyVaultSecretRef,
  type StorageAccountTarget,
  type StreamAnalyticsJobRef,
  ValidationError,
} from '@iomt/domain';

/** The name of the job's Event Hub input in the connector template (the query reads `[NormalizedData]`). */
export const DEFAULT_STREAM_ANALYTICS_INPUT_NAME = 'NormalizedData';

/** The input's settings without its key: the key is added only at the moment it is written. */
export type EventHubInputSettings = Omit<EventHubInputCredentials, 'sharedAccessPolicyKey'>;

/** Everything a connector's key rotation touches in Azure, by name only. */
export interface ConnectorKeyTargets {
  /** The `reader` policy of the normalized hub, whose key the Stream Analytics input holds. */
  readonly readerPolicy: EventHubPolicyTarget;
  readonly job: StreamAnalyticsJobRef;
  readonly input: EventHubInputSettings;
  /** The storage account whose connection string Key Vault holds for the Function App. */
  readonly storageAccount: StorageAccountTarget;
  readonly storageSecret: KeyVaultSecretRef;
}

interface Placement {
  readonly subscriptionId: string;
  readonly resourceGroupName: string;
  readonly name: string;
}

/** Where one of the connector's resources lives: its own fields first, then the connector's. */
function placementOf(connector: IomtConnector, resource: IInfrastructureResource, field: string): Placement {
  const subscriptionId = resource.infrastructureSubscriptionId ?? connector.infrastructureSubscriptionId;
  const resourceGroupName = resource.infrastructureResourceGroupName ?? connector.infrastructureResourceGroupName;
  const name = resource.infrastructureResourceName;
  if (subscriptionId === undefined || resourceGroupName === undefined || name === undefined) {
    throw new ValidationError(
      `IoMT connector ${connector.id} has no deployed ${field} recorded (infrastructure subscription, resource group and name are needed to rotate its keys)`,
      { target: field },
    );
  }
  return { subscriptionId, resourceGroupName, name };
}

/**
 * The Azure resources of a provisioned connector whose keys rotate.
 * @throws ValidationError (not retryable) when the connector lacks a deployed resource.
 */
export function connectorKeyTargets(connector: IomtConnector, inputName = DEFAULT_STREAM_ANALYTICS_INPUT_NAME): ConnectorKeyTargets {
  const eventHub = placementOf(connector, connector.eventHub, 'eventHub');
  const job = placementOf(connector, connector.streamAnalytics, 'streamAnalytics');
  const storage = placementOf(connector, connector.storage, 'storage');
  const vault = placementOf(connector, connector.keyVault, 'keyVault');
  const { streamAnalytics } = connector;
  const namespaceName = streamAnalytics.EventHubNamespace ?? eventHub.name;
  return {
    readerPolicy: {
      kind: 'eventHubAuthorizationRule',
      subscriptionId: eventHub.subscriptionId,
      resourceGroupName: eventHub.resourceGroupName,
      namespaceName,
      eventHubName: streamAnalytics.EventHubName,
      ruleName: streamAnalytics.sharedAccessPolicyName,
    },
    job: { subscriptionId: job.subscriptionId, resourceGroupName: job.resourceGroupName, jobName: job.name },
    input: {
      inputName,
      serviceBusNamespace: namespaceName,
      eventHubName: streamAnalytics.EventHubName,
      sharedAccessPolicyName: streamAnalytics.sharedAccessPolicyName,
    },
    storageAccount: { kind: 'storageAccount', subscriptionId: storage.subscriptionId, resourceGroupName: storage.resourceGroupName, accountName: storage.name },
    storageSecret: {
      subscriptionId: vault.subscriptionId,
      resourceGroupName: vault.resourceGroupName,
      vaultName: vault.name,
      secretName: connector.keyVault.webJobStorageSecretName,
    },
  };
}
