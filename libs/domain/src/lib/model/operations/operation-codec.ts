import { z } from 'zod';
import { documentCodec } from '../common/document-codec';
import { ResourceTypeName } from '../common/identifiers';
import { createSearchIndex, SearchIndexKey } from '../common/search-index';
import { matchIgnoringCase } from '../validation/enum-schemas';
import {
  fhirAccountOperationSchema,
  iomtConnectorConnectionOperationSchema,
  iomtConnectorMappingOperationSchema,
  iomtConnectorOperationSchema,
} from './operation-kinds';

const RESOURCE_TYPE_NAMES = Object.values(ResourceTypeName);

/** Reads `resourceTypeName` ignoring case, so the discriminator below sees the canonical spelling. */
function canonicaliseResourceTypeName(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  const name = (input as { resourceTypeName?: unknown }).resourceTypeName;
  const canonical = typeof name === 'string' ? matchIgnoringCase(RESOURCE_TYPE_NAMES, name) : undefined;
  return canonical === undefined ? input : { ...input, resourceTypeName: canonical };
}

/** Any operation document, told apart by `resourceTypeName`. */
export const operationDocumentSchema = z.preprocess(
  canonicaliseResourceTypeName,
  z.discriminatedUnion(
    'resourceTypeName',
    [
      fhirAccountOperationSchema,
      iomtConnectorOperationSchema,
      iomtConnectorMappingOperationSchema,
      iomtConnectorConnectionOperationSchema,
    ],
    { error: `must be one of ${RESOURCE_TYPE_NAMES.join(', ')}` },
  ),
);

/** Any operation (seed 004 `OperationDocument` and its subclasses), as held in memory. */
export type OperationDocument = z.output<typeof operationDocumentSchema>;

/**
 * Stores operations in the customer's subscription partition; the search index is the seed's
 * (`SubscriptionId`, `ResourceGroupName`, `AccountId`, `ProviderNamespace`).
 */
export const operationCodec = documentCodec({
  subject: 'The operation',
  schema: operationDocumentSchema,
  derive: (operation: OperationDocument) => ({
    partitionKey: operation.subscriptionId,
    searchIndex: createSearchIndex([
      [SearchIndexKey.SubscriptionId, operation.subscriptionId],
      [SearchIndexKey.ResourceGroupName, operation.resourceGroupName],
      [SearchIndexKey.AccountId, operation.accountId],
      [SearchIndexKey.ProviderNamespace, operation.providerNamespace],
    ]),
  }),
});

/** The stored JSON form of an {@link OperationDocument}. */
export type StoredOperationDocument = ReturnType<typeof operationCodec.toDocument>;
