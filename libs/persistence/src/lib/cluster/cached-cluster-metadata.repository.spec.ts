import { ClusterMetadata, DocumentType, FixedClock, ValidationError } from '@iomt/domain';
import { InMemoryClusterMetadata } from '@iomt/domain/testing';
import { CachedClusterMetadataRepository } from './cached-cluster-metadata.repository';

const TTL_MS = 30_000;

const region = (regionName: string, enabled = true): ClusterMetadata => ({
  id: regionName,
  type: DocumentType.ClusterMetadata,
  regionName,
  enabled,
  infrastructureSubscriptions: [],
  appServicePlans: [],
});

function setUp(ttlMs = TTL_MS) {
  const store = new InMemoryClusterMetadata();
  const reads = jest.spyOn(store, 'getByRegion');
  const clock = new FixedClock('2026-01-01T00:00:00.000Z');
  const cache = new CachedClusterMetadataRepository(store, { ttlMs, clock });
  return { store, reads, clock, cache };
}

describe('CachedClusterMetadataRepository', () => {
  it('reads a region once per TTL, whatever the spelling of its name', async () => {
    const { store, reads, clock, cache } = setUp();
    await store.upsert(region('westus2'));
    await expect(cache.getByRegion('westus2')).resolves.toMatchObject({ regionName: 'westus2' });
    clock.advance(TTL_MS - 1);
    await expect(cache.getByRegion('West US 2')).resolves.toMatchObject({ regionName: 'westus2' });
    expect(reads).toHaveBeenCalledTimes(1);
  });

  it("serves the remembered metadata until the TTL ends, then an operator's change", async () => {
    const { store, clock, cache } = setUp();
    await store.upsert(region('westus2'));
    await cache.getByRegion('westus2');
    await store.upsert(region('westus2', false));
    await expect(cache.getByRegion('westus2')).resolves.toMatchObject({ enabled: true });
    clock.advance(TTL_MS);
    await expect(cache.getByRegion('westus2')).resolves.toMatchObject({ enabled: false });
  });

  it('remembers that a region has no metadata, until the TTL ends', async () => {
    const { store, reads, clock, cache } = setUp();
    await expect(cache.getByRegion('uksouth')).resolves.toBeUndefined();
    await store.upsert(region('uksouth'));
    await expect(cache.getByRegion('uksouth')).resolves.toBeUndefined();
    clock.advance(TTL_MS);
    await expect(cache.getByRegion('uksouth')).resolves.toMatchObject({ regionName: 'uksouth' });
    expect(reads).toHaveBeenCalledTimes(2);
  });

  it('keeps regions apart', async () => {
    const { store, cache } = setUp();
    await store.upsert(region('westus2'));
    await store.upsert(region('eastus', false));
    await expect(cache.getByRegion('westus2')).resolves.toMatchObject({ enabled: true });
    await expect(cache.getByRegion('eastus')).resolves.toMatchObject({ enabled: false });
  });

  it('reads every time with a TTL of 0', async () => {
    const { store, reads, cache } = setUp(0);
    await store.upsert(region('westus2'));
    await cache.getByRegion('westus2');
    await cache.getByRegion('westus2');
    expect(reads).toHaveBeenCalledTimes(2);
  });

  it('does not remember a failed read', async () => {
    const { store, reads, cache } = setUp();
    await store.upsert(region('westus2'));
    reads.mockRejectedValueOnce(new ValidationError('bad region', { code: 'InvalidLocation' }));
    await expect(cache.getByRegion('westus2')).rejects.toThrow('bad region');
    await expect(cache.getByRegion('westus2')).resolves.toMatchObject({ regionName: 'westus2' });
    expect(reads).toHaveBeenCalledTimes(2);
  });

  it('forgets a region written through it, so its writer reads the write back', async () => {
    const { store, reads, cache } = setUp();
    await store.upsert(region('westus2'));
    await cache.getByRegion('westus2');
    await cache.upsert(region('westus2', false));
    await expect(cache.getByRegion('westus2')).resolves.toMatchObject({ enabled: false });
    expect(reads).toHaveBeenCalledTimes(2);
  });

  it.each([-1, 1.5, Number.NaN])('refuses a TTL of %p ms', (ttlMs) => {
    expect(() => new CachedClusterMetadataRepository(new InMemoryClusterMetadata(), { ttlMs, clock: new FixedClock() })).toThrow(
      /TTL must be a whole number of milliseconds >= 0/,
    );
  });
});
