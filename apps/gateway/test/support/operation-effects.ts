import {
  AccountRegistryManagementRepository,
  applyOperationToResource,
  DocumentType,
  FhirServiceAccount,
  IomtConnector,
  markDeleted,
  OperationDocument,
  OperationStatus,
  OperationType,
  ResourceState,
  ResourceTypeName,
} from '@iomt/domain';

import { FakeAzureEffects } from './fake-azure-effects';

/** Where a provisioned connector's resources live in these tests (on the fake ARM). */
export const TEST_INFRASTRUCTURE = {
  infrastructureSubscriptionId: '00000000-0000-0000-0000-0000000000aa',
  infrastructureResourceGroupName: 'rg-iomt-test',
  infrastructureLocation: 'westus2',
};

async function accountOf(registry: AccountRegistryManagementRepository, operation: OperationDocument): Promise<FhirServiceAccount | undefined> {
  const entity = await registry.getParentByChild({
    parentId: operation.accountId ?? '',
    parentName: '',
    parentType: DocumentType.Account,
    type: DocumentType.IomtConnector,
    name: '',
    subscriptionId: operation.subscriptionId,
  });
  return entity?.type === DocumentType.Account ? entity : undefined;
}

async function applyToAccount(registry: AccountRegistryManagementRepository, operation: OperationDocument): Promise<void> {
  const account = await accountOf(registry, operation);
  if (account === undefined) return;
  const next = applyOperationToResource(account, operation);
  const gone = operation.provisioningOperation === OperationType.Deprovision && operation.provisioningStatus === OperationStatus.Completed;
  if (gone) {
    const children = await registry.getChildResourcesByParentId(account.subscriptionId, account.id, 'iomtConnector');
    for (const connector of children.items) await registry.deleteChildResource(connector);
  }
  await registry.upsertAccount(gone ? markDeleted(next) : next, { ifMatch: account._etag });
}

/** The connector after its operation, and the Azure change the operation made (done before the document is written). */
async function connectorAfter(connector: IomtConnector, operation: OperationDocument, azure: FakeAzureEffects): Promise<IomtConnector> {
  const next = applyOperationToResource(connector, operation);
  if (operation.provisioningStatus !== OperationStatus.Completed) return next;
  if (operation.resourceTypeName === ResourceTypeName.IomtConnectorConnection) {
    if (operation.provisioningOperation === OperationType.CreateConnection) {
      await azure.createConnection(next, operation.connectionName);
      return next;
    }
    await azure.deleteConnection(next, operation.connectionName);
    const remaining = next.eventHub.deviceWritePolicyNames.filter((name) => name.toLowerCase() !== operation.connectionName.toLowerCase());
    return { ...next, eventHub: { ...next.eventHub, deviceWritePolicyNames: remaining } };
  }
  if (next.state !== ResourceState.Provisioned || next.infrastructureSubscriptionId !== undefined) return next;
  const placed = { ...next, ...TEST_INFRASTRUCTURE, eventHub: { ...next.eventHub, infrastructureResourceName: `ehn-${next.id}` } };
  await azure.provisionConnector(placed);
  return placed;
}

async function applyToConnector(
  registry: AccountRegistryManagementRepository,
  operation: OperationDocument & { iomtConnectorId: string },
  azure: FakeAzureEffects,
): Promise<void> {
  const connector = await registry.getChildResourceById(operation.subscriptionId, operation.iomtConnectorId, 'iomtConnector');
  if (connector === undefined) return;
  const gone = operation.provisioningOperation === OperationType.Deprovision && operation.provisioningStatus === OperationStatus.Completed;
  if (gone) {
    await registry.deleteChildResource(connector);
    return;
  }
  await registry.upsertChildResource(await connectorAfter(connector, operation, azure), { ifMatch: connector._etag });
}

/**
 * What a finished operation does to its resource, as the real workers will: the state its status
 * implies, the account or connector document deleted after a completed Deprovision (the account's
 * connectors with it), a connector placed in an infrastructure subscription with its Event Hubs
 * namespace on the fake ARM, connections' policies created and deleted there.
 */
export async function applyOperationEffects(
  registry: AccountRegistryManagementRepository,
  operation: OperationDocument,
  azure: FakeAzureEffects,
): Promise<void> {
  if (operation.resourceTypeName === ResourceTypeName.FhirService) return applyToAccount(registry, operation);
  return applyToConnector(registry, operation, azure);
}
