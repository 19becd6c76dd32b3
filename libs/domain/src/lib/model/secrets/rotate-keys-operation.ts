import { DocumentType, ResourceTypeName } from '../common/identifiers';
import { isTerminalStatus, OperationType } from '../operations/operation-enums';
import type { OperationDocument } from '../operations/operation-codec';
import { newIomtConnectorOperation, type NewOperationContext } from '../operations/operation-factories';
import type { IomtConnectorOperationDocument } from '../operations/operation-kinds';
import type { IomtConnector } from '../resources/iomt-connector';

/**
 * A Requested RotateKeys operation on `connector` (issue 7): what the key rotator's schedule
 * creates for a due or forced secret, and what the gateway's admin-only "rotate keys" action on a
 * connector creates. Store it with the connector in one batch (`OperationRepository.createWithResource`
 * with `resourceIfMatch` = the connector's `_etag`) and publish it into the subscription's session,
 * so it runs only when no other operation of the subscription does.
 * @throws ValidationError when the connector cannot carry an operation (e.g. an invalid document).
 */
export function createRotateKeysOperation(connector: IomtConnector, ctx: NewOperationContext): IomtConnectorOperationDocument {
  return newIomtConnectorOperation(connector, OperationType.RotateKeys, ctx);
}

/** True for a RotateKeys operation of the connector `connectorId` that has not ended (Requested or Running). */
export function isPendingRotationOf(operation: OperationDocument, connectorId: string): boolean {
  return (
    operation.type === DocumentType.Operation &&
    operation.resourceTypeName === ResourceTypeName.IomtConnector &&
    operation.provisioningOperation === OperationType.RotateKeys &&
    operation.iomtConnectorId === connectorId &&
    !isTerminalStatus(operation.provisioningStatus)
  );
}
