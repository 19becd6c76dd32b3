import type { CosmosClient } from '@azure/cosmos';
import { CosmosServerHandle, startCosmosServer } from '@iomt/local-stack';
import { globalDbOptionsSchema } from '../config/persistence.config';
import { createCosmosClient } from './cosmos-client.factory';
import { ensureGlobalDb } from './ensure-global-db';

describe('ensureGlobalDb (local Cosmos server)', () => {
  let server: CosmosServerHandle;
  let client: CosmosClient;

  beforeAll(async () => {
    server = await startCosmosServer();
    client = createCosmosClient(
      globalDbOptionsSchema.parse({ endpoint: server.endpoint, key: server.key, databaseName: 'x', tlsRejectUnauthorized: false }),
    );
  });

  afterAll(async () => {
    client.dispose();
    await server.stop();
  });

  it('creates the database and both containers, partitioned by /partitionKey with TTL on; again is a no-op', async () => {
    const first = await ensureGlobalDb(client, 'fresh');
    const again = await ensureGlobalDb(client, 'fresh');
    expect(again.accountRegistry.id).toBe(first.accountRegistry.id);
    for (const container of [first.accountRegistry, first.clusterMetadata]) {
      const { resource } = await container.read();
      expect(resource).toMatchObject({ partitionKey: { paths: ['/partitionKey'] }, defaultTtl: -1 });
    }
    expect([first.accountRegistry.id, first.clusterMetadata.id]).toEqual(['accountregistry', 'clustermetadata']);
  });

  it('switches TTL on for an existing container without it', async () => {
    const { database } = await client.databases.createIfNotExists({ id: 'legacy' });
    await database.containers.create({ id: 'accountregistry', partitionKey: { paths: ['/partitionKey'] } });
    const { accountRegistry } = await ensureGlobalDb(client, 'legacy');
    expect((await accountRegistry.read()).resource?.defaultTtl).toBe(-1);
  });

  it('refuses an existing container partitioned by another path', async () => {
    const { database } = await client.databases.createIfNotExists({ id: 'wrong' });
    await database.containers.create({ id: 'clustermetadata', partitionKey: { paths: ['/region'] } });
    await expect(ensureGlobalDb(client, 'wrong')).rejects.toThrow(/clustermetadata is partitioned by \["\/region"\], expected \["\/partitionKey"\]/);
  });
});
