import { Inject, Injectable } from '@nestjs/common';
import {
  ACCOUNT_REGISTRY_MANAGEMENT_REPOSITORY,
  AccountRegistryManagementRepository,
  ClusterMetadataRepository,
  OPERATION_REPOSITORY,
  OperationRepository,
  OperationType,
  RESOURCE_DEPLOYER,
  ResourceDeployer,
} from '@iomt/domain';
import type { PatchFhirServiceCommand, PatchFhirServiceResult } from '@iomt/contracts';
import { deployFhirService, type ReportProgress } from '../shared/deploy-fhir-service';
import { FHIR_DEPLOYMENT_PLANNER, FhirDeploymentPlanner } from '../shared/fhir-infrastructure.port';
import { REGION_METADATA } from '../shared/region-metadata.provider';

/** Changes a FHIR service: deploys its template again with the new settings of the operation, once. */
@Injectable()
export class PatchFhirServiceUseCase {
  constructor(
    @Inject(OPERATION_REPOSITORY) readonly operations: OperationRepository,
    @Inject(ACCOUNT_REGISTRY_MANAGEMENT_REPOSITORY) readonly registry: AccountRegistryManagementRepository,
    @Inject(REGION_METADATA) readonly clusters: ClusterMetadataRepository,
    @Inject(RESOURCE_DEPLOYER) readonly deployer: ResourceDeployer,
    @Inject(FHIR_DEPLOYMENT_PLANNER) readonly planner: FhirDeploymentPlanner,
  ) {}

  /** Runs the command; `progress` hears when the deployment starts and finishes. */
  execute(command: PatchFhirServiceCommand, progress?: ReportProgress): Promise<PatchFhirServiceResult> {
    return deployFhirService(this, command, OperationType.Patch, progress);
  }
}
