import { ClusterMetadata, ClusterMetadataRepository, ConflictError, normalizeLocation } from '@iomt/domain';
import type { FhirServicePlacement } from './fhir-infrastructure.port';

/** Code of the failure when the region has no infrastructure subscription (operators must add one). */
export const NO_INFRASTRUCTURE_CODE = 'RegionInfrastructureMissing';

class NoInfrastructureError extends ConflictError {
  override readonly code: string = NO_INFRASTRUCTURE_CODE;
}

/** The region's metadata. @throws ConflictError (`RegionInfrastructureMissing`) when it has none or is disabled. */
export async function regionOf(clusters: ClusterMetadataRepository, location: string): Promise<ClusterMetadata> {
  const region = normalizeLocation(location) ?? location;
  const metadata = await clusters.getByRegion(region);
  if (metadata === undefined || !metadata.enabled) {
    throw new NoInfrastructureError(`The region ${region} has no enabled regional infrastructure`, { target: 'location' });
  }
  return metadata;
}

/**
 * The infrastructure subscription and App Service plan of a FHIR service: the first enabled
 * subscription of its region that has a plan, in the metadata's order, and its first plan. The account document has no infrastructure fields to remember a choice in,
 * so the choice must be a pure function of the region's metadata; operators append subscriptions
 * and disable, never reorder, them.
 * @throws ConflictError (`RegionInfrastructureMissing`) when no enabled subscription has a plan.
 */
export function fhirPlacementOf(metadata: ClusterMetadata): FhirServicePlacement {
  for (const subscription of metadata.infrastructureSubscriptions.filter((s) => s.enabled)) {
    const plan = metadata.appServicePlans.find(
      (p) => p.infrastructureSubscriptionId.toLowerCase() === subscription.subscriptionId.toLowerCase(),
    );
    if (plan !== undefined) return { infrastructureSubscriptionId: subscription.subscriptionId, appServicePlanId: plan.resourceId };
  }
  throw new NoInfrastructureError(
    `The region ${metadata.regionName} has no enabled infrastructure subscription with an App Service plan`,
    { target: 'location' },
  );
}

/**
 * Every subscription the service's group may be in (enabled or not): deprovisioning deletes the
 * group in each, a no-op where it does not exist, so a service is removed even if the first
 * enabled subscription changed since it was provisioned.
 */
export function allSubscriptionsOf(metadata: ClusterMetadata): string[] {
  return metadata.infrastructureSubscriptions.map((s) => s.subscriptionId);
}
