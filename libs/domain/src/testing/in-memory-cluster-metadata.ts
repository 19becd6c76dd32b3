import { ConcurrencyConflictError, type ClusterMetadata, type ClusterMetadataRepository, type WriteOptions } from '../index';
import { notUsedByTheWorkers } from './not-used';

/** Cluster metadata in memory, by region, with `_etag`s and `ifMatch`. */
export class InMemoryClusterMetadata implements ClusterMetadataRepository {
  readonly regions = new Map<string, ClusterMetadata>();
  private version = 0;

  async getByRegion(regionName: string): Promise<ClusterMetadata | undefined> {
    return this.regions.get(regionName);
  }

  async upsert(metadata: ClusterMetadata, options: WriteOptions = {}): Promise<ClusterMetadata> {
    if (options.ifMatch !== undefined && this.regions.get(metadata.regionName)?._etag !== options.ifMatch) {
      throw new ConcurrencyConflictError(`cluster metadata of ${metadata.regionName} changed`);
    }
    this.version += 1;
    const stored = { ...metadata, _etag: `"${this.version}"` };
    this.regions.set(metadata.regionName, stored);
    return stored;
  }

  listRegions = notUsedByTheWorkers;
}
