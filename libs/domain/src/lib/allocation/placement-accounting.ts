import { AppServicePlanCapacity, ClusterMetadata, hasAppCapacity, hasResourceGroupCapacity } from '../model/cluster';
import { PlacementNotInRegionError, RegionCapacityExhaustedError } from './allocation.errors';
import type { ConnectorPlacement } from './connector-placement';

/** The part of a placement that counting needs (what a stored connector remembers). */
export type PlacementRef = Pick<ConnectorPlacement, 'infrastructureSubscriptionId' | 'appServicePlanId'>;

const sameId = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

function locate(metadata: ClusterMetadata, placement: PlacementRef) {
  const planIndex = metadata.appServicePlans.findIndex((p) => sameId(p.resourceId, placement.appServicePlanId));
  const subscriptionIndex = metadata.infrastructureSubscriptions.findIndex((s) =>
    sameId(s.subscriptionId, placement.infrastructureSubscriptionId),
  );
  const plan: AppServicePlanCapacity | undefined = metadata.appServicePlans[planIndex];
  if (
    plan === undefined ||
    subscriptionIndex < 0 ||
    !sameId(plan.infrastructureSubscriptionId, placement.infrastructureSubscriptionId)
  ) {
    throw new PlacementNotInRegionError(
      `Region '${metadata.regionName}' has no App Service plan ${placement.appServicePlanId} in subscription ${placement.infrastructureSubscriptionId}.`,
      { target: 'appServicePlanId' },
    );
  }
  return { planIndex, subscriptionIndex };
}

function withCounts(metadata: ClusterMetadata, placement: PlacementRef, delta: 1 | -1): ClusterMetadata {
  const { planIndex, subscriptionIndex } = locate(metadata, placement);
  return {
    ...metadata,
    appServicePlans: metadata.appServicePlans.map((plan, i) =>
      i === planIndex ? { ...plan, appCount: Math.max(0, plan.appCount + delta) } : plan,
    ),
    infrastructureSubscriptions: metadata.infrastructureSubscriptions.map((s, i) =>
      i === subscriptionIndex ? { ...s, resourceGroupCount: Math.max(0, s.resourceGroupCount + delta) } : s,
    ),
  };
}

/**
 * The region's metadata with one more app on the plan and one more resource group in the
 * subscription. Store it with the `_etag` it was read with; on a lost race, read and choose again.
 * @throws PlacementNotInRegionError when the plan or subscription is not in the metadata.
 * @throws RegionCapacityExhaustedError when the plan or subscription has no room left.
 */
export function recordPlacement(metadata: ClusterMetadata, placement: PlacementRef): ClusterMetadata {
  const { planIndex, subscriptionIndex } = locate(metadata, placement);
  const plan = metadata.appServicePlans[planIndex];
  const subscription = metadata.infrastructureSubscriptions[subscriptionIndex];
  if (!hasAppCapacity(plan) || !hasResourceGroupCapacity(subscription)) {
    throw new RegionCapacityExhaustedError(
      `App Service plan ${plan.resourceId} or its subscription can no longer take a connector.`,
      { target: 'appServicePlanId' },
    );
  }
  return withCounts(metadata, placement, 1);
}

/**
 * The region's metadata with the connector's app and resource group given back (after its
 * deletion). Counts never go below zero, so releasing twice is harmless.
 * @throws PlacementNotInRegionError when the plan or subscription is not in the metadata.
 */
export function releasePlacement(metadata: ClusterMetadata, placement: PlacementRef): ClusterMetadata {
  return withCounts(metadata, placement, -1);
}
