import {
  FhirServiceResourceId,
  HealthcareResourceId,
  IomtConnectionResourceId,
  IomtConnectorResourceId,
  IomtMappingResourceId,
  OperationStatusResourceId,
  toHealthcareResourceId,
} from './healthcare-resource-id';
import { HEALTHCARE_APIS_NAMESPACE } from './healthcare-resource-types';
import { assertLocation } from './location';
import { parseIomtMappingName } from './mapping-name';
import { ArmResourceSegment, validateArmResourceId } from './resource-id';

/** Where a resource of ours lives. */
export interface ResourceGroupRef {
  readonly subscriptionId: string;
  readonly resourceGroupName: string;
}

/** Builds and validates a typed id; the same checks as parsing, so a built id always round-trips. */
function build<T extends HealthcareResourceId>(
  subscriptionId: string,
  resourceGroupName: string | undefined,
  resources: ArmResourceSegment[],
): T {
  const id = validateArmResourceId({
    subscriptionId,
    ...(resourceGroupName === undefined ? {} : { resourceGroupName }),
    providerNamespace: HEALTHCARE_APIS_NAMESPACE,
    resources,
  });
  return toHealthcareResourceId(id) as T;
}

function connectorChain(ref: { fhirServiceName: string; iomtConnectorName: string }): ArmResourceSegment[] {
  return [
    { type: 'services', name: ref.fhirServiceName },
    { type: 'iomtconnectors', name: ref.iomtConnectorName },
  ];
}

/** The id of a FHIR service (Azure API for FHIR account). Throws the parser's errors for bad names. */
export function fhirServiceResourceId(ref: ResourceGroupRef & { fhirServiceName: string }): FhirServiceResourceId {
  return build(ref.subscriptionId, ref.resourceGroupName, [{ type: 'services', name: ref.fhirServiceName }]);
}

/** The id of an IoMT connector under a FHIR service. */
export function iomtConnectorResourceId(
  ref: ResourceGroupRef & { fhirServiceName: string; iomtConnectorName: string },
): IomtConnectorResourceId {
  return build(ref.subscriptionId, ref.resourceGroupName, connectorChain(ref));
}

/** The id of a connection of an IoMT connector. */
export function iomtConnectionResourceId(
  ref: ResourceGroupRef & { fhirServiceName: string; iomtConnectorName: string; connectionName: string },
): IomtConnectionResourceId {
  return build(ref.subscriptionId, ref.resourceGroupName, [
    ...connectorChain(ref),
    { type: 'connections', name: ref.connectionName },
  ]);
}

/** The id of a mapping of an IoMT connector; the mapping name is written in its canonical casing. */
export function iomtMappingResourceId(
  ref: ResourceGroupRef & { fhirServiceName: string; iomtConnectorName: string; mappingName: string },
): IomtMappingResourceId {
  return build(ref.subscriptionId, ref.resourceGroupName, [
    ...connectorChain(ref),
    { type: 'mappings', name: parseIomtMappingName(ref.mappingName) },
  ]);
}

/**
 * The id behind an `Azure-AsyncOperation` (`operationStatus`) or `Location` (`operationResult`)
 * URL: subscription-scoped, so it outlives a deleted resource (arm-rpc.md §1.1). The location is
 * written normalised ("westus2").
 */
export function operationStatusResourceId(ref: {
  subscriptionId: string;
  location: string;
  operationId: string;
  kind: OperationStatusResourceId['kind'];
}): OperationStatusResourceId {
  const type = ref.kind === 'operationResult' ? 'operationresults' : 'operationstatuses';
  return build(ref.subscriptionId, undefined, [
    { type: 'locations', name: assertLocation(ref.location) },
    { type, name: ref.operationId },
  ]);
}
