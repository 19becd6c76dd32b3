import { HealthcareResourceId } from './healthcare-resource-id';
import { assertNewName, FHIR_SERVICE_NAME, IOMT_CONNECTION_NAME, IOMT_CONNECTOR_NAME } from './resource-name.rules';

/**
 * Checks the name of a resource a PUT is about to *create*: beyond the lookup rules applied by
 * parsing, FHIR service, connector and connection names must be lowercase (they end up in DNS
 * names). Updates of an existing resource addressed in other casing must not call this.
 */
export function assertNewResourceName(id: HealthcareResourceId): void {
  switch (id.kind) {
    case 'fhirService':
      assertNewName(FHIR_SERVICE_NAME, id.fhirServiceName, 'fhirServiceName');
      return;
    case 'iomtConnector':
      assertNewName(IOMT_CONNECTOR_NAME, id.iomtConnectorName, 'iomtConnectorName');
      return;
    case 'iomtConnection':
      assertNewName(IOMT_CONNECTION_NAME, id.connectionName, 'connectionName');
      return;
    default:
      // Mapping names are a fixed pair and operation ids are ours: nothing more to check.
      return;
  }
}
