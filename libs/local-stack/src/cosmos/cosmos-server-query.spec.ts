import { Container, CosmosClient, SqlQuerySpec } from '@azure/cosmos';
import { request } from 'node:https';
import { createTestContainer, localClient } from './cosmos-server.test-helpers';
import { CosmosServerHandle, startCosmosServer } from './start-cosmos-server';

// The patched server (patches/@vercel+cosmosdb-server+1.0.1.patch) compiles queries to linear-time
// code and refuses query-plan requests instead of running every query twice. Results must not change.
describe('local Cosmos server: queries', () => {
  let server: CosmosServerHandle;
  let client: CosmosClient;
  let container: Container;
  const inPartition = (query: string, extra: SqlQuerySpec['parameters'] = []): SqlQuerySpec => ({
    query,
    parameters: [{ name: '@p', value: 'p' }, ...extra],
  });

  beforeAll(async () => {
    server = await startCosmosServer();
    client = localClient(server);
    container = await createTestContainer(client);
    const documents = Array.from({ length: 60 }, (_, n) => ({
      id: `d${String(n).padStart(2, '0')}`,
      partitionKey: n % 2 === 0 ? 'p' : 'q',
      n,
      tags: n % 3 === 0 ? ['three', `t${n}`] : [`t${n}`],
    }));
    await container.items.executeBulkOperations(
      documents.map((d) => ({ operationType: 'Create' as const, partitionKey: d.partitionKey, resourceBody: d })),
    );
  });

  afterAll(async () => {
    client.dispose();
    await server.stop();
  });

  it('filters by partition and property, ordered, with JOIN and EXISTS', async () => {
    const { resources: ordered } = await container.items
      .query<number>(inPartition('SELECT VALUE c.n FROM c WHERE c.partitionKey = @p AND c.n >= 50 ORDER BY c.n DESC'))
      .fetchAll();
    expect(ordered).toEqual([58, 56, 54, 52, 50]);
    const { resources: joined } = await container.items
      .query(inPartition("SELECT c.n, t FROM c JOIN t IN c.tags WHERE c.partitionKey = @p AND c.n < 7"))
      .fetchAll();
    expect(joined).toEqual([
      { n: 0, t: 'three' }, { n: 0, t: 't0' }, { n: 2, t: 't2' }, { n: 4, t: 't4' },
      { n: 6, t: 'three' }, { n: 6, t: 't6' },
    ]);
    const { resources: exists } = await container.items
      .query<number>(
        inPartition("SELECT VALUE c.n FROM c WHERE c.partitionKey = @p AND EXISTS(SELECT VALUE t FROM t IN c.tags WHERE t = 'three') AND c.n < 20"),
      )
      .fetchAll();
    expect(exists).toEqual([0, 6, 12, 18]);
  });

  it('aggregates within a partition', async () => {
    const { resources } = await container.items
      .query(inPartition('SELECT VALUE COUNT(1) FROM c WHERE c.partitionKey = @p'))
      .fetchAll();
    expect(resources).toEqual([30]);
  });

  it('pages with continuation tokens, resumable from a new iterator', async () => {
    const spec = inPartition('SELECT VALUE c.n FROM c WHERE c.partitionKey = @p ORDER BY c.n');
    const seen: number[] = [];
    let continuationToken: string | undefined;
    let pages = 0;
    do {
      const page = await container.items.query<number>(spec, { partitionKey: 'p', maxItemCount: 7, continuationToken }).fetchNext();
      seen.push(...page.resources);
      continuationToken = page.continuationToken;
      pages += 1;
    } while (continuationToken);
    expect(pages).toBe(5);
    expect(seen).toEqual(Array.from({ length: 30 }, (_, i) => i * 2));
  });

  it('answers a query-plan request with 400 without running the query', async () => {
    const reply = await new Promise<{ status?: number; body: string }>((resolve, reject) => {
      const req = request(
        `${server.endpoint}/${container.url}/docs`,
        {
          method: 'POST',
          agent: server.clientOptions.agent,
          headers: { 'content-type': 'application/query+json', 'x-ms-cosmos-is-query-plan-request': 'True' },
        },
        (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode, body }));
        },
      );
      req.on('error', reject).end(JSON.stringify({ query: 'SELECT * FROM c' }));
    });
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body)).toEqual({ code: 'BadRequest', message: 'This server does not serve query plans.' });
  });

  it('compiles FROM and JOIN without copying the accumulated rows', () => {
    const { compileLinearQuery } = require('@vercel/cosmosdb-server/lib/account/linear-query');
    const parse = require('@zeit/cosmosdb-query').default;
    const query = parse('SELECT c.id FROM c JOIN t IN c.tags WHERE c.partitionKey = @p');
    expect(query.code).toContain('[...$,');
    const linear: string = compileLinearQuery(query.ast);
    expect(linear).not.toContain('[...$');
    expect(linear).toContain('$.push(');
  });
});
