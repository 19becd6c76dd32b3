import { DocumentType, IomtConnector, ValidationError } from '@iomt/domain';
import { startTestGlobalDb, TestGlobalDb } from '../../../test/global-db.harness';
import { aConnector, anAccount, aSecret, newSubscriptionId } from '../../../test/registry.fixtures';
import { CosmosAccountRegistryManagementRepository } from './cosmos-account-registry-management.repository';

describe('CosmosAccountRegistryReadRepository (local Cosmos server)', () => {
  let db: TestGlobalDb;
  let registry: CosmosAccountRegistryManagementRepository;

  beforeAll(async () => {
    db = await startTestGlobalDb();
    registry = new CosmosAccountRegistryManagementRepository(db.accountRegistry, 60);
  });

  afterAll(async () => {
    await db.stop();
  });

  /** An account with `count` connectors (each with its secret metadata) in a fresh subscription. */
  async function seed(count: number, accountName = 'fhir1') {
    const subscriptionId = newSubscriptionId();
    const account = await registry.upsertAccount(anAccount(subscriptionId, accountName));
    const connectors: IomtConnector[] = [];
    for (let i = 0; i < count; i += 1) {
      const connector = aConnector(account, `connector${i}`);
      await registry.createChildResources([connector, aSecret(connector)]);
      connectors.push(connector);
    }
    return { subscriptionId, account, connectors };
  }

  it('lists the children of one type by parent name and type, and by parent id', async () => {
    const { subscriptionId, account, connectors } = await seed(3);
    await seed(2); // another subscription: never visible
    const byName = await registry.getChildResourcesByParentName(subscriptionId, 'FHIR1', 'account', DocumentType.IomtConnector);
    expect(byName.items.map((c) => c.id).sort()).toEqual(connectors.map((c) => c.id).sort());
    expect(byName.continuationToken).toBeUndefined();
    const byId = await registry.getChildResourcesByParentId(subscriptionId, account.id, DocumentType.IomtConnector);
    expect(byId.items.map((c) => c.name).sort()).toEqual(['fhir1\\connector0', 'fhir1\\connector1', 'fhir1\\connector2']);
    const secrets = await registry.getChildResourcesByParentId(subscriptionId, connectors[0].id, DocumentType.AccountSpecificStreamAnalyticsJob);
    expect(secrets.items).toHaveLength(1);
    expect(secrets.items[0].type).toBe(DocumentType.AccountSpecificStreamAnalyticsJob);
  });

  it('pages through more children than fit in one page with continuation tokens', async () => {
    const { subscriptionId, account, connectors } = await seed(7);
    const seen: string[] = [];
    let continuationToken: string | undefined;
    let pages = 0;
    do {
      const page = await registry.getChildResourcesByParentId(subscriptionId, account.id, DocumentType.IomtConnector, {
        pageSize: 3,
        continuationToken,
      });
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((c) => c.id));
      continuationToken = page.continuationToken;
      pages += 1;
    } while (continuationToken);
    expect(pages).toBe(3);
    expect(seen.sort()).toEqual(connectors.map((c) => c.id).sort());
  });

  it.each([
    ['garbage', 'not-a-token!', /not a token this service issued/],
    ['base64 of something else', Buffer.from('{"x":1}').toString('base64url'), /not a token this service issued/],
  ])('rejects a %s continuation token with a ValidationError', async (_, token, message) => {
    const { subscriptionId, account } = await seed(1);
    const error = await registry
      .getChildResourcesByParentId(subscriptionId, account.id, DocumentType.IomtConnector, { continuationToken: token })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toMatch(message);
  });

  it('rejects the token of one list used on another list', async () => {
    const { subscriptionId, account } = await seed(3);
    const first = await registry.getChildResourcesByParentId(subscriptionId, account.id, DocumentType.IomtConnector, { pageSize: 1 });
    const other = registry.getChildResourcesByParentName(subscriptionId, 'fhir1', 'account', DocumentType.IomtConnector, {
      continuationToken: first.continuationToken,
    });
    await expect(other).rejects.toThrow(/belongs to a different list/);
  });

  it.each([0, -1, 1.5, 1001])('rejects page size %p', async (pageSize) => {
    await expect(
      registry.getChildResourcesByParentId(newSubscriptionId(), 'x', DocumentType.IomtConnector, { pageSize }),
    ).rejects.toThrow(ValidationError);
  });

  it('finds one child by parent and name, ignoring case, with a full or a bare child name', async () => {
    const { subscriptionId, account, connectors } = await seed(2);
    const byFullName = await registry.getChildResourceByParentNameAndName(
      subscriptionId, 'fhir1', 'account', 'FHIR1\\Connector1', DocumentType.IomtConnector,
    );
    expect(byFullName?.id).toBe(connectors[1].id);
    const byLeaf = await registry.getChildResourceByParentNameAndName(subscriptionId, 'fhir1', 'account', 'connector0', DocumentType.IomtConnector);
    expect(byLeaf?.id).toBe(connectors[0].id);
    const byParentId = await registry.getChildResourceByParentIdAndName(subscriptionId, account.id, 'fhir1\\connector1', DocumentType.IomtConnector);
    expect(byParentId?.id).toBe(connectors[1].id);
    expect(
      await registry.getChildResourceByParentNameAndName(subscriptionId, 'fhir1', 'account', 'connector9', DocumentType.IomtConnector),
    ).toBeUndefined();
    expect(
      await registry.getChildResourceByParentNameAndName(subscriptionId, 'fhir2', 'account', 'connector0', DocumentType.IomtConnector),
    ).toBeUndefined();
  });

  it('reads a child by id only with its own type and only in its own subscription', async () => {
    const { subscriptionId, connectors } = await seed(1);
    const [connector] = connectors;
    expect((await registry.getChildResourceById(subscriptionId, connector.id, DocumentType.IomtConnector))?.name).toBe(connector.name);
    expect(await registry.getChildResourceById(subscriptionId, connector.id, DocumentType.AccountSpecificStreamAnalyticsJob)).toBeUndefined();
    expect(await registry.getChildResourceById(newSubscriptionId(), connector.id, DocumentType.IomtConnector)).toBeUndefined();
    const refreshed = await registry.getChildResource(connector);
    expect(refreshed?._etag).toEqual(expect.any(String));
  });

  it('reads the parent of a child: the account of a connector, the connector of a secret', async () => {
    const { account, connectors } = await seed(1);
    const secret = aSecret(connectors[0]);
    expect((await registry.getParentByChild(connectors[0]))?.id).toBe(account.id);
    expect((await registry.getParentByChild(secret))?.id).toBe(connectors[0].id);
    expect(await registry.getParentByChild({ ...secret, parentId: 'missing' })).toBeUndefined();
  });

  it('finds a FHIR service by resource group and name, ignoring case', async () => {
    const { subscriptionId, account } = await seed(0, 'MyFhir');
    expect((await registry.getAccountByName(subscriptionId, 'RG1', 'myfhir'))?.id).toBe(account.id);
    expect(await registry.getAccountByName(subscriptionId, 'rg2', 'myfhir')).toBeUndefined();
  });

  it('skips soft-deleted children in every read', async () => {
    const { subscriptionId, account, connectors } = await seed(2);
    await registry.deleteChildResource(connectors[0]);
    const listed = await registry.getChildResourcesByParentId(subscriptionId, account.id, DocumentType.IomtConnector);
    expect(listed.items.map((c) => c.id)).toEqual([connectors[1].id]);
    expect(await registry.getChildResourceById(subscriptionId, connectors[0].id, DocumentType.IomtConnector)).toBeUndefined();
    expect(
      await registry.getChildResourceByParentNameAndName(subscriptionId, 'fhir1', 'account', 'connector0', DocumentType.IomtConnector),
    ).toBeUndefined();
  });
});
