import { ArmProvisioningState, OperationDocument, OperationStatus, OperationType } from '@iomt/domain';

/**
 * The provisioningState of a mapping or connection, which have no document of their own: that of
 * their unfinished operation (Accepted while queued, then Creating, Updating or Deleting), else
 * Succeeded (a failed operation's worker puts the connector back as it was).
 */
export function subResourceProvisioningState(pending: OperationDocument | undefined): ArmProvisioningState {
  if (pending === undefined) return 'Succeeded';
  if (pending.provisioningOperation === OperationType.DeleteConnection) return 'Deleting';
  if (pending.provisioningStatus === OperationStatus.Requested) return 'Accepted';
  return pending.provisioningOperation === OperationType.CreateConnection ? 'Creating' : 'Updating';
}
