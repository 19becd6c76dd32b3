import { IomtConnectorResourceId, iomtConnectorResourceId } from '@iomt/domain';

/** Route parameters of `.../services/{fhir}/iomtconnectors/{name}`. */
export interface IomtConnectorParams {
  readonly subscriptionId: string;
  readonly resourceGroupName: string;
  readonly fhirServiceName: string;
  readonly iomtConnectorName: string;
}

/** The typed id of the route (ARM codes for bad parts); the subscription id lowercased, as stored. */
export function iomtConnectorIdOfParams(params: IomtConnectorParams): IomtConnectorResourceId {
  return iomtConnectorResourceId({ ...params, subscriptionId: params.subscriptionId.toLowerCase() });
}
