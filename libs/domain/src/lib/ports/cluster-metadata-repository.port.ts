import type { ClusterMetadata } from '../model';
import type { CallOptions, PagedResult, PageOptions, WriteOptions } from './call-options';

/** Regional infrastructure metadata (seed 000: regions, infrastructure subscriptions, App Service plans). */
export interface ClusterMetadataRepository {
  /** The metadata of a region (its normalised name, e.g. `westus2`), or undefined. */
  getByRegion(regionName: string, options?: CallOptions): Promise<ClusterMetadata | undefined>;

  /** Every region's metadata. */
  listRegions(options?: PageOptions): Promise<PagedResult<ClusterMetadata>>;

  /**
   * Creates or replaces a region's metadata (operators' scripts, capacity counters).
   * @throws ConcurrencyConflictError when `ifMatch` is stale.
   */
  upsert(metadata: ClusterMetadata, options?: WriteOptions): Promise<ClusterMetadata>;
}

/** DI token of {@link ClusterMetadataRepository}. */
export const CLUSTER_METADATA_REPOSITORY = Symbol.for('@iomt/domain:ClusterMetadataRepository');
