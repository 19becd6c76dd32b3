import { FAST_POLL, type FakeArmHarness, SUBSCRIPTION, http, startHarness } from './fake-arm.test-support';

const RG = 'rg-eh';
const BASE64_256_BITS = /^[A-Za-z0-9+/]{43}=$/;

describe('fake ARM Event Hubs (EventHubManagementClient 5.2.0)', () => {
  let h: FakeArmHarness;

  beforeEach(async () => {
    h = await startHarness();
    await h.resources.resourceGroups.createOrUpdate(RG, { location: 'westeurope' });
    await h.eventHubs.namespaces.beginCreateOrUpdateAndWait(
      RG,
      'ns1',
      { location: 'westeurope', sku: { name: 'Standard' } },
      FAST_POLL,
    );
    await h.eventHubs.eventHubs.createOrUpdate(RG, 'ns1', 'devicedata', { partitionCount: 4 });
    await h.eventHubs.eventHubs.createOrUpdateAuthorizationRule(RG, 'ns1', 'devicedata', 'writer', {
      rights: ['Send'],
    });
  });
  afterEach(() => h.fakeArm.stop());

  it('creates namespaces, hubs and rules by direct PUT; a namespace gets RootManageSharedAccessKey', async () => {
    const rules = [];
    for await (const rule of h.eventHubs.namespaces.listAuthorizationRules(RG, 'ns1')) rules.push(rule);

    expect(rules.map((r) => [r.name, r.rights])).toEqual([['RootManageSharedAccessKey', ['Listen', 'Manage', 'Send']]]);
    expect(await h.eventHubs.eventHubs.getAuthorizationRule(RG, 'ns1', 'devicedata', 'writer')).toMatchObject({
      name: 'writer',
      rights: ['Send'],
    });
    expect(
      h.fakeArm.resource(
        `/subscriptions/${SUBSCRIPTION}/resourcegroups/rg-eh/providers/microsoft.eventhub/namespaces/NS1/eventhubs/devicedata`,
      ),
    ).toMatchObject({ properties: { partitionCount: 4 } });
  });

  it('lists keys of a hub rule with connection strings formed as Azure forms them', async () => {
    const keys = await h.eventHubs.eventHubs.listKeys(RG, 'ns1', 'devicedata', 'writer');

    expect(keys.primaryKey).toMatch(BASE64_256_BITS);
    expect(keys.secondaryKey).toMatch(BASE64_256_BITS);
    expect(keys.primaryKey).not.toBe(keys.secondaryKey);
    expect(keys.keyName).toBe('writer');
    expect(keys.primaryConnectionString).toBe(
      `Endpoint=sb://ns1.servicebus.windows.net/;SharedAccessKeyName=writer;SharedAccessKey=${keys.primaryKey};EntityPath=devicedata`,
    );
    expect(keys.secondaryConnectionString).toBe(
      `Endpoint=sb://ns1.servicebus.windows.net/;SharedAccessKeyName=writer;SharedAccessKey=${keys.secondaryKey};EntityPath=devicedata`,
    );
    const root = await h.eventHubs.namespaces.listKeys(RG, 'ns1', 'RootManageSharedAccessKey');
    expect(root.primaryConnectionString).toBe(
      `Endpoint=sb://ns1.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${root.primaryKey}`,
    );
    expect(await h.eventHubs.eventHubs.listKeys(RG, 'ns1', 'devicedata', 'writer')).toEqual(keys);
  });

  it.each([
    ['PrimaryKey', 'primaryKey', 'secondaryKey'],
    ['SecondaryKey', 'secondaryKey', 'primaryKey'],
  ] as const)('regenerates only the %s', async (keyType, changed, kept) => {
    const before = await h.eventHubs.eventHubs.listKeys(RG, 'ns1', 'devicedata', 'writer');

    const regenerated = await h.eventHubs.eventHubs.regenerateKeys(RG, 'ns1', 'devicedata', 'writer', { keyType });

    expect(regenerated[changed]).toMatch(BASE64_256_BITS);
    expect(regenerated[changed]).not.toBe(before[changed]);
    expect(regenerated[kept]).toBe(before[kept]);
    expect(await h.eventHubs.eventHubs.listKeys(RG, 'ns1', 'devicedata', 'writer')).toEqual(regenerated);
  });

  it('sets a key to a supplied value, on namespace rules too', async () => {
    const key = Buffer.alloc(32, 7).toString('base64');

    const keys = await h.eventHubs.namespaces.regenerateKeys(RG, 'ns1', 'RootManageSharedAccessKey', {
      keyType: 'SecondaryKey',
      key,
    });

    expect(keys.secondaryKey).toBe(key);
    expect((await h.eventHubs.namespaces.listKeys(RG, 'ns1', 'RootManageSharedAccessKey')).secondaryKey).toBe(key);
  });

  it('refuses an unknown key type, unknown rights and unknown rules', async () => {
    await expect(
      h.eventHubs.eventHubs.regenerateKeys(RG, 'ns1', 'devicedata', 'writer', { keyType: 'TertiaryKey' }),
    ).rejects.toMatchObject({
      statusCode: 400,
      code: 'InvalidRequestContent',
      message: expect.stringContaining('keyType'),
    });
    await expect(
      h.eventHubs.eventHubs.createOrUpdateAuthorizationRule(RG, 'ns1', 'devicedata', 'r2', { rights: ['Read'] }),
    ).rejects.toMatchObject({ statusCode: 400 });
    await expect(h.eventHubs.eventHubs.listKeys(RG, 'ns1', 'devicedata', 'nope')).rejects.toMatchObject({
      statusCode: 404,
      code: 'NotFound',
    });
  });

  it('matches paths case-insensitively', async () => {
    const path = `/SUBSCRIPTIONS/${SUBSCRIPTION}/resourcegroups/RG-EH/providers/microsoft.eventhub/NAMESPACES/ns1/EventHubs/devicedata/authorizationrules/writer/LISTKEYS?api-version=2024-01-01`;

    const response = await http(h.fakeArm.endpoint, 'POST', path);

    expect(response.status).toBe(200);
    expect(response.body.primaryKey).toBe(
      (await h.eventHubs.eventHubs.listKeys(RG, 'ns1', 'devicedata', 'writer')).primaryKey,
    );
  });
});
