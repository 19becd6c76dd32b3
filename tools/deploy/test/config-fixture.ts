import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The repository's deploy/ directory. */
export const REPO_DEPLOY_DIR = resolve(__dirname, '../../../deploy');

/** Subscriptions of the fixture. */
export const FIXTURE_SUB_1 = '11111111-0000-4000-8000-000000000001';
export const FIXTURE_SUB_2 = '22222222-0000-4000-8000-000000000002';
export const FIXTURE_SUB_3 = '33333333-0000-4000-8000-000000000003';

// Tests mutate these freely.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

/** A small `fixture` group: westus2 with two subscriptions (two plans, one plan), uksouth with one. */
export function fixtureFiles(): { group: Json; environments: Record<string, Json> } {
  const plan = (name: string, maxApps: number) => ({
    name: `asp-${name}`,
    skuName: 'P1v2',
    workerCount: 1,
    maxApps,
    monitoringAgentAppName: `app-mon-${name}`,
  });
  const environment = (region: string, subscriptions: Json[]) => ({
    name: `fixture-${region}`,
    environmentGroup: 'fixture',
    region,
    resourceGroupName: `rg-iomt-fixture-${region}`,
    infrastructureSubscriptions: subscriptions,
    tags: { region },
  });
  return {
    group: {
      name: 'fixture',
      armEndpoint: 'https://management.azure.com',
      globalDb: { endpoint: 'https://globaldb-fixture.documents.azure.com:443/', databaseName: 'globaldb' },
      monitoring: { environment: 'Test', account: 'IomtTest', namespace: 'IomtTest', configVersion: '1.0' },
      tags: { service: 'iomt-connector' },
      environments: ['fixture-westus2', 'fixture-uksouth'],
    },
    environments: {
      'fixture-westus2': environment('westus2', [
        {
          subscriptionId: FIXTURE_SUB_1,
          storageAccountName: 'stfixwus2a',
          appServicePlans: [plan('wus2-01', 2), plan('wus2-02', 2)],
        },
        { subscriptionId: FIXTURE_SUB_2, storageAccountName: 'stfixwus2b', appServicePlans: [plan('wus2-03', 1)] },
      ]),
      'fixture-uksouth': environment('uksouth', [
        { subscriptionId: FIXTURE_SUB_3, storageAccountName: 'stfixuksa', appServicePlans: [plan('uks-01', 3)] },
      ]),
    },
  };
}

/** A temporary configuration directory; `remove()` deletes it. */
export interface ConfigDir {
  readonly path: string;
  /** Writes (or overwrites) a file, given as JSON or as raw text. */
  write(file: string, content: Json): Promise<void>;
  remove(): Promise<void>;
}

/** Writes the fixture (after `change`) and the repository's template into a new temporary directory. */
export async function writeConfigDir(
  change: (files: ReturnType<typeof fixtureFiles>) => void = () => undefined,
): Promise<ConfigDir> {
  const path = await mkdtemp(join(tmpdir(), 'iomt-deploy-config-'));
  const write = async (file: string, content: Json) => {
    await mkdir(join(path, file, '..'), { recursive: true });
    await writeFile(join(path, file), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  };
  const files = fixtureFiles();
  change(files);
  await write('environmentGroups/fixture.json', files.group);
  for (const [name, content] of Object.entries(files.environments)) await write(`environments/${name}.json`, content);
  await mkdir(join(path, 'templates'));
  await copyFile(
    join(REPO_DEPLOY_DIR, 'templates/regional-infrastructure.json'),
    join(path, 'templates/regional-infrastructure.json'),
  );
  return { path, write, remove: () => rm(path, { recursive: true, force: true }) };
}
