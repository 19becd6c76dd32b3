import { DomainError, DomainErrorKind } from '../errors';

/** Error codes of connector placement (seed 004, scenario 7). */
export const AllocationErrorCode = {
  /** ARM's code for a location a resource type is not offered in. */
  LocationNotAvailable: 'LocationNotAvailableForResourceType',
  RegionCapacityExhausted: 'RegionCapacityExhausted',
  /** A `details` entry: this App Service plan hosts as many apps as it may. */
  AppServicePlanFull: 'AppServicePlanFull',
  /** A `details` entry: this subscription is disabled or holds as many resource groups as it may. */
  InfrastructureSubscriptionUnavailable: 'InfrastructureSubscriptionUnavailable',
  /** A recorded placement does not match the region's metadata (plan or subscription gone). */
  PlacementNotInRegion: 'PlacementNotInRegion',
} as const;

/**
 * The region has no cluster metadata, or its metadata is disabled: the provider does not place
 * connectors there. Not retryable; the gateway normally refuses such regions before this point.
 */
export class RegionNotServedError extends DomainError {
  readonly code: string = AllocationErrorCode.LocationNotAvailable;
  readonly kind: DomainErrorKind = 'validation';
}

/**
 * Every App Service plan of the region is full, or sits in a subscription that cannot take another
 * resource group. `details` says, per plan, why. Operators fix it by adding capacity (a plan or a
 * subscription) with `deploy-environment`; until then the request conflicts with the region's state.
 */
export class RegionCapacityExhaustedError extends DomainError {
  readonly code: string = AllocationErrorCode.RegionCapacityExhausted;
  readonly kind: DomainErrorKind = 'conflict';
}

/** A placement to record or release names a plan or subscription the region's metadata lacks. */
export class PlacementNotInRegionError extends DomainError {
  readonly code: string = AllocationErrorCode.PlacementNotInRegion;
  readonly kind: DomainErrorKind = 'conflict';
}
