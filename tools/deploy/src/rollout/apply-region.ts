import {
  ClusterMetadata,
  ClusterMetadataRepository,
  ConcurrencyConflictError,
  DeploymentResult,
  ResourceDeployer,
} from '@iomt/domain';
import { desiredClusterMetadata } from '../plan/cluster-metadata.merge';
import type { RegionalResourceIds, SubscriptionDeployment } from '../plan/regional-deployment.plan';
import type { PreparedRegion } from './prepare-region';
import { DeploymentOutputMismatchError } from './rollout.errors';
import { writeSettingsFile } from './settings-files';

/** What applying writes to. */
export interface ApplyContext {
  readonly deployer: ResourceDeployer;
  readonly clusterMetadata: ClusterMetadataRepository;
  readonly log: (line: string) => void;
  readonly signal?: AbortSignal;
}

/** Provisioners bump counters concurrently; a lost race re-reads and merges again this many times. */
const METADATA_WRITE_ATTEMPTS = 5;

const sameIds = (actual: unknown, expected: readonly string[]) =>
  Array.isArray(actual) &&
  actual.length === expected.length &&
  actual.every((id, i) => typeof id === 'string' && id.toLowerCase() === expected[i].toLowerCase());

function checkOutputs(deployment: SubscriptionDeployment, result: DeploymentResult): void {
  const expected: RegionalResourceIds = deployment.expectedIds;
  const { outputs } = result;
  const matches =
    sameIds([outputs.storageAccountId], [expected.storageAccountId]) &&
    sameIds(outputs.appServicePlanIds, expected.appServicePlanIds) &&
    sameIds(outputs.monitoringAgentAppIds, expected.monitoringAgentAppIds);
  if (!matches) {
    throw new DeploymentOutputMismatchError(
      `Deployment ${result.deploymentName} returned resource ids ${JSON.stringify(outputs)}, expected ${JSON.stringify(expected)}.`,
      { target: result.deploymentName },
    );
  }
}

async function storeMetadata(prepared: PreparedRegion, context: ApplyContext): Promise<ClusterMetadata> {
  let desired = prepared.desired;
  for (let attempt = 1; ; attempt++) {
    try {
      return await context.clusterMetadata.upsert(desired, { ifMatch: desired._etag, signal: context.signal });
    } catch (error) {
      if (!(error instanceof ConcurrencyConflictError) || attempt >= METADATA_WRITE_ATTEMPTS) throw error;
      const current = await context.clusterMetadata.getByRegion(prepared.plan.environment.region, {
        signal: context.signal,
      });
      desired = desiredClusterMetadata(prepared.plan, current);
    }
  }
}

/**
 * Deploys the region's templates, checks their outputs, then stores the cluster metadata (only
 * once the infrastructure exists, so a region is never advertised half built) and writes the
 * settings file.
 */
export async function applyRegion(prepared: PreparedRegion, context: ApplyContext): Promise<ClusterMetadata> {
  const { region } = prepared.plan.environment;
  for (const deployment of prepared.plan.deployments) {
    const { deploymentName, subscriptionId, resourceGroupName } = deployment.request;
    context.log(
      `${region}: deploying ${deploymentName} to subscription ${subscriptionId}, resource group ${resourceGroupName}`,
    );
    const result = await context.deployer.deploy(deployment.request, { signal: context.signal });
    checkOutputs(deployment, result);
  }
  const stored = await storeMetadata(prepared, context);
  context.log(
    `${region}: cluster metadata stored (${stored.infrastructureSubscriptions.length} subscriptions, ` +
      `${stored.appServicePlans.length} App Service plans)`,
  );
  if (prepared.settingsFile) {
    await writeSettingsFile(prepared.settingsFile, prepared.settings);
    context.log(`${region}: settings written to ${prepared.settingsFile}`);
  }
  return stored;
}
