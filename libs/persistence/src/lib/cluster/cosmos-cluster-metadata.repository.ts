import type { Container, ItemDefinition } from '@azure/cosmos';
import {
  assertLocation,
  CallOptions,
  ClusterMetadata,
  clusterMetadataCodec,
  ClusterMetadataRepository,
  DocumentType,
  PagedResult,
  PageOptions,
  WriteOptions,
} from '@iomt/domain';
import { withCosmosErrors } from '../cosmos/cosmos-error.mapper';
import { queryPage } from '../cosmos/query-page';
import { bodyOf, NOT_DELETED, withoutSystemProperties, writeOptions } from '../cosmos/stored-documents';

/** A region's metadata: its own partition (the normalised region name). */
export const CLUSTER_METADATA_BY_REGION_QUERY =
  `SELECT * FROM c WHERE c.partitionKey = @regionName AND c.type = @type AND ${NOT_DELETED}`;
/** Every region: crosses partitions by design, in a container of a few dozen documents. */
export const ALL_REGIONS_QUERY = `SELECT * FROM c WHERE c.type = @type AND ${NOT_DELETED} ORDER BY c.regionName`;

const decodeMetadata = (document: unknown): ClusterMetadata =>
  clusterMetadataCodec.fromDocument(withoutSystemProperties(document as ItemDefinition));

/** Regional infrastructure metadata (seed 000) in the cluster metadata container. */
export class CosmosClusterMetadataRepository implements ClusterMetadataRepository {
  constructor(private readonly container: Container) {}

  /**
   * `regionName` is normalised first (`West US 2` → `westus2`).
   * @throws ValidationError (`InvalidLocation`) when it is not a location name.
   */
  async getByRegion(regionName: string, options: CallOptions = {}): Promise<ClusterMetadata | undefined> {
    const region = assertLocation(regionName, 'regionName');
    const parameters = [
      { name: '@regionName', value: region },
      { name: '@type', value: DocumentType.ClusterMetadata },
    ];
    const spec = { query: CLUSTER_METADATA_BY_REGION_QUERY, parameters };
    const page = await queryPage(this.container, spec, region, { ...options, pageSize: 1 }, `read the metadata of region ${region}`);
    return page.documents.length === 0 ? undefined : decodeMetadata(page.documents[0]);
  }

  async listRegions(options: PageOptions = {}): Promise<PagedResult<ClusterMetadata>> {
    const spec = { query: ALL_REGIONS_QUERY, parameters: [{ name: '@type', value: DocumentType.ClusterMetadata }] };
    const page = await queryPage(this.container, spec, undefined, options, 'list the regions');
    return { items: page.documents.map(decodeMetadata), continuationToken: page.continuationToken };
  }

  async upsert(metadata: ClusterMetadata, options: WriteOptions = {}): Promise<ClusterMetadata> {
    const document = clusterMetadataCodec.toDocument(metadata);
    const { resource } = await withCosmosErrors(
      `upsert the metadata of region ${metadata.regionName}`,
      () => this.container.items.upsert(bodyOf(document), writeOptions(options.ifMatch, options.signal)),
      options.signal,
    );
    return decodeMetadata(resource);
  }
}
