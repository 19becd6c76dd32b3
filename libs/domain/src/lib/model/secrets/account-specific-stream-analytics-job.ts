import { z } from 'zod';
import { childResourceName, childResourceShape, childSearchIndex, nameUnderParentRule } from '../common/child-resource';
import { documentCodec } from '../common/document-codec';
import { DocumentType } from '../common/identifiers';
import { SearchIndexKey } from '../common/search-index';
import { withCrossFieldRules } from '../validation/cross-field-rule';
import { caseInsensitiveEnum } from '../validation/enum-schemas';
import { isoDateTime, resourceGroupName } from '../validation/rules';

/**
 * Secret metadata of a connector's Stream Analytics job (seed 004
 * `AccountSpecificStreamAnalyticsJob`, an `ISecretMetadata`): which key slot of the `reader`
 * policy the job's input uses, and when it was last rotated. Never the key itself.
 *
 * The seed gives these properties no `[JsonProperty]`; we store them camelCased like every
 * attributed property (`isUsingPrimaryKey`, `secretLastRotated`, ...). `resourceGroup` is the
 * customer's resource group (the connector's), as on the seed's class.
 */
export const accountSpecificStreamAnalyticsJobSchema = withCrossFieldRules(
  z.object({
    ...childResourceShape,
    type: z.literal(DocumentType.AccountSpecificStreamAnalyticsJob),
    parentType: caseInsensitiveEnum([DocumentType.IomtConnector]),
    resourceGroup: resourceGroupName(),
    /** True while consumers use the primary key; the secondary is the standby to regenerate. */
    isUsingPrimaryKey: z.boolean(),
    secretLastRotated: isoDateTime(),
    secretRotationCount: z.int().min(0),
    /** Rotate at the next sweep regardless of age. */
    forceRotation: z.boolean().default(false),
  }),
  [nameUnderParentRule],
);

/** Secret metadata of a connector's Stream Analytics job, as held in memory. */
export type AccountSpecificStreamAnalyticsJob = z.output<typeof accountSpecificStreamAnalyticsJobSchema>;

/** Stores the secret metadata in the customer's subscription partition, next to its connector. */
export const accountSpecificStreamAnalyticsJobCodec = documentCodec({
  subject: 'The Stream Analytics job secret metadata',
  schema: accountSpecificStreamAnalyticsJobSchema,
  derive: (job: AccountSpecificStreamAnalyticsJob) => ({
    partitionKey: job.subscriptionId,
    searchIndex: childSearchIndex(job, [[SearchIndexKey.ResourceGroupName, job.resourceGroup]]),
  }),
});

/** The stored JSON form of an {@link AccountSpecificStreamAnalyticsJob}. */
export type AccountSpecificStreamAnalyticsJobDocument = ReturnType<typeof accountSpecificStreamAnalyticsJobCodec.toDocument>;

/** The last segment of the metadata's name: `{connector name}/streamAnalyticsJob`. */
export const STREAM_ANALYTICS_JOB_CHILD_NAME = 'streamAnalyticsJob';

/** The metadata's document id, derived from its connector's so creating it twice collides instead of duplicating. */
export function streamAnalyticsJobSecretId(connectorId: string): string {
  return `${connectorId}-asajob`;
}

/** The connector fields the metadata is made from. */
export interface SecretMetadataParent {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly subscriptionId: string;
  readonly resourceGroupName: string;
}

/**
 * New secret metadata for `connector`'s job, created with the connector: the templates deploy the
 * job with the `reader` policy's primary key, so the primary slot is in use and `now` is its age.
 */
export function createStreamAnalyticsJobSecretMetadata(
  connector: SecretMetadataParent,
  now: Date,
): AccountSpecificStreamAnalyticsJob {
  return accountSpecificStreamAnalyticsJobCodec.parse({
    id: streamAnalyticsJobSecretId(connector.id),
    type: DocumentType.AccountSpecificStreamAnalyticsJob,
    parentId: connector.id,
    parentName: connector.name,
    parentType: connector.type,
    subscriptionId: connector.subscriptionId,
    name: childResourceName(connector.name, STREAM_ANALYTICS_JOB_CHILD_NAME),
    resourceGroup: connector.resourceGroupName,
    isUsingPrimaryKey: true,
    secretLastRotated: now.toISOString(),
    secretRotationCount: 0,
    forceRotation: false,
  });
}
