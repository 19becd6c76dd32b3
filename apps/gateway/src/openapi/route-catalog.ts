import { HealthcareProviderEndpoint, HealthcareResourceType, SUBSCRIPTION_LIFECYCLE_API_VERSION, supportedApiVersions } from '@iomt/domain';
import { AdminPath } from '../admin/admin-paths';
import { ArmPath } from '../arm/arm-paths';

/** One route of the ARM surface, as the OpenAPI document describes it. */
export interface CatalogRoute {
  readonly method: 'get' | 'put' | 'patch' | 'delete' | 'post';
  readonly path: string;
  readonly operationId: string;
  readonly summary: string;
  /** Status codes of success; long-running ones carry the LRO headers. */
  readonly responses: readonly number[];
  readonly apiVersions: readonly string[];
  readonly body?: boolean;
}

const services = supportedApiVersions(HealthcareResourceType.FhirService);
const iomt = supportedApiVersions(HealthcareResourceType.IomtConnector);
const status = supportedApiVersions(HealthcareResourceType.OperationStatus);

const route = (
  method: CatalogRoute['method'],
  path: string,
  operationId: string,
  summary: string,
  responses: readonly number[],
  apiVersions: readonly string[],
  body = false,
): CatalogRoute => ({ method, path, operationId, summary, responses, apiVersions, body });

/** Every route the gateway serves under ARM and on the admin API (the health probes and this document aside). */
export const ROUTE_CATALOG: readonly CatalogRoute[] = [
  route('put', ArmPath.Subscription, 'Subscriptions_Notify', 'ARM subscription lifecycle notification', [200, 201, 202], [SUBSCRIPTION_LIFECYCLE_API_VERSION], true),
  route('get', ArmPath.Operations, 'Operations_List', 'Operations of the provider', [200], supportedApiVersions(HealthcareProviderEndpoint.Operations)),
  route('put', ArmPath.Service, 'Services_CreateOrUpdate', 'Create or update a FHIR service', [200, 201], services, true),
  route('patch', ArmPath.Service, 'Services_Update', 'Update tags, identity or public network access', [202], services, true),
  route('get', ArmPath.Service, 'Services_Get', 'Get a FHIR service', [200], services),
  route('delete', ArmPath.Service, 'Services_Delete', 'Delete a FHIR service', [202, 204], services),
  route('get', ArmPath.ServicesInResourceGroup, 'Services_ListByResourceGroup', 'FHIR services of a resource group', [200], services),
  route('get', ArmPath.ServicesInSubscription, 'Services_List', 'FHIR services of a subscription', [200], services),
  route('put', ArmPath.Connector, 'IotConnectors_CreateOrUpdate', 'Create or update an IoMT connector', [200, 201], iomt, true),
  route('get', ArmPath.Connector, 'IotConnectors_Get', 'Get an IoMT connector', [200], iomt),
  route('delete', ArmPath.Connector, 'IotConnectors_Delete', 'Delete an IoMT connector', [202, 204], iomt),
  route('get', ArmPath.Connectors, 'IotConnectors_ListByService', 'IoMT connectors of a FHIR service', [200], iomt),
  route('put', ArmPath.Mapping, 'IotConnectorMappings_CreateOrUpdate', 'Set a device or FHIR mapping', [200, 201], iomt, true),
  route('get', ArmPath.Mapping, 'IotConnectorMappings_Get', 'Get a device or FHIR mapping', [200], iomt),
  route('put', ArmPath.Connection, 'IotConnectorConnections_CreateOrUpdate', 'Create a connection', [200, 201], iomt, true),
  route('get', ArmPath.Connection, 'IotConnectorConnections_Get', 'Get a connection', [200], iomt),
  route('delete', ArmPath.Connection, 'IotConnectorConnections_Delete', 'Delete a connection', [202, 204], iomt),
  route('get', ArmPath.Connections, 'IotConnectorConnections_List', 'Connections of an IoMT connector', [200], iomt),
  route('post', ArmPath.ConnectionListKeys, 'IotConnectorConnections_ListKeys', 'Keys of a connection', [200], iomt),
  route('post', ArmPath.ConnectionRegenerateKey, 'IotConnectorConnections_RegenerateKey', 'Regenerate a key of a connection', [200], iomt, true),
  route('get', ArmPath.OperationStatus, 'OperationStatuses_Get', 'Status of a long-running operation', [200], status),
  route('get', ArmPath.OperationResult, 'OperationResults_Get', 'Result of a long-running operation', [200, 202, 204], status),
  route('post', ArmPath.CheckNameAvailability, 'Services_CheckNameAvailability', 'Is a FHIR service name available', [200], services, true),
  route('post', ArmPath.ValidateMedtechMappings, 'Services_ValidateMedtechMappings', 'Validate MedTech mappings', [200], services, true),
  // The operators' admin API: its own credential (ADMIN_TOKEN or an Entra ID admin role); ARM's gets 403.
  route('post', AdminPath.ConnectorRotateKeys, 'Admin_IotConnectors_RotateKeys', 'Admin only: force a key rotation of an IoMT connector', [202], iomt),
  route('get', AdminPath.OperationStatus, 'Admin_OperationStatuses_Get', 'Admin only: status of an operation started on the admin API', [200], status),
  route('get', AdminPath.OperationResult, 'Admin_OperationResults_Get', 'Admin only: result of an operation started on the admin API', [200, 202, 204], status),
];
