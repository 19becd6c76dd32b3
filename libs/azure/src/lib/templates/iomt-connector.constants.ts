/** API versions the connector template deploys with. */
export const IOMT_API_VERSIONS = {
  eventHub: '2024-01-01',
  storage: '2023-05-01',
  keyVault: '2023-07-01',
  web: '2023-12-01',
  streamAnalytics: '2020-03-01',
  authorization: '2022-04-01',
} as const;

/**
 * Shared access policies the template creates besides the Stream Analytics reader (whose name is
 * the connector's `streamAnalytics.sharedAccessPolicyName`): the normalization function listens
 * on the device hub and sends to the normalized hub.
 */
export const IOMT_FUNCTION_POLICY_NAMES = {
  deviceListen: 'normalizer',
  normalizedSend: 'writer',
} as const;

/**
 * The job's input and output names. The query of `buildStreamAnalyticsQuery` reads
 * `[NormalizedData]` and writes `[FhirImportOutput]` (iomt.md §1.3); the names must match.
 */
export const STREAM_ANALYTICS_INPUT_NAME = 'NormalizedData';
export const STREAM_ANALYTICS_OUTPUT_NAME = 'FhirImportOutput';

/** Partitions and retention of both hubs (the iomt-fhir templates: 32 partitions, 1 day). */
export const EVENT_HUB_PARTITIONS = 32;
export const EVENT_HUB_RETENTION_DAYS = 1;

/** Built-in role "Key Vault Secrets User": the Function App reads `blob-storage-cs` (iomt.md §1.2). */
export const KEY_VAULT_SECRETS_USER_ROLE_ID = '4633458b-17de-408a-b874-0445c86b69e6';

/** Blobs of the mappings in the `template` container, as the functions read them (app settings `Template__*`). */
export const MAPPING_BLOB_NAMES = { deviceMapping: 'devicecontent.json', fhirMapping: 'fhirmapping.json' } as const;

/** Names of the template's parameters, shared by the template and the code that fills them. */
export const P = {
  location: 'location',
  tags: 'tags',
  eventHubNamespaceName: 'eventHubNamespaceName',
  throughputUnits: 'throughputUnits',
  deviceEventHubName: 'deviceEventHubName',
  normalizedEventHubName: 'normalizedEventHubName',
  streamAnalyticsPolicyName: 'streamAnalyticsPolicyName',
  storageAccountName: 'storageAccountName',
  mappingContainerName: 'mappingContainerName',
  keyVaultName: 'keyVaultName',
  storageSecretName: 'storageSecretName',
  functionAppName: 'functionAppName',
  appServicePlanId: 'appServicePlanId',
  fhirConversionFunctionName: 'fhirConversionFunctionName',
  fhirServiceUrl: 'fhirServiceUrl',
  resourceIdentityResolutionType: 'resourceIdentityResolutionType',
  streamAnalyticsJobName: 'streamAnalyticsJobName',
  streamingUnits: 'streamingUnits',
  streamAnalyticsQuery: 'streamAnalyticsQuery',
} as const;

/** Names of the template's variables (resource ids). */
export const V = {
  namespaceId: 'namespaceId',
  deviceHubId: 'deviceHubId',
  normalizedHubId: 'normalizedHubId',
  deviceListenRuleId: 'deviceListenRuleId',
  normalizedSendRuleId: 'normalizedSendRuleId',
  readerRuleId: 'readerRuleId',
  storageId: 'storageId',
  keyVaultId: 'keyVaultId',
  secretId: 'secretId',
  siteId: 'siteId',
  jobId: 'jobId',
  secretsUserRoleId: 'secretsUserRoleId',
  secretsUserAssignmentName: 'secretsUserAssignmentName',
  secretsUserAssignmentId: 'secretsUserAssignmentId',
} as const;
