/**
 * Route paths of the ARM surface (Express matches them ignoring case, as ARM requires: arm-rpc.md
 * §1.1). Parameter names are the ones handlers read.
 */
const PROVIDER = 'providers/Microsoft.HealthcareApis';
const SUBSCRIPTION = 'subscriptions/:subscriptionId';
const RESOURCE_GROUP = `${SUBSCRIPTION}/resourceGroups/:resourceGroupName`;
const SERVICES = `${RESOURCE_GROUP}/${PROVIDER}/services`;
const SERVICE = `${SERVICES}/:fhirServiceName`;
const CONNECTORS = `${SERVICE}/iomtconnectors`;
const CONNECTOR = `${CONNECTORS}/:iomtConnectorName`;
const CONNECTIONS = `${CONNECTOR}/connections`;
const CONNECTION = `${CONNECTIONS}/:connectionName`;

export const ArmPath = {
  Subscription: SUBSCRIPTION,
  ServicesInSubscription: `${SUBSCRIPTION}/${PROVIDER}/services`,
  ServicesInResourceGroup: SERVICES,
  Service: SERVICE,
  Connectors: CONNECTORS,
  Connector: CONNECTOR,
  Mapping: `${CONNECTOR}/mappings/:mappingName`,
  Connections: CONNECTIONS,
  Connection: CONNECTION,
  ConnectionListKeys: `${CONNECTION}/listKeys`,
  ConnectionRegenerateKey: `${CONNECTION}/regenerateKey`,
  OperationStatus: `${SUBSCRIPTION}/${PROVIDER}/locations/:location/operationStatuses/:operationId`,
  OperationResult: `${SUBSCRIPTION}/${PROVIDER}/locations/:location/operationresults/:operationId`,
  CheckNameAvailability: `${SUBSCRIPTION}/${PROVIDER}/checkNameAvailability`,
  ValidateMedtechMappings: `${SUBSCRIPTION}/${PROVIDER}/validateMedtechMappings`,
  Operations: `${PROVIDER}/operations`,
} as const;
