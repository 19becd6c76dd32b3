import type { CosmosClient } from '@azure/cosmos';
import { CosmosServerHandle, startCosmosServer } from '@iomt/local-stack';
import { randomUUID } from 'node:crypto';
import { globalDbOptionsSchema } from '../src/lib/config/persistence.config';
import { createCosmosClient } from '../src/lib/cosmos/cosmos-client.factory';
import { ensureGlobalDb, GlobalDbContainers } from '../src/lib/cosmos/ensure-global-db';

/** A local Cosmos server with the Global DB created in it, for one test file. */
export interface TestGlobalDb extends GlobalDbContainers {
  readonly server: CosmosServerHandle;
  readonly client: CosmosClient;
  readonly databaseName: string;
  stop(): Promise<void>;
}

/** Starts the local Cosmos server on an ephemeral port and prepares the Global DB in it. */
export async function startTestGlobalDb(): Promise<TestGlobalDb> {
  const server = await startCosmosServer();
  const databaseName = `globaldb-${randomUUID().slice(0, 8)}`;
  const client = createCosmosClient(
    globalDbOptionsSchema.parse({ endpoint: server.endpoint, key: server.key, databaseName, tlsRejectUnauthorized: false }),
  );
  const containers = await ensureGlobalDb(client, databaseName);
  return {
    ...containers,
    server,
    client,
    databaseName,
    stop: async () => {
      client.dispose();
      await server.stop();
    },
  };
}

/** Polls `condition` until it holds or `timeoutMs` passes (then throws); only for what time alone changes (TTL). */
export async function waitUntil(condition: () => Promise<boolean>, timeoutMs: number, intervalMs = 50): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
