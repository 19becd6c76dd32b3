import { Inject, Injectable } from '@nestjs/common';
import {
  assertLocation,
  CLUSTER_METADATA_REPOSITORY,
  ClusterMetadata,
  ClusterMetadataRepository,
  locationDisplayName,
  qualifiedResourceType,
  HealthcareResourceType,
  ValidationError,
} from '@iomt/domain';
import { ArmErrorCode } from '../arm/arm-error-codes';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config';

/**
 * The regions the provider is deployed in: enabled regions of the cluster metadata (seed 000),
 * read at most every REGION_CACHE_TTL_MS.
 */
@Injectable()
export class RegionAllowlist {
  private cached: { regions: Promise<ReadonlySet<string>>; expires: number } | undefined;

  constructor(
    @Inject(CLUSTER_METADATA_REPOSITORY) private readonly metadata: ClusterMetadataRepository,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  /**
   * Returns the normalised location ("westus2") when the provider is offered there.
   * @throws ValidationError `InvalidLocation` for a malformed location,
   * `LocationNotAvailableForResourceType` for a region the provider is not deployed in.
   */
  async assertOffered(location: unknown, resourceType: HealthcareResourceType, target = 'location'): Promise<string> {
    const normalised = assertLocation(location, target);
    const regions = await this.regions();
    if (regions.has(normalised)) return normalised;
    const offered = [...regions].map((region) => locationDisplayName(region) ?? region).join(', ');
    throw new ValidationError(
      `The provided location '${String(location)}' is not available for resource type '${qualifiedResourceType(resourceType)}'. ` +
        `List of available regions for the resource type is '${offered}'.`,
      { code: ArmErrorCode.LocationNotAvailableForResourceType, target },
    );
  }

  /** Concurrent requests share one read; a failed read is not cached. */
  private regions(): Promise<ReadonlySet<string>> {
    const now = Date.now();
    if (this.cached !== undefined && this.cached.expires > now) return this.cached.regions;
    const regions = this.load();
    this.cached = { regions, expires: now + this.config.REGION_CACHE_TTL_MS };
    regions.catch(() => (this.cached = undefined));
    return regions;
  }

  private async load(): Promise<ReadonlySet<string>> {
    const all: ClusterMetadata[] = [];
    let continuationToken: string | undefined;
    do {
      const page = await this.metadata.listRegions({ continuationToken });
      all.push(...page.items);
      continuationToken = page.continuationToken;
    } while (continuationToken !== undefined);
    return new Set(all.filter((region) => region.enabled).map((region) => region.regionName));
  }
}
