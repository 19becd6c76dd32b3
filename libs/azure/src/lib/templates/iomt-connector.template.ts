import { RESOURCE_IDENTITY_RESOLUTION_TYPES, STREAMING_UNIT_OPTIONS, MAX_THROUGHPUT_UNITS } from '@iomt/domain';
import {
  type ArmTemplate,
  type ArmTemplateOutput,
  type ArmTemplateParameter,
  DEPLOYMENT_TEMPLATE_SCHEMA,
  expression,
  parameter,
  resourceOutput,
  variable,
} from './arm-template';
import { IOMT_API_VERSIONS, P, V } from './iomt-connector.constants';
import { computeVariables, functionAppResources, streamAnalyticsResources } from './iomt-compute.resources';
import { eventHubResources, eventHubVariables } from './iomt-event-hubs.resources';
import { keyVaultResources, storageResources, storageVariables } from './iomt-storage.resources';

const text = (description: string, limits: Partial<ArmTemplateParameter> = {}): ArmTemplateParameter => ({
  type: 'string',
  metadata: { description },
  ...limits,
});

/** Every parameter is a name, a size or a setting: no secret is ever passed in (they would be recorded). */
const PARAMETERS: Record<string, ArmTemplateParameter> = {
  [P.location]: text('Region of every resource (the connector region).'),
  [P.tags]: { type: 'object', defaultValue: {}, metadata: { description: 'Tags of every resource.' } },
  [P.eventHubNamespaceName]: text('Event Hubs namespace.', { minLength: 6, maxLength: 50 }),
  [P.throughputUnits]: { type: 'int', minValue: 1, maxValue: MAX_THROUGHPUT_UNITS },
  [P.deviceEventHubName]: text('Hub the devices write to.'),
  [P.normalizedEventHubName]: text('Hub of normalized measurements, read by Stream Analytics.'),
  [P.streamAnalyticsPolicyName]: text('Listen policy of the normalized hub used by Stream Analytics.'),
  [P.storageAccountName]: text('Storage account of the mappings.', { minLength: 3, maxLength: 24 }),
  [P.mappingContainerName]: text('Blob container of the mappings.'),
  [P.keyVaultName]: text('Key Vault of the storage connection string.', { minLength: 3, maxLength: 24 }),
  [P.storageSecretName]: text('Key Vault secret holding the storage connection string.'),
  [P.functionAppName]: text('Function App of the normalization and FHIR conversion functions.', {
    minLength: 2,
    maxLength: 60,
  }),
  [P.appServicePlanId]: text("Resource id of the region's shared App Service plan."),
  [P.fhirConversionFunctionName]: text('Function Stream Analytics outputs to.'),
  [P.fhirServiceUrl]: text('URL (and token audience) of the FHIR service the connector writes to.'),
  [P.resourceIdentityResolutionType]: text('How devices and patients are resolved.', {
    allowedValues: [...RESOURCE_IDENTITY_RESOLUTION_TYPES],
  }),
  [P.streamAnalyticsJobName]: text('Stream Analytics job.', { minLength: 3, maxLength: 63 }),
  [P.streamingUnits]: { type: 'int', allowedValues: [...STREAMING_UNIT_OPTIONS] },
  [P.streamAnalyticsQuery]: text("The job's query (buildStreamAnalyticsQuery)."),
};

/** Output names of the connector template; `iomtConnectorResourcesFromOutputs` reads them. */
export const IOMT_OUTPUTS = {
  eventHubNamespace: 'eventHubNamespace',
  storageAccount: 'storageAccount',
  keyVault: 'keyVault',
  streamAnalyticsJob: 'streamAnalyticsJob',
  functionApp: 'functionApp',
  functionAppPrincipalId: 'functionAppPrincipalId',
} as const;

const OUTPUTS: Record<string, ArmTemplateOutput> = {
  [IOMT_OUTPUTS.eventHubNamespace]: resourceOutput(
    variable(V.namespaceId),
    parameter(P.eventHubNamespaceName),
    'Microsoft.EventHub/namespaces',
  ),
  [IOMT_OUTPUTS.storageAccount]: resourceOutput(
    variable(V.storageId),
    parameter(P.storageAccountName),
    'Microsoft.Storage/storageAccounts',
  ),
  [IOMT_OUTPUTS.keyVault]: resourceOutput(
    variable(V.keyVaultId),
    parameter(P.keyVaultName),
    'Microsoft.KeyVault/vaults',
  ),
  [IOMT_OUTPUTS.streamAnalyticsJob]: resourceOutput(
    variable(V.jobId),
    parameter(P.streamAnalyticsJobName),
    'Microsoft.StreamAnalytics/streamingjobs',
  ),
  [IOMT_OUTPUTS.functionApp]: resourceOutput(variable(V.siteId), parameter(P.functionAppName), 'Microsoft.Web/sites'),
  [IOMT_OUTPUTS.functionAppPrincipalId]: {
    type: 'string',
    value: expression(`reference(${variable(V.siteId)}, '${IOMT_API_VERSIONS.web}', 'Full').identity.principalId`),
  },
};

/**
 * The IoMT connector's infrastructure as one ARM template (iomt.md §1.2): Event Hubs namespace
 * with the device and normalized hubs and their policies, the mappings' storage account with its
 * `template` container, the Key Vault with `blob-storage-cs`, the Function App on the shared
 * plan and the Stream Analytics job. Outputs give each resource's id, name and type.
 */
export function iomtConnectorTemplate(): ArmTemplate {
  return {
    $schema: DEPLOYMENT_TEMPLATE_SCHEMA,
    contentVersion: '1.0.0.0',
    parameters: PARAMETERS,
    variables: { ...eventHubVariables(), ...storageVariables(), ...computeVariables() },
    resources: [
      ...eventHubResources(),
      ...storageResources(),
      ...keyVaultResources(),
      ...functionAppResources(),
      ...streamAnalyticsResources(),
    ],
    outputs: OUTPUTS,
  };
}
