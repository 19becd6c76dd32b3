import { ConfigDir, FIXTURE_SUB_1, FIXTURE_SUB_2, Json, writeConfigDir } from '../../test/config-fixture';
import { loadDeployConfig } from '../config/load-deploy-config';
import { loadRegionalTemplate } from '../config/regional-template';
import { RegionPlan, planRegion } from './regional-deployment.plan';
import { regionSettings } from './region-settings';

async function planOf(change: (files: Json) => void = () => undefined): Promise<RegionPlan> {
  const dir: ConfigDir = await writeConfigDir(change);
  try {
    const config = await loadDeployConfig(dir.path, 'fixture');
    return planRegion(config.group, config.environments[0].config, await loadRegionalTemplate(dir.path));
  } finally {
    await dir.remove();
  }
}

const names = (plan: RegionPlan) => plan.deployments.map((d) => d.request.deploymentName);
const west = (f: Json) => f.environments['fixture-westus2'];

describe('planRegion', () => {
  it('deploys the regional template once per infrastructure subscription, into the regional resource group', async () => {
    const plan = await planOf();
    expect(
      plan.deployments.map((d) => [d.request.subscriptionId, d.request.resourceGroupName, d.request.location]),
    ).toEqual([
      [FIXTURE_SUB_1, 'rg-iomt-fixture-westus2', 'westus2'],
      [FIXTURE_SUB_2, 'rg-iomt-fixture-westus2', 'westus2'],
    ]);
    expect(plan.deployments[0].request.parameters).toMatchObject({
      storageAccountName: 'stfixwus2a',
      appServicePlans: [
        { name: 'asp-wus2-01', skuName: 'P1v2', workerCount: 1, monitoringAgentAppName: 'app-mon-wus2-01' },
        { name: 'asp-wus2-02', skuName: 'P1v2', workerCount: 1, monitoringAgentAppName: 'app-mon-wus2-02' },
      ],
      monitoringEnvironment: 'Test',
      tags: {
        service: 'iomt-connector',
        region: 'westus2',
        environment: 'fixture-westus2',
        deployedBy: 'tools/deploy',
      },
    });
    expect(plan.deployments[0].expectedIds.appServicePlanIds).toEqual([
      `/subscriptions/${FIXTURE_SUB_1}/resourceGroups/rg-iomt-fixture-westus2/providers/Microsoft.Web/serverfarms/asp-wus2-01`,
      `/subscriptions/${FIXTURE_SUB_1}/resourceGroups/rg-iomt-fixture-westus2/providers/Microsoft.Web/serverfarms/asp-wus2-02`,
    ]);
  });

  it('names deployments by region and content: the same configuration, the same names', async () => {
    const [first, again] = [await planOf(), await planOf()];
    expect(names(first)).toEqual(names(again));
    expect(names(first)[0]).toMatch(/^iomt-regional-westus2-[0-9a-f]{12}$/);
    expect(new Set(names(first)).size).toBe(2);
  });

  it.each<[string, (f: Json) => void, boolean]>([
    [
      'a capacity change (nothing to deploy)',
      (f) => (west(f).infrastructureSubscriptions[0].appServicePlans[0].maxApps = 9),
      false,
    ],
    [
      'a subscription disabled (nothing to deploy)',
      (f) => (west(f).infrastructureSubscriptions[0].enabled = false),
      false,
    ],
    [
      'a reordered file',
      (f) => (f.environments['fixture-westus2'] = Object.fromEntries(Object.entries(west(f)).reverse())),
      false,
    ],
    ['a bigger plan', (f) => (west(f).infrastructureSubscriptions[0].appServicePlans[0].workerCount = 2), true],
    ['a new tag', (f) => (west(f).tags.owner = 'iomt'), true],
  ])('after %s, renames the deployment: %s', async (_case, change, renamed) => {
    const [before, after] = [await planOf(), await planOf(change)];
    expect(names(after)[0] !== names(before)[0]).toBe(renamed);
  });

  it('gives each service its settings for the region, without secrets', async () => {
    const settings = regionSettings(await planOf(), 'http://127.0.0.1:7000', {
      endpoint: 'https://127.0.0.1:8081',
      databaseName: 'globaldb',
    });
    expect(settings.services['iomt-provisioner']).toEqual({
      ENVIRONMENT_GROUP: 'fixture',
      ENVIRONMENT: 'fixture-westus2',
      REGION: 'westus2',
      COSMOS_ENDPOINT: 'https://127.0.0.1:8081',
      COSMOS_DATABASE: 'globaldb',
      ARM_ENDPOINT: 'http://127.0.0.1:7000',
      INFRASTRUCTURE_SUBSCRIPTION_IDS: `${FIXTURE_SUB_1},${FIXTURE_SUB_2}`,
      REGIONAL_RESOURCE_GROUP: 'rg-iomt-fixture-westus2',
      REGIONAL_STORAGE_ACCOUNT_IDS: settings.storageAccountIds.join(','),
    });
    expect(settings.services.gateway).not.toHaveProperty('ARM_ENDPOINT');
    expect(settings.appServicePlanIds).toHaveLength(3);
    const variables = Object.values(settings.services).flatMap((env) => Object.keys(env));
    expect(variables.filter((name) => /(^|_)(KEY|PASSWORD|SECRET|TOKEN)(_|$)|CONNECTION_STRING/.test(name))).toEqual(
      [],
    );
  });
});
