import type { CreatedOperation, CreateOperationOptions, OperationDocument, RegistryEntity } from '@iomt/domain';
import type { ArmSystemData } from '../arm/system-data';

/** A resource's systemData to store with its admission, keyed as the {@link SystemDataRepository} keys it. */
export interface SystemDataWrite {
  readonly subscriptionId: string;
  readonly resourceKey: string;
  readonly systemData: ArmSystemData;
}

/** Options of {@link AdmissionStore.createWithResource}. */
export interface AdmissionWriteOptions extends CreateOperationOptions {
  /** ARM's systemData of the write, stored in the same batch. */
  readonly systemData?: SystemDataWrite;
}

/**
 * The admission's write: the resource, its Requested operation and the write's systemData in one
 * transactional batch of the subscription's partition (all or nothing, one round trip). Errors as
 * `OperationRepository.createWithResource`.
 */
export interface AdmissionStore {
  createWithResource(resource: RegistryEntity, operation: OperationDocument, options?: AdmissionWriteOptions): Promise<CreatedOperation>;
}

/** DI token of {@link AdmissionStore}. */
export const ADMISSION_STORE = Symbol('ADMISSION_STORE');
