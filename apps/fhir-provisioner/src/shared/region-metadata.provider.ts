import type { Provider } from '@nestjs/common';
import { CLUSTER_METADATA_REPOSITORY, type ClusterMetadataRepository, systemClock } from '@iomt/domain';
import { CachedClusterMetadataRepository } from '@iomt/persistence';
import { FHIR_PROVISIONER_CONFIG, type FhirProvisionerConfig } from '../config';

/**
 * DI token of the region metadata that provisioning and patching place a service with: the
 * cluster metadata repository behind a read-through cache of CLUSTER_METADATA_CACHE_SECONDS (the
 * repository itself when 0). Placement only reads the metadata, and operators change it rarely;
 * deprovisioning reads the repository itself, so it sees every subscription an operator added.
 */
export const REGION_METADATA = Symbol('REGION_METADATA');

/** Binds {@link REGION_METADATA}. */
export const regionMetadataProvider: Provider = {
  provide: REGION_METADATA,
  inject: [CLUSTER_METADATA_REPOSITORY, FHIR_PROVISIONER_CONFIG],
  useFactory: (clusters: ClusterMetadataRepository, config: FhirProvisionerConfig): ClusterMetadataRepository =>
    config.CLUSTER_METADATA_CACHE_SECONDS === 0
      ? clusters
      : new CachedClusterMetadataRepository(clusters, { ttlMs: config.CLUSTER_METADATA_CACHE_SECONDS * 1_000, clock: systemClock }),
};
