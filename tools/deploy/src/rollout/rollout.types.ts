import type { ClusterMetadata, ClusterMetadataRepository, ResourceDeployer } from '@iomt/domain';
import type { GlobalDbLocation, RegionSettings } from '../plan/region-settings';

/** Which entry point runs: open a region (Deploy-EnvironmentGroup) or update one (Deploy-Environment). */
export type RolloutMode = 'open-region' | 'deploy-environment';

/** What every rollout needs. */
export interface RolloutOptions {
  /** Deploys the templates; never called in what-if mode. */
  readonly deployer: ResourceDeployer;
  /** Where the regions' cluster metadata lives (the Global DB); only read in what-if mode. */
  readonly clusterMetadata: ClusterMetadataRepository;
  /** The environment group, e.g. `test` (`environmentGroups/<name>.json`). */
  readonly environment: string;
  /** Regions to roll out (`westus2` or `West US 2`); every region of the group when absent or empty. */
  readonly regions?: readonly string[];
  /** The directory with `environmentGroups/`, `environments/` and `templates/`; the repo's `deploy/` by default. */
  readonly configDir?: string;
  /** Where to write `<group>/<region>.json` settings files; none are written when absent. */
  readonly settingsDir?: string;
  /** The ARM endpoint the services use (written into the settings); the group's by default. */
  readonly armEndpoint?: string;
  /** The Global DB the services use (written into the settings); the group's by default. */
  readonly globalDb?: GlobalDbLocation;
  /** Print the planned changes and make none. */
  readonly whatIf?: boolean;
  /** Progress and what-if lines; silent by default. */
  readonly log?: (line: string) => void;
  readonly signal?: AbortSignal;
}

/** What happened (or, in what-if mode, would happen) in one region. */
export interface RegionRolloutReport {
  readonly environment: string;
  readonly region: string;
  /** `open` when the region had no cluster metadata before, `update` otherwise. */
  readonly action: 'open' | 'update';
  readonly deploymentNames: readonly string[];
  /** One line per change of the cluster metadata; empty when it is unchanged. */
  readonly metadataChanges: readonly string[];
  /** The metadata stored (or that would be stored). */
  readonly metadata: ClusterMetadata;
  readonly settings: RegionSettings;
  /** The settings file written (or that would be written). */
  readonly settingsFile?: string;
  /** False in what-if mode. */
  readonly applied: boolean;
}
