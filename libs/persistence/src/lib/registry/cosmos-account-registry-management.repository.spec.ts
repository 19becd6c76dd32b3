import {
  ConcurrencyConflictError,
  ConflictError,
  DocumentType,
  IomtConnector,
  ResourceNotFoundError,
  ResourceState,
  ValidationError,
} from '@iomt/domain';
import { startTestGlobalDb, TestGlobalDb, waitUntil } from '../../../test/global-db.harness';
import { aConnector, anAccount, aSecret, newSubscriptionId } from '../../../test/registry.fixtures';
import { CosmosAccountRegistryManagementRepository } from './cosmos-account-registry-management.repository';

describe('CosmosAccountRegistryManagementRepository (local Cosmos server)', () => {
  let db: TestGlobalDb;
  let registry: CosmosAccountRegistryManagementRepository;

  beforeAll(async () => {
    db = await startTestGlobalDb();
    registry = new CosmosAccountRegistryManagementRepository(db.accountRegistry, 60);
  });

  afterAll(async () => {
    await db.stop();
  });

  const createConnector = async (): Promise<IomtConnector> =>
    (await registry.createChildResources([aConnector(anAccount(newSubscriptionId()))]))[0] as IomtConnector;
  const rawStatus = async (id: string, subscriptionId: string) => (await db.accountRegistry.item(id, subscriptionId).read()).statusCode;

  it('creates a connector and its secret metadata together, returning them with ETags', async () => {
    const connector = aConnector(anAccount(newSubscriptionId()));
    const created = await registry.createChildResources([connector, aSecret(connector)]);
    expect(created.map((c) => c.type)).toEqual([DocumentType.IomtConnector, DocumentType.AccountSpecificStreamAnalyticsJob]);
    expect(created.every((c) => typeof c._etag === 'string')).toBe(true);
    const stored = await db.accountRegistry.item(connector.id, connector.subscriptionId).read();
    expect(stored.resource).toMatchObject({ partitionKey: connector.subscriptionId, searchIndex: { Type: 'iomtconnector' } });
  });

  it('creates none when one of them already exists (atomic batch)', async () => {
    const account = anAccount(newSubscriptionId());
    const existing = aConnector(account, 'existing');
    await registry.createChildResources([existing]);
    const fresh = aConnector(account, 'fresh');
    await expect(registry.createChildResources([fresh, aSecret(fresh), existing])).rejects.toThrow(ConflictError);
    expect(await rawStatus(fresh.id, fresh.subscriptionId)).toBe(404);
    expect(await rawStatus(aSecret(fresh).id, fresh.subscriptionId)).toBe(404);
  });

  it.each<[string, () => IomtConnector[]]>([
    ['children of two subscriptions', () => [aConnector(anAccount(newSubscriptionId())), aConnector(anAccount(newSubscriptionId()))]],
    ['no children', () => []],
    ['more than 100 children', () => {
      const account = anAccount(newSubscriptionId());
      return Array.from({ length: 101 }, (_, i) => aConnector(account, `c${i}`));
    }],
  ])('refuses to create %s with a ValidationError', async (_, children) => {
    await expect(registry.createChildResources(children())).rejects.toThrow(ValidationError);
  });

  it('refuses an invalid entity before writing anything', async () => {
    const connector = aConnector(anAccount(newSubscriptionId()));
    const invalid = { ...connector, subscriptionId: 'not-a-guid' };
    await expect(registry.upsertChildResource(invalid)).rejects.toThrow(ValidationError);
  });

  it('upserts: creates, then replaces guarded by the ETag read', async () => {
    const connector = aConnector(anAccount(newSubscriptionId()));
    const created = await registry.upsertChildResource(connector);
    const updated = await registry.upsertChildResource({ ...created, state: ResourceState.Provisioned }, { ifMatch: created._etag });
    expect(updated.state).toBe(ResourceState.Provisioned);
    expect(updated._etag).not.toBe(created._etag);
    await expect(
      registry.upsertChildResource({ ...created, state: ResourceState.Failed }, { ifMatch: created._etag }),
    ).rejects.toThrow(ConcurrencyConflictError);
  });

  it('lets exactly one of two concurrent updaters of the same read win; the other gets ConcurrencyConflictError', async () => {
    const connector = await createConnector();
    const results = await Promise.allSettled([
      registry.upsertChildResource({ ...connector, state: ResourceState.Provisioning }, { ifMatch: connector._etag }),
      registry.upsertChildResource({ ...connector, state: ResourceState.Failed }, { ifMatch: connector._etag }),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0].reason).toBeInstanceOf(ConcurrencyConflictError);
    const stored = await registry.getChildResource(connector);
    expect(stored?.state).toBe((won[0] as PromiseFulfilledResult<IomtConnector>).value.state);
  });

  it('upserts FHIR service accounts', async () => {
    const account = await registry.upsertAccount(anAccount(newSubscriptionId(), 'acct'));
    const renamed = await registry.upsertAccount({ ...account, tags: { env: 'test' } }, { ifMatch: account._etag });
    expect(renamed.tags).toEqual({ env: 'test' });
  });

  it('soft-deletes: marks the document deleted with a ttl, and Cosmos purges it when the ttl runs out', async () => {
    const connector = await createConnector();
    const deleted = await registry.deleteChildResource(connector, { ttl: 1 });
    expect(deleted).toMatchObject({ id: connector.id, deleted: true, ttl: 1 });
    expect(await registry.getChildResource(connector)).toBeUndefined();
    await waitUntil(async () => (await rawStatus(connector.id, connector.subscriptionId)) === 404, 5_000);
  }, 10_000);

  it('keeps a soft-deleted document for the configured default ttl', async () => {
    const connector = await createConnector();
    await registry.deleteChildResource(connector);
    const stored = await db.accountRegistry.item(connector.id, connector.subscriptionId).read();
    expect(stored.resource).toMatchObject({ deleted: true, ttl: 60 });
  });

  it('refuses to delete what is absent or already deleted, and a stale ETag', async () => {
    const connector = await createConnector();
    await expect(registry.deleteChildResource(aConnector(anAccount(newSubscriptionId())))).rejects.toThrow(ResourceNotFoundError);
    await expect(registry.deleteChildResource(connector, { ifMatch: '"stale"' })).rejects.toThrow(ConcurrencyConflictError);
    await registry.deleteChildResource(connector, { ifMatch: connector._etag });
    await expect(registry.deleteChildResource(connector)).rejects.toThrow(ResourceNotFoundError);
  });

  it('rejects with the abort reason when the call is cancelled, writing nothing', async () => {
    const controller = new AbortController();
    const reason = new Error('shutting down');
    controller.abort(reason);
    const connector = aConnector(anAccount(newSubscriptionId()));
    await expect(registry.upsertChildResource(connector, { signal: controller.signal })).rejects.toBe(reason);
    await expect(registry.createChildResources([connector], { signal: controller.signal })).rejects.toBe(reason);
    expect(await rawStatus(connector.id, connector.subscriptionId)).toBe(404);
  });
});
