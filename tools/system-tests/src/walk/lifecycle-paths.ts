/** api-version of FHIR services (`Microsoft.HealthcareApis/services`). */
export const SERVICES_API_VERSION = '2023-11-01';
/** api-version of the IoMT connectors and their children (the only one they have). */
export const IOMT_API_VERSION = '2020-05-01-preview';

/** Names of the resources one walk creates. */
export interface WalkNames {
  readonly subscriptionId: string;
  readonly resourceGroup: string;
  readonly fhirService: string;
  readonly connector: string;
  readonly connection: string;
  readonly location: string;
}

/** The ARM paths of a walk's resources. */
export interface WalkPaths {
  readonly service: string;
  readonly connector: string;
  readonly mapping: (name: 'deviceMapping' | 'fhirMapping') => string;
  readonly connection: string;
}

/** The ARM paths of the resources named by `names`. */
export function walkPaths(names: WalkNames): WalkPaths {
  const service = `/subscriptions/${names.subscriptionId}/resourceGroups/${names.resourceGroup}/providers/Microsoft.HealthcareApis/services/${names.fhirService}`;
  const connector = `${service}/iomtconnectors/${names.connector}`;
  return {
    service,
    connector,
    mapping: (name) => `${connector}/mappings/${name}`,
    connection: `${connector}/connections/${names.connection}`,
  };
}
