import {
  DocumentType,
  readAccountById,
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
