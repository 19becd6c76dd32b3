import { ResourceState } from '../resources/resource-state';
import { OperationStatus, OperationType } from './operation-enums';

type StatesByStatus = Readonly<Partial<Record<OperationStatus, ResourceState>>>;

/**
 * The state a resource takes while its operation is in each status.
 * - Provision: Accepted (queued) → Provisioning → Provisioned | Failed | Canceled.
 * - Deprovision: Deprovisioning (ARM shows `Deleting` from the DELETE on) → Deprovisioned | Failed | Canceled.
 * - Patch: Updating → Provisioned | Failed | Canceled.
 * - RotateKeys, UpdateMapping, CreateConnection, DeleteConnection: none. Rotation is invisible to
 *   the customer and the connector keeps working on the old key if it fails; mappings and
 *   connections are sub-resources whose outcome the operation's own status reports, and a failed
 *   one leaves the running connector as it was.
 */
export const RESOURCE_STATE_BY_OPERATION: Readonly<Record<OperationType, StatesByStatus>> = {
  [OperationType.Provision]: {
    [OperationStatus.Requested]: ResourceState.Accepted,
    [OperationStatus.Running]: ResourceState.Provisioning,
    [OperationStatus.Completed]: ResourceState.Provisioned,
    [OperationStatus.Failed]: ResourceState.Failed,
    [OperationStatus.Canceled]: ResourceState.Canceled,
  },
  [OperationType.Deprovision]: {
    [OperationStatus.Requested]: ResourceState.Deprovisioning,
    [OperationStatus.Running]: ResourceState.Deprovisioning,
    [OperationStatus.Completed]: ResourceState.Deprovisioned,
    [OperationStatus.Failed]: ResourceState.Failed,
    [OperationStatus.Canceled]: ResourceState.Canceled,
  },
  [OperationType.Patch]: {
    [OperationStatus.Requested]: ResourceState.Updating,
    [OperationStatus.Running]: ResourceState.Updating,
    [OperationStatus.Completed]: ResourceState.Provisioned,
    [OperationStatus.Failed]: ResourceState.Failed,
    [OperationStatus.Canceled]: ResourceState.Canceled,
  },
  [OperationType.RotateKeys]: {},
  [OperationType.UpdateMapping]: {},
  [OperationType.CreateConnection]: {},
  [OperationType.DeleteConnection]: {},
};

/** The resource state for an operation of `type` in `status`, or undefined when the resource keeps its state. */
export function resourceStateFor(type: OperationType, status: OperationStatus): ResourceState | undefined {
  return RESOURCE_STATE_BY_OPERATION[type][status];
}

/** The resource with the state its operation implies (the same object when the operation does not touch the state). */
export function applyOperationToResource<T extends { readonly state: ResourceState }>(
  resource: T,
  operation: { readonly provisioningOperation: OperationType; readonly provisioningStatus: OperationStatus },
): T {
  const state = resourceStateFor(operation.provisioningOperation, operation.provisioningStatus);
  return state === undefined || state === resource.state ? resource : { ...resource, state };
}

/** `status` of the HealthcareApis `operationresults` resource (`OperationResultStatus`). */
export type OperationResultStatus = 'Requested' | 'Running' | 'Succeeded' | 'Failed' | 'Canceled';

/** The `operationresults` status ARM polls through `Azure-AsyncOperation`; Completed reads `Succeeded`. */
export function operationResultStatusOf(status: OperationStatus): OperationResultStatus {
  return status === OperationStatus.Completed ? 'Succeeded' : (OperationStatus[status] as OperationResultStatus);
}
