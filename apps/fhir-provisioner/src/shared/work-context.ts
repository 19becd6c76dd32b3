import {
  AccountRegistryManagementRepository,
  ConflictError,
  readAccountById,
  FhirServiceAccount,
  parseHealthcareResourceId,
  isTerminalStatus,
  OperationDocument,
  OperationRepository,
  OperationStatus,
  OperationType,
  ResourceNotFoundError,
  ValidationError,
} from '@iomt/domain';

/** The ids every command carries (`@iomt/contracts` `OperationCommand`). */
export interface CommandIds {
  readonly operationId: string;
  readonly subscriptionId: string;
}

/** The operation kinds the worker handles, by their `resourceTypeName`. */
type OperationOfType<R extends OperationDocument['resourceTypeName']> = Extract<OperationDocument, { resourceTypeName: R }>;

/**
 * Reloads the operation a command names (the document is the source of truth, invariant 2) and
 * checks that it is of the kind and type the handler expects and still live.
 * @throws ResourceNotFoundError when it does not exist; ValidationError when it is of another kind
 * or type; ConflictError when it already ended (a late duplicate must not redo work).
 */
export async function loadLiveOperation<R extends OperationDocument['resourceTypeName']>(
  operations: OperationRepository,
  ids: CommandIds,
  resourceTypeName: R,
  types: readonly OperationType[],
): Promise<OperationOfType<R>> {
  const operation = await operations.get(ids.subscriptionId, ids.operationId);
  if (operation === undefined) {
    throw new ResourceNotFoundError(`Operation ${ids.operationId} does not exist`, { target: 'operationId' });
  }
  if (operation.resourceTypeName !== resourceTypeName || !types.includes(operation.provisioningOperation)) {
    throw new ValidationError(
      `Operation ${operation.id} is a ${OperationType[operation.provisioningOperation]} of ${operation.resourceTypeName}, ` +
        `not a ${types.map((t) => OperationType[t]).join(' or ')} of ${resourceTypeName}`,
      { target: 'operationId' },
    );
  }
  if (isTerminalStatus(operation.provisioningStatus)) {
    throw new ConflictError(`Operation ${operation.id} already ended (${OperationStatus[operation.provisioningStatus]})`, {
      target: 'operationId',
    });
  }
  return operation as OperationOfType<R>;
}

/**
 * The live FHIR service an operation concerns. With the operation's `accountId` it is one point
 * read by id, checked against the resource group and name in the command's resource id (ignoring
 * case, as ARM does); without one, the name query. Either way a service deleted and created again
 * under the same name is another service, so an operation never acts on the wrong incarnation.
 * @throws ResourceNotFoundError when it does not exist, was deleted or is another incarnation.
 */
export async function loadAccount(
  registry: AccountRegistryManagementRepository,
  operation: { readonly subscriptionId: string; readonly resourceGroupName: string; readonly accountId?: string },
  resourceId: string,
): Promise<FhirServiceAccount> {
  const id = parseHealthcareResourceId(resourceId);
  const name = 'fhirServiceName' in id ? id.fhirServiceName : resourceId;
  const account =
    operation.accountId === undefined
      ? await registry.getAccountByName(operation.subscriptionId, operation.resourceGroupName, name)
      : await readAccountById(registry, operation.subscriptionId, operation.accountId);
  if (account === undefined || !isNamed(account, operation.resourceGroupName, name)) {
    throw new ResourceNotFoundError(`FHIR service ${name} does not exist`, { target: 'resourceId' });
  }
  return account;
}

function isNamed(account: FhirServiceAccount, resourceGroupName: string, name: string): boolean {
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  return same(account.name, name) && same(account.resourceGroupName, resourceGroupName);
}
