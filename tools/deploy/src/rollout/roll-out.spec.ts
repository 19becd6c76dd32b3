import { ConcurrencyConflictError } from '@iomt/domain';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigDir, writeConfigDir } from '../../test/config-fixture';
import { InMemoryClusterMetadata, RecordingDeployer } from '../../test/port-fakes';
import { deployEnvironments, openRegions } from './roll-out';
import { DeploymentOutputMismatchError, RegionNotInGroupError, RegionNotOpenError } from './rollout.errors';
import type { RolloutOptions } from './rollout.types';

describe('rollout (unit, with port fakes)', () => {
  let dir: ConfigDir;
  let deployer: RecordingDeployer;
  let clusters: InMemoryClusterMetadata;
  let lines: string[];
  const options = (extra: Partial<RolloutOptions> = {}): RolloutOptions => ({
    deployer,
    clusterMetadata: clusters,
    environment: 'fixture',
    configDir: dir.path,
    settingsDir: join(dir.path, 'settings'),
    log: (line) => lines.push(line),
    ...extra,
  });

  beforeEach(async () => {
    dir = await writeConfigDir();
    deployer = new RecordingDeployer();
    clusters = new InMemoryClusterMetadata();
    lines = [];
  });
  afterEach(() => dir.remove());

  it('opens every region of the group: deploys, stores metadata, writes settings', async () => {
    const reports = await openRegions(options());
    expect(reports.map((r) => [r.region, r.action, r.applied])).toEqual([
      ['westus2', 'open', true],
      ['uksouth', 'open', true],
    ]);
    expect(deployer.requests.map((r) => r.deploymentName)).toEqual(reports.flatMap((r) => r.deploymentNames));
    expect([...clusters.documents.keys()]).toEqual(['westus2', 'uksouth']);
    const settings = JSON.parse(await readFile(join(dir.path, 'settings/fixture/westus2.json'), 'utf8'));
    expect(settings).toMatchObject({ region: 'westus2', deploymentNames: reports[0].deploymentNames });
  });

  it('refuses deploy-environment for a region that is not open, before deploying any region', async () => {
    await openRegions(options({ regions: ['westus2'] }));
    deployer.requests.length = 0;
    await expect(deployEnvironments(options())).rejects.toThrow(RegionNotOpenError);
    await expect(deployEnvironments(options())).rejects.toThrow(/uksouth \(fixture-uksouth\) is not open/);
    expect(deployer.requests).toEqual([]);
  });

  it('in what-if mode, deploys nothing, stores nothing, writes no file, and prints the plan', async () => {
    const reports = await openRegions(options({ whatIf: true }));
    expect(deployer.requests).toEqual([]);
    expect(clusters.writes).toBe(0);
    await expect(readdir(join(dir.path, 'settings'))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(reports.every((r) => !r.applied && r.action === 'open')).toBe(true);
    expect(lines).toContain('region westus2 (fixture-westus2) is not open yet: it would be opened');
    expect(lines).toContain('    Microsoft.Web/serverfarms asp-wus2-01 (P1v2 x1, up to 2 connector apps)');
    expect(lines).toContain('    + region westus2 (West US 2)');
  });

  it('merges again after losing a race with a provisioner, keeping its counter', async () => {
    await openRegions(options({ regions: ['westus2'] }));
    clusters.beforeNextUpsert = () => {
      const current = clusters.documents.get('westus2')!;
      clusters.put({
        ...current,
        appServicePlans: current.appServicePlans.map((p, i) => (i === 0 ? { ...p, appCount: 1 } : p)),
      });
    };
    const upsert = jest.spyOn(clusters, 'upsert');
    await deployEnvironments(options({ regions: ['westus2'] }));
    await expect(upsert.mock.results[0].value).rejects.toThrow(ConcurrencyConflictError);
    expect(upsert).toHaveBeenCalledTimes(2);
    expect(clusters.documents.get('westus2')!.appServicePlans[0].appCount).toBe(1);
  });

  it('stores no metadata when a deployment returns other resources than configured', async () => {
    jest
      .spyOn(deployer, 'deploy')
      .mockResolvedValueOnce({ deploymentName: 'x', outputs: { storageAccountId: '/elsewhere' } });
    await expect(openRegions(options())).rejects.toThrow(DeploymentOutputMismatchError);
    expect(clusters.writes).toBe(0);
  });

  it('stops at the first failed region, keeping the regions done before it', async () => {
    deployer.failing = ['iomt-regional-uksouth'];
    await expect(openRegions(options())).rejects.toThrow(/deployment iomt-regional-uksouth-\w+ failed/);
    expect([...clusters.documents.keys()]).toEqual(['westus2']);
  });

  it('refuses a region outside the group, naming the ones it has', async () => {
    await expect(openRegions(options({ regions: ['East US'] }))).rejects.toThrow(RegionNotInGroupError);
    await expect(openRegions(options({ regions: ['eastus'] }))).rejects.toThrow('its regions: westus2, uksouth');
  });
});
