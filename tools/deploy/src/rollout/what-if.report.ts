import type { SubscriptionDeployment } from '../plan/regional-deployment.plan';
import type { PreparedRegion } from './prepare-region';

const lastSegment = (id: string) => id.slice(id.lastIndexOf('/') + 1);

function deploymentLines(deployment: SubscriptionDeployment): string[] {
  const { request, subscription, expectedIds } = deployment;
  const plans = subscription.appServicePlans;
  return [
    `  deploy ${request.deploymentName} (Incremental) to /subscriptions/${request.subscriptionId}/resourceGroups/${request.resourceGroupName} in ${request.location}`,
    `    Microsoft.Storage/storageAccounts ${lastSegment(expectedIds.storageAccountId)}`,
    ...plans.map(
      (p) =>
        `    Microsoft.Web/serverfarms ${p.name} (${p.skuName} x${p.workerCount}, up to ${p.maxApps} connector apps)`,
    ),
    ...plans.map((p) => `    Microsoft.Web/sites ${p.monitoringAgentAppName} (monitoring agent on ${p.name})`),
  ];
}

/**
 * The planned changes of one region, for `--what-if`: the deployments and the resources they
 * declare, the cluster metadata changes, and the settings file.
 */
export function whatIfLines(prepared: PreparedRegion): string[] {
  const { environment } = prepared.plan;
  const state = prepared.existing === undefined ? 'not open yet: it would be opened' : 'open: it would be updated';
  const metadata =
    prepared.changes.length === 0
      ? ['  cluster metadata: unchanged']
      : [`  cluster metadata of ${environment.region}:`, ...prepared.changes.map((line) => `    ${line}`)];
  return [
    `region ${environment.region} (${environment.name}) is ${state}`,
    ...prepared.plan.deployments.flatMap(deploymentLines),
    ...metadata,
    prepared.settingsFile
      ? `  settings file ${prepared.settingsFile}`
      : '  settings file: none (no settings directory)',
  ];
}
