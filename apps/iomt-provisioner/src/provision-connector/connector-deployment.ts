import { buildStreamAnalyticsQuery, deploymentName, DeploymentRequest, IomtConnector } from '@iomt/domain';
import { ConnectorPlacement, connectorResourceNames } from '../shared/connector-infrastructure';
import { connectorLeafName } from '../shared/work-context';
import type { ArmTemplate } from '../shared/iomt-templates.port';

/** The deployment step of a connector's provisioning: `connector-{operationId}`. */
export const CONNECTOR_DEPLOYMENT_STEP = 'connector';

/**
 * The one deployment of a connector's infrastructure, named from the operation id so a
 * redelivered command re-attaches to it instead of deploying twice.
 */
export function connectorDeploymentRequest(
  operationId: string,
  connector: IomtConnector,
  placement: ConnectorPlacement,
  template: ArmTemplate,
): DeploymentRequest {
  const names = connectorResourceNames(connector.id);
  const { eventHub, streamAnalytics, storage, keyVault, function: functionApp } = connector;
  return {
    subscriptionId: placement.infrastructureSubscriptionId,
    resourceGroupName: placement.infrastructureResourceGroupName,
    location: placement.infrastructureLocation,
    deploymentName: deploymentName(operationId, CONNECTOR_DEPLOYMENT_STEP),
    template,
    parameters: {
      location: placement.infrastructureLocation,
      eventHubNamespaceName: names.eventHubNamespace,
      throughputUnits: eventHub.throughputUnits,
      deviceDataEventHubName: eventHub.deviceDataEventHubName,
      normalizedEventHubName: eventHub.normalizedEventHubName,
      storageAccountName: names.storageAccount,
      mappingContainerName: storage.mappingContainer,
      keyVaultName: names.keyVault,
      storageSecretName: keyVault.webJobStorageSecretName,
      streamAnalyticsJobName: names.streamAnalyticsJob,
      streamingUnits: streamAnalytics.StreamingUnits,
      streamAnalyticsQuery: buildStreamAnalyticsQuery(streamAnalytics),
      readerPolicyName: streamAnalytics.sharedAccessPolicyName,
      outputStartMode: streamAnalytics.outputStartMode,
      functionAppName: names.functionApp,
      appServicePlanId: placement.appServicePlanId,
      fhirConversionFunctionName: functionApp.fhirConversionFunctionName,
      resourceIdentityResolutionType: connector.iomtProperties.serviceConfiguration.resourceIdentityResolutionType,
    },
    tags: { iomtConnectorId: connector.id, iomtConnectorName: connectorLeafName(connector), fhirServiceName: connector.parentName },
  };
}

/** The Function App's identity, when the template reports it (output `functionPrincipalId`). */
export function managedIdentityOf(outputs: Readonly<Record<string, unknown>>): string | undefined {
  const value = outputs['functionPrincipalId'];
  return typeof value === 'string' && /^[0-9a-f-]{36}$/i.test(value) ? value : undefined;
}
