import type { OperationInitiator } from '@iomt/domain';

/** Two optional ids are the same: both absent, or equal ignoring case (GUIDs and hex PUIDs have no case). */
function sameId(recorded: string | undefined, presented: string | undefined): boolean {
  if (recorded === undefined || presented === undefined) return recorded === presented;
  return recorded.toLowerCase() === presented.toLowerCase();
}

/**
 * Whether `caller` may read the status of an operation `initiator` asked for (arm-rpc.md §1.5,
 * operation result rules 1 and 4): an operation no one initiated (the system's own) is readable by
 * anyone authorised for its subscription; otherwise the caller must be in the same home tenant and
 * be the same principal, by object id, or by PUID when no object id was recorded.
 */
export function mayPollOperation(initiator: OperationInitiator | undefined, caller: OperationInitiator | undefined): boolean {
  if (initiator === undefined) return true;
  if (caller === undefined || !sameId(initiator.homeTenantId, caller.homeTenantId)) return false;
  if (initiator.objectId !== undefined) return sameId(initiator.objectId, caller.objectId);
  if (initiator.puid !== undefined) return sameId(initiator.puid, caller.puid);
  return true;
}
