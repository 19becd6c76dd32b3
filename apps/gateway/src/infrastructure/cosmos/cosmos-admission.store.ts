import type { JSONObject } from '@azure/cosmos';
import type { CreatedOperation, OperationDocument, RegistryEntity } from '@iomt/domain';
import type { CosmosOperationRepository } from '@iomt/persistence';
import type { AdmissionStore, AdmissionWriteOptions } from '../../ports/admission-store.port';
import { systemDataDocument } from './cosmos-system-data.repository';

/** {@link AdmissionStore} on the account registry: the operation repository's batch, with the systemData document upserted alongside. */
export class CosmosAdmissionStore implements AdmissionStore {
  constructor(private readonly operations: CosmosOperationRepository) {}

  createWithResource(resource: RegistryEntity, operation: OperationDocument, options: AdmissionWriteOptions = {}): Promise<CreatedOperation> {
    const { systemData, ...rest } = options;
    const alongside = systemData === undefined ? [] : [systemDataDocument(systemData.subscriptionId, systemData.resourceKey, systemData.systemData) as unknown as JSONObject];
    return this.operations.createWithResource(resource, operation, { ...rest, alongside });
  }
}
