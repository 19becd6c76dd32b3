import { IomtMappingName, OperationDocument, ResourceTypeName } from '@iomt/domain';

/** The unfinished operation on one mapping of a connector, if any. */
export function pendingMappingOperation(
  pending: readonly OperationDocument[],
  connectorId: string,
  mappingName: IomtMappingName,
): OperationDocument | undefined {
  return pending.find(
    (operation) =>
      operation.resourceTypeName === ResourceTypeName.IomtConnectorMapping &&
      operation.iomtConnectorId === connectorId &&
      operation.mappingType === mappingName,
  );
}
