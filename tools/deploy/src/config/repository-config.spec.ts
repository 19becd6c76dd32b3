import { REPO_DEPLOY_DIR } from '../../test/config-fixture';
import { planRegion } from '../plan/regional-deployment.plan';
import { loadDeployConfig } from './load-deploy-config';
import { loadRegionalTemplate } from './regional-template';

const GROUPS = ['test', 'prod'];

describe("the repository's deploy/ configuration", () => {
  it.each(GROUPS)('%s covers West US 2, North Central US and UK South', async (name) => {
    const config = await loadDeployConfig(REPO_DEPLOY_DIR, name);
    expect(config.environments.map((e) => e.config.region)).toEqual(['westus2', 'northcentralus', 'uksouth']);
    expect(config.environments.map((e) => e.config.name)).toEqual(
      ['westus2', 'northcentralus', 'uksouth'].map((r) => `${name}-${r}`),
    );
    for (const { config: environment } of config.environments) {
      expect(environment.infrastructureSubscriptions.length).toBeGreaterThan(0);
      expect(
        environment.infrastructureSubscriptions.flatMap((s) => s.appServicePlans).every((p) => p.maxApps > 0),
      ).toBe(true);
    }
  });

  it('uses each global DNS name (storage accounts, App Services) and subscription once across groups', async () => {
    const environments = (await Promise.all(GROUPS.map((g) => loadDeployConfig(REPO_DEPLOY_DIR, g)))).flatMap(
      (c) => c.environments,
    );
    const subscriptions = environments.flatMap((e) => e.config.infrastructureSubscriptions);
    const names = [
      ...subscriptions.map((s) => s.storageAccountName),
      ...subscriptions.flatMap((s) => s.appServicePlans.map((p) => p.monitoringAgentAppName.toLowerCase())),
    ];
    expect(new Set(names).size).toBe(names.length);
    const ids = subscriptions.map((s) => s.subscriptionId.toLowerCase());
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(GROUPS)('gives %s deployment names ARM accepts', async (name) => {
    const config = await loadDeployConfig(REPO_DEPLOY_DIR, name);
    const template = await loadRegionalTemplate(REPO_DEPLOY_DIR);
    const names = config.environments.flatMap((e) =>
      planRegion(config.group, e.config, template).deployments.map((d) => d.request.deploymentName),
    );
    expect(names.every((n) => /^[-\w.()]{1,64}$/.test(n))).toBe(true);
    expect(new Set(names).size).toBe(names.length);
  });
});
