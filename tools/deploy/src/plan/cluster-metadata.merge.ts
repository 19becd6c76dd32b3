import {
  AppServicePlanCapacity,
  ClusterMetadata,
  ConflictError,
  DocumentType,
  InfrastructureSubscription,
  locationDisplayName,
} from '@iomt/domain';
import type { RegionPlan } from './regional-deployment.plan';

const key = (id: string) => id.toLowerCase();

function subscriptionsOf(plan: RegionPlan, existing: ClusterMetadata | undefined): InfrastructureSubscription[] {
  const before = new Map(existing?.infrastructureSubscriptions.map((s) => [key(s.subscriptionId), s]));
  return plan.deployments.map(({ subscription }) => ({
    subscriptionId: subscription.subscriptionId,
    enabled: subscription.enabled,
    maxResourceGroups: subscription.maxResourceGroups,
    resourceGroupCount: before.get(key(subscription.subscriptionId))?.resourceGroupCount ?? 0,
  }));
}

function plansOf(plan: RegionPlan, existing: ClusterMetadata | undefined): AppServicePlanCapacity[] {
  const before = new Map(existing?.appServicePlans.map((p) => [key(p.resourceId), p]));
  return plan.deployments.flatMap(({ subscription, expectedIds }) =>
    subscription.appServicePlans.map((config, i) => {
      const resourceId = expectedIds.appServicePlanIds[i];
      return {
        resourceId,
        infrastructureSubscriptionId: subscription.subscriptionId,
        resourceGroupName: plan.environment.resourceGroupName,
        maxApps: config.maxApps,
        appCount: before.get(key(resourceId))?.appCount ?? 0,
      };
    }),
  );
}

/** Capacity the configuration drops while connectors still use it. */
function droppedInUse(existing: ClusterMetadata, desired: ClusterMetadata): string[] {
  const keptPlans = new Set(desired.appServicePlans.map((p) => key(p.resourceId)));
  const keptSubscriptions = new Set(desired.infrastructureSubscriptions.map((s) => key(s.subscriptionId)));
  const plans = existing.appServicePlans
    .filter((p) => p.appCount > 0 && !keptPlans.has(key(p.resourceId)))
    .map((p) => `App Service plan ${p.resourceId} hosts ${p.appCount} connector apps`);
  const subscriptions = existing.infrastructureSubscriptions
    .filter((s) => s.resourceGroupCount > 0 && !keptSubscriptions.has(key(s.subscriptionId)))
    .map((s) => `subscription ${s.subscriptionId} holds ${s.resourceGroupCount} connector resource groups`);
  return [...plans, ...subscriptions];
}

/**
 * The region's cluster metadata as the configuration describes it, keeping the counters
 * (`appCount`, `resourceGroupCount`) and `_etag` of what is stored. Capacity the configuration
 * lowers stays recorded (a plan over its new `maxApps` simply takes no new connector).
 * @throws ConflictError when the configuration drops a plan or subscription that connectors still
 * use: their metadata would be lost; disable the subscription (`enabled: false`) instead.
 */
export function desiredClusterMetadata(plan: RegionPlan, existing: ClusterMetadata | undefined): ClusterMetadata {
  const region = plan.environment.region;
  const desired: ClusterMetadata = {
    id: region,
    type: DocumentType.ClusterMetadata,
    regionName: region,
    displayName: locationDisplayName(region),
    enabled: plan.environment.enabled,
    infrastructureSubscriptions: subscriptionsOf(plan, existing),
    appServicePlans: plansOf(plan, existing),
    ...(existing?._etag === undefined ? {} : { _etag: existing._etag }),
  };
  const inUse = existing ? droppedInUse(existing, desired) : [];
  if (inUse.length > 0) {
    throw new ConflictError(
      `${plan.environment.name} drops capacity that connectors in ${region} still use: ${inUse.join('; ')}. ` +
        'Keep it in the configuration (set the subscription enabled: false to stop new placements).',
      { target: plan.environment.name },
    );
  }
  return desired;
}
