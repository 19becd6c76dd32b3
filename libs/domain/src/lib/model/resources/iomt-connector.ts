import { z } from 'zod';
import { childResourceShape, childSearchIndex, nameUnderParentRule } from '../common/child-resource';
import { documentCodec } from '../common/document-codec';
import { DocumentType, PROVIDER_NAMESPACE, ResourceTypeName } from '../common/identifiers';
import { infrastructureEntityShape } from '../common/infrastructure';
import { SearchIndexKey } from '../common/search-index';
import { withCrossFieldRules } from '../validation/cross-field-rule';
import { caseInsensitiveEnum } from '../validation/enum-schemas';
import { resourceGroupName, tags, text } from '../validation/rules';
import { eventHubResourceDefinitionSchema } from './event-hub.definition';
import { functionAppResourceDefinitionSchema } from './function-app.definition';
import { iomtConnectorPropertiesSchema } from './iomt-service-configuration';
import { keyVaultResourceDefinitionSchema } from './key-vault.definition';
import { resourceStateSchema } from './resource-state';
import { storageResourceDefinitionSchema } from './storage.definition';
import { streamAnalyticsResourceDefinitionSchema } from './stream-analytics.definition';

/**
 * The IoMT connector (seed 004 `IomtConnector`, type `iomtConnector`), a child of a FHIR
 * service account. Property names are the seed's JSON names: `iomtProperties`, `function`,
 * `providerNameSpace` (capital S, unlike the operation documents' `providerNamespace`).
 * `location` and `tags` are ours: ARM's tracked-resource fields the gateway must return.
 */
export const iomtConnectorSchema = withCrossFieldRules(
  z.object({
    ...childResourceShape,
    type: z.literal(DocumentType.IomtConnector),
    parentType: caseInsensitiveEnum([DocumentType.Account]),
    location: text(),
    tags: tags().optional(),
    ...infrastructureEntityShape,
    iomtProperties: iomtConnectorPropertiesSchema.prefault({}),
    eventHub: eventHubResourceDefinitionSchema.prefault({}),
    streamAnalytics: streamAnalyticsResourceDefinitionSchema.prefault({}),
    storage: storageResourceDefinitionSchema.prefault({}),
    function: functionAppResourceDefinitionSchema.prefault({}),
    keyVault: keyVaultResourceDefinitionSchema.prefault({}),
    /** The version of the connector code deployed. */
    connectorVersion: text().optional(),
    /** The customer's resource group (the parent's). */
    resourceGroupName: resourceGroupName(),
    providerNameSpace: caseInsensitiveEnum([PROVIDER_NAMESPACE]),
    resourceTypeName: caseInsensitiveEnum([ResourceTypeName.IomtConnector]),
    state: resourceStateSchema,
  }),
  [nameUnderParentRule],
);

/** An IoMT connector as held in memory; {@link iomtConnectorCodec} turns it into its document. */
export type IomtConnector = z.output<typeof iomtConnectorSchema>;

/** Stores connectors: `partitionKey` = subscription id; search index adds resource group, type name and namespace. */
export const iomtConnectorCodec = documentCodec({
  subject: 'The IoMT connector',
  schema: iomtConnectorSchema,
  derive: (connector: IomtConnector) => ({
    partitionKey: connector.subscriptionId,
    searchIndex: childSearchIndex(connector, [
      [SearchIndexKey.ResourceGroupName, connector.resourceGroupName],
      [SearchIndexKey.ResourceTypeName, connector.resourceTypeName],
      [SearchIndexKey.ProviderNamespace, connector.providerNameSpace],
    ]),
  }),
});

/** The stored JSON form of an {@link IomtConnector}. */
export type IomtConnectorDocument = ReturnType<typeof iomtConnectorCodec.toDocument>;
