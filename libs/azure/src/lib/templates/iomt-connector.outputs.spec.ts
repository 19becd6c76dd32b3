import { ConflictError, ValidationError } from '@iomt/domain';
import {
  APP_SERVICE_PLAN_ID,
  INFRASTRUCTURE_SUBSCRIPTION_ID,
  OPERATION_ID,
  sampleConnector,
} from '../test-support/samples';
import { templateProblems } from '../test-support/template-structure';
import { deviceWritePolicyDeploymentRequest, deviceWritePolicyTemplate } from './device-write-policy.template';
import { iomtConnectorDeploymentRequest } from './iomt-connector.deployment';
import { connectorWithDeployedResources, iomtConnectorResourcesFromOutputs } from './iomt-connector.outputs';

const placement = {
  infrastructureSubscriptionId: INFRASTRUCTURE_SUBSCRIPTION_ID,
  location: 'westus2',
  appServicePlanId: APP_SERVICE_PLAN_ID,
};
const group = `/subscriptions/${INFRASTRUCTURE_SUBSCRIPTION_ID}/resourceGroups/rg-iomt-fhirsrv1-iomt1/providers`;
const ref = (type: string, name: string) => ({ id: `${group}/${type}/${name}`, name, type });
const PRINCIPAL = '6f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b';

const outputs = {
  eventHubNamespace: ref('Microsoft.EventHub/namespaces', 'ehn-1'),
  storageAccount: ref('Microsoft.Storage/storageAccounts', 'st1'),
  keyVault: ref('Microsoft.KeyVault/vaults', 'kv-1'),
  streamAnalyticsJob: ref('Microsoft.StreamAnalytics/streamingjobs', 'asa-1'),
  functionApp: ref('Microsoft.Web/sites', 'func-1'),
  functionAppPrincipalId: PRINCIPAL,
};

/** The connector as the provisioner records it after a successful deployment. */
function provisioned() {
  const connector = sampleConnector();
  const request = iomtConnectorDeploymentRequest({ connector, placement, operationId: OPERATION_ID });
  return connectorWithDeployedResources(connector, request, { deploymentName: request.deploymentName, outputs });
}

describe('connectorWithDeployedResources', () => {
  it('records where the connector lives and each resource id, name and type (seed 004 IInfrastructureResource)', () => {
    const connector = provisioned();
    expect(connector).toMatchObject({
      infrastructureSubscriptionId: INFRASTRUCTURE_SUBSCRIPTION_ID,
      infrastructureResourceGroupName: 'rg-iomt-fhirsrv1-iomt1',
      infrastructureLocation: 'westus2',
      eventHub: {
        infrastructureResourceId: outputs.eventHubNamespace.id,
        infrastructureResourceName: 'ehn-1',
        infrastructureResourceType: 'Microsoft.EventHub/namespaces',
      },
      storage: { infrastructureResourceName: 'st1', mappingContainer: 'template' },
      keyVault: { infrastructureResourceName: 'kv-1', webJobStorageSecretName: 'blob-storage-cs' },
      streamAnalytics: { infrastructureResourceName: 'asa-1', EventHubNamespace: 'ehn-1', functionAppName: 'func-1' },
      function: {
        infrastructureResourceName: 'func-1',
        functionAppServicePlanId: APP_SERVICE_PLAN_ID,
        managedIdentityObjectId: PRINCIPAL,
      },
    });
    expect(connector.eventHub.infrastructureSubscriptionId).toBe(INFRASTRUCTURE_SUBSCRIPTION_ID);
  });

  it('leaves the identity unset when the output is not a principal id', () => {
    const connector = sampleConnector();
    const request = iomtConnectorDeploymentRequest({ connector, placement, operationId: OPERATION_ID });
    const recorded = connectorWithDeployedResources(connector, request, {
      deploymentName: 'd',
      outputs: { ...outputs, functionAppPrincipalId: '[reference(...)]' },
    });
    expect(recorded.function.managedIdentityObjectId).toBeUndefined();
  });

  it.each([
    ['a missing output', { ...outputs, keyVault: undefined }, 'keyVault'],
    [
      'an output without an id',
      { ...outputs, functionApp: { name: 'f', type: 'Microsoft.Web/sites' } },
      'functionApp.id',
    ],
  ])('refuses %s with InvalidDeploymentOutputs', (_, bad, path) => {
    const read = () => iomtConnectorResourcesFromOutputs({ deploymentName: 'd', outputs: bad });
    expect(read).toThrow(expect.objectContaining({ code: 'InvalidDeploymentOutputs' }));
    expect(read).toThrow(path);
  });
});

describe('deviceWritePolicyTemplate', () => {
  it('is well formed and adds one Send-only rule on the device hub', () => {
    const request = deviceWritePolicyDeploymentRequest(provisioned(), 'fleet1', OPERATION_ID);
    const template = deviceWritePolicyTemplate();
    expect(templateProblems(template, request.parameters)).toEqual([]);
    expect(template.resources).toHaveLength(1);
    expect(template.resources[0]).toMatchObject({
      type: 'Microsoft.EventHub/namespaces/eventhubs/authorizationRules',
      properties: { rights: ['Send'] },
    });
    expect(request).toMatchObject({
      subscriptionId: INFRASTRUCTURE_SUBSCRIPTION_ID,
      resourceGroupName: 'rg-iomt-fhirsrv1-iomt1',
      deploymentName: `device-policy-${OPERATION_ID}`,
      parameters: { namespaceName: 'ehn-1', eventHubName: 'deviceinput', policyName: 'fleet1' },
    });
  });

  it('refuses a connector that has no namespace yet, and a bad policy name', () => {
    expect(() => deviceWritePolicyDeploymentRequest(sampleConnector(), 'fleet1', OPERATION_ID)).toThrow(ConflictError);
    expect(() => deviceWritePolicyDeploymentRequest(provisioned(), 'no/slash', OPERATION_ID)).toThrow(ValidationError);
  });
});
