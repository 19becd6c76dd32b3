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

/** Infrastructure a provisioned connector points at in these tests (the fake ARM's Event Hubs). */
export const TEST_INFRASTRUCTURE = {
  infrastructureSubscriptionId: '00000000-0000-0000-0000-0000000000aa',
  infrastructureResourceGroupName: 'rg-iomt-test',
  infrastructureResourceName: 'iomt-test-ehn',
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

function connectorAfter(connector: IomtConnector, operation: OperationDocument): IomtConnector {
  const next = applyOperationToResource(connector, operation);
  if (operation.provisioningStatus !== OperationStatus.Completed) return next;
  if (operation.resourceTypeName === ResourceTypeName.IomtConnectorConnection && operation.provisioningOperation === OperationType.DeleteConnection) {
    const remaining = next.eventHub.deviceWritePolicyNames.filter((name) => name.toLowerCase() !== operation.connectionName.toLowerCase());
    return { ...next, eventHub: { ...next.eventHub, deviceWritePolicyNames: remaining } };
  }
  if (next.state === ResourceState.Provisioned) return { ...next, eventHub: { ...next.eventHub, ...TEST_INFRASTRUCTURE } };
  return next;
}

async function applyToConnector(registry: AccountRegistryManagementRepository, operation: OperationDocument & { iomtConnectorId: string }): Promise<void> {
  const connector = await registry.getChildResourceById(operation.subscriptionId, operation.iomtConnectorId, 'iomtConnector');
  if (connector === undefined) return;
  const gone = operation.provisioningOperation === OperationType.Deprovision && operation.provisioningStatus === OperationStatus.Completed;
  if (gone) {
    await registry.deleteChildResource(connector);
    return;
  }
  await registry.upsertChildResource(connectorAfter(connector, operation), { ifMatch: connector._etag });
}

/**
 * What a finished operation does to its resource, as the real workers will: the state its status
 * implies, the account or connector document deleted after a completed Deprovision (the account's
 * connectors with it), a deleted connection removed from its connector.
 */
export async function applyOperationEffects(registry: AccountRegistryManagementRepository, operation: OperationDocument): Promise<void> {
  if (operation.resourceTypeName === ResourceTypeName.FhirService) return applyToAccount(registry, operation);
  return applyToConnector(registry, operation);
}
