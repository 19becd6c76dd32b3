import { CosmosClient, type Container } from '@azure/cosmos';
import { ServiceBusClient } from '@azure/service-bus';
import { Agent } from 'node:https';

/** The floor's entities: the local stack's own queues, and a database of its own in the local Cosmos server. */
export const FLOOR = {
  operationsQueue: 'operations',
  commandsQueue: 'fhir-commands',
  repliesQueue: 'operation-replies',
  database: 'floordb',
  container: 'accountregistry',
} as const;

/** Settings a role process reads from its environment (the local stack's, as the services get them). */
export interface FloorEnv {
  readonly SERVICEBUS_CONNECTION_STRING: string;
  readonly COSMOS_ENDPOINT: string;
  readonly COSMOS_KEY: string;
  readonly ARM_ENDPOINT: string;
}

/** The floor's environment from `process.env`. @throws Error naming a missing setting. */
export function floorEnv(env: NodeJS.ProcessEnv = process.env): FloorEnv {
  const read = (name: keyof FloorEnv) => {
    const value = env[name];
    if (value === undefined || value === '') throw new Error(`The floor bench needs ${name}`);
    return value;
  };
  return {
    SERVICEBUS_CONNECTION_STRING: read('SERVICEBUS_CONNECTION_STRING'),
    COSMOS_ENDPOINT: read('COSMOS_ENDPOINT'),
    COSMOS_KEY: read('COSMOS_KEY'),
    ARM_ENDPOINT: read('ARM_ENDPOINT'),
  };
}

/** A Cosmos client as the services make one for the local server (keep-alive, its self-signed certificate accepted). */
export function floorCosmosClient(env: FloorEnv): CosmosClient {
  return new CosmosClient({
    endpoint: env.COSMOS_ENDPOINT,
    key: env.COSMOS_KEY,
    agent: new Agent({ keepAlive: true, rejectUnauthorized: false }),
    connectionPolicy: { enableEndpointDiscovery: false },
  });
}

/** The floor's container (partition key `/partitionKey`, as the account registry's). */
export function floorContainer(client: CosmosClient): Container {
  return client.database(FLOOR.database).container(FLOOR.container);
}

/** Creates the floor's database and container when missing. */
export async function ensureFloorContainer(env: FloorEnv): Promise<void> {
  const client = floorCosmosClient(env);
  const { database } = await client.databases.createIfNotExists({ id: FLOOR.database });
  await database.containers.createIfNotExists({ id: FLOOR.container, partitionKey: { paths: ['/partitionKey'] } });
  client.dispose();
}

/** A Service Bus client of the local emulator. */
export function floorServiceBus(env: FloorEnv): ServiceBusClient {
  return new ServiceBusClient(env.SERVICEBUS_CONNECTION_STRING);
}
