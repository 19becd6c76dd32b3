import {
  assertLocation,
  assertSubscriptionId,
  buildStreamAnalyticsQuery,
  deploymentName,
  type DeploymentRequest,
  type IomtConnector,
  parseChildResourceName,
} from '@iomt/domain';
import { assertAppServicePlanId } from './arm-template';
import { P } from './iomt-connector.constants';
import { iomtConnectorTemplate } from './iomt-connector.template';
import { iomtConnectorResourceNames } from './resource-names';

/** The `step` of the connector deployment's name (`iomt-connector-{operationId}`). */
export const IOMT_CONNECTOR_DEPLOYMENT_STEP = 'iomt-connector';

/** Where a connector goes: chosen by the provisioner from the region's cluster metadata. */
export interface IomtConnectorPlacement {
  readonly infrastructureSubscriptionId: string;
  /** The connector's region, e.g. `westus2` (any casing or display name). */
  readonly location: string;
  /** The region's shared App Service plan; the Function App must be in its subscription and region. */
  readonly appServicePlanId: string;
}

/** What the connector deployment is made from. */
export interface IomtConnectorDeploymentInput {
  readonly connector: IomtConnector;
  readonly placement: IomtConnectorPlacement;
  /** The provisioning operation: the deployment name derives from it, so a retry re-attaches. */
  readonly operationId: string;
  /** The FHIR service the connector writes to; `https://{fhir service}.azurehealthcareapis.com` by default. */
  readonly fhirServiceUrl?: string;
}

/** Tags on every resource of a connector: which customer resource it serves (no secrets). */
export function iomtConnectorTags(connector: IomtConnector): Record<string, string> {
  return {
    iomtConnectorId: connector.id,
    iomtConnectorName: connector.name.replace(/\\/g, '/'),
    customerSubscriptionId: connector.subscriptionId,
  };
}

/**
 * The deployment of a connector's infrastructure: the template of `iomtConnectorTemplate` with
 * the connector's deterministic names, sizes, query and settings.
 * @throws ValidationError for a bad placement, operation id or job window.
 */
export function iomtConnectorDeploymentRequest(input: IomtConnectorDeploymentInput): DeploymentRequest {
  const { connector, placement } = input;
  const location = assertLocation(placement.location);
  assertSubscriptionId(placement.infrastructureSubscriptionId);
  assertAppServicePlanId(placement.appServicePlanId);
  const names = iomtConnectorResourceNames(connector);
  const [fhirServiceName] = parseChildResourceName(connector.name, 2);
  const tags = iomtConnectorTags(connector);
  return {
    subscriptionId: placement.infrastructureSubscriptionId,
    resourceGroupName: names.resourceGroup,
    location,
    deploymentName: deploymentName(input.operationId, IOMT_CONNECTOR_DEPLOYMENT_STEP),
    template: iomtConnectorTemplate() as unknown as Record<string, unknown>,
    tags,
    parameters: {
      [P.location]: location,
      [P.tags]: tags,
      [P.eventHubNamespaceName]: names.eventHubNamespace,
      [P.throughputUnits]: connector.eventHub.throughputUnits,
      [P.deviceEventHubName]: connector.eventHub.deviceDataEventHubName,
      [P.normalizedEventHubName]: connector.eventHub.normalizedEventHubName,
      [P.streamAnalyticsPolicyName]: connector.streamAnalytics.sharedAccessPolicyName,
      [P.storageAccountName]: names.storageAccount,
      [P.mappingContainerName]: connector.storage.mappingContainer,
      [P.keyVaultName]: names.keyVault,
      [P.storageSecretName]: connector.keyVault.webJobStorageSecretName,
      [P.functionAppName]: names.functionApp,
      [P.appServicePlanId]: placement.appServicePlanId,
      [P.fhirConversionFunctionName]: connector.streamAnalytics.functionName,
      [P.fhirServiceUrl]: input.fhirServiceUrl ?? `https://${fhirServiceName}.azurehealthcareapis.com`,
      [P.resourceIdentityResolutionType]: connector.iomtProperties.serviceConfiguration.resourceIdentityResolutionType,
      [P.streamAnalyticsJobName]: names.streamAnalyticsJob,
      [P.streamingUnits]: connector.streamAnalytics.StreamingUnits,
      [P.streamAnalyticsQuery]: buildStreamAnalyticsQuery(connector.streamAnalytics),
    },
  };
}
