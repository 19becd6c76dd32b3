import { ClusterMetadata, ConcurrencyConflictError, DocumentType, ValidationError } from '@iomt/domain';
import { startTestGlobalDb, TestGlobalDb } from '../../../test/global-db.harness';
import { CosmosClusterMetadataRepository } from './cosmos-cluster-metadata.repository';

describe('CosmosClusterMetadataRepository (local Cosmos server)', () => {
  let db: TestGlobalDb;
  let clusters: CosmosClusterMetadataRepository;

  beforeAll(async () => {
    db = await startTestGlobalDb();
    clusters = new CosmosClusterMetadataRepository(db.clusterMetadata);
  });

  afterAll(async () => {
    await db.stop();
  });

  const region = (regionName: string): ClusterMetadata => ({
    id: regionName,
    type: DocumentType.ClusterMetadata,
    regionName,
    enabled: true,
    infrastructureSubscriptions: [
      { subscriptionId: 'c243745d-50bb-48d1-9e62-3f72efb3166c', enabled: true, maxResourceGroups: 980, resourceGroupCount: 0 },
    ],
    appServicePlans: [],
  });

  it('stores a region in its own partition and reads it by any spelling of its name', async () => {
    const stored = await clusters.upsert(region('westus2'));
    expect(stored._etag).toEqual(expect.any(String));
    const raw = await db.clusterMetadata.item('westus2', 'westus2').read();
    expect(raw.resource).toMatchObject({ partitionKey: 'westus2' });
    expect((await clusters.getByRegion('West US 2'))?.infrastructureSubscriptions).toHaveLength(1);
    expect(await clusters.getByRegion('uksouth')).toBeUndefined();
  });

  it('updates capacity counters under optimistic concurrency', async () => {
    const stored = await clusters.upsert(region('northcentralus'));
    const [subscription] = stored.infrastructureSubscriptions;
    const bumped = { ...stored, infrastructureSubscriptions: [{ ...subscription, resourceGroupCount: 1 }] };
    await clusters.upsert(bumped, { ifMatch: stored._etag });
    await expect(clusters.upsert(bumped, { ifMatch: stored._etag })).rejects.toThrow(ConcurrencyConflictError);
    expect((await clusters.getByRegion('northcentralus'))?.infrastructureSubscriptions[0].resourceGroupCount).toBe(1);
  });

  it('lists every region in name order, in pages', async () => {
    for (const name of ['uksouth', 'eastus', 'westeurope']) await clusters.upsert(region(name));
    const first = await clusters.listRegions({ pageSize: 2 });
    const rest = await clusters.listRegions({ pageSize: 100, continuationToken: first.continuationToken });
    const names = [...first.items, ...rest.items].map((r) => r.regionName);
    expect(names).toEqual([...names].sort());
    expect(names).toEqual(expect.arrayContaining(['eastus', 'uksouth', 'westeurope']));
  });

  it.each(['', 'west/us', '  '])('refuses the region name %p', async (name) => {
    await expect(clusters.getByRegion(name)).rejects.toThrow(ValidationError);
  });

  it('refuses invalid metadata before writing', async () => {
    await expect(clusters.upsert({ ...region('eastus2'), regionName: 'East US 2' })).rejects.toThrow(ValidationError);
  });
});
