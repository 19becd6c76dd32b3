import { chooseConnectorPlacement, ClusterMetadata, recordPlacement, RegionCapacityExhaustedError } from '@iomt/domain';
import { ConfigDir, FIXTURE_SUB_1, FIXTURE_SUB_2, Json, writeConfigDir } from './config-fixture';
import { DeployHarness, startDeployHarness } from './deploy.harness';

const planId = (sub: string, name: string) =>
  `/subscriptions/${sub}/resourceGroups/rg-iomt-fixture-westus2/providers/Microsoft.Web/serverfarms/${name}`;
const planName = (id: string) => id.slice(id.lastIndexOf('/') + 1);

/** The change an operator makes: a fourth plan in the second subscription, more room on the first. */
const addCapacity = (f: Json) => {
  const west = f.environments['fixture-westus2'];
  west.infrastructureSubscriptions[0].appServicePlans[0].maxApps = 3;
  west.infrastructureSubscriptions[1].appServicePlans.push({
    name: 'asp-wus2-04',
    skuName: 'P1v2',
    workerCount: 1,
    maxApps: 3,
    monitoringAgentAppName: 'app-mon-wus2-04',
  });
};

describe('npm run deploy -- deploy-environment and allocation (fake ARM, local Cosmos server)', () => {
  let h: DeployHarness;
  let config: ConfigDir;
  let grown: ConfigDir;
  const run = (command: string, dir: ConfigDir, ...extra: string[]) =>
    h.cli(command, '--env', 'fixture', '--config-dir', dir.path, ...extra);

  /** Places connectors in westus2 as a provisioner would, until the region is full; returns the plans chosen. */
  async function placeUntilFull(): Promise<string[]> {
    const clusters = h.clusterMetadata();
    const chosen: string[] = [];
    for (;;) {
      const metadata = (await clusters.getByRegion('westus2')) as ClusterMetadata;
      let placement;
      try {
        placement = chooseConnectorPlacement('westus2', metadata);
      } catch (error) {
        if (error instanceof RegionCapacityExhaustedError) return chosen;
        throw error;
      }
      await clusters.upsert(recordPlacement(metadata, placement), { ifMatch: metadata._etag });
      chosen.push(planName(placement.appServicePlanId));
    }
  }

  beforeAll(async () => {
    [h, config, grown] = await Promise.all([startDeployHarness(), writeConfigDir(), writeConfigDir(addCapacity)]);
    expect((await run('open-region', config, '--region', 'westus2')).code).toBe(0);
  });
  afterAll(async () => {
    await Promise.all([h.stop(), config.remove(), grown.remove()]);
  });

  it('refuses a region that open-region never opened, before deploying anything', async () => {
    h.fakeArm.clearCalls();
    const result = await run('deploy-environment', config);
    expect(result.code).toBe(1);
    expect(result.err).toContain('error: RegionNotOpen: Region uksouth (fixture-uksouth) is not open');
    expect(h.armWrites()).toEqual([]);
  });

  it('allocates connectors across the plans by remaining capacity until the region is full', async () => {
    expect(await placeUntilFull()).toEqual(['asp-wus2-01', 'asp-wus2-02', 'asp-wus2-03', 'asp-wus2-01', 'asp-wus2-02']);
    const metadata = (await h.clusterMetadata().getByRegion('westus2')) as ClusterMetadata;
    expect(metadata.infrastructureSubscriptions.map((s) => s.resourceGroupCount)).toEqual([4, 1]);
    expect(() => chooseConnectorPlacement('westus2', metadata)).toThrow(/Region 'westus2' has no capacity left/);
  });

  it('with --what-if, lists the added capacity and changes nothing', async () => {
    const [stored] = (await h.storedDocuments()).filter((d) => d.id === 'westus2');
    h.fakeArm.clearCalls();

    const result = await run('deploy-environment', grown, '--region', 'westus2', '--what-if');

    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toContain('region westus2 (fixture-westus2) is open: it would be updated');
    expect(result.out).toContain(`    ~ ${planId(FIXTURE_SUB_1, 'asp-wus2-01')} maxApps: 2 → 3`);
    expect(result.out).toContain(`    + App Service plan ${planId(FIXTURE_SUB_2, 'asp-wus2-04')} (0/3 apps)`);
    expect(h.fakeArm.calls().total).toBe(0);
    const [after] = (await h.storedDocuments()).filter((d) => d.id === 'westus2');
    expect(after._etag).toBe(stored._etag);
  });

  it('deploys the change incrementally: only the changed subscription redeploys, the counters stay', async () => {
    const before = h.fakeArm.deployments().map((d) => d.name);
    h.fakeArm.clearCalls();

    const result = await run('deploy-environment', grown, '--region', 'westus2');

    expect(result).toMatchObject({ code: 0, err: '' });
    const added = h.fakeArm
      .deployments()
      .map((d) => d.name)
      .filter((n) => !before.includes(n));
    expect(added).toHaveLength(1);
    expect(h.armWrites().filter((w) => w.includes('/deployments/'))).toEqual([
      expect.stringMatching(
        new RegExp(
          `^PUT /subscriptions/${FIXTURE_SUB_2}/resourcegroups/rg-iomt-fixture-westus2/providers/Microsoft.Resources/deployments/${added[0]}$`,
          'i',
        ),
      ),
    ]);
    expect(h.fakeArm.resource(planId(FIXTURE_SUB_2, 'asp-wus2-04'))).toMatchObject({
      sku: { name: 'P1v2', capacity: 1 },
    });
    const metadata = (await h.clusterMetadata().getByRegion('westus2')) as ClusterMetadata;
    expect(metadata.appServicePlans.map((p) => [planName(p.resourceId), p.appCount, p.maxApps])).toEqual([
      ['asp-wus2-01', 2, 3],
      ['asp-wus2-02', 2, 2],
      ['asp-wus2-03', 1, 1],
      ['asp-wus2-04', 0, 3],
    ]);
  });

  it('allocates on the new capacity, most room first', async () => {
    // 04 has 3 free apps, 01 has 1; at 1 each, 04's subscription has more free resource groups.
    expect(await placeUntilFull()).toEqual(['asp-wus2-04', 'asp-wus2-04', 'asp-wus2-04', 'asp-wus2-01']);
  });

  it('stores no metadata for a region whose deployment fails, and a re-run then opens it', async () => {
    h.fakeArm.setFaults({ failNextDeployments: 1 });

    const failed = await run('open-region', config, '--region', 'uksouth');

    expect(failed.code).toBe(1);
    expect(failed.err).toMatch(/^error: DeploymentFailed: /);
    expect((await h.storedDocuments()).map((d) => d.id)).toEqual(['westus2']);
    expect((await run('open-region', config, '--region', 'uksouth')).code).toBe(0);
    expect((await h.storedDocuments()).map((d) => d.id)).toEqual(['uksouth', 'westus2']);
  });
});
