import { resolve } from 'node:path';
import { loadDeployConfig } from '../config/load-deploy-config';
import { loadRegionalTemplate } from '../config/regional-template';
import { planRegion } from '../plan/regional-deployment.plan';
import { applyRegion } from './apply-region';
import { PreparedRegion, prepareRegion } from './prepare-region';
import { selectEnvironments } from './region-selection';
import type { RegionRolloutReport, RolloutMode, RolloutOptions } from './rollout.types';
import { whatIfLines } from './what-if.report';

/** The repository's `deploy/` directory. */
export const DEFAULT_CONFIG_DIR = resolve(__dirname, '../../../../deploy');

function reportOf(prepared: PreparedRegion, applied: boolean, metadata = prepared.desired): RegionRolloutReport {
  const { environment, deployments } = prepared.plan;
  return {
    environment: environment.name,
    region: environment.region,
    action: prepared.existing === undefined ? 'open' : 'update',
    deploymentNames: deployments.map((d) => d.request.deploymentName),
    metadataChanges: prepared.changes,
    metadata,
    settings: prepared.settings,
    ...(prepared.settingsFile ? { settingsFile: prepared.settingsFile } : {}),
    applied,
  };
}

/**
 * Rolls out the regions of an environment group: validates the configuration, prepares every
 * region (reads their metadata; fails before any deployment when one cannot be rolled out), then
 * deploys region after region, stopping at the first failure. In what-if mode only logs the plan.
 */
export async function rollOut(mode: RolloutMode, options: RolloutOptions): Promise<RegionRolloutReport[]> {
  const log = options.log ?? (() => undefined);
  const configDir = options.configDir ?? DEFAULT_CONFIG_DIR;
  const config = await loadDeployConfig(configDir, options.environment);
  const template = await loadRegionalTemplate(configDir);
  const context = {
    clusterMetadata: options.clusterMetadata,
    armEndpoint: options.armEndpoint ?? config.group.armEndpoint,
    globalDb: options.globalDb ?? config.group.globalDb,
    settingsDir: options.settingsDir,
    signal: options.signal,
  };
  const prepared: PreparedRegion[] = [];
  for (const environment of selectEnvironments(config, options.regions)) {
    prepared.push(await prepareRegion(planRegion(config.group, environment, template), mode, context));
  }
  if (options.whatIf) {
    log(`what-if: ${mode} ${config.group.name}; nothing is deployed or written`);
    for (const region of prepared) whatIfLines(region).forEach((line) => log(line));
    return prepared.map((region) => reportOf(region, false));
  }
  const reports: RegionRolloutReport[] = [];
  for (const region of prepared) {
    const stored = await applyRegion(region, {
      deployer: options.deployer,
      clusterMetadata: options.clusterMetadata,
      log,
      signal: options.signal,
    });
    reports.push(reportOf(region, true, stored));
  }
  return reports;
}

/**
 * Opens regions of an environment group (the seed's Deploy-EnvironmentGroup): deploys their
 * regional infrastructure and records their cluster metadata, so the provider serves them. Safe
 * to re-run: an open region is brought in line with the configuration, counters kept. The local
 * stack calls it at start to open every region against the fake ARM.
 */
export function openRegions(options: RolloutOptions): Promise<RegionRolloutReport[]> {
  return rollOut('open-region', options);
}

/**
 * Deploys open regions incrementally (the seed's Deploy-Environment): new plans, subscriptions and
 * capacity. Refuses, before deploying anything, a region that is not open.
 */
export function deployEnvironments(options: RolloutOptions): Promise<RegionRolloutReport[]> {
  return rollOut('deploy-environment', options);
}
