import { deploymentName, DeploymentRequest, FixedClock, FhirServiceAccount, IomtConnector } from '@iomt/domain';
import { withDeployedResources } from '../shared/connector-infrastructure';
import { ConnectorDeploymentPlanner } from '../shared/iomt-infrastructure.port';
import { InMemoryAccountRegistry, InMemoryClusterMetadata, InMemoryMappingStore, InMemoryOperations, RecordingDeployer } from '@iomt/domain/testing';
import { InMemoryPolicies } from './in-memory-ports';
import { NOW, sampleAccount, sampleConnector, sampleRegion } from './samples';

/** A planner with the shape of `@iomt/azure`'s: names from the connector id, the template a marker. */
export const fakePlanner: ConnectorDeploymentPlanner = {
  resourceGroupName: (connector) => `rg-iomt-${connector.name.replace('\\', '-')}`,
  deploymentRequest: ({ connector, placement, operationId }) => ({
    subscriptionId: placement.infrastructureSubscriptionId,
    resourceGroupName: 'ignored-placement-wins',
    location: placement.location,
    deploymentName: deploymentName(operationId, 'iomt-connector'),
    template: { $schema: 'connector-template' },
    parameters: { base: `iomt${connector.id.slice(0, 8)}`, appServicePlanId: placement.appServicePlanId },
  }),
};

const RESOURCES = [
  ['eventHubNamespace', 'Microsoft.EventHub/namespaces', '-ehn'],
  ['storageAccount', 'Microsoft.Storage/storageAccounts', 'sa'],
  ['keyVault', 'Microsoft.KeyVault/vaults', '-kv'],
  ['streamAnalyticsJob', 'Microsoft.StreamAnalytics/streamingjobs', '-asa'],
  ['functionApp', 'Microsoft.Web/sites', '-func'],
] as const;

/** Outputs as the connector template gives them: `{ id, name, type }` per resource, and the app's principal. */
export function connectorOutputs(request: DeploymentRequest): Record<string, unknown> {
  const base = String(request.parameters['base']);
  const group = `/subscriptions/${request.subscriptionId}/resourceGroups/${request.resourceGroupName}/providers`;
  const outputs: Record<string, unknown> = { functionAppPrincipalId: '5b307da8-43d4-492b-8b66-b0294ade872f' };
  for (const [output, type, suffix] of RESOURCES) {
    outputs[output] = { id: `${group}/${type}/${base}${suffix}`, name: `${base}${suffix}`, type };
  }
  return outputs;
}

/** Every port of the iomt-provisioner in memory, seeded with westus2, a FHIR service and a connector. */
export class IomtWorld {
  readonly operations = new InMemoryOperations();
  readonly registry = new InMemoryAccountRegistry();
  readonly clusters = new InMemoryClusterMetadata();
  readonly deployer = new RecordingDeployer();
  readonly mappings = new InMemoryMappingStore();
  readonly policies = new InMemoryPolicies();
  readonly clock = new FixedClock(NOW);
  readonly account: FhirServiceAccount;
  connector: IomtConnector;

  constructor(options: { mappings?: boolean } = {}) {
    this.account = this.registry.seed(sampleAccount());
    this.connector = this.registry.seed(sampleConnector(this.account, 'conn1', options.mappings ?? true));
    void this.clusters.upsert(sampleRegion());
    this.deployer.outputsFor = connectorOutputs;
  }

  /** The connector as stored now. */
  storedConnector(): IomtConnector {
    return this.registry.stored<IomtConnector>(this.connector.id) as IomtConnector;
  }

  /** Records a placement and deployed resources on the connector, as a finished provisioning would. */
  provisionConnector(policyNames: string[] = []): IomtConnector {
    const placement = {
      infrastructureSubscriptionId: '1d8c7b6a-5f4e-4d3c-9b2a-1f0e9d8c7b6a',
      infrastructureResourceGroupName: 'rg-iomt-fhirsrv-conn1',
      infrastructureLocation: 'westus2',
      appServicePlanId: 'plan',
    };
    const request = fakePlanner.deploymentRequest({ connector: this.connector, operationId: 'op', placement: { ...placement, location: 'westus2' } });
    const outputs = connectorOutputs({ ...request, resourceGroupName: placement.infrastructureResourceGroupName });
    const placed = withDeployedResources(this.connector, placement, outputs);
    this.connector = this.registry.seed({ ...placed, eventHub: { ...placed.eventHub, deviceWritePolicyNames: policyNames } });
    return this.connector;
  }
}
