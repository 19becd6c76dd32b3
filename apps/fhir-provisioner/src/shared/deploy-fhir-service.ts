import {
  AccountRegistryManagementRepository,
  ClusterMetadataRepository,
  OperationRepository,
  OperationType,
  ResourceDeployer,
  ResourceTypeName,
} from '@iomt/domain';
import type { OperationCommand } from '@iomt/contracts';
import { FhirDeploymentPlanner } from './fhir-infrastructure.port';
import { fhirPlacementOf, regionOf } from './fhir-placement';
import { loadAccount, loadLiveOperation } from './work-context';

/** The ports a FHIR service deployment uses. */
export interface FhirDeploymentPorts {
  readonly operations: OperationRepository;
  readonly registry: AccountRegistryManagementRepository;
  readonly clusters: ClusterMetadataRepository;
  readonly deployer: ResourceDeployer;
  readonly planner: FhirDeploymentPlanner;
}

/** Tells the requester how far the command has come (0-100); best effort, never throws. */
export type ReportProgress = (percentComplete: number) => Promise<void>;

/** The progress a FHIR deployment reports: when its ARM deployment starts and when it has finished. */
export const FhirDeploymentProgress = { DeploymentStarted: 20, DeploymentFinished: 90 } as const;

/**
 * Deploys the FHIR template with the service's current settings (the gateway stored them on the
 * account with the operation, in one batch), under a name derived from the operation id: provisioning and patching differ only
 * in the operation type they accept. A redelivered command re-attaches to the same
 * deployment instead of deploying twice.
 */
export async function deployFhirService(
  ports: FhirDeploymentPorts,
  command: OperationCommand,
  type: OperationType.Provision | OperationType.Patch,
  progress: ReportProgress = async () => undefined,
): Promise<{ deploymentNames: string[] }> {
  const operation = await loadLiveOperation(ports.operations, command, ResourceTypeName.FhirService, [type]);
  const account = await loadAccount(ports.registry, operation, command.resourceId);
  const region = await regionOf(ports.clusters, account.location);
  const request = ports.planner.deploymentRequest({ account, operation, placement: fhirPlacementOf(region) });
  await progress(FhirDeploymentProgress.DeploymentStarted);
  await ports.deployer.deploy({ ...request, resourceGroupName: ports.planner.resourceGroupName(account) });
  await progress(FhirDeploymentProgress.DeploymentFinished);
  return { deploymentNames: [request.deploymentName] };
}
