import { Container, ContainerDefinition, CosmosClient } from '@azure/cosmos';
import { randomUUID } from 'node:crypto';
import { CosmosServerHandle } from './start-cosmos-server';

/** Creates a fresh container (unique id) partitioned by `/partitionKey` in database `test`. */
export async function createTestContainer(
  client: CosmosClient,
  definition: Partial<ContainerDefinition> = {},
): Promise<Container> {
  const { database } = await client.databases.createIfNotExists({ id: 'test' });
  const { container } = await database.containers.create({
    id: `c-${randomUUID()}`,
    partitionKey: { paths: ['/partitionKey'] },
    ...definition,
  });
  return container;
}

/** A client for the local server. */
export function localClient(server: CosmosServerHandle): CosmosClient {
  return new CosmosClient(server.clientOptions);
}
