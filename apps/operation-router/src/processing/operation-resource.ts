import {
  DocumentType,
  OperationType,
  readAccountById,
  ResourceState,
  resourceStateFor,
  ResourceTypeName,
  type AccountRegistryReadRepository,
  type FhirServiceAccount,
  type IomtConnector,
  type OperationDocument,
} from '@iomt/domain';

/** The registry resource whose state an operation drives: its FHIR service or its connector. */
export type OperationResource = FhirServiceAccount | IomtConnector;

/**
 * Reads the resource an operation is about (undefined when absent or soft-deleted): the account
 * for FHIR service operations, the connector for every connector-level operation.
 */
export async function loadOperationResource(
  registry: AccountRegistryReadRepository,
  operation: OperationDocument,
): Promise<OperationResource | undefined> {
  if (operation.resourceTypeName !== ResourceTypeName.FhirService) {
    return registry.getChildResourceById(operation.subscriptionId, operation.iomtConnectorId, DocumentType.IomtConnector);
  }
  if (operation.accountId === undefined) return undefined;
  return readAccountById(registry, operation.subscriptionId, operation.accountId);
}

/** The resource an operation runs against, as last read or written in this run (undefined: absent or gone). */
export interface OperationRun {
  readonly operation: OperationDocument;
  readonly resource: OperationResource | undefined;
}

/**
 * The resource in the state `operation`'s status implies (domain `RESOURCE_STATE_BY_OPERATION`),
 * or undefined when it keeps its state: already there, not touched by the operation's type
 * (rotation, mapping, connection), Deprovisioned, or marked for deletion (see {@link mayMove}).
 */
export function resourceAfter(resource: OperationResource, operation: OperationDocument): OperationResource | undefined {
  const state = resourceStateFor(operation.provisioningOperation, operation.provisioningStatus);
  if (state === undefined || resource.state === state || !mayMove(resource.state, operation.provisioningOperation)) return undefined;
  return { ...resource, state };
}

/**
 * A resource marked for deletion (the gateway set Deprovisioning with its DELETE) keeps that state
 * against anything but its Deprovision operation: a create canceled because of that DELETE must
 * not show Canceled while the deletion is pending.
 */
function mayMove(current: ResourceState, type: OperationType): boolean {
  if (current === ResourceState.Deprovisioned) return false;
  return current !== ResourceState.Deprovisioning || type === OperationType.Deprovision;
}
