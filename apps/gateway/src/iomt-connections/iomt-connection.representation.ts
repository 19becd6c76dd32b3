import {
  ArmProvisioningState,
  formatResourceId,
  HealthcareResourceType,
  IomtConnector,
  iomtConnectionResourceId,
  OperationDocument,
  OperationType,
  parseChildResourceName,
  qualifiedResourceType,
  ResourceTypeName,
} from '@iomt/domain';
import type { ArmSystemData } from '../arm/system-data';

/** The connection names of a connector (its write-only device policies), in the casing they were created with. */
export function connectionNamesOf(connector: IomtConnector): readonly string[] {
  return connector.eventHub.deviceWritePolicyNames;
}

/** The stored spelling of a connection name, matched ignoring case, or undefined. */
export function storedConnectionName(connector: IomtConnector, name: string): string | undefined {
  return connectionNamesOf(connector).find((candidate) => candidate.toLowerCase() === name.toLowerCase());
}

/** The unfinished operation on a connection, if any. */
export function pendingConnectionOperation(
  pending: readonly OperationDocument[],
  connectorId: string,
  name: string,
  type?: OperationType,
): OperationDocument | undefined {
  return pending.find(
    (operation) =>
      operation.resourceTypeName === ResourceTypeName.IomtConnectorConnection &&
      operation.iomtConnectorId === connectorId &&
      operation.connectionName.toLowerCase() === name.toLowerCase() &&
      (type === undefined || operation.provisioningOperation === type),
  );
}

/** The ARM id of a connector's connection. */
export function iomtConnectionIdOf(connector: IomtConnector, connectionName: string): string {
  const [fhirServiceName, iomtConnectorName] = parseChildResourceName(connector.name, 2);
  const { subscriptionId, resourceGroupName } = connector;
  return formatResourceId(iomtConnectionResourceId({ subscriptionId, resourceGroupName, fhirServiceName, iomtConnectorName, connectionName }));
}

/** A connection (a proxy resource; arm-rpc.md §2.1 [inference]): its location is its connector's. */
export function iomtConnectionRepresentation(
  connector: IomtConnector,
  connectionName: string,
  provisioningState: ArmProvisioningState,
  systemData?: ArmSystemData,
): Record<string, unknown> {
  return {
    id: iomtConnectionIdOf(connector, connectionName),
    name: connectionName,
    type: qualifiedResourceType(HealthcareResourceType.IomtConnection),
    location: connector.location,
    ...(systemData === undefined ? {} : { systemData }),
    properties: { provisioningState },
  };
}
