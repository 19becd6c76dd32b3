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

/**
 * Polls `condition` until it holds or `timeoutMs` passes (then throws). For conditions that only
 * time can make true, such as a TTL running out; never a substitute for awaiting an event.
 */
export async function waitUntil(condition: () => Promise<boolean>, timeoutMs: number, intervalMs = 50): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
