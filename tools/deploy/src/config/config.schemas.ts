import { isKnownAzureLocation, normalizeLocation, resourceGroupName, subscriptionId } from '@iomt/domain';
import { z } from 'zod';

/** A plain name: letters, digits and hyphens, starting with a letter (files are named after it). */
const configName = () =>
  z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,62}$/, {
      error: 'must be lowercase letters, digits and hyphens, starting with a letter',
    });

/** A normalised public Azure region name such as `westus2`. */
const regionName = () =>
  z
    .string()
    .refine((value) => normalizeLocation(value) === value && isKnownAzureLocation(value), {
      error: 'must be a public Azure region in its normalised form, e.g. westus2',
    });

/** Storage account names are global DNS labels: 3-24 lowercase letters and digits. */
const storageAccountName = () =>
  z.string().regex(/^[a-z0-9]{3,24}$/, { error: 'must be 3-24 lowercase letters and digits' });

/** App Service plan names: 1-40 letters, digits and hyphens. */
const appServicePlanName = () =>
  z.string().regex(/^[A-Za-z0-9-]{1,40}$/, { error: 'must be 1-40 letters, digits and hyphens' });

/** App Service (site) names are global DNS labels: 2-60 letters, digits and inner hyphens. */
const appServiceName = () =>
  z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,58}[A-Za-z0-9]$/, {
    error: 'must be 2-60 letters, digits and hyphens, starting and ending with a letter or digit',
  });

/** ARM tag names and values (at most 512 and 256 characters; `<>%&\?/` are not allowed in names). */
const tags = () =>
  z.record(
    z.string().regex(/^[^<>%&\\?/]{1,512}$/, { error: 'must be 1-512 characters, none of < > % & \\ ? /' }),
    z.string().max(256),
  );

/** An App Service plan hosting connectors' Function Apps, its size and its capacity. */
export const appServicePlanConfigSchema = z.strictObject({
  name: appServicePlanName(),
  /** Pricing tier, e.g. `P1v2`. */
  skuName: z.string().regex(/^[A-Za-z0-9]{1,12}$/, { error: 'must be an App Service SKU name such as P1v2' }),
  /** Instances the plan runs on. */
  workerCount: z.int().min(1).max(30),
  /** Most connector Function Apps the plan may host (the allocation capacity). */
  maxApps: z.int().min(1).max(500),
  /** The App Service running the monitoring (Geneva) agent on this plan. */
  monitoringAgentAppName: appServiceName(),
});

/** An infrastructure subscription of a region and the regional infrastructure in it. */
export const infrastructureSubscriptionConfigSchema = z.strictObject({
  subscriptionId: subscriptionId(),
  /** False keeps the subscription (and its connectors) but places no new connector in it. */
  enabled: z.boolean().default(true),
  maxResourceGroups: z.int().min(1).max(980).default(980),
  storageAccountName: storageAccountName(),
  appServicePlans: z.array(appServicePlanConfigSchema).min(1),
});

/** `environments/<name>.json`: one region of an environment group (seed 000 §8). */
export const environmentConfigSchema = z.strictObject({
  $schema: z.string().optional(),
  name: configName(),
  environmentGroup: configName(),
  region: regionName(),
  /** False closes the region to new connectors (existing ones keep running). */
  enabled: z.boolean().default(true),
  /** The regional infrastructure's resource group, the same name in each subscription. */
  resourceGroupName: resourceGroupName(),
  storageSkuName: z.enum(['Standard_LRS', 'Standard_ZRS', 'Standard_GRS', 'Standard_RAGRS']).default('Standard_RAGRS'),
  infrastructureSubscriptions: z.array(infrastructureSubscriptionConfigSchema).min(1),
  tags: tags().default({}),
});

/** `environmentGroups/<name>.json`: the regions deployed together, e.g. test or prod (seed 000 §8-9). */
export const environmentGroupConfigSchema = z.strictObject({
  $schema: z.string().optional(),
  name: configName(),
  description: z.string().optional(),
  /** The ARM endpoint of the group's cloud; `--arm-endpoint` overrides it (e.g. the fake ARM). */
  armEndpoint: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).default('https://management.azure.com'),
  /** The Global DB; the key is never in a file (COSMOS_KEY). */
  globalDb: z.strictObject({
    endpoint: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
    databaseName: z.string().regex(/^[^/\\?#]{1,255}$/, { error: 'must be 1-255 characters, none of / \\ ? #' }),
  }),
  /** The monitoring (Geneva) agent's account, passed to the template. */
  monitoring: z.strictObject({
    environment: z.string().min(1),
    account: z.string().min(1),
    namespace: z.string().min(1),
    configVersion: z.string().regex(/^\d+(\.\d+)*$/, { error: 'must be a version such as 1.0' }),
  }),
  /** Tags on every resource of the group; an environment's tags win on a clash. */
  tags: tags().default({}),
  /** The names of the group's environments (one per region), files in `environments/`. */
  environments: z.array(configName()).min(1),
});

/** A validated environment. */
export type EnvironmentConfig = z.output<typeof environmentConfigSchema>;
/** A validated environment group. */
export type EnvironmentGroupConfig = z.output<typeof environmentGroupConfigSchema>;
/** A validated infrastructure subscription of an environment. */
export type InfrastructureSubscriptionConfig = z.output<typeof infrastructureSubscriptionConfigSchema>;
/** A validated App Service plan of an environment. */
export type AppServicePlanConfig = z.output<typeof appServicePlanConfigSchema>;
