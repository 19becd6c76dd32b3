import type { AccountSpecificStreamAnalyticsJob } from '../model';
import type { CallOptions, PagedResult, PageOptions } from './call-options';

/** Secret metadata across subscriptions, for the key rotator (seed 004 `ISecretMetadata`). */
export interface SecretMetadataRepository {
  /**
   * Live metadata due for rotation: `forceRotation` set, or `secretLastRotated` at or before
   * `cutoff` (see the model's `rotationCutoff`). Crosses partitions; oldest first.
   */
  listDueForRotation(cutoff: Date, options?: PageOptions): Promise<PagedResult<AccountSpecificStreamAnalyticsJob>>;

  /**
   * Sets or clears the force flag of one secret.
   * @throws ResourceNotFoundError when it does not exist (or is deleted).
   */
  setForceRotation(
    subscriptionId: string,
    id: string,
    forceRotation: boolean,
    options?: CallOptions,
  ): Promise<AccountSpecificStreamAnalyticsJob>;
}

/** DI token of {@link SecretMetadataRepository}. */
export const SECRET_METADATA_REPOSITORY = Symbol.for('@iomt/domain:SecretMetadataRepository');
