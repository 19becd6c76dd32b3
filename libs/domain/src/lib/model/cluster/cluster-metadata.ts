import { z } from 'zod';
import { documentMetadataShape } from '../common/account-registry-document';
import { documentCodec } from '../common/document-codec';
import { DocumentType } from '../common/identifiers';
import { resourceGroupName, subscriptionId, text } from '../validation/rules';

/** Azure's limit of resource groups per subscription. */
export const MAX_RESOURCE_GROUPS_PER_SUBSCRIPTION = 980;

/** An infrastructure subscription the provisioners deploy connectors into (seed 000 §6). */
export const infrastructureSubscriptionSchema = z.object({
  subscriptionId: subscriptionId(),
  enabled: z.boolean().default(true),
  maxResourceGroups: z.int().min(1).max(MAX_RESOURCE_GROUPS_PER_SUBSCRIPTION).default(MAX_RESOURCE_GROUPS_PER_SUBSCRIPTION),
  /** Connector resource groups placed in it so far. */
  resourceGroupCount: z.int().min(0).default(0),
});
export type InfrastructureSubscription = z.output<typeof infrastructureSubscriptionSchema>;

/** A regional App Service plan hosting connectors' Function Apps, and its room (seed 000 §3-4). */
export const appServicePlanCapacitySchema = z.object({
  /** ARM id of the plan. */
  resourceId: text(),
  infrastructureSubscriptionId: subscriptionId(),
  resourceGroupName: resourceGroupName(),
  maxApps: z.int().min(1),
  appCount: z.int().min(0).default(0),
});
export type AppServicePlanCapacity = z.output<typeof appServicePlanCapacitySchema>;

/**
 * What the provisioners know about one region (document type `clusterMetadata`, partitioned
 * by region). Deliberately small: the regional-infrastructure work extends it.
 */
export const clusterMetadataSchema = z.object({
  ...documentMetadataShape,
  type: z.literal(DocumentType.ClusterMetadata),
  /** Normalised region name, e.g. `westus2` (`arm/`'s `normalizeLocation`). */
  regionName: z.string().regex(/^[a-z0-9]+$/, { error: 'must be a normalised region name such as westus2' }),
  /** Display name, e.g. `West US 2`. */
  displayName: text().optional(),
  enabled: z.boolean().default(true),
  infrastructureSubscriptions: z.array(infrastructureSubscriptionSchema).default(() => []),
  appServicePlans: z.array(appServicePlanCapacitySchema).default(() => []),
});
export type ClusterMetadata = z.output<typeof clusterMetadataSchema>;

/** Stores a region's metadata in the partition of its region name. */
export const clusterMetadataCodec = documentCodec({
  subject: 'The cluster metadata',
  schema: clusterMetadataSchema,
  derive: (metadata: ClusterMetadata) => ({ partitionKey: metadata.regionName }),
});
export type ClusterMetadataDocument = ReturnType<typeof clusterMetadataCodec.toDocument>;

/** True when the subscription is enabled and can take another resource group. */
export function hasResourceGroupCapacity(subscription: InfrastructureSubscription): boolean {
  return subscription.enabled && subscription.resourceGroupCount < subscription.maxResourceGroups;
}

/** True when the plan can host another Function App. */
export function hasAppCapacity(plan: AppServicePlanCapacity): boolean {
  return plan.appCount < plan.maxApps;
}
