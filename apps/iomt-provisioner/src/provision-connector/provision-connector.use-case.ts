import { Inject, Injectable } from '@nestjs/common';
import {
  ACCOUNT_REGISTRY_MANAGEMENT_REPOSITORY,
  AccountRegistryManagementRepository,
  CLOCK,
  Clock,
  CLUSTER_METADATA_REPOSITORY,
  ClusterMetadataRepository,
  ConflictError,
  createStreamAnalyticsJobSecretMetadata,
  IomtConnector,
  MAPPING_STORE,
  MappingStore,
  IomtMappingName,
  OPERATION_REPOSITORY,
  OperationRepository,
  OperationType,
  RESOURCE_DEPLOYER,
  ResourceDeployer,
  ResourceTypeName,
} from '@iomt/domain';
import type { ProvisionIomtConnectorCommand, ProvisionIomtConnectorResult } from '@iomt/contracts';
import { withDeployedResources, withPlacement } from '../shared/connector-infrastructure';
import { placeConnector } from '../shared/connector-placement';
import { CONNECTOR_DEPLOYMENT_PLANNER, ConnectorDeploymentPlanner } from '../shared/iomt-infrastructure.port';
import { loadConnector, loadLiveOperation } from '../shared/work-context';

/** Tells the requester how far a command is (0-100); best effort. */
export type ReportProgress = (percentComplete: number) => Promise<void>;

/** The progress a connector provisioning reports: when its ARM deployment starts and when it has finished. */
export const ConnectorDeploymentProgress = { DeploymentStarted: 20, DeploymentFinished: 80 } as const;

/**
 * Provisions (or re-provisions) an IoMT connector: places it in its region, deploys its template
 * under a deterministic name, records every resource on the connector, writes its mappings and
 * creates its Stream Analytics secret metadata. Every step is idempotent, so a redelivered
 * command or a retry after a crash finishes the work without repeating any of it.
 */
@Injectable()
export class ProvisionConnectorUseCase {
  constructor(
    @Inject(OPERATION_REPOSITORY) private readonly operations: OperationRepository,
    @Inject(ACCOUNT_REGISTRY_MANAGEMENT_REPOSITORY) private readonly registry: AccountRegistryManagementRepository,
    @Inject(CLUSTER_METADATA_REPOSITORY) private readonly clusters: ClusterMetadataRepository,
    @Inject(RESOURCE_DEPLOYER) private readonly deployer: ResourceDeployer,
    @Inject(MAPPING_STORE) private readonly mappings: MappingStore,
    @Inject(CONNECTOR_DEPLOYMENT_PLANNER) private readonly planner: ConnectorDeploymentPlanner,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Runs the command; `progress` hears when the deployment starts and when it has finished. */
  async execute(command: ProvisionIomtConnectorCommand, progress: ReportProgress = async () => undefined): Promise<ProvisionIomtConnectorResult> {
    const operation = await loadLiveOperation(this.operations, command, ResourceTypeName.IomtConnector, [
      OperationType.Provision,
      OperationType.Patch,
    ]);
    let connector = await loadConnector(this.registry, command.subscriptionId, operation.iomtConnectorId);
    const placement = await placeConnector(this.clusters, connector, this.planner.resourceGroupName(connector));
    connector = await this.save(withPlacement(connector, placement));
    const request = this.planner.deploymentRequest({
      connector,
      operationId: operation.id,
      placement: { ...placement, location: placement.infrastructureLocation },
    });
    await progress(ConnectorDeploymentProgress.DeploymentStarted);
    // The placement recorded first wins, should the naming rules change between attempts.
    const result = await this.deployer.deploy({ ...request, resourceGroupName: placement.infrastructureResourceGroupName });
    await progress(ConnectorDeploymentProgress.DeploymentFinished);
    connector = await this.save(withDeployedResources(connector, placement, result.outputs));
    await this.writeMappings(connector);
    await this.createSecretMetadata(connector);
    return { deploymentNames: [request.deploymentName] };
  }

  private async save(connector: IomtConnector): Promise<IomtConnector> {
    return this.registry.upsertChildResource(connector, connector._etag === undefined ? {} : { ifMatch: connector._etag });
  }

  private async writeMappings(connector: IomtConnector): Promise<void> {
    const contents: Array<[IomtMappingName, string | undefined]> = [
      [IomtMappingName.DeviceMapping, connector.iomtProperties.deviceMapping],
      [IomtMappingName.FhirMapping, connector.iomtProperties.fhirMapping],
    ];
    for (const [mappingType, content] of contents) {
      if (content === undefined) continue;
      await this.mappings.put({ subscriptionId: connector.subscriptionId, connectorId: connector.id, mappingType }, content);
    }
  }

  // Created once: a re-run's create is refused (ConflictError) and the stored one kept, so its
  // rotation history is never reset. No read first: the create alone tells, in one request.
  private async createSecretMetadata(connector: IomtConnector): Promise<void> {
    try {
      await this.registry.createChildResources([createStreamAnalyticsJobSecretMetadata(connector, this.clock.now())]);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  }
}
