import {
  AccountSpecificStreamAnalyticsJob,
  createFhirServiceAccount,
  createIomtConnector,
  createStreamAnalyticsJobSecretMetadata,
  FhirServiceAccount,
  IomtConnector,
} from '@iomt/domain';
import { randomUUID } from 'node:crypto';

/** A fresh customer subscription id, so each test has its own partition. */
export const newSubscriptionId = (): string => randomUUID();

/** A FHIR service account in `subscriptionId`. */
export function anAccount(subscriptionId: string, name = 'fhir1', resourceGroupName = 'rg1'): FhirServiceAccount {
  return createFhirServiceAccount({ name, subscriptionId, resourceGroupName, location: 'westus2', kind: 'fhir-R4' });
}

/** An IoMT connector named `connectorName` under `account`. */
export function aConnector(account: FhirServiceAccount, connectorName = 'connector1'): IomtConnector {
  return createIomtConnector(account, { connectorName, location: 'westus2' });
}

/** The Stream Analytics job secret metadata of `connector`, last rotated at `rotatedAt`. */
export function aSecret(connector: IomtConnector, rotatedAt = new Date()): AccountSpecificStreamAnalyticsJob {
  return createStreamAnalyticsJobSecretMetadata(
    { ...connector, resourceGroupName: connector.resourceGroupName },
    rotatedAt,
  );
}
