import { normalizeLocation } from '@iomt/domain';
import type { DeployConfig } from '../config/load-deploy-config';
import type { EnvironmentConfig } from '../config/config.schemas';
import { RegionNotInGroupError } from './rollout.errors';

/**
 * The environments of the group for the regions asked for (any spelling: `westus2`, `West US 2`),
 * in the group's order; every environment when none is asked for.
 * @throws RegionNotInGroupError naming the regions the group has.
 */
export function selectEnvironments(config: DeployConfig, regions: readonly string[] = []): EnvironmentConfig[] {
  const all = config.environments.map((e) => e.config);
  if (regions.length === 0) return all;
  const wanted = new Set<string>();
  for (const region of regions) {
    const normalised = normalizeLocation(region);
    if (normalised === undefined || !all.some((e) => e.region === normalised)) {
      throw new RegionNotInGroupError(
        `Region '${region}' is not in environment group ${config.group.name} (its regions: ${all.map((e) => e.region).join(', ')}).`,
        { target: 'region' },
      );
    }
    wanted.add(normalised);
  }
  return all.filter((e) => wanted.has(e.region));
}
