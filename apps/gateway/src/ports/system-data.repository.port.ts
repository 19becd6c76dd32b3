import type { CallOptions } from '@iomt/domain';
import type { ArmSystemData } from '../arm/system-data';

/**
 * ARM's `systemData` per resource, keyed by the lowercased ARM resource id (`resourceIdKey`): the
 * domain's documents have no field for it, and mappings and connections have no document of their own.
 */
export interface SystemDataRepository {
  get(subscriptionId: string, resourceKey: string, options?: CallOptions): Promise<ArmSystemData | undefined>;
  put(subscriptionId: string, resourceKey: string, systemData: ArmSystemData, options?: CallOptions): Promise<void>;
  /** Forgets a resource's systemData (its resource is gone); a missing one is already forgotten. */
  delete(subscriptionId: string, resourceKey: string, options?: CallOptions): Promise<void>;
}

/** DI token of {@link SystemDataRepository}. */
export const SYSTEM_DATA_REPOSITORY = Symbol('SYSTEM_DATA_REPOSITORY');
