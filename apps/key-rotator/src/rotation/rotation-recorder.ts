import {
  type AccountRegistryManagementRepository,
  type AccountSpecificStreamAnalyticsJob,
  ConcurrencyConflictError,
  ConflictError,
  DocumentType,
  recordRotation,
  ResourceNotFoundError,
} from '@iomt/domain';

/** Writes tried before giving up when the metadata keeps changing underneath (e.g. the force flag being set). */
export const MAX_RECORD_ATTEMPTS = 3;

/**
 * Records a finished rotation on the secret metadata (new slot, time, count, force flag cleared)
 * with optimistic concurrency: on a stale ETag it re-reads the metadata and applies the rotation
 * to the fresh copy, as long as that copy still names the slot the rotation started from.
 */
export class RotationRecorder {
  constructor(private readonly registry: AccountRegistryManagementRepository) {}

  async record(secret: AccountSpecificStreamAnalyticsJob, now: Date): Promise<AccountSpecificStreamAnalyticsJob> {
    let current = secret;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.registry.upsertChildResource(recordRotation(current, now), { ifMatch: current._etag });
      } catch (error) {
        if (!(error instanceof ConcurrencyConflictError) || attempt >= MAX_RECORD_ATTEMPTS) throw error;
        current = await this.reload(secret);
      }
    }
  }

  private async reload(secret: AccountSpecificStreamAnalyticsJob): Promise<AccountSpecificStreamAnalyticsJob> {
    const fresh = await this.registry.getChildResourceById(secret.subscriptionId, secret.id, DocumentType.AccountSpecificStreamAnalyticsJob);
    if (fresh === undefined) throw new ResourceNotFoundError(`The secret metadata ${secret.id} was deleted during the rotation`, { target: 'secret' });
    if (fresh.isUsingPrimaryKey !== secret.isUsingPrimaryKey) {
      throw new ConflictError(`The secret metadata ${secret.id} changed slot during the rotation`, { target: 'secret' });
    }
    return fresh;
  }
}
