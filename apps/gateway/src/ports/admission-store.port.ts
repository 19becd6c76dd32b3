import type { CreatedOperation, CreateOperationOptions, OperationDocument, RegistryEntity } from '@iomt/domain';
import type { ArmSystemData } from '../arm/system-data';

/** A resource's systemData to store with its admission, keyed as the {@link SystemDataRepository} keys it. */
export interface SystemDataWrite {
  readonly subscriptionId: string;
  readonly resourceKey: string;
  readonly systemData: ArmSystemData;
}

/**
 * A creation's claim on its resource's name (the lower-cased ARM id): written with the new resource,
 * so that of two creations of one name racing each other only one is admitted.
 */
export interface NameClaimWrite {
  readonly subscriptionId: string;
  /** `resourceIdKey` of the resource's ARM id. */
  readonly resourceKey: string;
  /** The stored claim's ETag (an earlier creation of the name); absent when there is none. */
  readonly ifMatch?: string;
}

/** Options of {@link AdmissionStore.createWithResource}. */
export interface AdmissionWriteOptions extends CreateOperationOptions {
  /** ARM's systemData of the write, stored in the same batch. */
  readonly systemData?: SystemDataWrite;
  /** The name claim of a creation, in the same batch: 409 when one appeared, 412 when it changed since read. */
  readonly nameClaim?: NameClaimWrite;
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
