import type { CosmosClient } from '@azure/cosmos';
import {
  CosmosAccountRegistryManagementRepository,
  CosmosOperationRepository,
  CosmosSecretMetadataRepository,
  createCosmosClient,
  ensureGlobalDb,
} from '@iomt/persistence';
import { startCosmosServer, type CosmosServerHandle } from '@iomt/local-stack';

/** The Global DB on the local Cosmos server, with the repositories the key rotator uses. */
export interface TestGlobalDb {
  readonly server: CosmosServerHandle;
  readonly registry: CosmosAccountRegistryManagementRepository;
  readonly operations: CosmosOperationRepository;
  readonly secrets: CosmosSecretMetadataRepository;
  close(): Promise<void>;
}

/** Starts a Cosmos server on an ephemeral port and creates the Global DB in it. */
export async function startTestGlobalDb(): Promise<TestGlobalDb> {
  const server = await startCosmosServer();
  let client: CosmosClient | undefined;
  try {
    client = createCosmosClient({
      endpoint: server.endpoint,
      key: server.key,
      databaseName: 'globaldb',
      tlsRejectUnauthorized: false,
      maxThrottleRetries: 0,
      maxThrottleWaitSeconds: 1,
      deletedDocumentTtlSeconds: 60,
    });
    const containers = await ensureGlobalDb(client, 'globaldb');
    const opened = client;
    return {
      server,
      registry: new CosmosAccountRegistryManagementRepository(containers.accountRegistry, 60),
      operations: new CosmosOperationRepository(containers.accountRegistry),
      secrets: new CosmosSecretMetadataRepository(containers.accountRegistry),
      close: async () => {
        opened.dispose();
        await server.stop();
      },
    };
  } catch (error) {
    client?.dispose();
    await server.stop();
    throw error;
  }
}
