import { FAST_POLL, type FakeArmHarness, SUBSCRIPTION, http, startHarness } from './fake-arm.test-support';

const RG = 'rg-st';
const BASE64_512_BITS = /^[A-Za-z0-9+/]{86}==$/;

describe('fake ARM storage accounts (StorageManagementClient 19.1.0)', () => {
  let h: FakeArmHarness;

  beforeEach(async () => {
    h = await startHarness();
    await h.resources.resourceGroups.createOrUpdate(RG, { location: 'westeurope' });
    await h.storage.storageAccounts.beginCreateAndWait(
      RG,
      'conn1sa',
      { location: 'westeurope', kind: 'StorageV2', sku: { name: 'Standard_RAGRS' } },
      FAST_POLL,
    );
  });
  afterEach(() => h.fakeArm.stop());

  it('lists two stable 512-bit keys', async () => {
    const { keys } = await h.storage.storageAccounts.listKeys(RG, 'conn1sa');

    expect(keys?.map((k) => [k.keyName, k.permissions])).toEqual([
      ['key1', 'FULL'],
      ['key2', 'FULL'],
    ]);
    expect(keys?.[0].value).toMatch(BASE64_512_BITS);
    expect(keys?.[1].value).not.toBe(keys?.[0].value);
    expect((await h.storage.storageAccounts.listKeys(RG, 'conn1sa')).keys).toEqual(keys);
  });

  it('regenerates only the named key', async () => {
    const before = (await h.storage.storageAccounts.listKeys(RG, 'conn1sa')).keys ?? [];

    const after = (await h.storage.storageAccounts.regenerateKey(RG, 'conn1sa', { keyName: 'key2' })).keys ?? [];

    expect(after[0].value).toBe(before[0].value);
    expect(after[1].value).toMatch(BASE64_512_BITS);
    expect(after[1].value).not.toBe(before[1].value);
    expect((await h.storage.storageAccounts.listKeys(RG, 'conn1sa')).keys?.[1].value).toBe(after[1].value);
  });

  it('refuses an unknown key name, an unknown account and an invalid account name', async () => {
    await expect(h.storage.storageAccounts.regenerateKey(RG, 'conn1sa', { keyName: 'key3' })).rejects.toMatchObject({
      statusCode: 400,
      code: 'InvalidRequestContent',
    });
    await expect(h.storage.storageAccounts.listKeys(RG, 'nosuchaccount')).rejects.toMatchObject({
      statusCode: 404,
      code: 'ResourceNotFound',
    });
    const path = `/subscriptions/${SUBSCRIPTION}/resourceGroups/${RG}/providers/Microsoft.Storage/storageAccounts/Bad_Name?api-version=2023-05-01`;
    const response = await http(h.fakeArm.endpoint, 'PUT', path, {
      location: 'westeurope',
      kind: 'StorageV2',
      sku: { name: 'Standard_LRS' },
    });
    expect(response).toMatchObject({ status: 400, body: { error: { code: 'AccountNameInvalid' } } });
  });

  it('gives every account its default blob service and endpoints', async () => {
    const account = await h.storage.storageAccounts.getProperties(RG, 'conn1sa');

    expect(account.primaryEndpoints?.blob).toBe('https://conn1sa.blob.core.windows.net/');
    expect(h.fakeArm.resources('Microsoft.Storage/storageAccounts/blobServices').map((r) => r.name)).toEqual([
      'default',
    ]);
  });
});
