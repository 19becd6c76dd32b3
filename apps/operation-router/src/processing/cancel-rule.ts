import {
  OperationStatus,
  OperationType,
  ResourceState,
  ResourceTypeName,
  type OperationDocument,
} from '@iomt/domain';

/** The reason written to a canceled create's `exceptionDetails` (code `Canceled`). */
export const SUPERSEDED_REASON = 'Canceled: superseded by a later delete of the resource before the create started.';

/** What the rule needs to know about the operation's resource. */
export interface ResourceSnapshot {
  /** False when the resource document is gone (soft-deleted) or was never written. */
  readonly exists: boolean;
  readonly state?: ResourceState;
}

const DELETION_STATES: readonly ResourceState[] = [ResourceState.Deprovisioning, ResourceState.Deprovisioned];

/** The FHIR service / connector document ids a create touches. */
function targetsOf(operation: OperationDocument): { accountId?: string; connectorId?: string } {
  if (operation.resourceTypeName === ResourceTypeName.FhirService) return { accountId: operation.accountId };
  return { accountId: operation.accountId, connectorId: operation.iomtConnectorId };
}

/** True when `later` deletes what `create` creates: the same resource, or the FHIR service above a connector. */
function deletes(later: OperationDocument, create: OperationDocument): boolean {
  if (later.provisioningOperation !== OperationType.Deprovision || later.id === create.id) return false;
  if (Date.parse(later.timeEnqueued) < Date.parse(create.timeEnqueued)) return false;
  const target = targetsOf(create);
  if (later.resourceTypeName === ResourceTypeName.FhirService) {
    return target.accountId !== undefined && later.accountId === target.accountId;
  }
  return later.resourceTypeName === ResourceTypeName.IomtConnector && later.iomtConnectorId === target.connectorId;
}

/** Cheap pre-check (no I/O): only a Provision still Requested can be superseded. */
export function maySupersede(operation: OperationDocument): boolean {
  return operation.provisioningOperation === OperationType.Provision && operation.provisioningStatus === OperationStatus.Requested;
}

/**
 * Whether a queued create is superseded by a delete and must end Canceled instead of running.
 * Applies only to a Provision still Requested (never started: nothing was deployed, so there is
 * nothing to undo; a create already Running runs to its end and the delete that follows it in
 * the subscription's session removes what it made). It is superseded when
 * - a Deprovision of the same resource, or of the FHIR service above the connector, was enqueued
 *   at or after it and is not terminal (the gateway accepted a DELETE while the create waited), or
 * - the resource is marked for deletion (Deprovisioning/Deprovisioned) or its document is gone.
 * Invariant 1 keeps this safe: the delete runs after the create's message in the same session.
 */
export function isSupersededCreate(
  operation: OperationDocument,
  nonTerminal: readonly OperationDocument[],
  resource: ResourceSnapshot,
): boolean {
  if (!maySupersede(operation)) return false;
  if (!resource.exists) return true;
  if (resource.state !== undefined && DELETION_STATES.includes(resource.state)) return true;
  return nonTerminal.some((later) => deletes(later, operation));
}
