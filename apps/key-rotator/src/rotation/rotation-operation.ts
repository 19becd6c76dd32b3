import {
  ConflictError,
  isTerminalStatus,
  type IomtConnectorOperationDocument,
  OperationStatus,
  type OperationRepository,
  OperationType,
  ResourceNotFoundError,
  ResourceTypeName,
  ValidationError,
} from '@iomt/domain';

/** The ids a rotation command carries. */
export interface RotationCommandIds {
  readonly operationId: string;
  readonly subscriptionId: string;
}

/**
 * Reloads the operation a command names (the document is the source of truth, invariant 2) and
 * checks it is a live RotateKeys operation of a connector.
 * @throws ResourceNotFoundError when absent; ValidationError when it is another kind of
 * operation; ConflictError when it already ended (a late duplicate must not rotate again).
 */
export async function loadLiveRotation(operations: OperationRepository, ids: RotationCommandIds): Promise<IomtConnectorOperationDocument> {
  const operation = await operations.get(ids.subscriptionId, ids.operationId);
  if (operation === undefined) {
    throw new ResourceNotFoundError(`Operation ${ids.operationId} does not exist`, { target: 'operationId' });
  }
  if (operation.resourceTypeName !== ResourceTypeName.IomtConnector || operation.provisioningOperation !== OperationType.RotateKeys) {
    throw new ValidationError(
      `Operation ${operation.id} is a ${OperationType[operation.provisioningOperation]} of ${operation.resourceTypeName}, not a RotateKeys of ${ResourceTypeName.IomtConnector}`,
      { target: 'operationId' },
    );
  }
  if (isTerminalStatus(operation.provisioningStatus)) {
    throw new ConflictError(`Operation ${operation.id} already ended (${OperationStatus[operation.provisioningStatus]})`, { target: 'operationId' });
  }
  return operation;
}
