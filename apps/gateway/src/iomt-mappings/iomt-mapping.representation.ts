import {
  ArmProvisioningState,
  formatResourceId,
  HealthcareResourceType,
  IomtConnector,
  iomtMappingResourceId,
  IomtMappingName,
  parseChildResourceName,
  qualifiedResourceType,
} from '@iomt/domain';
import type { ArmSystemData } from '../arm/system-data';

/** The ARM id of a connector's mapping, in the casing the connector's names were created with. */
export function iomtMappingIdOf(connector: IomtConnector, mappingName: IomtMappingName): string {
  const [fhirServiceName, iomtConnectorName] = parseChildResourceName(connector.name, 2);
  const { subscriptionId, resourceGroupName } = connector;
  return formatResourceId(iomtMappingResourceId({ subscriptionId, resourceGroupName, fhirServiceName, iomtConnectorName, mappingName }));
}

/** A connector's mapping (a proxy resource): `properties.content` is the template as JSON. */
export function iomtMappingRepresentation(
  connector: IomtConnector,
  mappingName: IomtMappingName,
  text: string,
  provisioningState: ArmProvisioningState,
  systemData?: ArmSystemData,
): Record<string, unknown> {
  return {
    id: iomtMappingIdOf(connector, mappingName),
    name: mappingName,
    type: qualifiedResourceType(HealthcareResourceType.IomtMapping),
    ...(systemData === undefined ? {} : { systemData }),
    properties: { provisioningState, content: JSON.parse(text) as unknown },
  };
}
