import {
  ConfigDir,
  fixtureFiles,
  FIXTURE_SUB_1,
  Json,
  REPO_DEPLOY_DIR,
  writeConfigDir,
} from '../../test/config-fixture';
import { DeployConfigError } from './config-error';
import { loadDeployConfig } from './load-deploy-config';

type Files = ReturnType<typeof fixtureFiles>;
const WUS2 = 'environments/fixture-westus2.json';
const GROUP = 'environmentGroups/fixture.json';
const west = (f: Files): Json => f.environments['fixture-westus2'];
const firstPlan = (f: Files): Json => west(f).infrastructureSubscriptions[0].appServicePlans[0];

async function problemsOf(change: (files: Files) => void, raw?: [string, string]) {
  const dir: ConfigDir = await writeConfigDir(change);
  try {
    if (raw) await dir.write(raw[0], raw[1]);
    await loadDeployConfig(dir.path, 'fixture');
    return [];
  } catch (error) {
    if (!(error instanceof DeployConfigError)) throw error;
    return error.problems.map((p) => `${p.file} ${p.path}: ${p.message}`);
  }
}

describe('loadDeployConfig', () => {
  it('reads a valid group and its environments, with defaults filled in', async () => {
    const dir = await writeConfigDir();
    try {
      const config = await loadDeployConfig(dir.path, 'fixture');
      expect(config.environments.map((e) => [e.file, e.config.region])).toEqual([
        [WUS2, 'westus2'],
        ['environments/fixture-uksouth.json', 'uksouth'],
      ]);
      const [subscription] = config.environments[0].config.infrastructureSubscriptions;
      expect(subscription).toMatchObject({ enabled: true, maxResourceGroups: 980 });
      expect(config.environments[0].config).toMatchObject({ enabled: true, storageSkuName: 'Standard_RAGRS' });
    } finally {
      await dir.remove();
    }
  });

  it.each<[string, (f: Files) => void, string]>([
    [
      'a region display name',
      (f) => (west(f).region = 'West US 2'),
      `${WUS2} $.region: must be a public Azure region in its normalised form, e.g. westus2`,
    ],
    [
      'an unknown region',
      (f) => (west(f).region = 'moonbase1'),
      `${WUS2} $.region: must be a public Azure region in its normalised form, e.g. westus2`,
    ],
    [
      'a bad subscription id',
      (f) => (west(f).infrastructureSubscriptions[1].subscriptionId = 'sub-2'),
      `${WUS2} $.infrastructureSubscriptions[1].subscriptionId: must be a subscription id (a GUID)`,
    ],
    [
      'a capacity of zero apps',
      (f) => (firstPlan(f).maxApps = 0),
      `${WUS2} $.infrastructureSubscriptions[0].appServicePlans[0].maxApps: must be at least 1`,
    ],
    [
      'a fractional capacity',
      (f) => (firstPlan(f).maxApps = 2.5),
      `${WUS2} $.infrastructureSubscriptions[0].appServicePlans[0].maxApps: must be an integer`,
    ],
    [
      'a missing plan name',
      (f) => delete firstPlan(f).name,
      `${WUS2} $.infrastructureSubscriptions[0].appServicePlans[0].name: is required`,
    ],
    [
      'a misspelt field',
      (f) => (firstPlan(f).maxapps = 3),
      `${WUS2} $.infrastructureSubscriptions[0].appServicePlans[0]: has unknown properties maxapps`,
    ],
    [
      'an upper-case storage account',
      (f) => (west(f).infrastructureSubscriptions[0].storageAccountName = 'StFix'),
      `${WUS2} $.infrastructureSubscriptions[0].storageAccountName: must be 3-24 lowercase letters and digits`,
    ],
    [
      'more than 980 resource groups',
      (f) => (west(f).infrastructureSubscriptions[0].maxResourceGroups = 1000),
      `${WUS2} $.infrastructureSubscriptions[0].maxResourceGroups: must be at most 980`,
    ],
    [
      'a subscription with no plan',
      (f) => (west(f).infrastructureSubscriptions[1].appServicePlans = []),
      `${WUS2} $.infrastructureSubscriptions[1].appServicePlans: must have at least 1 items`,
    ],
    [
      'a resource group name ending with a period',
      (f) => (west(f).resourceGroupName = 'rg.'),
      `${WUS2} $.resourceGroupName: must be 1-90 letters, digits, "-", "_", ".", "(" or ")" and must not end with "."`,
    ],
    ['a non-string tag', (f) => (west(f).tags = { owner: 7 }), `${WUS2} $.tags.owner: must be a string`],
    ['a group without its Global DB', (f) => delete f.group.globalDb, `${GROUP} $.globalDb: is required`],
    [
      'a plain-text ARM endpoint',
      (f) => (f.group.armEndpoint = 'management.azure.com'),
      `${GROUP} $.armEndpoint: must be an http(s) URL`,
    ],
    [
      'a bad monitoring config version',
      (f) => (f.group.monitoring.configVersion = 'latest'),
      `${GROUP} $.monitoring.configVersion: must be a version such as 1.0`,
    ],
    [
      'a group named unlike its file',
      (f) => (f.group.name = 'other'),
      `${GROUP} $.name: must be "fixture", the file's name`,
    ],
    [
      'an environment named unlike its file',
      (f) => (west(f).name = 'fixture-west'),
      `${WUS2} $.name: must be "fixture-westus2", the file's name`,
    ],
    [
      'an environment of another group',
      (f) => (west(f).environmentGroup = 'prod'),
      `${WUS2} $.environmentGroup: must be "fixture", the group that lists it`,
    ],
    [
      'two environments in one region',
      (f) => (f.environments['fixture-uksouth'].region = 'westus2'),
      `environments/fixture-uksouth.json $.region: region westus2 is already used at ${WUS2} $.region`,
    ],
    [
      'a subscription serving two regions',
      (f) =>
        (f.environments['fixture-uksouth'].infrastructureSubscriptions[0].subscriptionId = FIXTURE_SUB_1.toUpperCase()),
      `environments/fixture-uksouth.json $.infrastructureSubscriptions[0].subscriptionId: subscription ${FIXTURE_SUB_1.toUpperCase()} is already used at ${WUS2} $.infrastructureSubscriptions[0].subscriptionId`,
    ],
    [
      'a storage account name used twice',
      (f) => (f.environments['fixture-uksouth'].infrastructureSubscriptions[0].storageAccountName = 'stfixwus2a'),
      `environments/fixture-uksouth.json $.infrastructureSubscriptions[0].storageAccountName: storage account name stfixwus2a is already used at ${WUS2} $.infrastructureSubscriptions[0].storageAccountName`,
    ],
    [
      'a plan name used twice in a subscription',
      (f) => (west(f).infrastructureSubscriptions[0].appServicePlans[1].name = 'asp-wus2-01'),
      `${WUS2} $.infrastructureSubscriptions[0].appServicePlans[1].name: App Service plan name asp-wus2-01 is already used at ${WUS2} $.infrastructureSubscriptions[0].appServicePlans[0].name`,
    ],
    [
      'a monitoring agent name used twice',
      (f) => (west(f).infrastructureSubscriptions[1].appServicePlans[0].monitoringAgentAppName = 'app-mon-wus2-01'),
      `${WUS2} $.infrastructureSubscriptions[1].appServicePlans[0].monitoringAgentAppName: App Service name app-mon-wus2-01 is already used at ${WUS2} $.infrastructureSubscriptions[0].appServicePlans[0].monitoringAgentAppName`,
    ],
    [
      'an environment listed twice',
      (f) => f.group.environments.push('fixture-westus2'),
      `${GROUP} $.environments[2]: environment fixture-westus2 is already used at ${GROUP} $.environments[0]`,
    ],
    [
      'a listed environment without a file',
      (f) => f.group.environments.push('fixture-eastus'),
      'environments/fixture-eastus.json $: the file does not exist',
    ],
  ])('names the field of %s', async (_case, change, expected) => {
    expect(await problemsOf(change)).toEqual([expected]);
  });

  it.each<[string, [string, string], string]>([
    [
      'a trailing comma',
      [WUS2, '{ "name": "fixture-westus2", }'],
      `${WUS2} $: invalid JSON at line 1, column 30: PropertyNameExpected`,
    ],
    ['a comment', [GROUP, '{\n  // the group\n}'], `${GROUP} $: invalid JSON at line 2, column 3: InvalidCommentToken`],
    ['an empty file', [WUS2, ''], `${WUS2} $: invalid JSON at line 1, column 1: ValueExpected`],
    ['an array instead of an object', [WUS2, '[]'], `${WUS2} $: must be an object`],
  ])('locates %s', async (_case, raw, expected) => {
    expect(await problemsOf(() => undefined, raw)).toEqual([expected]);
  });

  it('reports every problem of every file at once', async () => {
    const problems = await problemsOf((f) => {
      firstPlan(f).maxApps = -1;
      f.environments['fixture-uksouth'].resourceGroupName = '';
    });
    expect(problems).toHaveLength(2);
  });

  it('refuses a group name that could escape the directory', async () => {
    await expect(loadDeployConfig(REPO_DEPLOY_DIR, '../secrets')).rejects.toThrow(DeployConfigError);
  });

  it('reports a missing group file', async () => {
    await expect(loadDeployConfig(REPO_DEPLOY_DIR, 'staging')).rejects.toThrow(
      'environmentGroups/staging.json $: the file does not exist',
    );
  });
});
