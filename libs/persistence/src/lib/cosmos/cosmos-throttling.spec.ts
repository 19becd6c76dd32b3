import { Container, CosmosClient } from '@azure/cosmos';
import { ThrottledError, TransientError } from '@iomt/domain';
import { CosmosServerHandle, startCosmosServer } from '@iomt/local-stack';
import { CosmosFaultProxy, startCosmosFaultProxy } from '../../../test/cosmos-fault-proxy';
import { globalDbOptionsSchema } from '../config/persistence.config';
import { createCosmosClient } from './cosmos-client.factory';
import { withCosmosErrors } from './cosmos-error.mapper';
import { ensureGlobalDb } from './ensure-global-db';

// The real SDK against the local server behind a proxy that injects 429 and 503 responses.
describe('Cosmos throttling and outages (real SDK, injected faults)', () => {
  let server: CosmosServerHandle;
  let proxy: CosmosFaultProxy;
  let client: CosmosClient;
  let container: Container;
  const readPath = /^GET \/dbs\/throttling\/colls\/accountregistry\/docs\/doc1$/;
  const readsOfDoc = () => proxy.seen.filter((line) => readPath.test(line)).length;
  const readDoc = () => withCosmosErrors('read doc1', () => container.item('doc1', 'p').read());

  beforeAll(async () => {
    server = await startCosmosServer();
    proxy = await startCosmosFaultProxy(server.endpoint);
    client = createCosmosClient(
      globalDbOptionsSchema.parse({
        endpoint: proxy.endpoint,
        key: server.key,
        databaseName: 'throttling',
        tlsRejectUnauthorized: false,
        maxThrottleRetries: 2,
        maxThrottleWaitSeconds: 5,
      }),
    );
    ({ accountRegistry: container } = await ensureGlobalDb(client, 'throttling'));
    await container.items.create({ id: 'doc1', partitionKey: 'p' });
  });

  afterAll(async () => {
    client.dispose();
    await proxy.stop();
    await server.stop();
  });

  it('waits out the retry-after of a 429 and succeeds within maxThrottleRetries', async () => {
    const before = readsOfDoc();
    proxy.inject({ match: readPath, status: 429, headers: { 'x-ms-retry-after-ms': '20' }, times: 2 });
    const { resource } = await readDoc();
    expect(resource?.id).toBe('doc1');
    expect(readsOfDoc() - before).toBe(3);
  });

  it('gives up after maxThrottleRetries with a ThrottledError carrying the retry-after', async () => {
    const before = readsOfDoc();
    proxy.inject({ match: readPath, status: 429, headers: { 'x-ms-retry-after-ms': '15' }, times: 3 });
    const error = await readDoc().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ThrottledError);
    expect((error as ThrottledError).retryAfterMs).toBe(15);
    expect(readsOfDoc() - before).toBe(3);
  });

  it('maps a 503 to a retryable TransientError', async () => {
    proxy.inject({ match: readPath, status: 503, times: 50 });
    const error = await readDoc().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransientError);
    expect((error as TransientError).retryable).toBe(true);
  });
});
