import { ArmClients, ArmKeyManager, ArmKeyVaultSecretWriter, ArmStreamAnalyticsJobController, createAzureCredential, parseAzureOptions } from '@iomt/azure';
import type { FakeArm } from '@iomt/local-stack';
import type { ConnectorKeyTargets } from '../../src/rotation/connector-key-targets';
import type { KeySwitchPorts } from '../../src/rotation/connector-key-switch';

/** The real `@iomt/azure` adapters pointed at a fake ARM; no retries, so an injected fault is seen at once. */
export function armPorts(fakeArm: FakeArm): KeySwitchPorts {
  const options = parseAzureOptions({ mode: 'local', endpoint: fakeArm.endpoint, pollIntervalMs: 0, retry: { maxRetries: 0 } });
  const clients = new ArmClients(options, createAzureCredential(options));
  return { keys: new ArmKeyManager(clients), jobs: new ArmStreamAnalyticsJobController(clients), secrets: new ArmKeyVaultSecretWriter(clients) };
}

async function arm(fakeArm: FakeArm, method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${fakeArm.endpoint}${path}?api-version=2024-01-01`, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

/** The ARM id of a resource of the connector's infrastructure resource group. */
export function resourceId(targets: ConnectorKeyTargets, typeAndName: string): string {
  const { subscriptionId, resourceGroupName } = targets.job;
  return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroupName}/providers/${typeAndName}`;
}

/**
 * Deploys what a provisioned connector has in Azure, as far as rotation cares: the normalized hub
 * with its `reader` policy, the storage account, the Key Vault secret `blob-storage-cs` holding the
 * primary storage connection string, and a running job whose input holds the reader's primary key.
 */
export async function deployConnectorInfrastructure(fakeArm: FakeArm, targets: ConnectorKeyTargets, ports: KeySwitchPorts): Promise<void> {
  const { readerPolicy, storageAccount, storageSecret, job, input } = targets;
  const location = 'westus2';
  await arm(fakeArm, 'PUT', `/subscriptions/${job.subscriptionId}/resourcegroups/${job.resourceGroupName}`, { location });
  const namespace = resourceId(targets, `Microsoft.EventHub/namespaces/${readerPolicy.namespaceName}`);
  await arm(fakeArm, 'PUT', namespace, { location, sku: { name: 'Standard' } });
  await arm(fakeArm, 'PUT', `${namespace}/eventhubs/${readerPolicy.eventHubName}`, { properties: { partitionCount: 2 } });
  await arm(fakeArm, 'PUT', `${namespace}/eventhubs/${readerPolicy.eventHubName}/authorizationRules/${readerPolicy.ruleName}`, { properties: { rights: ['Listen'] } });
  await arm(fakeArm, 'PUT', resourceId(targets, `Microsoft.Storage/storageAccounts/${storageAccount.accountName}`), { location, kind: 'StorageV2', sku: { name: 'Standard_LRS' } });
  await arm(fakeArm, 'PUT', resourceId(targets, `Microsoft.KeyVault/vaults/${storageSecret.vaultName}`), {
    location,
    properties: { tenantId: 'abfde7b2-df0f-47e6-aabf-2462b07508dc', sku: { family: 'A', name: 'standard' } },
  });
  const storageKeys = await ports.keys.listKeys(storageAccount);
  await ports.secrets.setSecret(storageSecret, storageKeys.primaryConnectionString ?? '');
  const readerKeys = await ports.keys.listKeys(readerPolicy);
  await arm(fakeArm, 'PUT', resourceId(targets, `Microsoft.StreamAnalytics/streamingjobs/${job.jobName}`), {
    location,
    properties: { sku: { name: 'Standard' }, inputs: [{ name: input.inputName, properties: { type: 'Stream', datasource: eventHubDatasource(targets, readerKeys.primaryKey) } }] },
  });
  await ports.jobs.startFromLastOutput(job);
}

function eventHubDatasource(targets: ConnectorKeyTargets, key: string) {
  const { input } = targets;
  return {
    type: 'Microsoft.ServiceBus/EventHub',
    properties: { serviceBusNamespace: input.serviceBusNamespace, eventHubName: input.eventHubName, sharedAccessPolicyName: input.sharedAccessPolicyName, sharedAccessPolicyKey: key },
  };
}
