import { FAST_POLL, type FakeArmHarness, SUBSCRIPTION, http, startHarness } from './fake-arm.test-support';

describe('fake ARM resource groups and generic resources', () => {
  let h: FakeArmHarness;

  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(() => h.fakeArm.stop());

  it('creates, updates, gets and checks a resource group', async () => {
    const created = await h.resources.resourceGroups.createOrUpdate('rg-a', {
      location: 'westeurope',
      tags: { owner: 'iomt' },
    });
    const updated = await h.resources.resourceGroups.createOrUpdate('rg-a', {
      location: 'westeurope',
      tags: { owner: 'fhir' },
    });

    expect(created).toMatchObject({
      id: `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-a`,
      name: 'rg-a',
      properties: { provisioningState: 'Succeeded' },
    });
    expect(await h.resources.resourceGroups.get('RG-A')).toMatchObject({
      location: 'westeurope',
      tags: { owner: 'fhir' },
    });
    expect(updated.tags).toEqual({ owner: 'fhir' });
    expect(h.fakeArm.calls().log.map((c) => c.status)).toEqual([201, 200, 200]);
    await expect(h.resources.resourceGroups.checkExistence('rg-a')).resolves.toMatchObject({ body: true });
    await expect(h.resources.resourceGroups.checkExistence('rg-none')).resolves.toMatchObject({ body: false });
  });

  it('answers 404 ResourceGroupNotFound for a group that does not exist', async () => {
    await expect(h.resources.resourceGroups.get('rg-none')).rejects.toMatchObject({
      statusCode: 404,
      code: 'ResourceGroupNotFound',
      message: "Resource group 'rg-none' could not be found.",
    });
    await expect(h.resources.resourceGroups.beginDeleteAndWait('rg-none', FAST_POLL)).rejects.toMatchObject({
      statusCode: 404,
    });
  });

  it('deletes a group with everything in it as a long-running operation polled through Location', async () => {
    await h.resources.resourceGroups.createOrUpdate('rg-del', { location: 'westeurope' });
    await h.resources.resourceGroups.createOrUpdate('rg-keep', { location: 'westeurope' });
    await h.eventHubs.namespaces.beginCreateOrUpdateAndWait('rg-del', 'ns-del', { location: 'westeurope' }, FAST_POLL);
    await h.eventHubs.namespaces.beginCreateOrUpdateAndWait(
      'rg-keep',
      'ns-keep',
      { location: 'westeurope' },
      FAST_POLL,
    );

    await h.resources.resourceGroups.beginDeleteAndWait('rg-del', FAST_POLL);

    await expect(h.resources.resourceGroups.checkExistence('rg-del')).resolves.toMatchObject({ body: false });
    expect(h.fakeArm.resources('Microsoft.EventHub/namespaces').map((r) => r.name)).toEqual(['ns-keep']);
    const deleteCalls = h.fakeArm
      .calls()
      .log.filter((c) => c.seq > 4)
      .map((c) => `${c.method} ${c.status} ${c.route.split('/').pop()}`);
    expect(deleteCalls.slice(0, 3)).toEqual([
      'DELETE 202 {resourceGroupName}',
      'GET 202 {operationId}',
      'GET 200 {operationId}',
    ]);
  });

  it('refuses a group without a location or with an invalid name', async () => {
    const base = `/subscriptions/${SUBSCRIPTION}/resourcegroups`;
    const noLocation = await http(h.fakeArm.endpoint, 'PUT', `${base}/rg-x?api-version=2025-03-01`, { tags: {} });
    const badName = await http(h.fakeArm.endpoint, 'PUT', `${base}/bad!name?api-version=2025-03-01`, {
      location: 'westeurope',
    });

    expect(noLocation).toMatchObject({ status: 400, body: { error: { code: 'LocationRequired' } } });
    expect(badName).toMatchObject({ status: 400, body: { error: { code: 'InvalidResourceGroupName' } } });
  });

  it('serves any resource by id (create, get, check, list, delete) through the generic resources API', async () => {
    await h.resources.resourceGroups.createOrUpdate('rg-gen', { location: 'westeurope' });
    const vaultId = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-gen/providers/Microsoft.KeyVault/vaults/kv1`;

    await h.resources.resources.beginCreateOrUpdateByIdAndWait(
      vaultId,
      '2023-07-01',
      { location: 'westeurope', properties: { enableRbacAuthorization: true } },
      FAST_POLL,
    );
    const listed = [];
    for await (const r of h.resources.resources.listByResourceGroup('rg-gen')) listed.push(r.id);

    expect(await h.resources.resources.getById(vaultId, '2023-07-01')).toMatchObject({
      name: 'kv1',
      type: 'Microsoft.KeyVault/vaults',
      properties: { enableRbacAuthorization: true },
    });
    expect(listed).toEqual([vaultId]);
    await h.resources.resources.beginDeleteByIdAndWait(vaultId, '2023-07-01', FAST_POLL);
    await expect(h.resources.resources.checkExistenceById(vaultId, '2023-07-01')).resolves.toMatchObject({
      body: false,
    });
    await expect(h.resources.resources.getById(vaultId, '2023-07-01')).rejects.toMatchObject({
      statusCode: 404,
      code: 'ResourceNotFound',
    });
  });

  it('refuses a child resource whose parent does not exist (404 ParentResourceNotFound)', async () => {
    await h.resources.resourceGroups.createOrUpdate('rg-child', { location: 'westeurope' });

    await expect(h.eventHubs.eventHubs.createOrUpdate('rg-child', 'ns-none', 'hub', {})).rejects.toMatchObject({
      statusCode: 404,
      code: 'ParentResourceNotFound',
    });
    await expect(
      h.eventHubs.namespaces.beginCreateOrUpdateAndWait('rg-none', 'ns', { location: 'westeurope' }, FAST_POLL),
    ).rejects.toMatchObject({ statusCode: 404, code: 'ResourceGroupNotFound' });
  });
});
