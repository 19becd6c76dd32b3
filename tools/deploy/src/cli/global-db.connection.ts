import type { ClusterMetadataRepository } from '@iomt/domain';
import {
  CLUSTER_METADATA_CONTAINER,
  CosmosClusterMetadataRepository,
  createCosmosClient,
  ensureGlobalDb,
  globalDbOptionsSchema,
} from '@iomt/persistence';
import { ReadOnlyClusterMetadata } from './read-only-cluster-metadata';

/** Where the Global DB is and how to reach it. */
export interface GlobalDbConnectionOptions {
  readonly endpoint: string;
  /** Never logged. */
  readonly key: string;
  readonly databaseName: string;
  readonly tlsVerify: boolean;
  /** Read only: creates nothing (not even missing containers) and refuses writes. */
  readonly readOnly: boolean;
}

/** The cluster metadata repository on the Global DB, and how to let go of the client. */
export interface GlobalDbConnection {
  readonly clusterMetadata: ClusterMetadataRepository;
  close(): void;
}

/**
 * Connects to the Global DB. Writable connections create the database and its containers when
 * missing (opening the first region of a new environment creates them); read-only ones do not.
 */
export async function connectGlobalDb(options: GlobalDbConnectionOptions): Promise<GlobalDbConnection> {
  const client = createCosmosClient(
    globalDbOptionsSchema.parse({
      endpoint: options.endpoint,
      key: options.key,
      databaseName: options.databaseName,
      tlsRejectUnauthorized: options.tlsVerify,
    }),
  );
  try {
    if (options.readOnly) {
      const container = client.database(options.databaseName).container(CLUSTER_METADATA_CONTAINER.id);
      return {
        clusterMetadata: new ReadOnlyClusterMetadata(new CosmosClusterMetadataRepository(container)),
        close: () => client.dispose(),
      };
    }
    const { clusterMetadata } = await ensureGlobalDb(client, options.databaseName);
    return { clusterMetadata: new CosmosClusterMetadataRepository(clusterMetadata), close: () => client.dispose() };
  } catch (error) {
    client.dispose();
    throw error;
  }
}
