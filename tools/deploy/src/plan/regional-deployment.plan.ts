import type { DeploymentRequest } from '@iomt/domain';
import type {
  EnvironmentConfig,
  EnvironmentGroupConfig,
  InfrastructureSubscriptionConfig,
} from '../config/config.schemas';
import { contentHash } from './stable-json';

/** The ids the regional template gives its resources in one subscription (its outputs). */
export interface RegionalResourceIds {
  readonly storageAccountId: string;
  readonly appServicePlanIds: readonly string[];
  readonly monitoringAgentAppIds: readonly string[];
}

/** One template deployment: the regional infrastructure of a region in one subscription. */
export interface SubscriptionDeployment {
  readonly subscription: InfrastructureSubscriptionConfig;
  readonly request: DeploymentRequest;
  /** What the deployment's outputs must be. */
  readonly expectedIds: RegionalResourceIds;
}

/** Everything an environment (one region) deploys. */
export interface RegionPlan {
  readonly groupName: string;
  readonly environment: EnvironmentConfig;
  readonly deployments: readonly SubscriptionDeployment[];
}

/** Prefix of the regional deployments' names. */
export const REGIONAL_DEPLOYMENT_PREFIX = 'iomt-regional';

const resourceId = (subscriptionId: string, group: string, type: string, name: string) =>
  `/subscriptions/${subscriptionId}/resourceGroups/${group}/providers/${type}/${name}`;

/**
 * The deployment name: region plus a hash of everything deployed (template, parameters, tags,
 * place). A re-run of the same configuration reuses the name, so ARM re-attaches to it instead of
 * deploying again; a changed configuration gets a new name and keeps the old one in the history.
 */
function deploymentNameOf(request: Omit<DeploymentRequest, 'deploymentName'>, region: string): string {
  return `${REGIONAL_DEPLOYMENT_PREFIX}-${region}-${contentHash(request)}`;
}

function expectedIdsOf(subscription: InfrastructureSubscriptionConfig, group: string): RegionalResourceIds {
  const id = (type: string, name: string) => resourceId(subscription.subscriptionId, group, type, name);
  return {
    storageAccountId: id('Microsoft.Storage/storageAccounts', subscription.storageAccountName),
    appServicePlanIds: subscription.appServicePlans.map((p) => id('Microsoft.Web/serverfarms', p.name)),
    monitoringAgentAppIds: subscription.appServicePlans.map((p) => id('Microsoft.Web/sites', p.monitoringAgentAppName)),
  };
}

/** The tags of every resource of an environment: the group's, the environment's, then who deployed it. */
export function tagsOf(group: EnvironmentGroupConfig, environment: EnvironmentConfig): Record<string, string> {
  return { ...group.tags, ...environment.tags, environment: environment.name, deployedBy: 'tools/deploy' };
}

/** The deployments of one environment: one per infrastructure subscription, in the file's order. */
export function planRegion(
  group: EnvironmentGroupConfig,
  environment: EnvironmentConfig,
  template: Readonly<Record<string, unknown>>,
): RegionPlan {
  const tags = tagsOf(group, environment);
  const deployments = environment.infrastructureSubscriptions.map((subscription): SubscriptionDeployment => {
    const request = {
      subscriptionId: subscription.subscriptionId,
      resourceGroupName: environment.resourceGroupName,
      location: environment.region,
      template,
      parameters: {
        location: environment.region,
        storageAccountName: subscription.storageAccountName,
        storageSkuName: environment.storageSkuName,
        appServicePlans: subscription.appServicePlans.map(({ name, skuName, workerCount, monitoringAgentAppName }) => ({
          name,
          skuName,
          workerCount,
          monitoringAgentAppName,
        })),
        monitoringEnvironment: group.monitoring.environment,
        monitoringAccount: group.monitoring.account,
        monitoringNamespace: group.monitoring.namespace,
        monitoringConfigVersion: group.monitoring.configVersion,
        tags,
      },
      tags,
    };
    return {
      subscription,
      request: { ...request, deploymentName: deploymentNameOf(request, environment.region) },
      expectedIds: expectedIdsOf(subscription, environment.resourceGroupName),
    };
  });
  return { groupName: group.name, environment, deployments };
}
