import { Agent } from 'node:https';
import { CosmosClient } from '@azure/cosmos';
import { ACCOUNT_REGISTRY_CONTAINER } from '@iomt/persistence';
import type { OperationDocumentView, OperationRecord } from '../driver/operation-record';

/** Where the Global DB is (the settings the services run with). */
export interface GlobalDbAccess {
  readonly endpoint: string;
  readonly key: string;
  readonly database: string;
}

/** The stored `OperationStatus` numbers (libs/domain `OperationStatus`), by name. */
const STATUS_NAMES = ['Requested', 'Running', 'Failed', 'Completed', 'Canceled'] as const;

interface StoredOperation {
  id: string;
  provisioningStatus: number;
  timeEnqueued?: string;
  timeEnded?: string;
  attemptCount?: number;
}

/**
 * Reads the OperationDocument of every accepted operation (one query per subscription partition)
 * and attaches what it holds to the records; an accepted operation without a document is `Missing`.
 */
export async function attachOperationDocuments(access: GlobalDbAccess, records: readonly OperationRecord[], parallel = 16): Promise<void> {
  const client = new CosmosClient({
    endpoint: access.endpoint,
    key: access.key,
    agent: access.endpoint.startsWith('https:') ? new Agent({ keepAlive: true, rejectUnauthorized: false }) : undefined,
    connectionPolicy: { enableEndpointDiscovery: false },
  });
  try {
    const container = client.database(access.database).container(ACCOUNT_REGISTRY_CONTAINER.id);
    const subscriptions = [...new Set(records.filter((r) => r.operationId !== undefined).map((r) => r.subscriptionId))];
    const stored = new Map<string, StoredOperation>();
    for (let i = 0; i < subscriptions.length; i += parallel) {
      const pages = await Promise.all(subscriptions.slice(i, i + parallel).map((s) => readPartition(container, s)));
      for (const doc of pages.flat()) stored.set(doc.id, doc);
    }
    for (const record of records) {
      if (record.operationId !== undefined) record.document = view(stored.get(record.operationId));
    }
  } finally {
    client.dispose();
  }
}

async function readPartition(container: ReturnType<ReturnType<CosmosClient['database']>['container']>, subscriptionId: string): Promise<StoredOperation[]> {
  const query = {
    query: 'SELECT c.id, c.provisioningStatus, c.timeEnqueued, c.timeEnded, c.attemptCount FROM c WHERE c.type = @type',
    parameters: [{ name: '@type', value: 'provisioningrequest' }],
  };
  const { resources } = await container.items.query<StoredOperation>(query, { partitionKey: subscriptionId }).fetchAll();
  return resources;
}

function view(doc: StoredOperation | undefined): OperationDocumentView {
  if (doc === undefined) return { provisioningStatus: 'Missing' };
  return {
    provisioningStatus: STATUS_NAMES[doc.provisioningStatus] ?? 'Missing',
    timeEnqueued: doc.timeEnqueued === undefined ? undefined : Date.parse(doc.timeEnqueued),
    timeEnded: doc.timeEnded === undefined ? undefined : Date.parse(doc.timeEnded),
    attemptCount: doc.attemptCount,
  };
}
