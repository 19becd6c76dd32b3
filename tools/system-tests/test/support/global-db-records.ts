import { Agent } from 'node:https';
import { CosmosClient, type Container } from '@azure/cosmos';

/** OperationDocument statuses as stored (seed 004 `OperationStatus`). */
export const StoredStatus = { Requested: 0, Running: 1, Failed: 2, Completed: 3, Canceled: 4 } as const;

/** The fields of a stored OperationDocument the system tests read. */
export interface StoredOperation {
  readonly id: string;
  readonly subscriptionId: string;
  readonly provisioningStatus: number;
  readonly provisioningOperation: number;
  readonly attemptCount: number;
  readonly timeEnqueued: string;
  readonly timeLastUpdated: string;
  readonly timeEnded?: string;
  readonly exceptionDetails?: string;
}

/** A stored CompletedOperationDocument (the archive record of a finished operation). */
export interface StoredCompletedOperation {
  readonly id: string;
  readonly operation: StoredOperation;
}

/**
 * Reads operations and their archive records straight from the Global DB (the local Cosmos
 * server) with @azure/cosmos, as the services store them: the source of truth the tests check.
 */
export class GlobalDbRecords {
  private readonly client: CosmosClient;
  private readonly registry: Container;

  constructor(env: Readonly<Record<string, string>>) {
    this.client = new CosmosClient({
      endpoint: env['COSMOS_ENDPOINT'],
      key: env['COSMOS_KEY'],
      agent: new Agent({ rejectUnauthorized: env['COSMOS_TLS_VERIFY'] === 'true' }),
      connectionPolicy: { enableEndpointDiscovery: false },
    });
    this.registry = this.client.database(env['COSMOS_DATABASE'] || 'globaldb').container('accountregistry');
  }

  /** One operation by id, or undefined. */
  async operation(subscriptionId: string, operationId: string): Promise<StoredOperation | undefined> {
    const { resource } = await this.registry.item(operationId, subscriptionId).read<StoredOperation>();
    return resource;
  }

  /** Every operation of a subscription. */
  async operationsOf(subscriptionId: string): Promise<StoredOperation[]> {
    return this.query<StoredOperation>('SELECT * FROM c WHERE c.type = "provisioningrequest" AND c.partitionKey = @p', subscriptionId);
  }

  /** The archive records of one operation (there must be exactly one once it has ended). */
  async completedRecordsOf(subscriptionId: string, operationId: string): Promise<StoredCompletedOperation[]> {
    const all = await this.query<StoredCompletedOperation>('SELECT * FROM c WHERE c.type = "completedprovisioningrequest" AND c.partitionKey = @p', subscriptionId);
    return all.filter((record) => record.operation.id === operationId);
  }

  /** Every operation of every subscription still Requested or Running. */
  async nonTerminalOperations(): Promise<StoredOperation[]> {
    const { resources } = await this.registry.items
      .query<StoredOperation>('SELECT * FROM c WHERE c.type = "provisioningrequest" AND (c.provisioningStatus = 0 OR c.provisioningStatus = 1)')
      .fetchAll();
    return resources;
  }

  dispose(): void {
    this.client.dispose();
  }

  private async query<T>(text: string, subscriptionId: string): Promise<T[]> {
    const { resources } = await this.registry.items
      .query<T>({ query: text, parameters: [{ name: '@p', value: subscriptionId }] }, { partitionKey: subscriptionId })
      .fetchAll();
    return resources;
  }
}
