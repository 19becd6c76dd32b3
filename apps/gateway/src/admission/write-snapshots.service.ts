import { Inject, Injectable } from '@nestjs/common';
import { FhirServiceAccount, FhirServiceResourceId, IomtConnector, IomtConnectorResourceId, OperationDocument } from '@iomt/domain';
import { ADMISSION_SNAPSHOTS, AdmissionSnapshots } from '../ports/admission-snapshot.port';
import { liveResource } from './resource-settled';
import { AccessKind, SubscriptionAccess } from './subscription-access.service';

/** What a write on a FHIR service works from. */
export interface ServiceSnapshot {
  /** As stored: possibly Deprovisioned (gone for ARM, but its document is reused on re-creation). */
  readonly account?: FhirServiceAccount;
  readonly pending: readonly OperationDocument[];
  /** The ETag of the service name's claim left by an earlier creation, if any. */
  readonly nameClaimEtag?: string;
}

/** What a write on a connector (or its mappings and connections) works from. */
export interface ConnectorSnapshot {
  readonly parent?: FhirServiceAccount;
  readonly connector?: IomtConnector;
  readonly pending: readonly OperationDocument[];
  /** The ETag of the connector name's claim left by an earlier creation, if any. */
  readonly nameClaimEtag?: string;
}

/**
 * Reads, in one query, the live resources a write is about, the subscription's unfinished operations
 * and its registration. Given the kind of `access`, refuses a request the subscription's state does
 * not allow (`SubscriptionAccess`) before anything else is looked at.
 */
@Injectable()
export class WriteSnapshots {
  constructor(
    @Inject(ADMISSION_SNAPSHOTS) private readonly snapshots: AdmissionSnapshots,
    private readonly access: SubscriptionAccess,
  ) {}

  async ofService(id: FhirServiceResourceId, access: AccessKind = 'read'): Promise<ServiceSnapshot> {
    const { account, pending, registration, nameClaimEtag } = await this.snapshots.read(id.subscriptionId, id);
    this.access.assertAllowedGiven(id.subscriptionId, registration, access);
    return { account, pending, nameClaimEtag };
  }

  async ofConnector(id: IomtConnectorResourceId, access: AccessKind = 'read'): Promise<ConnectorSnapshot> {
    const { account, connector, pending, registration, nameClaimEtag } = await this.snapshots.read(id.subscriptionId, id);
    this.access.assertAllowedGiven(id.subscriptionId, registration, access);
    const parent = liveResource(account);
    return { parent, connector: parent === undefined ? undefined : liveResource(connector), pending, nameClaimEtag };
  }
}
