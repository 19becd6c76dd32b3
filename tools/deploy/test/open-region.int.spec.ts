import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigDir, FIXTURE_SUB_1, FIXTURE_SUB_2, FIXTURE_SUB_3, writeConfigDir } from './config-fixture';
import { DeployHarness, startDeployHarness, withoutSystemFields } from './deploy.harness';

const RG = 'rg-iomt-fixture-westus2';
const planId = (sub: string, name: string, rg = RG) =>
  `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.Web/serverfarms/${name}`;

describe('npm run deploy -- open-region (fake ARM, local Cosmos server)', () => {
  let h: DeployHarness;
  let config: ConfigDir;
  const openRegion = (...extra: string[]) =>
    h.cli('open-region', '--env', 'fixture', '--config-dir', config.path, ...extra);

  beforeAll(async () => {
    [h, config] = await Promise.all([startDeployHarness(), writeConfigDir()]);
  });
  afterAll(async () => {
    await Promise.all([h.stop(), config.remove()]);
  });

  it('with --what-if on an empty Global DB, prints the plan and changes nothing anywhere', async () => {
    const run = await openRegion('--what-if');

    expect(run).toMatchObject({ code: 0, err: '' });
    expect(run.out).toContain('region westus2 (fixture-westus2) is not open yet: it would be opened');
    expect(run.out).toMatch(/deploy iomt-regional-westus2-[0-9a-f]{12} \(Incremental\) to \/subscriptions\/11111111-/);
    expect(run.out).toContain(`    + App Service plan ${planId(FIXTURE_SUB_1, 'asp-wus2-01')} (0/2 apps)`);
    expect(h.fakeArm.calls().total).toBe(0);
    expect(await h.databaseExists()).toBe(false);
    await expect(readFile(join(h.settingsDir, 'fixture/westus2.json'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('deploys the regional infrastructure of every region into its infrastructure subscriptions', async () => {
    const run = await openRegion();

    expect(run).toMatchObject({ code: 0, err: '' });
    expect(run.out).toMatch(
      /^westus2 \(fixture-westus2\) opened; deployments: iomt-regional-westus2-\w+, iomt-regional-westus2-\w+$/m,
    );
    const plans = h.fakeArm.resources('Microsoft.Web/serverfarms');
    expect(plans.map((p) => [p.id, p.sku, p.location])).toEqual(
      expect.arrayContaining([
        [planId(FIXTURE_SUB_1, 'asp-wus2-01'), { name: 'P1v2', capacity: 1 }, 'westus2'],
        [planId(FIXTURE_SUB_1, 'asp-wus2-02'), { name: 'P1v2', capacity: 1 }, 'westus2'],
        [planId(FIXTURE_SUB_2, 'asp-wus2-03'), { name: 'P1v2', capacity: 1 }, 'westus2'],
        [planId(FIXTURE_SUB_3, 'asp-uks-01', 'rg-iomt-fixture-uksouth'), { name: 'P1v2', capacity: 1 }, 'uksouth'],
      ]),
    );
    expect(plans).toHaveLength(4);
    expect(
      h.fakeArm
        .resources('Microsoft.Storage/storageAccounts')
        .map((s) => s.name)
        .sort(),
    ).toEqual(['stfixuksa', 'stfixwus2a', 'stfixwus2b']);
    const agent = h.fakeArm.resources('Microsoft.Web/sites').find((s) => s.name === 'app-mon-wus2-02');
    expect(agent?.properties).toMatchObject({ serverFarmId: planId(FIXTURE_SUB_1, 'asp-wus2-02'), httpsOnly: true });
    expect(agent?.tags).toMatchObject({ service: 'iomt-connector', region: 'westus2', environment: 'fixture-westus2' });
    const reported = new Set(run.out.match(/iomt-regional-[a-z0-9]+-[0-9a-f]{12}/g));
    expect(
      h.fakeArm
        .deployments()
        .map((d) => d.name)
        .sort(),
    ).toEqual([...reported].sort());
    expect(reported.size).toBe(3);
  });

  it('records the cluster metadata of each region in the Global DB', async () => {
    const documents = (await h.storedDocuments()).map(withoutSystemFields);
    expect(documents.map((d) => d.id)).toEqual(['uksouth', 'westus2']);
    expect(documents[1]).toEqual({
      id: 'westus2',
      type: 'clusterMetadata',
      regionName: 'westus2',
      displayName: 'West US 2',
      enabled: true,
      partitionKey: 'westus2',
      infrastructureSubscriptions: [
        { subscriptionId: FIXTURE_SUB_1, enabled: true, maxResourceGroups: 980, resourceGroupCount: 0 },
        { subscriptionId: FIXTURE_SUB_2, enabled: true, maxResourceGroups: 980, resourceGroupCount: 0 },
      ],
      appServicePlans: [
        {
          resourceId: planId(FIXTURE_SUB_1, 'asp-wus2-01'),
          infrastructureSubscriptionId: FIXTURE_SUB_1,
          resourceGroupName: RG,
          maxApps: 2,
          appCount: 0,
        },
        {
          resourceId: planId(FIXTURE_SUB_1, 'asp-wus2-02'),
          infrastructureSubscriptionId: FIXTURE_SUB_1,
          resourceGroupName: RG,
          maxApps: 2,
          appCount: 0,
        },
        {
          resourceId: planId(FIXTURE_SUB_2, 'asp-wus2-03'),
          infrastructureSubscriptionId: FIXTURE_SUB_2,
          resourceGroupName: RG,
          maxApps: 1,
          appCount: 0,
        },
      ],
    });
  });

  it('writes the per-region settings the services need, without the Global DB key', async () => {
    const text = await readFile(join(h.settingsDir, 'fixture/westus2.json'), 'utf8');
    const settings = JSON.parse(text);
    expect(settings).toMatchObject({
      region: 'westus2',
      armEndpoint: h.fakeArm.endpoint,
      globalDb: { endpoint: h.cosmos.endpoint, databaseName: h.databaseName },
      infrastructureSubscriptionIds: [FIXTURE_SUB_1, FIXTURE_SUB_2],
    });
    expect(settings.services['iomt-provisioner']).toMatchObject({
      REGION: 'westus2',
      INFRASTRUCTURE_SUBSCRIPTION_IDS: `${FIXTURE_SUB_1},${FIXTURE_SUB_2}`,
    });
    expect(text).not.toContain(h.cosmos.key);
  });

  it('is idempotent: a re-run deploys nothing new, keeps the deployment names, and duplicates no metadata', async () => {
    const before = {
      deployments: h.fakeArm
        .deployments()
        .map((d) => d.name)
        .sort(),
      documents: await h.storedDocuments(),
    };
    const settingsBefore = await readFile(join(h.settingsDir, 'fixture/westus2.json'), 'utf8');
    h.fakeArm.clearCalls();

    const run = await openRegion();

    expect(run).toMatchObject({ code: 0, err: '' });
    expect(
      h.fakeArm
        .deployments()
        .map((d) => d.name)
        .sort(),
    ).toEqual(before.deployments);
    expect(h.armWrites().filter((w) => w.startsWith('PUT'))).toEqual([]);
    const after = await h.storedDocuments();
    expect(after.map(withoutSystemFields)).toEqual(before.documents.map(withoutSystemFields));
    expect(await readFile(join(h.settingsDir, 'fixture/westus2.json'), 'utf8')).toBe(settingsBefore);
  });

  it('reports a bad configuration by file and JSON path, touching nothing', async () => {
    const broken = await writeConfigDir(
      (f) => (f.environments['fixture-uksouth'].infrastructureSubscriptions[0].appServicePlans[0].maxApps = 0),
    );
    h.fakeArm.clearCalls();
    try {
      const run = await h.cli('open-region', '--env', 'fixture', '--config-dir', broken.path);
      expect(run.code).toBe(1);
      expect(run.err).toContain(
        'environments/fixture-uksouth.json $.infrastructureSubscriptions[0].appServicePlans[0].maxApps: must be at least 1',
      );
      expect(h.fakeArm.calls().total).toBe(0);
    } finally {
      await broken.remove();
    }
  });
});
