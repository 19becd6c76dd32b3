import type { RegionPlan } from './regional-deployment.plan';

/** Where the services reach the Global DB (the key is never written: it comes from a secret store). */
export interface GlobalDbLocation {
  readonly endpoint: string;
  readonly databaseName: string;
}

/** The services that get per-region settings. */
export const SETTINGS_SERVICES = [
  'gateway',
  'operation-router',
  'iomt-provisioner',
  'fhir-provisioner',
  'key-rotator',
] as const;
export type SettingsService = (typeof SETTINGS_SERVICES)[number];

/**
 * One region's settings file: the facts of the region, and for each service the environment
 * variables it runs with there (seed 000 §3: "Service Fabric application settings"). No secrets.
 */
export interface RegionSettings {
  readonly environmentGroup: string;
  readonly environment: string;
  readonly region: string;
  readonly armEndpoint: string;
  readonly globalDb: GlobalDbLocation;
  readonly regionalResourceGroupName: string;
  readonly infrastructureSubscriptionIds: readonly string[];
  readonly storageAccountIds: readonly string[];
  readonly appServicePlanIds: readonly string[];
  readonly monitoringAgentAppIds: readonly string[];
  readonly deploymentNames: readonly string[];
  readonly services: Readonly<Record<SettingsService, Readonly<Record<string, string>>>>;
}

/** The settings of a region, from its plan; the same plan always gives the same settings. */
export function regionSettings(plan: RegionPlan, armEndpoint: string, globalDb: GlobalDbLocation): RegionSettings {
  const { environment, deployments } = plan;
  const subscriptionIds = deployments.map((d) => d.subscription.subscriptionId);
  const storageAccountIds = deployments.map((d) => d.expectedIds.storageAccountId);
  const common = {
    ENVIRONMENT_GROUP: plan.groupName,
    ENVIRONMENT: environment.name,
    REGION: environment.region,
    COSMOS_ENDPOINT: globalDb.endpoint,
    COSMOS_DATABASE: globalDb.databaseName,
  };
  // Workers that touch customer resources find them in the infrastructure subscriptions.
  const infrastructure = {
    ...common,
    ARM_ENDPOINT: armEndpoint,
    INFRASTRUCTURE_SUBSCRIPTION_IDS: subscriptionIds.join(','),
  };
  return {
    environmentGroup: plan.groupName,
    environment: environment.name,
    region: environment.region,
    armEndpoint,
    globalDb,
    regionalResourceGroupName: environment.resourceGroupName,
    infrastructureSubscriptionIds: subscriptionIds,
    storageAccountIds,
    appServicePlanIds: deployments.flatMap((d) => d.expectedIds.appServicePlanIds),
    monitoringAgentAppIds: deployments.flatMap((d) => d.expectedIds.monitoringAgentAppIds),
    deploymentNames: deployments.map((d) => d.request.deploymentName),
    services: {
      gateway: common,
      'operation-router': common,
      'iomt-provisioner': {
        ...infrastructure,
        REGIONAL_RESOURCE_GROUP: environment.resourceGroupName,
        REGIONAL_STORAGE_ACCOUNT_IDS: storageAccountIds.join(','),
      },
      'fhir-provisioner': infrastructure,
      'key-rotator': infrastructure,
    },
  };
}
