import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  ACCOUNT_REGISTRY_MANAGEMENT_REPOSITORY,
  AccountRegistryManagementRepository,
  CLUSTER_METADATA_REPOSITORY,
  ClusterMetadataRepository,
  DocumentType,
  IomtConnector,
  MAPPING_STORE,
  MappingStore,
  OPERATION_REPOSITORY,
  OperationRepository,
  OperationType,
  PlacementNotInRegionError,
  RESOURCE_DEPLOYER,
  ResourceDeployer,
  ResourceNotFoundError,
  ResourceState,
  ResourceTypeName,
  streamAnalyticsJobSecretId,
} from '@iomt/domain';
import type { DeprovisionIomtConnectorCommand, DeprovisionIomtConnectorResult } from '@iomt/contracts';
import { releaseConnectorPlacement } from '../shared/connector-placement';
import { loadLiveOperation } from '../shared/work-context';

/**
 * Deprovisions an IoMT connector: removes its mappings, deletes its infrastructure resource group,
 * marks it Deprovisioned, gives its app and resource group slots back to its region and
 * soft-deletes it with its secret metadata. Each step tolerates having been done already, so a
 * re-run after a crash completes what is left.
 */
@Injectable()
export class DeprovisionConnectorUseCase {
  private readonly logger = new Logger(DeprovisionConnectorUseCase.name);

  constructor(
    @Inject(OPERATION_REPOSITORY) private readonly operations: OperationRepository,
    @Inject(ACCOUNT_REGISTRY_MANAGEMENT_REPOSITORY) private readonly registry: AccountRegistryManagementRepository,
    @Inject(RESOURCE_DEPLOYER) private readonly deployer: ResourceDeployer,
    @Inject(MAPPING_STORE) private readonly mappings: MappingStore,
    @Inject(CLUSTER_METADATA_REPOSITORY) private readonly clusters: ClusterMetadataRepository,
  ) {}

  async execute(command: DeprovisionIomtConnectorCommand): Promise<DeprovisionIomtConnectorResult> {
    const operation = await loadLiveOperation(this.operations, command, ResourceTypeName.IomtConnector, [OperationType.Deprovision]);
    const connector = await this.registry.getChildResourceById(
      command.subscriptionId,
      operation.iomtConnectorId,
      DocumentType.IomtConnector,
    );
    // Already soft-deleted by an earlier attempt: nothing is left to do.
    if (connector === undefined) return {};
    await this.removeInfrastructure(connector);
    const deprovisioned = await this.registry.upsertChildResource(
      { ...connector, state: ResourceState.Deprovisioned },
      connector._etag === undefined ? {} : { ifMatch: connector._etag },
    );
    // Released only by the attempt that marked it Deprovisioned, so never twice (a slot freed twice
    // would let the region overfill); a crash right after the mark keeps one slot counted instead.
    if (connector.state !== ResourceState.Deprovisioned) await this.releasePlacement(connector);
    await this.softDeleteSecretMetadata(connector);
    await this.registry.deleteChildResource(deprovisioned, deprovisioned._etag === undefined ? {} : { ifMatch: deprovisioned._etag });
    return {};
  }

  // Mappings first: in a connector's own storage account they go with its resource group.
  private async removeInfrastructure(connector: IomtConnector): Promise<void> {
    await this.mappings.deleteAll(connector.subscriptionId, connector.id).catch(ignoreNotFound);
    const { infrastructureSubscriptionId: subscription, infrastructureResourceGroupName: group } = connector;
    // Never placed (its provisioning failed before choosing a region slot): no group exists.
    if (subscription !== undefined && group !== undefined) await this.deployer.deleteResourceGroup(subscription, group);
  }

  // A region that no longer lists the connector's plan has no slot to give back; the deletion goes on.
  private async releasePlacement(connector: IomtConnector): Promise<void> {
    try {
      await releaseConnectorPlacement(this.clusters, connector);
    } catch (error) {
      if (!(error instanceof PlacementNotInRegionError)) throw error;
      this.logger.warn(`Connector ${connector.id}: ${error.message} No capacity was released.`);
    }
  }

  private async softDeleteSecretMetadata(connector: IomtConnector): Promise<void> {
    const secret = await this.registry.getChildResourceById(
      connector.subscriptionId,
      streamAnalyticsJobSecretId(connector.id),
      DocumentType.AccountSpecificStreamAnalyticsJob,
    );
    if (secret !== undefined) await this.registry.deleteChildResource(secret).catch(ignoreNotFound);
  }
}

function ignoreNotFound(error: unknown): void {
  if (!(error instanceof ResourceNotFoundError)) throw error;
}
