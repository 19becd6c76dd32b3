import {
  chooseConnectorPlacement,
  ClusterMetadata,
  ClusterMetadataRepository,
  ConcurrencyConflictError,
  IomtConnector,
  normalizeLocation,
  recordPlacement,
  releasePlacement,
} from '@iomt/domain';
import { ConnectorPlacement, placementOf } from './connector-infrastructure';

/** How often a lost race on the region's counters is retried before giving up (retryably). */
const MAX_COUNTER_ATTEMPTS = 5;

/**
 * The infrastructure subscription and App Service plan of the connector's region, chosen by the
 * domain's allocation rules (`chooseConnectorPlacement`). A connector that already has a placement
 * keeps it (a re-run after a crash repeats nothing). Otherwise both counters go up in one guarded
 * write of the region's metadata (`recordPlacement`), chosen again after a lost race, before the
 * caller records the placement on the connector: a crash in between over-counts one slot, never
 * overfills.
 * @throws RegionNotServedError when the region has no metadata or is disabled.
 * @throws RegionCapacityExhaustedError when no plan of the region can take the connector.
 * @throws ConcurrencyConflictError (retryable) after {@link MAX_COUNTER_ATTEMPTS} lost races.
 */
export async function placeConnector(
  clusters: ClusterMetadataRepository,
  connector: IomtConnector,
  resourceGroupName: string,
): Promise<ConnectorPlacement> {
  const existing = placementOf(connector);
  if (existing !== undefined) return existing;
  const region = normalizeLocation(connector.location) ?? connector.location;
  const placement = await updateCounters(clusters, region, (metadata) => {
    const chosen = chooseConnectorPlacement(region, metadata);
    return { metadata: recordPlacement(metadata as ClusterMetadata, chosen), result: chosen };
  });
  return {
    infrastructureSubscriptionId: placement.infrastructureSubscriptionId,
    infrastructureResourceGroupName: resourceGroupName,
    infrastructureLocation: placement.regionName,
    appServicePlanId: placement.appServicePlanId,
  };
}

/**
 * Gives the connector's app and resource group back to its region (`releasePlacement`), in one
 * guarded write with the same retries. Does nothing for a connector never placed or a region whose
 * metadata is gone. Call it once per connector: releasing twice would free a slot still in use.
 * @throws PlacementNotInRegionError when the region no longer lists the connector's plan.
 */
export async function releaseConnectorPlacement(clusters: ClusterMetadataRepository, connector: IomtConnector): Promise<void> {
  const placement = placementOf(connector);
  if (placement === undefined) return;
  await updateCounters(clusters, placement.infrastructureLocation, (metadata) => ({
    metadata: metadata === undefined ? undefined : releasePlacement(metadata, placement),
    result: undefined,
  }));
}

/** The region's metadata to write (none: write nothing) and what the caller gets back. */
type CounterChange<T> = (current: ClusterMetadata | undefined) => { metadata: ClusterMetadata | undefined; result: T };

// Reads the region's metadata, applies the change and writes it under its etag; reads again on a lost race.
async function updateCounters<T>(clusters: ClusterMetadataRepository, region: string, change: CounterChange<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    const current = await clusters.getByRegion(region);
    const changed = change(current);
    if (changed.metadata === undefined || current === undefined) return changed.result;
    try {
      await clusters.upsert(changed.metadata, current._etag === undefined ? {} : { ifMatch: current._etag });
      return changed.result;
    } catch (error) {
      if (!(error instanceof ConcurrencyConflictError) || attempt >= MAX_COUNTER_ATTEMPTS) throw error;
    }
  }
}
