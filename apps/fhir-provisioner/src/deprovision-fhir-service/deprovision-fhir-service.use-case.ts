import { Inject, Injectable } from '@nestjs/common';
import {
  ACCOUNT_REGISTRY_MANAGEMENT_REPOSITORY,
  AccountRegistryManagementRepository,
  CLUSTER_METADATA_REPOSITORY,
  ClusterMetadataRepository,
  MAPPING_STORE,
  MappingStore,
  OPERATION_REPOSITORY,
  OperationRepository,
  OperationType,
  RESOURCE_DEPLOYER,
  ResourceDeployer,
  ResourceTypeName,
} from '@iomt/domain';
import type { DeprovisionFhirServiceCommand, DeprovisionFhirServiceResult } from '@iomt/contracts';
import { FHIR_DEPLOYMENT_PLANNER, FhirDeploymentPlanner } from '../shared/fhir-infrastructure.port';
import { allSubscriptionsOf, regionOf } from '../shared/fhir-placement';
import { loadAccount, loadLiveOperation } from '../shared/work-context';
import { connectorsOf, tearDownConnector } from './connector-teardown';

/**
 * Deprovisions a FHIR service: first each of its IoMT connectors (their infrastructure and
 * documents, inside this same operation), then the service's own resource group. The account
 * document is left to the router, which records the operation's outcome on it.
 */
@Injectable()
export class DeprovisionFhirServiceUseCase {
  constructor(
    @Inject(OPERATION_REPOSITORY) readonly operations: OperationRepository,
    @Inject(ACCOUNT_REGISTRY_MANAGEMENT_REPOSITORY) readonly registry: AccountRegistryManagementRepository,
    @Inject(CLUSTER_METADATA_REPOSITORY) readonly clusters: ClusterMetadataRepository,
    @Inject(RESOURCE_DEPLOYER) readonly deployer: ResourceDeployer,
    @Inject(MAPPING_STORE) readonly mappings: MappingStore,
    @Inject(FHIR_DEPLOYMENT_PLANNER) readonly planner: FhirDeploymentPlanner,
  ) {}

  async execute(command: DeprovisionFhirServiceCommand): Promise<DeprovisionFhirServiceResult> {
    const operation = await loadLiveOperation(this.operations, command, ResourceTypeName.FhirService, [OperationType.Deprovision]);
    const account = await loadAccount(this.registry, operation, command.resourceId);
    for (const connector of await connectorsOf(this.registry, command.subscriptionId, account.id)) {
      await tearDownConnector(this, connector);
    }
    const region = await regionOf(this.clusters, account.location);
    const group = this.planner.resourceGroupName(account);
    for (const subscriptionId of allSubscriptionsOf(region)) {
      await this.deployer.deleteResourceGroup(subscriptionId, group);
    }
    return {};
  }
}
