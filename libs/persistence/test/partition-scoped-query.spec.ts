import { startTestGlobalDb, TestGlobalDb } from './global-db.harness';
import { newSubscriptionId } from './registry.fixtures';

// The local server is patched to answer a query sent with a partition key from that partition's
// documents only, as Cosmos DB does (and without scanning the others).
describe('queries scoped to a partition key (local Cosmos server)', () => {
  let db: TestGlobalDb;
  const [mine, theirs] = [newSubscriptionId(), newSubscriptionId()];

  beforeAll(async () => {
    db = await startTestGlobalDb();
    for (const [partitionKey, n] of [[mine, 3], [theirs, 2]] as const) {
      for (let i = 0; i < n; i += 1) await db.accountRegistry.items.create({ id: `${partitionKey}-${i}`, type: 'probe', partitionKey, n: i });
    }
  });
  afterAll(async () => {
    await db.stop();
  });

  const query = (text: string, partitionKey?: string) =>
    db.accountRegistry.items
      .query<{ id: string }>({ query: text, parameters: [{ name: '@type', value: 'probe' }] }, partitionKey === undefined ? {} : { partitionKey })
      .fetchAll();

  it('returns only the documents of the partition named by the request, even when the query does not filter on it', async () => {
    const { resources } = await query('SELECT * FROM c WHERE c.type = @type ORDER BY c.n', mine);
    expect(resources.map((r) => r.id)).toEqual([`${mine}-0`, `${mine}-1`, `${mine}-2`]);
  });

  it('sees writes, replacements and deletions of the partition', async () => {
    await db.accountRegistry.item(`${theirs}-0`, theirs).delete();
    await db.accountRegistry.items.upsert({ id: `${theirs}-1`, type: 'probe', partitionKey: theirs, n: 10 });
    await db.accountRegistry.items.create({ id: `${theirs}-9`, type: 'probe', partitionKey: theirs, n: 9 });
    const { resources } = await query('SELECT * FROM c WHERE c.type = @type ORDER BY c.n', theirs);
    expect(resources.map((r) => r.id)).toEqual([`${theirs}-9`, `${theirs}-1`]);
  });

  it('returns nothing for a partition without documents, and every partition without a partition key', async () => {
    expect((await query('SELECT * FROM c WHERE c.type = @type', newSubscriptionId())).resources).toEqual([]);
    const all = (await query('SELECT * FROM c WHERE c.type = @type')).resources.map((r) => r.id);
    expect(all).toEqual(expect.arrayContaining([`${mine}-0`, `${theirs}-9`]));
  });

  it('leaves a rolled-back batch out of the partition', async () => {
    const batch = await db.accountRegistry.items.batch(
      [
        { operationType: 'Create', resourceBody: { id: `${mine}-new`, type: 'probe', partitionKey: mine, n: 5 } },
        { operationType: 'Create', resourceBody: { id: `${mine}-0`, type: 'probe', partitionKey: mine, n: 6 } },
      ],
      mine,
    );
    expect(batch.code).toBe(207);
    const { resources } = await query('SELECT * FROM c WHERE c.type = @type ORDER BY c.n', mine);
    expect(resources.map((r) => r.id)).toEqual([`${mine}-0`, `${mine}-1`, `${mine}-2`]);
  });
});
