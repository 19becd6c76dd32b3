import type { DeploymentRequest, FhirAccountOperationDocument, FhirServiceAccount } from '@iomt/domain';

/** Where a FHIR service's infrastructure goes. */
export interface FhirServicePlacement {
  readonly infrastructureSubscriptionId: string;
  /** The region's App Service plan hosting the FHIR server. */
  readonly appServicePlanId: string;
}

/**
 * Builds a FHIR service's deployment (the Cosmos DB account at the requested throughput and the
 * service's authentication, CORS, SMART proxy and identity settings) from the operation's
 * settings: the FHIR template and names of `@iomt/azure` (`fhirServiceResourceNames`). A seam so
 * the use cases do not depend on where the template comes from.
 */
export interface FhirDeploymentPlanner {
  /** The infrastructure resource group of the service, `rg-fhir-{name}`. */
  resourceGroupName(account: FhirServiceAccount): string;

  /** The deployment of the service's settings, named from the operation id (`fhir-service-{operationId}`). */
  deploymentRequest(input: {
    readonly account: FhirServiceAccount;
    readonly operation: FhirAccountOperationDocument;
    readonly placement: FhirServicePlacement;
  }): DeploymentRequest;
}

/** DI token of {@link FhirDeploymentPlanner}. */
export const FHIR_DEPLOYMENT_PLANNER = Symbol.for('@iomt/fhir-provisioner:FhirDeploymentPlanner');
