import { ClusterMetadata, ClusterMetadataRepository, ConflictError, normalizeLocation } from '@iomt/domain';

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
 * The infrastructure subscription of a FHIR service: the first enabled one of its region, in the
 * metadata's order. The account document has no infrastructure fields to remember a choice in,
 * so the choice must be a pure function of the region's metadata; operators append subscriptions
 * and disable, never reorder, them.
 * @throws ConflictError (`RegionInfrastructureMissing`) when the region has no enabled subscription.
 */
export function fhirSubscriptionOf(metadata: ClusterMetadata): string {
  const subscription = metadata.infrastructureSubscriptions.find((s) => s.enabled);
  if (subscription === undefined) {
    throw new NoInfrastructureError(`The region ${metadata.regionName} has no enabled infrastructure subscription`, {
      target: 'location',
    });
  }
  return subscription.subscriptionId;
}

/**
 * Every subscription the service's group may be in (enabled or not): deprovisioning deletes the
 * group in each, a no-op where it does not exist, so a service is removed even if the first
 * enabled subscription changed since it was provisioned.
 */
export function allSubscriptionsOf(metadata: ClusterMetadata): string[] {
  return metadata.infrastructureSubscriptions.map((s) => s.subscriptionId);
}
