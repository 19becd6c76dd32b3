import { ConfigDir, Json, writeConfigDir } from '../../test/config-fixture';
import { DeployConfigError } from './config-error';
import { loadRegionalTemplate, REGIONAL_TEMPLATE_FILE } from './regional-template';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

describe('loadRegionalTemplate', () => {
  let dir: ConfigDir;
  let template: Json;

  beforeEach(async () => {
    dir = await writeConfigDir();
    template = JSON.parse(await readFile(join(dir.path, REGIONAL_TEMPLATE_FILE), 'utf8'));
  });
  afterEach(() => dir.remove());

  it("accepts the repository's template", async () => {
    await expect(loadRegionalTemplate(dir.path)).resolves.toMatchObject({ contentVersion: '1.0.0.0' });
  });

  it.each<[string, (t: Json) => void, string]>([
    [
      'a parameter the deployment passes is missing',
      (t) => delete t.parameters.appServicePlans,
      '$.parameters.appServicePlans: is required',
    ],
    [
      'a parameter without a type',
      (t) => delete t.parameters.tags.type,
      "$.parameters.tags.type: must declare the parameter's type",
    ],
    [
      'an output the deployment reads is missing',
      (t) => delete t.outputs.appServicePlanIds,
      '$.outputs.appServicePlanIds: is required',
    ],
    [
      'a resource without an API version',
      (t) => delete t.resources[1].apiVersion,
      '$.resources[1].apiVersion: is required',
    ],
    [
      'a subscription-level schema',
      (t) => (t.$schema = 'https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json'),
      '$.$schema: must be a resource group deployment template schema',
    ],
  ])('names the field when %s', async (_case, change, expected) => {
    change(template);
    await dir.write(REGIONAL_TEMPLATE_FILE, template);
    const error = await loadRegionalTemplate(dir.path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeployConfigError);
    expect((error as DeployConfigError).problems.map((p) => `${p.file} ${p.path}: ${p.message}`)).toEqual([
      `${REGIONAL_TEMPLATE_FILE} ${expected}`,
    ]);
  });
});
