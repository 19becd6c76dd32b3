import {
  CallOptions,
  ClusterMetadata,
  ClusterMetadataRepository,
  PagedResult,
  PageOptions,
  ResourceNotFoundError,
} from '@iomt/domain';

/**
 * The cluster metadata as `--what-if` sees it: reads pass through, a Global DB whose database or
 * container does not exist yet reads as "no region open", and any write is refused, so a what-if
 * run cannot change the Global DB whatever the code path.
 */
export class ReadOnlyClusterMetadata implements ClusterMetadataRepository {
  constructor(private readonly inner: ClusterMetadataRepository) {}

  async getByRegion(regionName: string, options?: CallOptions): Promise<ClusterMetadata | undefined> {
    try {
      return await this.inner.getByRegion(regionName, options);
    } catch (error) {
      if (error instanceof ResourceNotFoundError) return undefined;
      throw error;
    }
  }

  async listRegions(options?: PageOptions): Promise<PagedResult<ClusterMetadata>> {
    try {
      return await this.inner.listRegions(options);
    } catch (error) {
      if (error instanceof ResourceNotFoundError) return { items: [] };
      throw error;
    }
  }

  async upsert(metadata: ClusterMetadata): Promise<ClusterMetadata> {
    throw new Error(`what-if mode writes nothing, yet the metadata of ${metadata.regionName} was about to be stored`);
  }
}
