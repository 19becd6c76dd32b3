import {
  clusterMetadataCodec,
  createFhirServiceAccount,
  createIomtConnector,
  createStreamAnalyticsJobSecretMetadata,
  deploymentName,
  DocumentType,
  FhirServiceAccount,
  IomtConnector,
  newFhirAccountOperation,
  OperationDocument,
  OperationStatus,
  OperationType,
} from '@iomt/domain';
import { FhirDeploymentPlanner } from '../shared/fhir-infrastructure.port';
import { InMemoryAccountRegistry, InMemoryClusterMetadata, InMemoryMappingStore, InMemoryOperations, RecordingDeployer } from '@iomt/domain/testing';

export const SUBSCRIPTION_ID = '0f2e3a4b-5c6d-4e7f-8a9b-0c1d2e3f4a5b';
export const DISABLED_INFRA_SUBSCRIPTION_ID = '1d8c7b6a-5f4e-4d3c-9b2a-1f0e9d8c7b6a';
export const INFRA_SUBSCRIPTION_ID = 'c243745d-50bb-48d1-9e62-3f72efb3166c';
export const PLAN_ID = `/subscriptions/${INFRA_SUBSCRIPTION_ID}/resourceGroups/rg-plans/providers/Microsoft.Web/serverfarms/westus2-fhir`;
export const SERVICE_ID = `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/rg-customer/providers/Microsoft.HealthcareApis/services/fhirsrv`;
const NOW = new Date('2026-01-02T03:04:05.000Z');

/** A planner with the shape the FHIR template of `@iomt/azure` will have; the template is a marker. */
export const fakeFhirPlanner: FhirDeploymentPlanner = {
  resourceGroupName: (account) => `rg-fhir-${account.name}`,
  deploymentRequest: ({ account, operation, placement }) => ({
    subscriptionId: placement.infrastructureSubscriptionId,
    resourceGroupName: 'ignored-planner-group-wins',
    location: account.location,
    deploymentName: deploymentName(operation.id, 'fhir-service'),
    template: { $schema: 'fhir-template' },
    parameters: {
      serviceName: account.name,
      appServicePlanId: placement.appServicePlanId,
      offerThroughput: account.properties.cosmosDbConfiguration.offerThroughput,
      corsOrigins: account.properties.corsConfiguration.origins,
    },
  }),
};

/** Every port of the fhir-provisioner in memory, with westus2, a FHIR service and two connectors (one placed). */
export class FhirWorld {
  readonly operations = new InMemoryOperations();
  readonly registry = new InMemoryAccountRegistry();
  readonly clusters = new InMemoryClusterMetadata();
  readonly deployer = new RecordingDeployer();
  readonly mappings = new InMemoryMappingStore();
  account: FhirServiceAccount;
  readonly connectors: IomtConnector[];

  constructor() {
    this.account = this.registry.seed(
      createFhirServiceAccount({
        name: 'fhirsrv',
        subscriptionId: SUBSCRIPTION_ID,
        resourceGroupName: 'rg-customer',
        location: 'West US 2',
        kind: 'fhir-R4',
        properties: { cosmosDbConfiguration: { offerThroughput: 1000 } },
      }),
    );
    const placed = {
      ...createIomtConnector(this.account, { connectorName: 'conn1', location: 'westus2' }),
      infrastructureSubscriptionId: INFRA_SUBSCRIPTION_ID,
      infrastructureResourceGroupName: 'rg-iomt-fhirsrv-conn1',
    };
    this.connectors = [placed, createIomtConnector(this.account, { connectorName: 'conn2', location: 'westus2' })].map((c) =>
      this.registry.seed(c),
    );
    this.registry.seed(createStreamAnalyticsJobSecretMetadata(placed, NOW));
    this.mappings.blobs.set(`${SUBSCRIPTION_ID}/${placed.id}/deviceMapping`, '{}');
    void this.clusters.upsert(
      clusterMetadataCodec.parse({
        id: 'westus2',
        type: DocumentType.ClusterMetadata,
        regionName: 'westus2',
        infrastructureSubscriptions: [
          { subscriptionId: DISABLED_INFRA_SUBSCRIPTION_ID, enabled: false },
          { subscriptionId: INFRA_SUBSCRIPTION_ID },
        ],
        appServicePlans: [{ resourceId: PLAN_ID, infrastructureSubscriptionId: INFRA_SUBSCRIPTION_ID, resourceGroupName: 'rg-plans', maxApps: 10 }],
      }),
    );
  }

  /** A Running operation of `type` on the service, stored. */
  operation(type: OperationType): OperationDocument {
    const operation = { ...newFhirAccountOperation(this.account, type, { now: NOW }), provisioningStatus: OperationStatus.Running, attemptCount: 1 };
    this.operations.seed(operation);
    return operation;
  }

  /** The command the router sends about `operation`. */
  command(operation: OperationDocument, resourceId = SERVICE_ID) {
    return { operationId: operation.id, subscriptionId: SUBSCRIPTION_ID, resourceId, attempt: 1 };
  }
}
