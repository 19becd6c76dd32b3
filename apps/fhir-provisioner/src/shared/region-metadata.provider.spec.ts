import type { FactoryProvider } from '@nestjs/common';
import { ClusterMetadata, ClusterMetadataRepository, DocumentType } from '@iomt/domain';
import { InMemoryClusterMetadata } from '@iomt/domain/testing';
import { CachedClusterMetadataRepository } from '@iomt/persistence';
import type { FhirProvisionerConfig } from '../config';
import { regionMetadataProvider } from './region-metadata.provider';

const regionOf = (seconds: number, clusters: ClusterMetadataRepository) =>
  (regionMetadataProvider as FactoryProvider<ClusterMetadataRepository>).useFactory(clusters, {
    CLUSTER_METADATA_CACHE_SECONDS: seconds,
  } as FhirProvisionerConfig) as ClusterMetadataRepository;

const westus2: ClusterMetadata = {
  id: 'westus2',
  type: DocumentType.ClusterMetadata,
  regionName: 'westus2',
  enabled: true,
  infrastructureSubscriptions: [],
  appServicePlans: [],
};

describe('regionMetadataProvider', () => {
  it('puts a cache in front of the repository by default', async () => {
    const clusters = new InMemoryClusterMetadata();
    await clusters.upsert(westus2);
    const reads = jest.spyOn(clusters, 'getByRegion');
    const metadata = regionOf(30, clusters);
    expect(metadata).toBeInstanceOf(CachedClusterMetadataRepository);
    await metadata.getByRegion('westus2');
    await metadata.getByRegion('westus2');
    expect(reads).toHaveBeenCalledTimes(1);
  });

  it('gives the repository itself with CLUSTER_METADATA_CACHE_SECONDS=0', () => {
    const clusters = new InMemoryClusterMetadata();
    expect(regionOf(0, clusters)).toBe(clusters);
  });
});
