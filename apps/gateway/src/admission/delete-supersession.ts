import { OperationDocument, OperationStatus, OperationType, ResourceTypeName } from '@iomt/domain';
import { OperationTarget, targetKey, targetOfOperation } from './operation-target';

const SUPERSEDABLE_TYPES: readonly OperationType[] = [OperationType.Provision, OperationType.Patch];
const SUPERSEDABLE_RESOURCES: readonly ResourceTypeName[] = [ResourceTypeName.FhirService, ResourceTypeName.IomtConnector];

/**
 * True for an operation a DELETE of its resource (or of the FHIR service above it) need not wait
 * for: a create or update of a service or connector still queued (Requested, never started). The
 * DELETE is admitted behind it in the subscription's session; the router then cancels a superseded
 * create before it runs (its cancel rule) and runs a queued update first, whose result the delete
 * removes. Anything Running, and every other kind of operation, still makes the DELETE wait (409).
 */
export function isSupersededByDelete(operation: OperationDocument): boolean {
  return (
    operation.provisioningStatus === OperationStatus.Requested &&
    SUPERSEDABLE_TYPES.includes(operation.provisioningOperation) &&
    SUPERSEDABLE_RESOURCES.includes(operation.resourceTypeName)
  );
}

/**
 * True when `target` itself has a queued create or update a DELETE supersedes: its non-terminal
 * state (Accepted, Updating) is that operation's, not work in progress.
 */
export function hasQueuedWriteSupersededByDelete(pending: readonly OperationDocument[], target: OperationTarget): boolean {
  const key = targetKey(target);
  return pending.some((operation) => {
    const other = targetOfOperation(operation);
    return other !== undefined && targetKey(other) === key && isSupersededByDelete(operation);
  });
}
