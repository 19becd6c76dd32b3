import {
  FhirServiceAccount,
  fhirServiceResourceId,
  formatResourceId,
  HealthcareResourceType,
  provisioningStateOf,
  qualifiedResourceType,
} from '@iomt/domain';
import type { ArmSystemData } from '../arm/system-data';

/** The ARM id of a stored FHIR service, in the casing it was created with. */
export function fhirServiceIdOf(account: FhirServiceAccount): string {
  return formatResourceId(
    fhirServiceResourceId({
      subscriptionId: account.subscriptionId,
      resourceGroupName: account.resourceGroupName,
      fhirServiceName: account.name,
    }),
  );
}

/** A FHIR service as the public `services` API shows it (`ServicesDescription`). */
export function fhirServiceRepresentation(account: FhirServiceAccount, systemData?: ArmSystemData): Record<string, unknown> {
  const { properties } = account;
  return {
    id: fhirServiceIdOf(account),
    name: account.name,
    type: qualifiedResourceType(HealthcareResourceType.FhirService),
    kind: account.kind,
    location: account.location,
    tags: account.tags,
    ...(account._etag === undefined ? {} : { etag: account._etag }),
    ...(account.identity === undefined ? {} : { identity: account.identity }),
    ...(systemData === undefined ? {} : { systemData }),
    properties: {
      provisioningState: provisioningStateOf(account.state),
      accessPolicies: properties.accessPolicies,
      cosmosDbConfiguration: properties.cosmosDbConfiguration,
      authenticationConfiguration: properties.authenticationConfiguration,
      corsConfiguration: properties.corsConfiguration,
      ...(properties.exportConfiguration === undefined ? {} : { exportConfiguration: properties.exportConfiguration }),
      ...(properties.publicNetworkAccess === undefined ? {} : { publicNetworkAccess: properties.publicNetworkAccess }),
      privateEndpointConnections: [],
    },
  };
}
