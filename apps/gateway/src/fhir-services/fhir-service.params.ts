import { FhirServiceResourceId, fhirServiceResourceId } from '@iomt/domain';

/** Route parameters of `.../resourceGroups/{rg}/providers/Microsoft.HealthcareApis/services/{name}`. */
export interface FhirServiceParams {
  readonly subscriptionId: string;
  readonly resourceGroupName: string;
  readonly fhirServiceName: string;
}

/**
 * The typed id of the route; bad subscription, resource group or name are 400s with ARM codes. The
 * subscription id is lowercased: it is the store's partition key, and GUIDs carry no caller casing.
 */
export function fhirServiceIdOfParams(params: FhirServiceParams): FhirServiceResourceId {
  return fhirServiceResourceId({ ...params, subscriptionId: params.subscriptionId.toLowerCase() });
}
