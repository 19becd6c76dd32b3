import { Inject, Injectable } from '@nestjs/common';
import { FhirServiceAccount, FhirServiceResourceId, IomtConnector, IomtConnectorResourceId, OperationDocument } from '@iomt/domain';
import { ADMISSION_SNAPSHOTS, AdmissionSnapshots } from '../ports/admission-snapshot.port';
import { liveResource } from './resource-settled';

/** What a write on a FHIR service works from. */
export interface ServiceSnapshot {
  /** As stored: possibly Deprovisioned (gone for ARM, but its document is reused on re-creation). */
  readonly account?: FhirServiceAccount;
  readonly pending: readonly OperationDocument[];
}

/** What a write on a connector (or its mappings and connections) works from. */
export interface ConnectorSnapshot {
  readonly parent?: FhirServiceAccount;
  readonly connector?: IomtConnector;
  readonly pending: readonly OperationDocument[];
}

/** Reads, in one query, the live resources a write is about and the subscription's unfinished operations. */
@Injectable()
export class WriteSnapshots {
  constructor(@Inject(ADMISSION_SNAPSHOTS) private readonly snapshots: AdmissionSnapshots) {}

  async ofService(id: FhirServiceResourceId): Promise<ServiceSnapshot> {
    const { account, pending } = await this.snapshots.read(id.subscriptionId, id);
    return { account, pending };
  }

  async ofConnector(id: IomtConnectorResourceId): Promise<ConnectorSnapshot> {
    const { account, connector, pending } = await this.snapshots.read(id.subscriptionId, id);
    const parent = liveResource(account);
    return { parent, connector: parent === undefined ? undefined : liveResource(connector), pending };
  }
}
