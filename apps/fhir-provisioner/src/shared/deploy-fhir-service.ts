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
import { fhirSubscriptionOf, regionOf } from './fhir-placement';
import { loadAccount, loadLiveOperation } from './work-context';

/** The ports a FHIR service deployment uses. */
export interface FhirDeploymentPorts {
  readonly operations: OperationRepository;
  readonly registry: AccountRegistryManagementRepository;
  readonly clusters: ClusterMetadataRepository;
  readonly deployer: ResourceDeployer;
  readonly planner: FhirDeploymentPlanner;
}

/**
 * Deploys the FHIR template with the settings the operation carries (the gateway copied them from
 * the request), under a name derived from the operation id and `step`: provisioning and patching
 * differ only in the operation type they accept. A redelivered command re-attaches to the same
 * deployment instead of deploying twice.
 */
export async function deployFhirService(
  ports: FhirDeploymentPorts,
  command: OperationCommand,
  type: OperationType.Provision | OperationType.Patch,
  step: string,
): Promise<{ deploymentNames: string[] }> {
  const operation = await loadLiveOperation(ports.operations, command, ResourceTypeName.FhirService, [type]);
  const account = await loadAccount(ports.registry, operation, command.resourceId);
  const region = await regionOf(ports.clusters, account.location);
  const placement = { infrastructureSubscriptionId: fhirSubscriptionOf(region), location: region.regionName };
  const request = ports.planner.deploymentRequest({ account, operation, placement, step });
  await ports.deployer.deploy({ ...request, resourceGroupName: ports.planner.resourceGroupName(account) });
  return { deploymentNames: [request.deploymentName] };
}
