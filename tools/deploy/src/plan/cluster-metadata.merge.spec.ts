import { ClusterMetadata, ConflictError } from '@iomt/domain';
import { ConfigDir, FIXTURE_SUB_1, FIXTURE_SUB_2, Json, writeConfigDir } from '../../test/config-fixture';
import { loadDeployConfig } from '../config/load-deploy-config';
import { loadRegionalTemplate } from '../config/regional-template';
import { desiredClusterMetadata } from './cluster-metadata.merge';
import { metadataChanges } from './metadata-changes';
import { RegionPlan, planRegion } from './regional-deployment.plan';

async function planOf(change: (files: Json) => void = () => undefined): Promise<RegionPlan> {
  const dir: ConfigDir = await writeConfigDir(change);
  try {
    const config = await loadDeployConfig(dir.path, 'fixture');
    return planRegion(config.group, config.environments[0].config, await loadRegionalTemplate(dir.path));
  } finally {
    await dir.remove();
  }
}

const west = (f: Json) => f.environments['fixture-westus2'];
const plan1 = `/subscriptions/${FIXTURE_SUB_1}/resourceGroups/rg-iomt-fixture-westus2/providers/Microsoft.Web/serverfarms/asp-wus2-01`;
const plan3 = `/subscriptions/${FIXTURE_SUB_2}/resourceGroups/rg-iomt-fixture-westus2/providers/Microsoft.Web/serverfarms/asp-wus2-03`;

/** Stored metadata: the fixture's, with counters in use and an etag. */
async function stored(): Promise<ClusterMetadata> {
  const metadata = desiredClusterMetadata(await planOf(), undefined);
  return {
    ...metadata,
    _etag: '"etag-1"',
    appServicePlans: metadata.appServicePlans.map((p) => ({ ...p, appCount: p.resourceId === plan1 ? 2 : 0 })),
    infrastructureSubscriptions: metadata.infrastructureSubscriptions.map((s) => ({
      ...s,
      resourceGroupCount: s.subscriptionId === FIXTURE_SUB_1 ? 2 : 0,
    })),
  };
}

describe('desiredClusterMetadata', () => {
  it('describes a new region: its subscriptions, plans (ids, capacity) and zero counters', async () => {
    const metadata = desiredClusterMetadata(await planOf(), undefined);
    expect(metadata).toMatchObject({
      id: 'westus2',
      type: 'clusterMetadata',
      regionName: 'westus2',
      displayName: 'West US 2',
      enabled: true,
    });
    expect(metadata.infrastructureSubscriptions).toEqual([
      { subscriptionId: FIXTURE_SUB_1, enabled: true, maxResourceGroups: 980, resourceGroupCount: 0 },
      { subscriptionId: FIXTURE_SUB_2, enabled: true, maxResourceGroups: 980, resourceGroupCount: 0 },
    ]);
    expect(
      metadata.appServicePlans.map((p) => [
        p.resourceId.split('/').pop(),
        p.infrastructureSubscriptionId,
        p.maxApps,
        p.appCount,
      ]),
    ).toEqual([
      ['asp-wus2-01', FIXTURE_SUB_1, 2, 0],
      ['asp-wus2-02', FIXTURE_SUB_1, 2, 0],
      ['asp-wus2-03', FIXTURE_SUB_2, 1, 0],
    ]);
    expect(metadataChanges(undefined, metadata)[0]).toBe('+ region westus2 (West US 2)');
  });

  it('keeps the stored counters and etag; an unchanged configuration changes nothing', async () => {
    const existing = await stored();
    const desired = desiredClusterMetadata(await planOf(), existing);
    expect(desired).toEqual(existing);
    expect(metadataChanges(existing, desired)).toEqual([]);
  });

  it.each<[string, (f: Json) => void, string[]]>([
    [
      'capacity raised',
      (f) => (west(f).infrastructureSubscriptions[0].appServicePlans[0].maxApps = 5),
      [`~ ${plan1} maxApps: 2 → 5`],
    ],
    [
      'capacity lowered below the apps it hosts',
      (f) => (west(f).infrastructureSubscriptions[0].appServicePlans[0].maxApps = 1),
      [`~ ${plan1} maxApps: 2 → 1`],
    ],
    [
      'a subscription disabled',
      (f) => (west(f).infrastructureSubscriptions[0].enabled = false),
      [`~ ${FIXTURE_SUB_1} enabled: true → false`],
    ],
    ['the region closed', (f) => (west(f).enabled = false), ['~ enabled: true → false']],
    [
      'a plan added',
      (f) =>
        west(f).infrastructureSubscriptions[1].appServicePlans.push({
          name: 'asp-wus2-04',
          skuName: 'P1v2',
          workerCount: 1,
          maxApps: 4,
          monitoringAgentAppName: 'app-mon-wus2-04',
        }),
      [`+ App Service plan ${plan3.replace('03', '04')} (0/4 apps)`],
    ],
  ])('after %s, lists the change and keeps the counters', async (_case, change, expected) => {
    const existing = await stored();
    const desired = desiredClusterMetadata(await planOf(change), existing);
    expect(metadataChanges(existing, desired)).toEqual(expected);
    expect(desired.appServicePlans.find((p) => p.resourceId === plan1)?.appCount).toBe(2);
    expect(
      desired.infrastructureSubscriptions.find((s) => s.subscriptionId === FIXTURE_SUB_1)?.resourceGroupCount,
    ).toBe(2);
  });

  it('drops an unused plan and subscription from the metadata', async () => {
    const existing = await stored();
    const desired = desiredClusterMetadata(await planOf((f) => west(f).infrastructureSubscriptions.pop()), existing);
    expect(metadataChanges(existing, desired)).toEqual([
      `- infrastructure subscription ${FIXTURE_SUB_2} (enabled, 0/980 resource groups)`,
      `- App Service plan ${plan3} (0/1 apps)`,
    ]);
  });

  it.each<[string, (f: Json) => void, RegExp]>([
    [
      'a plan that hosts apps',
      (f) => west(f).infrastructureSubscriptions[0].appServicePlans.shift(),
      /App Service plan .*asp-wus2-01 hosts 2 connector apps/,
    ],
    [
      'a subscription that holds resource groups',
      (f) => west(f).infrastructureSubscriptions.shift(),
      /subscription 11111111-.* holds 2 connector resource groups/,
    ],
  ])('refuses to drop %s', async (_case, change, message) => {
    const plan = await planOf(change);
    const existing = await stored();
    expect(() => desiredClusterMetadata(plan, existing)).toThrow(ConflictError);
    expect(() => desiredClusterMetadata(plan, existing)).toThrow(message);
  });
});
