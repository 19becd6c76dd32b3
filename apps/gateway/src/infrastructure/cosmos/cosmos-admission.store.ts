import type { JSONObject } from '@azure/cosmos';
import type { CreatedOperation, OperationDocument, RegistryEntity } from '@iomt/domain';
import type { AlongsideWrite, CosmosOperationRepository } from '@iomt/persistence';
import type { AdmissionStore, AdmissionWriteOptions } from '../../ports/admission-store.port';
import { nameClaimDocument } from './cosmos-name-claims';
import { systemDataDocument } from './cosmos-system-data.repository';

const asJson = (document: object) => document as unknown as JSONObject;

/**
 * {@link AdmissionStore} on the account registry: the operation repository's batch, with the name
 * claim (created, or replaced at the version read) and the systemData document (upserted) alongside.
 */
export class CosmosAdmissionStore implements AdmissionStore {
  constructor(private readonly operations: CosmosOperationRepository) {}

  createWithResource(resource: RegistryEntity, operation: OperationDocument, options: AdmissionWriteOptions = {}): Promise<CreatedOperation> {
    const { systemData, nameClaim, ...rest } = options;
    const alongside: AlongsideWrite[] = [];
    if (nameClaim !== undefined) {
      const document = asJson(nameClaimDocument(nameClaim.subscriptionId, nameClaim.resourceKey, resource.id));
      alongside.push(nameClaim.ifMatch === undefined ? { document, createOnly: true } : { document, ifMatch: nameClaim.ifMatch });
    }
    if (systemData !== undefined) alongside.push({ document: asJson(systemDataDocument(systemData.subscriptionId, systemData.resourceKey, systemData.systemData)) });
    return this.operations.createWithResource(resource, operation, { ...rest, alongside });
  }
}
