import {
  AccountRegistryManagementRepository,
  DocumentType,
  IomtConnector,
  MappingStore,
  ResourceDeployer,
  ResourceNotFoundError,
  ResourceState,
  streamAnalyticsJobSecretId,
} from '@iomt/domain';

/** The ports a connector teardown uses. */
export interface ConnectorTeardownPorts {
  readonly registry: AccountRegistryManagementRepository;
  readonly deployer: ResourceDeployer;
  readonly mappings: MappingStore;
}

function ignoreNotFound(error: unknown): void {
  if (!(error instanceof ResourceNotFoundError)) throw error;
}

/**
 * The iomt-provisioner's deprovisioning steps, run here inside the FHIR service's operation:
 * mappings, the connector's resource group, state Deprovisioned, then soft-deletes of its secret
 * metadata and of the connector. Each step tolerates having been done, so a re-run after a crash
 * completes what is left. Doing it here (rather than sending iomt commands and waiting) keeps the
 * FHIR operation one unit of work in one session, with no second reply to correlate.
 */
export async function tearDownConnector(ports: ConnectorTeardownPorts, connector: IomtConnector): Promise<void> {
  const { registry } = ports;
  await ports.mappings.deleteAll(connector.subscriptionId, connector.id).catch(ignoreNotFound);
  const { infrastructureSubscriptionId: subscription, infrastructureResourceGroupName: group } = connector;
  if (subscription !== undefined && group !== undefined) await ports.deployer.deleteResourceGroup(subscription, group);
  const deprovisioned = await registry.upsertChildResource(
    { ...connector, state: ResourceState.Deprovisioned },
    connector._etag === undefined ? {} : { ifMatch: connector._etag },
  );
  const secretId = streamAnalyticsJobSecretId(connector.id);
  const secret = await registry.getChildResourceById(connector.subscriptionId, secretId, DocumentType.AccountSpecificStreamAnalyticsJob);
  if (secret !== undefined) await registry.deleteChildResource(secret).catch(ignoreNotFound);
  await registry.deleteChildResource(deprovisioned, deprovisioned._etag === undefined ? {} : { ifMatch: deprovisioned._etag });
}

/** Every live connector of a FHIR service, across pages. */
export async function connectorsOf(
  registry: AccountRegistryManagementRepository,
  subscriptionId: string,
  accountId: string,
): Promise<IomtConnector[]> {
  const connectors: IomtConnector[] = [];
  let continuationToken: string | undefined;
  do {
    const page = await registry.getChildResourcesByParentId(subscriptionId, accountId, DocumentType.IomtConnector, {
      ...(continuationToken === undefined ? {} : { continuationToken }),
    });
    connectors.push(...page.items);
    continuationToken = page.continuationToken;
  } while (continuationToken !== undefined);
  return connectors;
}
