import {
  createFhirServiceAccount,
  createIomtConnector,
  DocumentType,
  type FhirServiceAccount,
  type IomtConnector,
  type NewFhirServiceAccount,
  type NewIomtConnector,
} from '@iomt/domain';

/** The customer's subscription of the samples. */
export const CUSTOMER_SUBSCRIPTION_ID = '9a7c1f9e-3b2d-4c5e-8f60-1a2b3c4d5e6f';
/** The infrastructure subscription connectors are deployed into. */
export const INFRASTRUCTURE_SUBSCRIPTION_ID = 'c243745d-50bb-48d1-9e62-3f72efb3166c';
/** The region's shared App Service plan. */
export const APP_SERVICE_PLAN_ID = `/subscriptions/${INFRASTRUCTURE_SUBSCRIPTION_ID}/resourceGroups/rg-iomt-westus2/providers/Microsoft.Web/serverfarms/plan-iomt-westus2`;
/** An operation id as the gateway makes them. */
export const OPERATION_ID = '5b0a9f40-6a59-4d8e-9d2f-0f1e2d3c4b5a';

/** A FHIR service account in state Accepted. */
export function sampleFhirServiceAccount(overrides: Partial<NewFhirServiceAccount> = {}): FhirServiceAccount {
  return createFhirServiceAccount({
    id: 'hlvtf8c5mk3fjreha6tjexqu7',
    name: 'fhirsrv1',
    subscriptionId: CUSTOMER_SUBSCRIPTION_ID,
    resourceGroupName: 'rg-customer',
    location: 'westus2',
    kind: 'fhir-R4',
    ...overrides,
  });
}

/** An IoMT connector under {@link sampleFhirServiceAccount}, with the seed's defaults. */
export function sampleConnector(overrides: Partial<NewIomtConnector> = {}, parentName = 'fhirsrv1'): IomtConnector {
  return createIomtConnector(
    {
      id: 'hlvtf8c5mk3fjreha6tjexqu7',
      name: parentName,
      type: DocumentType.Account,
      subscriptionId: CUSTOMER_SUBSCRIPTION_ID,
      resourceGroupName: 'rg-customer',
    },
    { id: 'k2m9q7w1c4x8z6v3b5n0p2r4t', connectorName: 'iomt1', location: 'westus2', ...overrides },
  );
}
