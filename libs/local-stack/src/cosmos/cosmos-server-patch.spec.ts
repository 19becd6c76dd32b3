import { Container, CosmosClient } from '@azure/cosmos';
import { createTestContainer, localClient } from './cosmos-server.test-helpers';
import { CosmosServerHandle, startCosmosServer } from './start-cosmos-server';

// The patched server (patches/@vercel+cosmosdb-server+1.0.1.patch) evaluates a patch condition
// with its own casing; the stock server lowercased it, breaking camelCase properties and literals.
describe('local Cosmos server: conditional patch', () => {
  let server: CosmosServerHandle;
  let client: CosmosClient;
  let container: Container;

  beforeAll(async () => {
    server = await startCosmosServer();
    client = localClient(server);
    container = await createTestContainer(client);
    await container.items.create({ id: 'a', partitionKey: 'p', type: 'secretMetadata', forceRotation: false });
  });

  afterAll(async () => {
    client.dispose();
    await server.stop();
  });

  it.each([
    ["FROM c WHERE c.type = 'secretMetadata'", 200],
    ['FROM c WHERE c.forceRotation = false', 200],
    ["from c where c.type = 'secretmetadata'", 412],
    ["FROM c WHERE c.type = 'other'", 412],
  ])('applies the patch only when %p holds (%p)', async (condition, status) => {
    const patch = container.item('a', 'p').patch({ condition, operations: [{ op: 'set', path: '/touched', value: true }] });
    if (status === 200) {
      expect((await patch).resource).toMatchObject({ touched: true, forceRotation: false });
    } else {
      await expect(patch).rejects.toMatchObject({ code: status });
    }
  });
});
