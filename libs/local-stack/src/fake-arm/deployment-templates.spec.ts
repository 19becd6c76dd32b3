import { FAST_POLL, type FakeArmHarness, connectorTemplate, startHarness } from './fake-arm.test-support';

const RG = 'rg-iomt-templates';

describe('fake ARM deployments: modes, Key Vault, identities, ordering, previews', () => {
  let h: FakeArmHarness;

  beforeEach(async () => {
    h = await startHarness();
    await h.resources.resourceGroups.createOrUpdate(RG, { location: 'westeurope' });
  });
  afterEach(() => h.fakeArm.stop());

  const deploy = (name: string, serviceName = 'conn1', template: Record<string, unknown> = connectorTemplate()) =>
    h.resources.deployments.beginCreateOrUpdateAndWait(
      RG,
      name,
      { properties: { mode: 'Incremental', template, parameters: { serviceName: { value: serviceName } } } },
      FAST_POLL,
    );

  it('in Complete mode deletes top-level resources the template does not declare', async () => {
    await deploy('connector-conn1');
    await h.eventHubs.namespaces.beginCreateOrUpdateAndWait(RG, 'stray-ns', { location: 'westeurope' }, FAST_POLL);
    const before = h.fakeArm.resources().map((r) => r.id);

    await h.resources.deployments.beginCreateOrUpdateAndWait(
      RG,
      'connector-complete',
      {
        properties: {
          mode: 'Complete',
          template: connectorTemplate(),
          parameters: { serviceName: { value: 'conn1' } },
        },
      },
      FAST_POLL,
    );

    const after = h.fakeArm.resources().map((r) => r.id);
    expect(before.filter((id) => !after.includes(id)).map((id) => id.replace(/^.*\/providers\//, ''))).toEqual([
      'Microsoft.EventHub/namespaces/stray-ns',
      'Microsoft.EventHub/namespaces/stray-ns/authorizationRules/RootManageSharedAccessKey',
    ]);
    expect(after).toHaveLength(11);
  });

  it('keeps Key Vault secret values out of every view, and gives identities principals that reference() reads', async () => {
    const secretId = "[resourceId('Microsoft.KeyVault/vaults/secrets', 'kv1', 'blob-storage-cs')]";
    const template = {
      resources: [
        {
          type: 'Microsoft.Web/sites',
          name: 'fn1',
          identity: { type: 'SystemAssigned' },
          dependsOn: [secretId],
          properties: {
            siteConfig: {
              appSettings: [
                {
                  name: 'AzureWebJobsStorage',
                  value: `[concat('@Microsoft.KeyVault(SecretUri=', reference(${secretId.slice(1, -1)}).secretUriWithVersion, ')')]`,
                },
              ],
            },
          },
        },
        {
          type: 'Microsoft.KeyVault/vaults/secrets',
          name: 'kv1/blob-storage-cs',
          dependsOn: ['kv1'],
          properties: {
            value:
              "[concat('AccountKey=', listKeys(resourceId('Microsoft.Storage/storageAccounts', 'kvsa1'), '2019-06-01').keys[0].value)]",
          },
        },
        { type: 'Microsoft.KeyVault/vaults', name: 'kv1', properties: { enableRbacAuthorization: true } },
        { type: 'Microsoft.Storage/storageAccounts', name: 'kvsa1', kind: 'StorageV2', sku: { name: 'Standard_LRS' } },
      ],
      outputs: {
        principalId: {
          type: 'string',
          value: "[reference(resourceId('Microsoft.Web/sites', 'fn1'), '2018-11-01', 'Full').identity.principalId]",
        },
      },
    };

    const deployment = await h.resources.deployments.beginCreateOrUpdateAndWait(
      RG,
      'kv',
      { properties: { mode: 'Incremental', template } },
      FAST_POLL,
    );

    const secret = h.fakeArm.resources('Microsoft.KeyVault/vaults/secrets')[0];
    const key = (await h.storage.storageAccounts.listKeys(RG, 'kvsa1')).keys?.[0].value;
    expect(h.fakeArm.secretValue(secret.id)).toBe(`AccountKey=${key}`);
    expect(JSON.stringify(h.fakeArm.snapshot())).not.toContain(key);
    const site = h.fakeArm.resources('Microsoft.Web/sites')[0];
    expect(site.properties.siteConfig).toEqual({
      appSettings: [
        {
          name: 'AzureWebJobsStorage',
          value: `@Microsoft.KeyVault(SecretUri=${String(secret.properties.secretUriWithVersion)})`,
        },
      ],
    });
    expect(secret.properties.secretUriWithVersion).toMatch(
      /^https:\/\/kv1\.vault\.azure\.net\/secrets\/blob-storage-cs\/[0-9a-f]{32}$/,
    );
    const principalId = (site.identity as { principalId: string }).principalId;
    expect(principalId).toMatch(/^[0-9a-f-]{36}$/);
    expect((deployment.properties?.outputs as Record<string, { value: string }>).principalId.value).toBe(principalId);
  });

  it('refuses a template whose dependsOn entries form a cycle', async () => {
    const template = {
      resources: [
        { type: 'Microsoft.KeyVault/vaults', name: 'a', dependsOn: ['b'] },
        { type: 'Microsoft.KeyVault/vaults', name: 'b', dependsOn: ["[resourceId('Microsoft.KeyVault/vaults', 'a')]"] },
      ],
    };

    await expect(
      h.resources.deployments.beginCreateOrUpdateAndWait(
        RG,
        'cycle',
        { properties: { mode: 'Incremental', template } },
        FAST_POLL,
      ),
    ).rejects.toMatchObject({
      statusCode: 400,
      code: 'InvalidTemplate',
      message: expect.stringContaining("Circular dependency between the template resources: 'a', 'b'"),
    });
  });

  it('answers what-if (Create, then Modify once deployed) and validate', async () => {
    const parameters = { serviceName: { value: 'conn1' } };
    const before = await h.resources.deployments.beginWhatIfAndWait(
      RG,
      'w',
      { properties: { mode: 'Incremental', template: connectorTemplate(), parameters } },
      FAST_POLL,
    );
    expect(new Set(before.changes?.map((c) => c.changeType))).toEqual(new Set(['Create']));

    await deploy('connector-conn1');
    const after = await h.resources.deployments.beginWhatIfAndWait(
      RG,
      'w',
      { properties: { mode: 'Incremental', template: connectorTemplate(), parameters } },
      FAST_POLL,
    );
    expect(after.changes?.find((c) => c.resourceId?.endsWith('/namespaces/conn1-ns'))?.changeType).toBe('Modify');

    const validated = await h.resources.deployments.beginValidateAndWait(
      RG,
      'v',
      { properties: { mode: 'Incremental', template: connectorTemplate(), parameters } },
      FAST_POLL,
    );
    expect(validated.properties?.validatedResources).toHaveLength(8);
  });
});
