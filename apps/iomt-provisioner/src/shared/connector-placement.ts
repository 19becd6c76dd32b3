import {
  ClusterMetadata,
  ClusterMetadataRepository,
  ConcurrencyConflictError,
  ConflictError,
  hasAppCapacity,
  hasResourceGroupCapacity,
  IomtConnector,
  normalizeLocation,
} from '@iomt/domain';
import { ConnectorPlacement, placementOf } from './connector-infrastructure';

/** Code of the failure when a region has no room left (not retryable: operators must add capacity). */
export const NO_CAPACITY_CODE = 'RegionCapacityExhausted';

/** How often a lost race on the region's counters is retried before giving up (retryably). */
const MAX_COUNTER_ATTEMPTS = 5;

class NoCapacityError extends ConflictError {
  override readonly code: string = NO_CAPACITY_CODE;
}

/**
 * The infrastructure subscription and App Service plan of the connector's region. A connector
 * that already has a placement keeps it (a re-run after a crash repeats nothing). Otherwise the
 * first enabled subscription with room for a resource group that also has a plan with room for
 * an app is taken, and both counters go up in one guarded write of the region's metadata, before
 * the connector records the placement: a crash in between over-counts one slot, never overfills.
 * @throws ConflictError (`RegionCapacityExhausted`) when the region is unknown, disabled or full.
 */
export async function placeConnector(
  clusters: ClusterMetadataRepository,
  connector: IomtConnector,
  resourceGroupName: string,
): Promise<ConnectorPlacement> {
  const existing = placementOf(connector);
  if (existing !== undefined) return existing;
  const region = normalizeLocation(connector.location) ?? connector.location;
  for (let attempt = 1; ; attempt += 1) {
    const metadata = await clusters.getByRegion(region);
    if (metadata === undefined || !metadata.enabled) {
      throw new NoCapacityError(`The region ${region} has no enabled regional infrastructure for IoMT connectors`, {
        target: 'location',
      });
    }
    const chosen = choose(metadata);
    try {
      await clusters.upsert(countPlacement(metadata, chosen), metadata._etag === undefined ? {} : { ifMatch: metadata._etag });
      return {
        infrastructureSubscriptionId: chosen.subscriptionId,
        infrastructureResourceGroupName: resourceGroupName,
        infrastructureLocation: region,
        appServicePlanId: chosen.planId,
      };
    } catch (error) {
      if (!(error instanceof ConcurrencyConflictError) || attempt >= MAX_COUNTER_ATTEMPTS) throw error;
    }
  }
}

interface Choice {
  readonly subscriptionId: string;
  readonly planId: string;
}

function choose(metadata: ClusterMetadata): Choice {
  for (const subscription of metadata.infrastructureSubscriptions.filter(hasResourceGroupCapacity)) {
    const plan = metadata.appServicePlans.find(
      (p) => p.infrastructureSubscriptionId.toLowerCase() === subscription.subscriptionId.toLowerCase() && hasAppCapacity(p),
    );
    if (plan !== undefined) return { subscriptionId: subscription.subscriptionId, planId: plan.resourceId };
  }
  throw new NoCapacityError(
    `The region ${metadata.regionName} has no infrastructure subscription and App Service plan with room for another connector`,
    { target: 'location' },
  );
}

function countPlacement(metadata: ClusterMetadata, chosen: Choice): ClusterMetadata {
  return {
    ...metadata,
    infrastructureSubscriptions: metadata.infrastructureSubscriptions.map((s) =>
      s.subscriptionId === chosen.subscriptionId ? { ...s, resourceGroupCount: s.resourceGroupCount + 1 } : s,
    ),
    appServicePlans: metadata.appServicePlans.map((p) => (p.resourceId === chosen.planId ? { ...p, appCount: p.appCount + 1 } : p)),
  };
}
