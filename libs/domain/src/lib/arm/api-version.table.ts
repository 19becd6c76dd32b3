import { ErrorCode } from '../errors';
import { armValidationError, quoteInput } from './arm-error';
import { invalidApiVersionError, isMissingApiVersion, missingApiVersionError, tryParseApiVersion } from './api-version';
import {
  HEALTHCARE_APIS_NAMESPACE,
  HealthcareProviderEndpoint,
  HealthcareResourceType,
} from './healthcare-resource-types';

/**
 * Every public api-version of `Microsoft.HealthcareApis/services` (Azure API for FHIR): the package
 * tags of azure-rest-api-specs `specification/healthcareapis/resource-manager/Microsoft.HealthcareApis/
 * HealthcareApis/readme.md`, each of which carries the `services` paths.
 */
const SERVICES_API_VERSIONS = [
  '2018-08-20-preview',
  '2019-09-16',
  '2020-03-15',
  '2020-03-30',
  '2021-01-11',
  '2021-06-01-preview',
  '2021-11-01',
  '2022-01-31-preview',
  '2022-05-15',
  '2022-06-01',
  '2022-10-01-preview',
  '2022-12-01',
  '2023-02-28',
  '2023-09-06',
  '2023-11-01',
  '2023-12-01',
  '2024-03-01',
  '2024-03-31',
  '2025-03-01-preview',
  '2025-04-01-preview',
] as const;

/** The legacy IoMT connector types have one version, in the manifest of arm-rpc.md §2.1. */
const IOMT_API_VERSIONS = ['2020-05-01-preview'] as const;

/** Status URLs are polled with the api-version of the request that started the operation. */
const ALL_API_VERSIONS = [...SERVICES_API_VERSIONS, ...IOMT_API_VERSIONS].sort();

/** Supported api-versions per resource type or provider endpoint (type chain without namespace). */
export const SUPPORTED_API_VERSIONS: Readonly<
  Record<HealthcareResourceType | HealthcareProviderEndpoint, readonly string[]>
> = {
  [HealthcareResourceType.FhirService]: SERVICES_API_VERSIONS,
  [HealthcareResourceType.IomtConnector]: IOMT_API_VERSIONS,
  [HealthcareResourceType.IomtConnection]: IOMT_API_VERSIONS,
  [HealthcareResourceType.IomtMapping]: IOMT_API_VERSIONS,
  [HealthcareResourceType.OperationResult]: ALL_API_VERSIONS,
  [HealthcareResourceType.OperationStatus]: ALL_API_VERSIONS,
  [HealthcareProviderEndpoint.Operations]: ALL_API_VERSIONS,
  [HealthcareProviderEndpoint.CheckNameAvailability]: SERVICES_API_VERSIONS,
};

const VERSIONS_BY_LOWERCASE_TYPE: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries(SUPPORTED_API_VERSIONS).map(([type, versions]) => [type.toLowerCase(), versions]),
);

/**
 * The api-versions supported for a resource type such as `services/iomtconnectors` (matched
 * case-insensitively, with or without the `Microsoft.HealthcareApis/` prefix). An unknown type
 * throws `InvalidResourceType`.
 */
export function supportedApiVersions(resourceType: string): readonly string[] {
  const lower = resourceType.toLowerCase();
  const prefix = `${HEALTHCARE_APIS_NAMESPACE.toLowerCase()}/`;
  const versions = VERSIONS_BY_LOWERCASE_TYPE.get(lower.startsWith(prefix) ? lower.slice(prefix.length) : lower);
  if (versions === undefined) {
    throw armValidationError(
      ErrorCode.InvalidResourceType,
      `The resource type ${quoteInput(resourceType)} could not be found in the namespace '${HEALTHCARE_APIS_NAMESPACE}'.`,
      'type',
    );
  }
  return versions;
}

/**
 * Checks the `api-version` of a request for `resourceType` and returns it in the table's casing.
 * Missing → `MissingApiVersionParameter`; malformed or unsupported → `InvalidApiVersionParameter`
 * whose message lists the supported versions (arm-rpc.md §1.8); unknown type → `InvalidResourceType`.
 */
export function assertSupportedApiVersion(resourceType: string, apiVersion: unknown): string {
  const versions = supportedApiVersions(resourceType);
  if (isMissingApiVersion(apiVersion)) throw missingApiVersionError();
  // ARM treats api-version case-insensitively; the table holds lowercase versions.
  const requested = tryParseApiVersion(apiVersion)?.text.toLowerCase();
  const supported = versions.find((version) => version === requested);
  if (supported === undefined) throw invalidApiVersionError(apiVersion, versions);
  return supported;
}
