import { type DeploymentRequest, type DeploymentResult, type IomtConnector, iomtConnectorCodec } from '@iomt/domain';
import { z } from 'zod';
import { ArmRequestError } from '../errors/arm-errors';
import { P } from './iomt-connector.constants';
import { IOMT_OUTPUTS } from './iomt-connector.template';

const resourceOutputSchema = z.object({ id: z.string().min(1), name: z.string().min(1), type: z.string().min(1) });
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const outputsSchema = z.object({
  [IOMT_OUTPUTS.eventHubNamespace]: resourceOutputSchema,
  [IOMT_OUTPUTS.storageAccount]: resourceOutputSchema,
  [IOMT_OUTPUTS.keyVault]: resourceOutputSchema,
  [IOMT_OUTPUTS.streamAnalyticsJob]: resourceOutputSchema,
  [IOMT_OUTPUTS.functionApp]: resourceOutputSchema,
  [IOMT_OUTPUTS.functionAppPrincipalId]: z.string().optional(),
});

/** The resources a connector deployment made, read from its outputs. */
export type IomtConnectorDeployedResources = z.output<typeof outputsSchema>;

/**
 * Reads the connector template's outputs.
 * @throws ArmRequestError (`InvalidDeploymentOutputs`) when an output is missing or malformed.
 */
export function iomtConnectorResourcesFromOutputs(result: DeploymentResult): IomtConnectorDeployedResources {
  const parsed = outputsSchema.safeParse(result.outputs);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ');
  throw new ArmRequestError(
    `The deployment '${result.deploymentName}' returned unexpected outputs: ${problems}`,
    'InvalidDeploymentOutputs',
    undefined,
  );
}

/**
 * The connector with what its deployment made recorded on it (seed 004 `IInfrastructureEntity`
 * and `IInfrastructureResource`): where it lives, and each resource's id, name and type, plus the
 * Function App's plan and identity and the names Stream Analytics refers to.
 * @throws ArmRequestError when the outputs are not the connector template's.
 */
export function connectorWithDeployedResources(
  connector: IomtConnector,
  request: DeploymentRequest,
  result: DeploymentResult,
): IomtConnector {
  const deployed = iomtConnectorResourcesFromOutputs(result);
  const place = {
    infrastructureSubscriptionId: request.subscriptionId,
    infrastructureResourceGroupName: request.resourceGroupName,
    infrastructureLocation: request.location,
  };
  const resource = (output: z.output<typeof resourceOutputSchema>) => ({
    ...place,
    infrastructureResourceId: output.id,
    infrastructureResourceName: output.name,
    infrastructureResourceType: output.type,
  });
  const principalId = deployed.functionAppPrincipalId;
  return iomtConnectorCodec.parse({
    ...connector,
    ...place,
    eventHub: { ...connector.eventHub, ...resource(deployed.eventHubNamespace) },
    storage: { ...connector.storage, ...resource(deployed.storageAccount) },
    keyVault: { ...connector.keyVault, ...resource(deployed.keyVault) },
    streamAnalytics: {
      ...connector.streamAnalytics,
      ...resource(deployed.streamAnalyticsJob),
      EventHubNamespace: deployed.eventHubNamespace.name,
      functionAppName: deployed.functionApp.name,
    },
    function: {
      ...connector.function,
      ...resource(deployed.functionApp),
      functionAppServicePlanId: String(request.parameters[P.appServicePlanId]),
      ...(principalId && GUID.test(principalId) ? { managedIdentityObjectId: principalId } : {}),
    },
  });
}
