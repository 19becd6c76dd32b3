import { IomtConnectionResourceId, iomtConnectionResourceId, IomtConnectorResourceId, iomtConnectorResourceId } from '@iomt/domain';

/** Route parameters of `.../iomtconnectors/{name}/connections/{connectionName}`. */
export interface IomtConnectionParams {
  readonly subscriptionId: string;
  readonly resourceGroupName: string;
  readonly fhirServiceName: string;
  readonly iomtConnectorName: string;
  readonly connectionName: string;
}

/** The typed ids of the route: the connection and its connector (subscription id lowercased, as stored). */
export function iomtConnectionIdsOfParams(params: IomtConnectionParams): {
  connection: IomtConnectionResourceId;
  connector: IomtConnectorResourceId;
} {
  const connection = iomtConnectionResourceId({ ...params, subscriptionId: params.subscriptionId.toLowerCase() });
  const { subscriptionId, resourceGroupName, fhirServiceName, iomtConnectorName } = connection;
  return { connection, connector: iomtConnectorResourceId({ subscriptionId, resourceGroupName, fhirServiceName, iomtConnectorName }) };
}
