/** The resource provider namespace this service answers for. */
export const HEALTHCARE_APIS_NAMESPACE = 'Microsoft.HealthcareApis';

/**
 * Resource type names under `Microsoft.HealthcareApis` that this provider serves, as in the
 * manifest (arm-rpc.md §2.1): the type chain without the namespace, in ARM's casing.
 */
export const HealthcareResourceType = {
  FhirService: 'services',
  IomtConnector: 'services/iomtconnectors',
  IomtConnection: 'services/iomtconnectors/connections',
  IomtMapping: 'services/iomtconnectors/mappings',
  OperationResult: 'locations/operationresults',
  OperationStatus: 'locations/operationstatuses',
} as const;

/** One of the `HealthcareResourceType` values. */
export type HealthcareResourceType = (typeof HealthcareResourceType)[keyof typeof HealthcareResourceType];

/** Provider-level (no resource) endpoints, named like resource types for the api-version table. */
export const HealthcareProviderEndpoint = {
  /** `GET /providers/Microsoft.HealthcareApis/operations` (arm-rpc.md §1.13). */
  Operations: 'operations',
  /** `POST /subscriptions/{sub}/providers/Microsoft.HealthcareApis/checkNameAvailability`. */
  CheckNameAvailability: 'checkNameAvailability',
} as const;

/** One of the `HealthcareProviderEndpoint` values. */
export type HealthcareProviderEndpoint = (typeof HealthcareProviderEndpoint)[keyof typeof HealthcareProviderEndpoint];

/** The full ARM `type` of a resource: `Microsoft.HealthcareApis/services/iomtconnectors`. */
export function qualifiedResourceType(type: HealthcareResourceType): string {
  return `${HEALTHCARE_APIS_NAMESPACE}/${type}`;
}
