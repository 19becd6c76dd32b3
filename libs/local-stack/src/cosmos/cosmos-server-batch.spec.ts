import { Container, CosmosClient, OperationInput } from '@azure/cosmos';
import { createTestContainer, localClient } from './cosmos-server.test-helpers';
import { CosmosServerHandle, startCosmosServer } from './start-cosmos-server';

// The patched server (patches/@vercel+cosmosdb-server+1.0.1.patch) makes transactional batches atomic.
describe('local Cosmos server: transactional batch', () => {
  let server: CosmosServerHandle;
  let client: CosmosClient;
  let container: Container;

  beforeAll(async () => {
    server = await startCosmosServer();
    client = localClient(server);
  });

  beforeEach(async () => {
    container = await createTestContainer(client);
    await container.items.create({ id: 'kept', partitionKey: 'p', v: 1 });
    await container.items.create({ id: 'doomed', partitionKey: 'p', v: 1 });
  });

  afterAll(async () => {
    client.dispose();
    await server.stop();
  });

  const status = async (id: string): Promise<number> => (await container.item(id, 'p').read()).statusCode;

  it('rolls back every operation when one fails: 207, the failure keeps its code, the rest 424', async () => {
    const operations: OperationInput[] = [
      { operationType: 'Create', resourceBody: { id: 'new', partitionKey: 'p' } },
      { operationType: 'Replace', id: 'kept', resourceBody: { id: 'kept', partitionKey: 'p', v: 2 } },
      { operationType: 'Delete', id: 'doomed' },
      { operationType: 'Upsert', resourceBody: { id: 'upserted', partitionKey: 'p' } },
      { operationType: 'Create', resourceBody: { id: 'kept', partitionKey: 'p' } },
    ];
    const response = await container.items.batch(operations, 'p');
    expect(response.code).toBe(207);
    expect(response.result!.map((r) => r.statusCode)).toEqual([424, 424, 424, 424, 409]);
    expect(await status('new')).toBe(404);
    expect(await status('upserted')).toBe(404);
    expect(await status('doomed')).toBe(200);
    expect((await container.item('kept', 'p').read()).resource).toMatchObject({ v: 1 });
  });

  it('keeps the rolled-back documents queryable exactly as before, unique keys included', async () => {
    const before = await container.item('kept', 'p').read();
    await container.items.batch(
      [
        { operationType: 'Replace', id: 'kept', resourceBody: { id: 'kept', partitionKey: 'p', v: 9 } },
        { operationType: 'Replace', id: 'absent', resourceBody: { id: 'absent', partitionKey: 'p' } },
      ],
      'p',
    );
    const after = await container.item('kept', 'p').read();
    expect(after.etag).toBe(before.etag);
    const { resources } = await container.items
      .query({ query: 'SELECT VALUE c.id FROM c WHERE c.partitionKey = @p', parameters: [{ name: '@p', value: 'p' }] })
      .fetchAll();
    expect(resources.sort()).toEqual(['doomed', 'kept']);
    await expect(container.items.create({ id: 'kept', partitionKey: 'p' })).rejects.toMatchObject({ code: 409 });
  });

  it('rolls back when an If-Match condition fails inside the batch', async () => {
    const response = await container.items.batch(
      [
        { operationType: 'Create', resourceBody: { id: 'new', partitionKey: 'p' } },
        { operationType: 'Replace', id: 'doomed', ifMatch: '"stale"', resourceBody: { id: 'doomed', partitionKey: 'p' } },
      ],
      'p',
    );
    expect(response.result!.map((r) => r.statusCode)).toEqual([424, 412]);
    expect(await status('new')).toBe(404);
  });

  it('applies every operation of a successful batch, taking the partition key from the request', async () => {
    const response = await container.items.batch(
      [
        { operationType: 'Create', resourceBody: { id: 'new', partitionKey: 'p' } },
        { operationType: 'Read', id: 'kept' },
        { operationType: 'Replace', id: 'kept', resourceBody: { id: 'kept', partitionKey: 'p', v: 2 } },
        { operationType: 'Delete', id: 'doomed' },
      ],
      'p',
    );
    expect(response.code).toBe(200);
    expect(response.result!.map((r) => r.statusCode)).toEqual([201, 200, 200, 204]);
    expect(await status('new')).toBe(200);
    expect(await status('doomed')).toBe(404);
    expect((await container.item('kept', 'p').read()).resource).toMatchObject({ v: 2 });
  });

  it('leaves other partitions alone', async () => {
    await container.items.create({ id: 'kept', partitionKey: 'other', v: 1 });
    await container.items.batch(
      [
        { operationType: 'Delete', id: 'kept' },
        { operationType: 'Create', resourceBody: { id: 'doomed', partitionKey: 'p' } },
      ],
      'p',
    );
    expect((await container.item('kept', 'other').read()).statusCode).toBe(200);
    expect(await status('kept')).toBe(200);
  });
});
