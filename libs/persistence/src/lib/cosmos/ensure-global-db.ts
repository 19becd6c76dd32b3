import type { Container, CosmosClient, Database } from '@azure/cosmos';
import { GLOBAL_DB_CONTAINER_DEFINITIONS, PARTITION_KEY_PATH } from './global-db.containers';
import { mapCosmosError } from './cosmos-error.mapper';

/** The Global DB's containers, ready for the repositories. */
export interface GlobalDbContainers {
  readonly database: Database;
  readonly accountRegistry: Container;
  readonly clusterMetadata: Container;
}

/**
 * Creates the database and its containers when missing and checks that existing ones are usable:
 * partitioned by `/partitionKey` (fatal otherwise: the data would have to be migrated) and with
 * TTL on (switched on when off, so soft-deleted documents expire).
 */
export async function ensureGlobalDb(client: CosmosClient, databaseName: string): Promise<GlobalDbContainers> {
  try {
    const { database } = await client.databases.createIfNotExists({ id: databaseName });
    const [accountRegistry, clusterMetadata] = await Promise.all(
      GLOBAL_DB_CONTAINER_DEFINITIONS.map((definition) => ensureContainer(database, definition)),
    );
    return { database, accountRegistry, clusterMetadata };
  } catch (error) {
    throw mapCosmosError(error, `prepare Global DB database ${databaseName}`);
  }
}

async function ensureContainer(
  database: Database,
  definition: (typeof GLOBAL_DB_CONTAINER_DEFINITIONS)[number],
): Promise<Container> {
  const { container, resource } = await database.containers.createIfNotExists({
    ...definition,
    partitionKey: { paths: [...definition.partitionKey.paths] },
  });
  const paths = resource?.partitionKey?.paths ?? [];
  if (paths.length !== 1 || paths[0] !== PARTITION_KEY_PATH) {
    throw new Error(
      `Container ${definition.id} is partitioned by ${JSON.stringify(paths)}, expected ["${PARTITION_KEY_PATH}"]; ` +
        'it must be recreated (and its data migrated) before this service can use it',
    );
  }
  if (resource && resource.defaultTtl === undefined) {
    await container.replace({ ...resource, defaultTtl: definition.defaultTtl });
  }
  return container;
}
