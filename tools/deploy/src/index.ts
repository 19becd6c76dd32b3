export { openRegions, deployEnvironments, DEFAULT_CONFIG_DIR } from './rollout/roll-out';
export type { RegionRolloutReport, RolloutMode, RolloutOptions } from './rollout/rollout.types';
export { RegionNotInGroupError, RegionNotOpenError, DeploymentOutputMismatchError } from './rollout/rollout.errors';
export type { GlobalDbLocation, RegionSettings } from './plan/region-settings';
export { loadDeployConfig, type DeployConfig } from './config/load-deploy-config';
export { DeployConfigError, type ConfigProblem } from './config/config-error';
export { createArmDeployer, isFakeArmEndpoint, type ArmDeployerTuning } from './cli/arm-deployer.factory';
