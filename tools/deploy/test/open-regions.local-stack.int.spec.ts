import { ClusterMetadata } from '@iomt/domain';
import { CosmosClusterMetadataRepository, ensureGlobalDb } from '@iomt/persistence';
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { createArmDeployer } from '../src/cli/arm-deployer.factory';
import { openRegions } from '../src/index';
import { DeployHarness, startDeployHarness } from './deploy.harness';

const REPO_ROOT = resolve(__dirname, '../../..');
const CLI = ['-r', '@swc-node/register', 'tools/deploy/src/main.ts'];

describe("openRegions on the repository's test group, as the local stack does (fake ARM, local Cosmos server)", () => {
  let h: DeployHarness;

  beforeAll(async () => {
    h = await startDeployHarness();
  });
  afterAll(() => h.stop());

  it('opens West US 2, North Central US and UK South with their plans and capacity', async () => {
    const { clusterMetadata } = await ensureGlobalDb(h.client, h.databaseName);
    const reports = await openRegions({
      deployer: createArmDeployer(h.fakeArm.endpoint, {}, { pollIntervalMs: 1 }),
      clusterMetadata: new CosmosClusterMetadataRepository(clusterMetadata),
      environment: 'test',
      regions: ['westus2', 'northcentralus', 'uksouth'],
    });

    expect(reports.map((r) => [r.region, r.action, r.applied])).toEqual([
      ['westus2', 'open', true],
      ['northcentralus', 'open', true],
      ['uksouth', 'open', true],
    ]);
    const listed = await h.clusterMetadata().listRegions();
    expect(
      listed.items.map((m: ClusterMetadata) => [m.regionName, m.displayName, m.appServicePlans.map((p) => p.maxApps)]),
    ).toEqual([
      ['northcentralus', 'North Central US', [20, 20]],
      ['uksouth', 'UK South', [20, 20]],
      ['westus2', 'West US 2', [20, 20]],
    ]);
    expect(h.fakeArm.resources('Microsoft.Web/serverfarms')).toHaveLength(6);
    expect(reports.every((r) => r.settingsFile === undefined)).toBe(true);
  });

  it('agrees with the CLI entry point: a what-if of the same group finds nothing to change', async () => {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [
        ...CLI,
        'deploy-environment',
        '--env',
        'test',
        '--what-if',
        '--arm-endpoint',
        h.fakeArm.endpoint,
        '--cosmos-endpoint',
        h.cosmos.endpoint,
        '--cosmos-database',
        h.databaseName,
        '--cosmos-tls-verify',
        'false',
        '--settings-dir',
        h.settingsDir,
      ],
      { cwd: REPO_ROOT, env: { ...process.env, COSMOS_KEY: h.cosmos.key } },
    );

    expect(stderr).toBe('');
    expect(stdout.match(/cluster metadata: unchanged/g)).toHaveLength(3);
    expect(stdout).toContain('uksouth (test-uksouth) would be updated');
  }, 60_000); // a fresh node process compiles the CLI and its libraries on start: seconds on a busy machine
});
