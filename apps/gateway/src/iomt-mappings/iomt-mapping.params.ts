import { IomtConnectorResourceId, iomtConnectorResourceId, IomtMappingResourceId, iomtMappingResourceId } from '@iomt/domain';

/** Route parameters of `.../iomtconnectors/{name}/mappings/{deviceMapping|fhirMapping}`. */
export interface IomtMappingParams {
  readonly subscriptionId: string;
  readonly resourceGroupName: string;
  readonly fhirServiceName: string;
  readonly iomtConnectorName: string;
  readonly mappingName: string;
}

/** The typed ids of the route: the mapping (its name canonical; another is 400 `InvalidResourceName`) and its connector. */
export function iomtMappingIdsOfParams(params: IomtMappingParams): { mapping: IomtMappingResourceId; connector: IomtConnectorResourceId } {
  const mapping = iomtMappingResourceId({ ...params, subscriptionId: params.subscriptionId.toLowerCase() });
  const { subscriptionId, resourceGroupName, fhirServiceName, iomtConnectorName } = mapping;
  return { mapping, connector: iomtConnectorResourceId({ subscriptionId, resourceGroupName, fhirServiceName, iomtConnectorName }) };
}
