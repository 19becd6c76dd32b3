/**
 * `npm run bench:globaldb`: point reads/s, point writes/s and the time to page through 10,000
 * children of one parent, through the repositories, against the patched local Cosmos server
 * (in this process, HTTPS, keep-alive). Figures only; nothing is asserted.
 */
import { DocumentType, IomtConnector } from '@iomt/domain';
import { startCosmosServer } from '@iomt/local-stack';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { aConnector, anAccount } from '../test/registry.fixtures';
import { createCosmosClient, CosmosAccountRegistryManagementRepository, ensureGlobalDb, globalDbOptionsSchema } from '../src';

const POINT_OPERATIONS = 2_000;
const CONCURRENCY = 16;
const CHILDREN = 10_000;
const BATCH = 100;

/** Runs `task(i)` for i in [0, count) with `concurrency` in flight; returns operations per second. */
async function throughput(count: number, concurrency: number, task: (i: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return count / ((performance.now() - started) / 1000);
}

async function pageThrough(registry: CosmosAccountRegistryManagementRepository, subscriptionId: string, parentId: string, pageSize: number) {
  const started = performance.now();
  let continuationToken: string | undefined;
  let items = 0;
  let pages = 0;
  do {
    const page = await registry.getChildResourcesByParentId(subscriptionId, parentId, DocumentType.IomtConnector, { pageSize, continuationToken });
    items += page.items.length;
    pages += 1;
    continuationToken = page.continuationToken;
  } while (continuationToken);
  return { items, pages, ms: performance.now() - started };
}

async function main(): Promise<void> {
  const server = await startCosmosServer();
  const client = createCosmosClient(
    globalDbOptionsSchema.parse({ endpoint: server.endpoint, key: server.key, databaseName: 'bench', tlsRejectUnauthorized: false }),
  );
  const { accountRegistry } = await ensureGlobalDb(client, 'bench');
  const registry = new CosmosAccountRegistryManagementRepository(accountRegistry, 60);
  const print = (line: string) => process.stdout.write(`${line}\n`);
  try {
    // Point operations: connectors spread over 50 subscriptions, as many customers would be.
    const parents = Array.from({ length: 50 }, () => anAccount(randomUUID()));
    const connectors = Array.from({ length: POINT_OPERATIONS }, (_, i) => aConnector(parents[i % parents.length], `point${i}`));
    const writes = await throughput(POINT_OPERATIONS, CONCURRENCY, (i) => registry.upsertChildResource(connectors[i]));
    const reads = await throughput(POINT_OPERATIONS, CONCURRENCY, (i) =>
      registry.getChildResourceById(connectors[i].subscriptionId, connectors[i].id, DocumentType.IomtConnector),
    );
    print(`point writes (upsertChildResource, ${POINT_OPERATIONS} ops, concurrency ${CONCURRENCY}): ${writes.toFixed(0)}/s`);
    print(`point reads (getChildResourceById, ${POINT_OPERATIONS} ops, concurrency ${CONCURRENCY}): ${reads.toFixed(0)}/s`);

    // 10,000 children of one parent, created in transactional batches of 100.
    const parent = anAccount(randomUUID(), 'bigparent');
    const children: IomtConnector[] = Array.from({ length: CHILDREN }, (_, i) => aConnector(parent, `child${i}`));
    const created = await throughput(CHILDREN / BATCH, 4, (b) => registry.createChildResources(children.slice(b * BATCH, (b + 1) * BATCH)));
    print(`create ${CHILDREN} children in batches of ${BATCH} (4 in flight): ${(created * BATCH).toFixed(0)} documents/s`);
    for (const pageSize of [100, 1000]) {
      const { items, pages, ms } = await pageThrough(registry, parent.subscriptionId, parent.id, pageSize);
      print(`page through ${items} children of one parent, ${pages} pages of ${pageSize}: ${(ms / 1000).toFixed(2)} s (${(ms / pages).toFixed(1)} ms/page)`);
    }
    print(`(container holds ${POINT_OPERATIONS + CHILDREN} documents; Node ${process.version}, in-process server)`);
  } finally {
    client.dispose();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
