import {
  createFhirServiceAccount,
  createIomtConnector,
  newConnectionOperation,
  newFhirAccountOperation,
  newIomtConnectorOperation,
  newMappingOperation,
  OperationType,
  type FhirServiceAccount,
  type IomtConnector,
  type OperationDocument,
} from '@iomt/domain';

export const SUBSCRIPTION = 'c243745d-50bb-48d1-9e62-3f72efb3166c';
export const RESOURCE_GROUP = 'rg-customer';
export const SERVICE_ID = `/subscriptions/${SUBSCRIPTION}/resourceGroups/${RESOURCE_GROUP}/providers/Microsoft.HealthcareApis/services/fhir1`;
export const CONNECTOR_ID = `${SERVICE_ID}/iomtconnectors/conn1`;

/** A FHIR service `fhir1` and its connector `conn1`, both Accepted. */
export function sampleResources(subscriptionId = SUBSCRIPTION): { account: FhirServiceAccount; connector: IomtConnector } {
  const account = createFhirServiceAccount({
    name: 'fhir1',
    subscriptionId,
    resourceGroupName: RESOURCE_GROUP,
    location: 'westus2',
    kind: 'fhir-R4',
  });
  const connector = createIomtConnector(account, { connectorName: 'conn1', location: 'westus2' });
  return { account, connector };
}

/** Builds operations on the sample resources, enqueued at `now` (+ `offsetMs`). */
export function operationsOn(resources: { account: FhirServiceAccount; connector: IomtConnector }, now = new Date('2026-01-01T00:00:00Z')) {
  const at = (offsetMs = 0) => ({ now: new Date(now.getTime() + offsetMs) });
  return {
    fhir: (type: OperationType, offsetMs?: number): OperationDocument =>
      newFhirAccountOperation(resources.account, type, at(offsetMs)),
    connector: (type: OperationType, offsetMs?: number): OperationDocument =>
      newIomtConnectorOperation(resources.connector, type, at(offsetMs)),
    mapping: (offsetMs?: number): OperationDocument =>
      newMappingOperation(resources.connector, 'deviceMapping', '{"templateType":"CollectionContent","template":[]}', at(offsetMs)),
    connection: (type: OperationType.CreateConnection | OperationType.DeleteConnection, offsetMs?: number): OperationDocument =>
      newConnectionOperation(resources.connector, type, 'writer', at(offsetMs)),
  };
}
