import {
  type CallOptions,
  type Clock,
  type ClusterMetadata,
  type ClusterMetadataRepository,
  normalizeLocation,
  type PagedResult,
  type PageOptions,
  type WriteOptions,
} from '@iomt/domain';

/** Options of {@link CachedClusterMetadataRepository}. */
export interface ClusterMetadataCacheOptions {
  /** How long a region's metadata (or its absence) is served from memory; 0 turns the cache off. */
  readonly ttlMs: number;
  /** The time source, so tests move time instead of waiting. */
  readonly clock: Clock;
}

interface CachedRegion {
  readonly metadata: ClusterMetadata | undefined;
  readonly expiresAt: number;
}

/**
 * A read-through cache of `getByRegion` in front of another repository, for readers that only
 * read a region's metadata (the fhir-provisioner's placement): operators change it rarely, so a
 * region is read at most once per TTL instead of once per command. A region without metadata is
 * cached too (until the TTL ends); failures are not. Never give it to code that writes the
 * metadata back (capacity counters under an ETag) or must see an operator's change at once:
 * those read the repository itself. `listRegions` and `upsert` go straight through; an upsert
 * through this object forgets the region, so its writer's next read is fresh.
 */
export class CachedClusterMetadataRepository implements ClusterMetadataRepository {
  private readonly regions = new Map<string, CachedRegion>();

  constructor(
    private readonly inner: ClusterMetadataRepository,
    private readonly options: ClusterMetadataCacheOptions,
  ) {
    if (!Number.isInteger(options.ttlMs) || options.ttlMs < 0) {
      throw new RangeError(`The cluster metadata cache TTL must be a whole number of milliseconds >= 0, got ${options.ttlMs}`);
    }
  }

  /** The region's metadata from memory while fresh, else read (and remembered) from the inner repository. */
  async getByRegion(regionName: string, options?: CallOptions): Promise<ClusterMetadata | undefined> {
    if (this.options.ttlMs === 0) return this.inner.getByRegion(regionName, options);
    const key = keyOf(regionName);
    const now = this.options.clock.now().getTime();
    const cached = this.regions.get(key);
    if (cached !== undefined && now < cached.expiresAt) return cached.metadata;
    const metadata = await this.inner.getByRegion(regionName, options);
    this.regions.set(key, { metadata, expiresAt: now + this.options.ttlMs });
    return metadata;
  }

  listRegions(options?: PageOptions): Promise<PagedResult<ClusterMetadata>> {
    return this.inner.listRegions(options);
  }

  async upsert(metadata: ClusterMetadata, options?: WriteOptions): Promise<ClusterMetadata> {
    try {
      return await this.inner.upsert(metadata, options);
    } finally {
      this.regions.delete(keyOf(metadata.regionName));
    }
  }
}

// `West US 2` and `westus2` are one region; a name that is no location stays as it is, so the
// inner repository refuses it (uncached) with its own precise error.
function keyOf(regionName: string): string {
  return normalizeLocation(regionName) ?? regionName;
}
