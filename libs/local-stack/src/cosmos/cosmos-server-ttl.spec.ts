import { Container, CosmosClient } from '@azure/cosmos';
import { waitFor } from '../testing/wait-for';
import { createTestContainer, localClient } from './cosmos-server.test-helpers';
import { CosmosServerHandle, startCosmosServer } from './start-cosmos-server';

// The patched server (patches/@vercel+cosmosdb-server+1.0.1.patch) expires documents as Cosmos DB does.
describe('local Cosmos server: time to live', () => {
  let server: CosmosServerHandle;
  let client: CosmosClient;

  beforeAll(async () => {
    server = await startCosmosServer();
    client = localClient(server);
  });

  afterAll(async () => {
    client.dispose();
    await server.stop();
  });

  const status = async (container: Container, id: string): Promise<number> =>
    (await container.item(id, 'p').read()).statusCode;
  const queryIds = async (container: Container): Promise<string[]> => {
    const { resources } = await container.items
      .query<string>({ query: 'SELECT VALUE c.id FROM c WHERE c.partitionKey = @p', parameters: [{ name: '@p', value: 'p' }] })
      .fetchAll();
    return resources.sort();
  };

  it('expires by item ttl and container defaultTtl, honours ttl -1, ignores ttl when TTL is off', async () => {
    const defaultOneSecond = await createTestContainer(client, { defaultTtl: 1 });
    const noDefault = await createTestContainer(client, { defaultTtl: -1 });
    const ttlOff = await createTestContainer(client);
    await defaultOneSecond.items.create({ id: 'by-default', partitionKey: 'p' });
    await defaultOneSecond.items.create({ id: 'never', partitionKey: 'p', ttl: -1 });
    await noDefault.items.create({ id: 'by-item', partitionKey: 'p', ttl: 1 });
    await noDefault.items.create({ id: 'kept', partitionKey: 'p' });
    await ttlOff.items.create({ id: 'ignored', partitionKey: 'p', ttl: 1 });
    expect(await status(defaultOneSecond, 'by-default')).toBe(200);
    expect(await status(noDefault, 'by-item')).toBe(200);

    const bothStatuses = async () => [await status(defaultOneSecond, 'by-default'), await status(noDefault, 'by-item')];
    await waitFor(bothStatuses, (statuses) => statuses.every((code) => code === 404), 'both expiring documents to be gone', 5_000);

    expect(await status(defaultOneSecond, 'never')).toBe(200);
    expect(await status(noDefault, 'kept')).toBe(200);
    expect(await status(ttlOff, 'ignored')).toBe(200);
    expect(await queryIds(defaultOneSecond)).toEqual(['never']);
    expect(await queryIds(noDefault)).toEqual(['kept']);
    const { resources: all } = await noDefault.items.readAll().fetchAll();
    expect(all.map((d) => d.id)).toEqual(['kept']);
    // An expired document is gone: its id can be used again.
    const recreated = await noDefault.items.create({ id: 'by-item', partitionKey: 'p' });
    expect(recreated.statusCode).toBe(201);
  }, 10_000);

  it('counts the time from the last write', async () => {
    const container = await createTestContainer(client, { defaultTtl: -1 });
    await container.items.create({ id: 'a', partitionKey: 'p', ttl: 3600 });
    // Setting a short ttl on an existing document makes it expire.
    await container.item('a', 'p').replace({ id: 'a', partitionKey: 'p', ttl: 1 });
    await waitFor(() => status(container, 'a'), (code) => code === 404, 'the document to expire', 5_000);
    expect(await queryIds(container)).toEqual([]);
  }, 10_000);
});
