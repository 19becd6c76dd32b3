import type { ClusterMetadata, ClusterMetadataRepository } from '@iomt/domain';
import { desiredClusterMetadata } from '../plan/cluster-metadata.merge';
import { metadataChanges } from '../plan/metadata-changes';
import type { RegionPlan } from '../plan/regional-deployment.plan';
import { GlobalDbLocation, RegionSettings, regionSettings } from '../plan/region-settings';
import { RegionNotOpenError } from './rollout.errors';
import type { RolloutMode } from './rollout.types';
import { settingsFilePath } from './settings-files';

/** A region ready to roll out: what is stored, what will be, and the settings. Nothing written yet. */
export interface PreparedRegion {
  readonly plan: RegionPlan;
  readonly existing: ClusterMetadata | undefined;
  readonly desired: ClusterMetadata;
  readonly changes: readonly string[];
  readonly settings: RegionSettings;
  readonly settingsFile?: string;
}

/** What preparing reads and where settings go. */
export interface PrepareContext {
  readonly clusterMetadata: ClusterMetadataRepository;
  readonly armEndpoint: string;
  readonly globalDb: GlobalDbLocation;
  readonly settingsDir?: string;
  readonly signal?: AbortSignal;
}

/**
 * Reads the region's metadata and works out the rollout, failing before anything is deployed when
 * the region cannot be rolled out (not open yet for `deploy-environment`, capacity in use dropped).
 */
export async function prepareRegion(
  plan: RegionPlan,
  mode: RolloutMode,
  context: PrepareContext,
): Promise<PreparedRegion> {
  const { environment } = plan;
  const existing = await context.clusterMetadata.getByRegion(environment.region, { signal: context.signal });
  if (mode === 'deploy-environment' && existing === undefined) {
    throw new RegionNotOpenError(
      `Region ${environment.region} (${environment.name}) is not open: it has no cluster metadata. Open it with open-region first.`,
      { target: environment.name },
    );
  }
  const desired = desiredClusterMetadata(plan, existing);
  const settingsFile = context.settingsDir && settingsFilePath(context.settingsDir, plan.groupName, environment.region);
  return {
    plan,
    existing,
    desired,
    changes: metadataChanges(existing, desired),
    settings: regionSettings(plan, context.armEndpoint, context.globalDb),
    ...(settingsFile ? { settingsFile } : {}),
  };
}
