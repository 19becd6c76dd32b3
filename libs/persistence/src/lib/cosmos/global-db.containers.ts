import type { ContainerRequest } from '@azure/cosmos';

/** The partition key path of every Global DB container. */
export const PARTITION_KEY_PATH = '/partitionKey';

/**
 * The account registry (seed 004): FHIR service accounts, IoMT connectors, secret metadata,
 * operations and completed operations, each partitioned by the customer subscription id.
 * `defaultTtl: -1` turns TTL on without a default expiry, so soft-deleted documents carrying a
 * `ttl` are purged by Cosmos while live ones stay.
 */
export const ACCOUNT_REGISTRY_CONTAINER = {
  id: 'accountregistry',
  partitionKey: { paths: [PARTITION_KEY_PATH] },
  defaultTtl: -1,
} as const satisfies ContainerRequest;

/**
 * Cluster metadata (seed 000): regions, infrastructure subscriptions, App Service plans and
 * capacity, partitioned by region so "the metadata of a region" is one partition.
 */
export const CLUSTER_METADATA_CONTAINER = {
  id: 'clustermetadata',
  partitionKey: { paths: [PARTITION_KEY_PATH] },
  defaultTtl: -1,
} as const satisfies ContainerRequest;

/** Every container the Global DB needs, created at start when missing. */
export const GLOBAL_DB_CONTAINER_DEFINITIONS = [ACCOUNT_REGISTRY_CONTAINER, CLUSTER_METADATA_CONTAINER] as const;
