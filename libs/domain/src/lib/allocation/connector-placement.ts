import type { DomainErrorDetail } from '../errors';
import { normalizeLocation } from '../arm/location';
import {
  AppServicePlanCapacity,
  ClusterMetadata,
  hasAppCapacity,
  hasResourceGroupCapacity,
  InfrastructureSubscription,
} from '../model/cluster';
import { AllocationErrorCode, RegionCapacityExhaustedError, RegionNotServedError } from './allocation.errors';

/** Where a new connector goes: an infrastructure subscription of the region and a plan in it. */
export interface ConnectorPlacement {
  readonly regionName: string;
  /** The subscription the connector's resource group is created in (the plan's subscription). */
  readonly infrastructureSubscriptionId: string;
  /** ARM id of the App Service plan that hosts the connector's Function App. */
  readonly appServicePlanId: string;
  /** The plan's resource group (a Function App must share the plan's subscription). */
  readonly appServicePlanResourceGroupName: string;
  /** Apps the plan can still take, this connector included. */
  readonly remainingApps: number;
  /** Resource groups the subscription can still take, this connector's included. */
  readonly remainingResourceGroups: number;
}

interface Candidate {
  readonly plan: AppServicePlanCapacity;
  readonly subscription: InfrastructureSubscription;
}

const sameId = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** The subscription entry of a plan, if the region lists it. */
export function subscriptionOfPlan(
  metadata: ClusterMetadata,
  plan: AppServicePlanCapacity,
): InfrastructureSubscription | undefined {
  return metadata.infrastructureSubscriptions.find((s) => sameId(s.subscriptionId, plan.infrastructureSubscriptionId));
}

/**
 * Most room first: the plan with the most free app slots, then the subscription with the most free
 * resource groups, then the lowest plan id, so that equal plans take turns and every replica
 * makes the same choice from the same metadata.
 */
function compareCandidates(a: Candidate, b: Candidate): number {
  const apps = b.plan.maxApps - b.plan.appCount - (a.plan.maxApps - a.plan.appCount);
  if (apps !== 0) return apps;
  const groups =
    b.subscription.maxResourceGroups -
    b.subscription.resourceGroupCount -
    (a.subscription.maxResourceGroups - a.subscription.resourceGroupCount);
  if (groups !== 0) return groups;
  const [left, right] = [a.plan.resourceId.toLowerCase(), b.plan.resourceId.toLowerCase()];
  return left < right ? -1 : left > right ? 1 : 0;
}

/** Why a plan cannot take a connector, or undefined when it can. */
function unavailability(metadata: ClusterMetadata, plan: AppServicePlanCapacity): DomainErrorDetail | undefined {
  const subscription = subscriptionOfPlan(metadata, plan);
  if (subscription === undefined || !hasResourceGroupCapacity(subscription)) {
    const reason =
      subscription === undefined
        ? 'is not an infrastructure subscription of the region'
        : !subscription.enabled
          ? 'is disabled'
          : `holds ${subscription.resourceGroupCount} of ${subscription.maxResourceGroups} resource groups`;
    return {
      code: AllocationErrorCode.InfrastructureSubscriptionUnavailable,
      message: `Subscription ${plan.infrastructureSubscriptionId} of plan ${plan.resourceId} ${reason}.`,
      target: plan.resourceId,
    };
  }
  if (!hasAppCapacity(plan)) {
    return {
      code: AllocationErrorCode.AppServicePlanFull,
      message: `Plan ${plan.resourceId} hosts ${plan.appCount} of ${plan.maxApps} apps.`,
      target: plan.resourceId,
    };
  }
  return undefined;
}

/**
 * Chooses the infrastructure subscription and App Service plan for a new connector in a region by
 * remaining capacity (seed 004, scenario 7). Pure: record the choice with `recordPlacement` and
 * store the metadata under optimistic concurrency, choosing again if that write loses a race.
 * @param metadata the region's cluster metadata, undefined when the region has none.
 * @throws RegionNotServedError when the region has no metadata or is disabled.
 * @throws RegionCapacityExhaustedError when no plan can take the connector (`details` say why).
 */
export function chooseConnectorPlacement(
  regionName: string,
  metadata: ClusterMetadata | undefined,
): ConnectorPlacement {
  const region = normalizeLocation(regionName) ?? regionName;
  if (metadata === undefined || metadata.regionName !== region) {
    throw new RegionNotServedError(`IoMT connectors are not offered in region '${regionName}'.`, {
      target: 'location',
    });
  }
  if (!metadata.enabled) {
    throw new RegionNotServedError(`Region '${region}' is closed to new IoMT connectors.`, { target: 'location' });
  }
  const candidates: Candidate[] = [];
  const problems: DomainErrorDetail[] = [];
  for (const plan of metadata.appServicePlans) {
    const problem = unavailability(metadata, plan);
    if (problem) problems.push(problem);
    else candidates.push({ plan, subscription: subscriptionOfPlan(metadata, plan) as InfrastructureSubscription });
  }
  const [best] = candidates.sort(compareCandidates);
  if (best === undefined) {
    const what = metadata.appServicePlans.length === 0 ? 'has no App Service plan' : 'has no capacity left';
    throw new RegionCapacityExhaustedError(`Region '${region}' ${what} for a new IoMT connector.`, {
      target: 'location',
      details: problems,
    });
  }
  return {
    regionName: region,
    infrastructureSubscriptionId: best.subscription.subscriptionId,
    appServicePlanId: best.plan.resourceId,
    appServicePlanResourceGroupName: best.plan.resourceGroupName,
    remainingApps: best.plan.maxApps - best.plan.appCount,
    remainingResourceGroups: best.subscription.maxResourceGroups - best.subscription.resourceGroupCount,
  };
}
