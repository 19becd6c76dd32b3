import type { Provider } from '@nestjs/common';
import { fhirServiceDeploymentRequest, fhirServiceResourceNames } from '@iomt/azure';
import { FHIR_DEPLOYMENT_PLANNER, FhirDeploymentPlanner } from './shared/fhir-infrastructure.port';

/** `@iomt/azure`'s FHIR service template and names behind the use cases' planner seam. */
export const azureFhirPlanner: FhirDeploymentPlanner = {
  resourceGroupName: (account) => fhirServiceResourceNames(account).resourceGroup,
  deploymentRequest: ({ account, operation, placement }) => fhirServiceDeploymentRequest(account, placement, operation.id),
};

/** The app's own seams, bound to `@iomt/azure` (whose module binds the domain's ARM ports). */
export const infrastructureProviders: Provider[] = [{ provide: FHIR_DEPLOYMENT_PLANNER, useValue: azureFhirPlanner }];
