import type { FhirServiceAccount, IomtConnector, OperationDocument } from '@iomt/domain';
import type { SubscriptionRegistration } from './subscription-registration.repository.port';

/** Which resources of a subscription a write is about. */
export interface SnapshotTarget {
  readonly resourceGroupName: string;
  readonly fhirServiceName: string;
  /** The connector's own name, for writes on a connector or below it. */
  readonly iomtConnectorName?: string;
}

/** What admitting a write needs to know, read at once. Absent resources are simply absent. */
export interface AdmissionSnapshot {
  /** Every unfinished operation of the subscription, oldest first. */
  readonly pending: readonly OperationDocument[];
  /** The FHIR service with that name in that resource group (live documents only). */
  readonly account?: FhirServiceAccount;
  /** The connector with that name under that FHIR service. */
  readonly connector?: IomtConnector;
  /** ARM's last notification about the subscription (its registration lives in the same partition). */
  readonly registration?: SubscriptionRegistration;
  /** The ETag of the name claim of the target (the connector when named, else the service), left by an earlier creation. */
  readonly nameClaimEtag?: string;
}

/**
 * One read of a subscription's partition for a write: its registration, its unfinished operations
 * and the documents the write is about. The domain's ports give these as two or three queries; on the write path one
 * query costs one round trip and one partition scan instead.
 */
export interface AdmissionSnapshots {
  read(subscriptionId: string, target: SnapshotTarget): Promise<AdmissionSnapshot>;
}

/** DI token of {@link AdmissionSnapshots}. */
export const ADMISSION_SNAPSHOTS = Symbol('ADMISSION_SNAPSHOTS');
