import {
  formatResourceId,
  HealthcareResourceType,
  IomtConnector,
  iomtConnectorResourceId,
  parseChildResourceName,
  provisioningStateOf,
  qualifiedResourceType,
} from '@iomt/domain';
import type { ArmSystemData } from '../arm/system-data';

/** The ARM id of a stored connector, in the casing its names were created with. */
export function iomtConnectorIdOf(connector: IomtConnector): string {
  const [fhirServiceName, iomtConnectorName] = parseChildResourceName(connector.name, 2);
  return formatResourceId(
    iomtConnectorResourceId({
      subscriptionId: connector.subscriptionId,
      resourceGroupName: connector.resourceGroupName,
      fhirServiceName,
      iomtConnectorName,
    }),
  );
}

function mappingOf(text: string | undefined): { content: unknown } | undefined {
  return text === undefined ? undefined : { content: JSON.parse(text) as unknown };
}

/**
 * An IoMT connector as the 2020-05-01-preview API shows it (arm-rpc.md §2.1 [inference]): a tracked
 * resource with `serviceConfiguration` and, when set, its two mappings' content.
 */
export function iomtConnectorRepresentation(connector: IomtConnector, systemData?: ArmSystemData): Record<string, unknown> {
  const { iomtProperties } = connector;
  const deviceMapping = mappingOf(iomtProperties.deviceMapping);
  const fhirMapping = mappingOf(iomtProperties.fhirMapping);
  return {
    id: iomtConnectorIdOf(connector),
    name: parseChildResourceName(connector.name, 2)[1],
    type: qualifiedResourceType(HealthcareResourceType.IomtConnector),
    location: connector.location,
    tags: connector.tags ?? {},
    ...(connector._etag === undefined ? {} : { etag: connector._etag }),
    ...(systemData === undefined ? {} : { systemData }),
    properties: {
      provisioningState: provisioningStateOf(connector.state),
      serviceConfiguration: iomtProperties.serviceConfiguration,
      ...(deviceMapping === undefined ? {} : { deviceMapping }),
      ...(fhirMapping === undefined ? {} : { fhirMapping }),
    },
  };
}
