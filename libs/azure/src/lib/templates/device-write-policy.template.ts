import {
  deploymentName,
  type DeploymentRequest,
  type IomtConnector,
  IOMT_CONNECTION_NAME,
  assertName,
  ConflictError,
} from '@iomt/domain';
import {
  type ArmTemplate,
  DEPLOYMENT_TEMPLATE_SCHEMA,
  expression,
  parameter,
  resourceIdOf,
  resourceOutput,
} from './arm-template';
import { IOMT_API_VERSIONS } from './iomt-connector.constants';

/** The `step` of a connection's deployment name (`device-policy-{operationId}`). */
export const DEVICE_WRITE_POLICY_DEPLOYMENT_STEP = 'device-policy';

const RULE_TYPE = 'Microsoft.EventHub/namespaces/eventhubs/authorizationRules';
const NAME = `concat(${parameter('namespaceName')}, '/', ${parameter('eventHubName')}, '/', ${parameter('policyName')})`;

/**
 * A write-only (`Send`) policy on the device hub: one per customer `connection`, so that each
 * device fleet has keys of its own that can be revoked alone. Deployed into the connector's
 * resource group after the connector template.
 */
export function deviceWritePolicyTemplate(): ArmTemplate {
  return {
    $schema: DEPLOYMENT_TEMPLATE_SCHEMA,
    contentVersion: '1.0.0.0',
    parameters: {
      namespaceName: { type: 'string', minLength: 6, maxLength: 50 },
      eventHubName: { type: 'string' },
      policyName: { type: 'string', minLength: 1, maxLength: 256 },
    },
    resources: [
      {
        type: RULE_TYPE,
        apiVersion: IOMT_API_VERSIONS.eventHub,
        name: expression(NAME),
        properties: { rights: ['Send'] },
      },
    ],
    outputs: {
      policy: resourceOutput(
        resourceIdOf(RULE_TYPE, parameter('namespaceName'), parameter('eventHubName'), parameter('policyName')),
        NAME,
        RULE_TYPE,
      ),
    },
  };
}

/**
 * The deployment adding a connection's device write policy to a provisioned connector.
 * @throws ConflictError when the connector has no infrastructure yet; ValidationError for a bad policy name.
 */
export function deviceWritePolicyDeploymentRequest(
  connector: IomtConnector,
  policyName: string,
  operationId: string,
): DeploymentRequest {
  assertName(IOMT_CONNECTION_NAME, policyName, 'policyName');
  const { infrastructureSubscriptionId, infrastructureResourceGroupName, infrastructureLocation } = connector;
  const namespaceName = connector.eventHub.infrastructureResourceName;
  if (!infrastructureSubscriptionId || !infrastructureResourceGroupName || !infrastructureLocation || !namespaceName) {
    throw new ConflictError(
      `The IoMT connector '${connector.name}' has no Event Hubs namespace yet; provision it first.`,
      {
        target: 'connector',
      },
    );
  }
  return {
    subscriptionId: infrastructureSubscriptionId,
    resourceGroupName: infrastructureResourceGroupName,
    location: infrastructureLocation,
    deploymentName: deploymentName(operationId, DEVICE_WRITE_POLICY_DEPLOYMENT_STEP),
    template: deviceWritePolicyTemplate() as unknown as Record<string, unknown>,
    parameters: { namespaceName, eventHubName: connector.eventHub.deviceDataEventHubName, policyName },
  };
}
